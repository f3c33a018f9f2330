"""`leidraad changelog`: the content diff per quarter, as markdown.

The quarters are bounded by the tags of the repository (e.g. `v2026-Q3`) when it has any, otherwise
by the commits that stamped a review date, otherwise by calendar quarter of the commits that touched
the content (the first quarter starts at the first content commit). The last section runs from the
last boundary to the content as it is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leidraad.content.load import LoadResult, load_folder
from leidraad.versions.diff import diff_models, is_empty
from leidraad.versions.git_source import REVIEW_LINE, Repository, load_revision, resolve, run_git, tags
from leidraad.versions.report import format_markdown


@dataclass(frozen=True)
class Boundary:
    label: str
    commit: str | None  # None: the content folder as it is on disk


def quarter_of(date: str) -> str:
    year, month = date[:4], int(date[5:7])
    return f"{year}-Q{(month - 1) // 3 + 1}"


def _review_commits(repo: Repository) -> list[Boundary]:
    out = run_git(repo.root, "log", "--reverse", "--format=%H %cs", "-G", REVIEW_LINE, "--", repo.prefix or ".")
    return [Boundary(f"review {line.split()[1]}", line.split()[0]) for line in out.decode().splitlines() if line]


def _quarter_commits(repo: Repository) -> list[Boundary]:
    """The first content commit, then the last commit of every calendar quarter in which the content
    changed, oldest first: the first quarter runs from the first content to the end of that quarter."""
    out = run_git(repo.root, "log", "--reverse", "--format=%H %h %cs", "--", repo.prefix or ".")
    commits = [line.split() for line in out.decode().splitlines() if line]
    if not commits:
        return []
    last: dict[str, tuple[str, str]] = {}
    for sha, short, date in commits:
        last[quarter_of(date)] = (sha, short)
    first_sha, first_short, _ = commits[0]
    found = [Boundary(f"begin ({first_short})", first_sha)]
    return found + [Boundary(f"{quarter} ({short})", sha) for quarter, (sha, short) in last.items()]


def boundaries(repo: Repository, since: str | None = None) -> list[Boundary]:
    found = [Boundary(name, sha) for name, sha in tags(repo)] or _review_commits(repo) or _quarter_commits(repo)
    if since:
        start = resolve(repo, since)
        ancestors = set(run_git(repo.root, "rev-list", start).decode().split())
        found = [Boundary(since, start)] + [b for b in found if b.commit not in ancestors]
    return found


def changelog(repo: Repository, content: str | Path, since: str | None = None, level: int = 2) -> str:
    """Markdown: one section per quarter, newest first; quarters without content change are left out."""
    marks = boundaries(repo, since)
    if not marks:
        return "Geen versies gevonden.\n"
    loaded: dict[str | None, LoadResult] = {}

    def load(boundary: Boundary) -> LoadResult:
        if boundary.commit not in loaded:
            loaded[boundary.commit] = load_revision(repo, boundary.commit) if boundary.commit else load_folder(content)
        return loaded[boundary.commit]

    sections = []
    pairs = list(zip(marks, [*marks[1:], Boundary("werkmap", None)], strict=True))
    for old, new in reversed(pairs):
        if old.commit == new.commit:
            continue
        before, after = load(old).model, load(new).model
        diff = diff_models(before, after, old.label, new.label)
        if not is_empty(diff):
            sections.append(format_markdown(diff, before, after, level))
    return "\n".join(sections) if sections else "Geen inhoudelijke wijzigingen.\n"
