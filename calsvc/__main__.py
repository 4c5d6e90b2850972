"""`python -m calsvc` runs the command line."""

from .cli import main

main()
