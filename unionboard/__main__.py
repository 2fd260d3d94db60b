"""Entry point for `python -m unionboard`."""

import sys

from .cli import main

sys.exit(main())
