"""A fresh clone tests itself: no file of the project reads the shared folder beside the checkout."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT

# A path into the folder beside the checkout (the parent folder's 'shared'), in any of the usual spellings.
READS_SHARED = re.compile(r"\.\./shared\b|parent\s*/\s*[\"']shared[\"']|[\"']shared[\"']\s*/|/work/shared")


def test_no_file_reads_the_shared_folder() -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert len(files) > 100
    offenders = []
    for name in files:
        if name == "tests/architecture/test_self_contained.py":
            continue
        path = ROOT / name
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        offenders += [f"{name}:{n}" for n, line in enumerate(text.splitlines(), 1) if READS_SHARED.search(line)]
    assert offenders == []


def test_the_pattern_catches_the_old_ways_in() -> None:
    name = "sha" + "red"  # spelled in two parts so that this file itself is not a reader
    for line in (f'X = ROOT.parent / "{name}"', f"cat ../{name}/domain/bronnen.md", f"open('/work/{name}/x')"):
        assert READS_SHARED.search(line), line
