"""The editorial workflow in the real Decap CMS: with decap-server in git mode over a temporary
clone, saving a new person in the form makes a branch with one commit (what becomes a pull
request on GitHub or GitLab) and leaves the main branch alone; that branch, settled as the
pull-request workflow settles it, lints clean."""

from __future__ import annotations

import subprocess
import time
from collections import Counter
from pathlib import Path

from edit.cli import main as edit_main
from tests.web import test_cms as cms
from tests.web.test_cms import _open, _pick, _problems, _shots, _warnings

# The browser, the clone, the site and the server of test_cms, here with DECAP_MODE "git".
clone, backend, site, page, baseline = cms.clone, cms.backend, cms.site, cms.page, cms.baseline

DECAP_MODE = "git"
BRANCH = "cms/people/jana-novakova"
PERSON = "records/people/jana-novakova.yaml"


def git(clone: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=clone, capture_output=True, text=True,
                          check=True, timeout=60).stdout


def test_a_new_person_is_saved_as_a_branch_for_review(page, clone: Path,
                                                      baseline: Counter[tuple[str, str]],
                                                      tmp_path: Path) -> None:
    head = git(clone, "rev-parse", "HEAD")
    _open(page, "collections/people/new", "Příjmení")
    page.get_by_label("Jméno, jak ho uvádí zápis", exact=True).fill("Jana Nováková")
    page.get_by_label("Křestní jméno (volitelný)").fill("Jana")
    page.get_by_label("Příjmení", exact=True).fill("Nováková")
    _pick(page, page, "Organizace (volitelný)", "Liberec", "Statutární město Liberec")
    _shots(page, "5-nova-osoba")
    page.get_by_role("button", name="Uložit", exact=True).click()
    page.get_by_text("Položka uložena").first.wait_for()
    for _ in range(100):  # bounded: the server answers before its git work is done
        if _commits(clone) == 1 and not git(clone, "status", "--porcelain"):
            break
        time.sleep(0.1)
    assert _commits(clone) == 1
    assert git(clone, "rev-parse", "HEAD") == head  # main untouched until a maintainer merges
    assert not (clone / PERSON).exists()
    review = tmp_path / "review"
    git(clone, "worktree", "add", "--quiet", str(review), BRANCH)
    assert edit_main(["settle", "--root", str(review), str(review / PERSON)]) == 0
    text = (review / PERSON).read_text("utf-8")
    assert "id: jana-novakova\nname: Jana Nováková\n" in text
    assert "organisation: sml\n" in text
    assert _warnings(review) - baseline == Counter()
    assert [p for p in _problems(review) if p.severity.name == "ERROR"] == []


def _commits(clone: Path) -> int:
    """Commits on the CMS's branch for the new person that main does not have."""
    if BRANCH not in git(clone, "branch", "--list", "cms/*"):
        return 0
    return int(git(clone, "rev-list", "--count", f"HEAD..{BRANCH}"))

