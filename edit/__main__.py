"""`python -m edit`: scaffolds for new records and the record formatter."""

from __future__ import annotations

import sys

from edit.cli import main

if __name__ == "__main__":
    sys.exit(main())
