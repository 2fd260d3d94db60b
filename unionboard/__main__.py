"""Entry point for `python -m unionboard`."""

import sys

from unionboard.cli.main import main

sys.exit(main())
