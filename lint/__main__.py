"""`python -m lint`: check the records and report problems."""

from __future__ import annotations

import sys

from lint import cli

if __name__ == "__main__":
    cli.PROCESS_ENDS_WITH_RUN = True
    sys.exit(cli.main())
