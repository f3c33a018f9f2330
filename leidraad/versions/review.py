"""The quarterly review of the editorial board: the `reviewed:` stamp and which processes are due.

Stamping edits one line of the process file (or inserts one), so every other byte, comments and
layout included, stays as the editor wrote it; the result is parsed again and must differ from the
original in that one value only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from leidraad.content.yaml_source import parse_yaml, read_text

REVIEW_MONTHS = 3
_TOP_KEY = re.compile(r"^(reviewed:)([ \t]*)([^#\r\n]*?)([ \t]+#[^\r\n]*)?(\r?\n|$)", re.MULTILINE)
_ANCHORS = ("sources_as_of:", "lanes:", "target_groups:", "sources:", "nodes:")


class ReviewError(ValueError):
    """A stamp that cannot be written; the message is Dutch and meant for the editor."""


def parse_date(text: str) -> dt.date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ReviewError(f"'{text}' is geen geldige datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2026-10-01)") from None


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def next_review(reviewed: str | None) -> dt.date | None:
    """The date by which the next review is due: three months after the last one."""
    if not reviewed:
        return None
    try:
        return add_months(parse_date(reviewed), REVIEW_MONTHS)
    except ReviewError:
        return None


def review_due(reviewed: str | None, today: dt.date | None = None) -> bool:
    """Whether a process was not reviewed in the last quarter (or never, or with an unreadable date)."""
    due = next_review(reviewed)
    return due is None or due < (today or dt.date.today())


def review_label(reviewed: str | None) -> str:
    """The Dutch flag the app shows: 'review nodig (laatst: 2026-01-05)' or '(nog nooit beoordeeld)'."""
    return f"review nodig (laatst beoordeeld op {reviewed})" if reviewed else "review nodig (nog nooit beoordeeld)"


def stamp_text(text: str, date: str) -> str:
    """The file text with `reviewed: <date>`: the value replaced in place, or a line inserted."""
    parse_date(date)
    match = _TOP_KEY.search(text)
    if match:
        start, end = match.span(3)
        return text[:start] + date + text[end:]
    newline = "\r\n" if "\r\n" in text else "\n"
    for anchor in _ANCHORS:
        found = re.search(rf"^{re.escape(anchor)}", text, re.MULTILINE)
        if found:
            return text[: found.start()] + f"reviewed: {date}{newline}" + text[found.start() :]
    return text + ("" if text.endswith(("\n", "\r")) or not text else newline) + f"reviewed: {date}{newline}"


def stamp_file(path: str | Path, date: str) -> str:
    """Stamp a process file; returns the previous value (or '' when there was none)."""
    file = Path(path)
    raw = file.read_bytes()
    text, problems = read_text(raw, str(file))
    if text is None:
        raise ReviewError(f"{file} is niet te lezen: {problems[0].message if problems else 'onbekende fout'}")
    before, _parse_problems = parse_yaml(text, str(file))
    if before is None or not isinstance(before.data, dict) or before.data.get("kind") != "process":
        raise ReviewError(f"{file} is geen leesbaar procesbestand; herstel het eerst (leidraad check)")
    new_text = stamp_text(text, date)
    after, _ = parse_yaml(new_text, str(file))
    expected = {**before.data, "reviewed": date}
    if after is None or after.data != expected:
        raise ReviewError(f"{file}: 'reviewed:' kon niet veilig worden aangepast; pas de regel met de hand aan")
    file.write_bytes(new_text.encode("utf-8"))
    previous = before.data.get("reviewed")
    return "" if previous is None else str(previous)


@dataclass(frozen=True)
class ReviewStatus:
    process: str
    title: str
    file: str
    reviewed: str | None
    due: bool
    changes_since: int | None  # commits that changed the file since the review; None without git

    def as_json(self) -> dict[str, object]:
        return {
            "process": self.process,
            "title": self.title,
            "file": self.file,
            "reviewed": self.reviewed,
            "next_review": (nr.isoformat() if (nr := next_review(self.reviewed)) else None),
            "review_due": self.due,
            "changes_since_review": self.changes_since,
        }
