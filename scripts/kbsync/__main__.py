"""`python -m kbsync`: the same entry point as the `kbsync` console script."""

import sys

from kbsync.cli import main

sys.exit(main())
