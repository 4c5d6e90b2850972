"""A server's state: the catalogue in service and its reloads (service.py), the snapshot that
lets a restart answer at once (snapshot.py), and who may serve a store and a port
(owners.py). Imports the pipeline and the store below it, never a front end."""
