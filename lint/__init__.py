"""kpss linter: reads records/, validates them against schemas/, checks consistency."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
