"""Output formats: each one module that renders a selection of the catalogue in service.

Every format is a `Format` (base.py): a name, a media type, a file extension, whether it is a
calendar feed, and how it renders a selection. `registry.FORMATS` lists them; the routes, the
static export, the API and the pages iterate over it, so a new format is one module here and
one line in the registry.
"""
