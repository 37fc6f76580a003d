"""Let `python -m verifier` run the command line."""

from verifier.cli import main

main()
