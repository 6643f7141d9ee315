"""`python -m avvlint.cli`."""

from . import main

main(prog_name="avvlint")
