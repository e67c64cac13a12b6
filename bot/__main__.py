"""`python -m bot` is the `meldbot` command."""

import sys

from bot.cli import main

sys.exit(main())
