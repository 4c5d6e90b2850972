"""The catalogue in service and what it is indexed by: every entry served (catalogue.py), its
index by conference, day, track and kind (index.py), search (search.py), the names of feeds
(naming.py), days and zones (spans.py), short ids (shortids.py) and what a request selects
(selection.py). Imports the model below it, nothing that reads, renders or serves."""
