"""The command line: python -m unionboard ..."""
