"""`python -m avvlint.cli`."""

from . import main

if __name__ == "__main__":  # worker processes re-import the main module
    main(prog_name="avvlint")
