"""What each command does, one module per group of commands (`python -m generator COMMAND`); `cli.py`
reads the command line and calls them."""
