"""The floor of any YAML linter: read every record file and compose it with libyaml, nothing
else. Run as its own process, like the tools it is compared with:

    python -m bench.floor RECORDS_DIR
"""

from __future__ import annotations

import os
import sys

import yaml


def files(folder: str) -> list[str]:
    """Every .yaml file below `folder`."""
    return sorted(os.path.join(path, name) for path, _dirs, names in os.walk(folder)
                  for name in names if name.endswith(".yaml"))


def main(argv: list[str]) -> int:
    count = 0
    for path in files(argv[0]):
        with open(path, encoding="utf-8") as handle:
            yaml.compose(handle.read(), Loader=yaml.CBaseLoader)
        count += 1
    print(f"{count} files composed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
