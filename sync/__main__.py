"""`python -m sync`: see sync/cli.py."""

from __future__ import annotations

import sys

from sync import cli

if __name__ == "__main__":
    cli.PROCESS_ENDS_WITH_RUN = True
    sys.exit(cli.main())
