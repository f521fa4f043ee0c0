"""`python -m converter`: the xbrlconv command line."""

from .cli import main

main()
