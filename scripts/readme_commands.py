"""Run the README's first two commands the way a newcomer would, so they cannot rot (.ci/run).

    python3 scripts/readme_commands.py

The first command (the main job) runs exactly as the README writes it, with `-- --once` added so
the server stops after the push, in a clean environment: `env -i PATH=/usr/bin:/bin HOME=<empty
folder>`, i.e. only the system's own Python. The second (the tests) runs as written, in CI's
environment (the browsers and servers other scripts installed). tests/test_readme.py reads the
same two lines with the same function. Standard library only: it runs before anything is set up.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
ONCE = " -- --once"
CLEAN_PATH = "PATH=/usr/bin:/bin"


def commands(readme: str) -> list[str]:
    """The commands of the README's first ```sh block, without their comments."""
    block = re.search(r"^```sh\n(.*?)^```", readme, re.MULTILINE | re.DOTALL)
    if block is None:
        return []
    lines = (line.split("  #", 1)[0].strip() for line in block.group(1).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def main() -> int:
    main_job, tests = commands(README.read_text(encoding="utf-8"))[:2]
    with tempfile.TemporaryDirectory(prefix="kpss-home-") as home:
        clean = ["env", "-i", CLEAN_PATH, f"HOME={home}", "sh", "-c", main_job + ONCE]
        print(f"$ {main_job}{ONCE}   (env -i {CLEAN_PATH} HOME={home})", flush=True)
        code = subprocess.run(clean, cwd=ROOT, check=False).returncode
    if code != 0:
        return code
    print(f"$ {tests}", flush=True)
    return subprocess.run(["sh", "-c", tests], cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
