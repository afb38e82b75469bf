"""`python -m web build --out DIR`: see web/cli.py."""

from __future__ import annotations

import sys

from web.cli import main

if __name__ == "__main__":
    sys.exit(main())
