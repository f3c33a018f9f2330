"""Fuzz: random edits to copies of the real content never take the checker down.

Given a copy of the real content, when one file is mutated the way editors slip (a line deleted,
duplicated, re-indented or swapped; a value replaced by a list, a mapping, a number, null or a
YAML tag; the file truncated or emptied), then `check_folder` returns (no exception escapes, no rule
fails internally), within 5 s, and every process of the other files still loads.

Hypothesis drives the edits with a fixed seed, so a run is reproducible; CI runs
LTV_FUZZ_EXAMPLES (default 500) mutants, a local run may ask for many more.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from leidraad.checks.folder import check_folder
from leidraad.checks.report import build_report
from leidraad.checks.rules import RULES
from tests.conftest import CONTENT

EXAMPLES = int(os.environ.get("LTV_FUZZ_EXAMPLES", "500"))
TIME_LIMIT_S = 5.0
REPLACEMENTS = [
    "[een, lijst]",
    "{een: mapping}",
    "42",
    "3.5",
    "null",
    "~",
    '""',
    "[]",
    "!!binary aGFsbG8=",
    "!!python/object:os.system ls",
    "!!python/object/apply:os.system [ls]",
    "!!set {a: null}",
    "&anker waarde",
    "*alias",
]
KINDS = ("delete", "duplicate", "reindent", "replace-value", "truncate", "empty", "swap")


@pytest.fixture(scope="module")
def content_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[Path, str], dict[str, Path]]:
    folder = tmp_path_factory.mktemp("fuzz") / "processes"
    shutil.copytree(CONTENT, folder)
    originals = {p: p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yaml"))}
    baseline = check_folder(folder)
    assert not [p for p in baseline.problems if p.is_error], "the real content must be clean to fuzz it"
    owner = {pid: Path(p.place.file).resolve() for pid, p in baseline.model.processes.items()}
    return folder, originals, owner


def mutate(text: str, kind: str, a: int, b: int, choice: int, spaces: int) -> str:
    lines = text.splitlines(keepends=True)
    if kind == "empty" or not lines:
        return ""
    i, j = a % len(lines), b % len(lines)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "reindent":
        stripped = lines[i].lstrip(" ")
        indent = len(lines[i]) - len(stripped)
        lines[i] = ("\t" if spaces == 0 else " " * max(0, indent + spaces - 3)) + stripped
    elif kind == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "replace-value":
        candidates = [k for k, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
        if candidates:
            k = candidates[a % len(candidates)]
            key = lines[k].split(": ", 1)[0]
            lines[k] = f"{key}: {REPLACEMENTS[choice % len(REPLACEMENTS)]}\n"
    elif kind == "truncate":
        return text[: a % max(1, len(text))]
    return "".join(lines)


def test_mutated_content_never_takes_the_checker_down(content_copy) -> None:
    folder, originals, owner = content_copy
    files = list(originals)
    counts: Counter[str] = Counter()
    slowest = [0.0]

    @seed(20261201)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        file_index=st.integers(0, len(files) - 1),
        kind=st.sampled_from(KINDS),
        a=st.integers(0, 10_000),
        b=st.integers(0, 10_000),
        choice=st.integers(0, len(REPLACEMENTS) - 1),
        spaces=st.integers(0, 6),
    )
    def one_mutant(file_index: int, kind: str, a: int, b: int, choice: int, spaces: int) -> None:
        path = files[file_index]
        path.write_text(mutate(originals[path], kind, a, b, choice, spaces), encoding="utf-8")
        try:
            started = time.perf_counter()
            result = check_folder(folder)  # must not raise
            build_report(result)
            elapsed = time.perf_counter() - started
        finally:
            path.write_text(originals[path], encoding="utf-8")
        counts[kind] += 1
        slowest[0] = max(slowest[0], elapsed)
        assert elapsed < TIME_LIMIT_S, f"{kind} of {path.name} took {elapsed:.1f} s"
        internal = [p.format() for p in result.problems if p.rule_id == "internal"]
        assert internal == [], internal
        assert {p.rule_id for p in result.problems} <= set(RULES)
        missing = [pid for pid, file in owner.items() if file != path.resolve() and pid not in result.model.processes]
        assert missing == [], f"{kind} of {path.name} lost other processes: {missing}"

    one_mutant()
    total = sum(counts.values())
    print(f"\nfuzz: {total} mutants ({dict(sorted(counts.items()))}), slowest check {slowest[0]:.2f} s")
    assert total >= min(EXAMPLES, 500)
