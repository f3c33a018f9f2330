"""`leidraad review-status`: every process with its last review, the commits since and whether it is due."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from leidraad.model import Model
from leidraad.versions.git_source import Repository, VersionError, commit_of_line, commits_since
from leidraad.versions.review import ReviewStatus, review_due


def _repo_path(repo: Repository, file: str) -> str:
    return os.path.relpath(Path(file).resolve(), repo.root.resolve())


def changes_since_review(repo: Repository, file: str, reviewed: str | None) -> int | None:
    """Commits that changed the file after the commit that wrote its current review date.

    No review yet: every commit of the file. A stamp not committed yet: 0 (the review is now)."""
    path = _repo_path(repo, file)
    try:
        if not reviewed:
            return commits_since(repo, None, path)
        stamp = commit_of_line(repo, path, f"reviewed: {reviewed}")
        return commits_since(repo, stamp, path) if stamp else 0
    except VersionError:
        return None


def review_status(model: Model, repo: Repository | None, today: dt.date | None = None) -> list[ReviewStatus]:
    return [
        ReviewStatus(
            process=p.id,
            title=p.title,
            file=p.place.file,
            reviewed=p.reviewed,
            due=review_due(p.reviewed, today),
            changes_since=changes_since_review(repo, p.place.file, p.reviewed) if repo else None,
        )
        for p in model.process_list()
    ]


def format_status(rows: list[ReviewStatus]) -> str:
    width = max((len(r.process) for r in rows), default=10)
    lines = [f"{'proces':<{width}}  {'laatste review':<14}  {'wijzigingen':>11}  status"]
    for r in rows:
        changes = "?" if r.changes_since is None else str(r.changes_since)
        status = "REVIEW NODIG" if r.due else "ok"
        lines.append(f"{r.process:<{width}}  {r.reviewed or 'nooit':<14}  {changes:>11}  {status}")
    due = sum(r.due for r in rows)
    lines.append(
        f"{len(rows)} processen, {due} met review nodig (niet beoordeeld in de afgelopen drie maanden); "
        "'wijzigingen' telt de commits aan het bestand sinds de laatste review"
        + ("" if all(r.changes_since is not None for r in rows) else " ('?': geen git)")
    )
    return "\n".join(lines) + "\n"
