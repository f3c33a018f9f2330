"""A diff (docs/diff.md) as text for an editor's terminal or as markdown for a changelog.

Both name every object by its label and id, list changed fields with their old and new value and
end with nothing when there is nothing to say ("Geen wijzigingen."). Content never becomes markup:
markdown output escapes every value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from leidraad.model import Model
from leidraad.versions.diff import Json, is_empty

KIND_NAMES = {
    "overlegvormen": "Overlegvormen",
    "opvangvormen": "Opvangvormen",
    "informatie-uitwisseling": "Informatie-uitwisseling",
    "doelgroepen": "Doelgroepen",
    "begrippen": "Begrippen",
}
NO_CHANGE = "Geen wijzigingen."
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def show(value: Any) -> str:
    """A field value on one line: text as it is, lists and mappings compact, nothing as '—'."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False)


class Names:
    """Labels of processes, steps, organisations and entries, from the new version first."""

    def __init__(self, old: Model | None, new: Model | None) -> None:
        self.models = [m for m in (new, old) if m is not None]

    def process(self, pid: str) -> str:
        found = next((m.processes[pid].title for m in self.models if pid in m.processes), None)
        return f"{found} ({pid})" if found else pid

    def step(self, pid: str, sid: str) -> str:
        for model in self.models:
            process = model.processes.get(pid)
            node = process.node(sid) if process else None
            if node:
                return f"{' '.join(node.label.split())} ({sid})"
        return sid

    def label(self, pid: str, sid: str) -> str:
        name = self.step(pid, sid)
        return name[: -len(sid) - 3] if name.endswith(f" ({sid})") else name

    def step_ref(self, step_ref: str, here: str) -> str:
        pid, _, sid = step_ref.partition("/")
        name = self.step(pid, sid)
        return name if pid == here else f"{name} in {pid}"

    def org(self, oid: str) -> str:
        found = next((m.organisations[oid].abbreviation for m in self.models if oid in m.organisations), None)
        return f"{found} ({oid})" if found and found != oid else oid

    def entry(self, kind: str, eid: str) -> str:
        found = next((m.catalogues[kind][eid].name for m in self.models if eid in m.catalogues.get(kind, {})), None)
        return f"{found} ({eid})" if found else eid


# One writer for both formats: `line(depth, text)` and `code(text)` differ per format.
Line = Callable[[int, str], None]


def _walk(
    diff: Json, names: Names, line: Line, heading: Line, code: Callable[[str], str], _text: Callable[[str], str]
) -> None:
    """Every change in reading order; `line` depths are relative to the last `heading`."""

    def fields_of(depth: int, changes: dict[str, list[Any]]) -> None:
        for name, (old, new) in changes.items():
            line(depth, f"{code(name)}: {_text(show(old))} → {_text(show(new))}")

    processes = diff["processes"]
    if processes["added"] or processes["removed"] or processes["changed"]:
        heading(0, "Processen")
    for pid in processes["added"]:
        line(0, f"+ nieuw proces: {_text(names.process(pid))}")
    for pid in processes["removed"]:
        line(0, f"− vervallen proces: {_text(names.process(pid))}")
    for pid, entry in processes["changed"].items():
        heading(1, f"Proces {names.process(pid)}")
        fields_of(0, entry["fields"])
        steps, flows, handovers = entry["steps"], entry["flows"], entry["handovers"]
        for sid in steps["added"]:
            line(0, f"+ stap {_text(names.step(pid, sid))}")
        for sid in steps["removed"]:
            line(0, f"− stap {_text(names.step(pid, sid))}")
        for old_id, new_id in steps["renamed"]:
            line(0, f"~ stap hernoemd: {code(old_id)} → {code(new_id)} ({_text(names.label(pid, new_id))})")
        for sid, changes in steps["changed"].items():
            line(0, f"~ stap {_text(names.step(pid, sid))}")
            fields_of(1, changes)
        for fid in flows["added"]:
            line(0, f"+ stroom {code(fid)}")
        for fid in flows["removed"]:
            line(0, f"− stroom {code(fid)}")
        for fid, changes in flows["changed"].items():
            line(0, f"~ stroom {code(fid)}")
            fields_of(1, changes)
        for sign, key in (("+", "added"), ("−", "removed")):
            for a, b in handovers[key]:
                line(0, f"{sign} overdracht {_text(names.step_ref(a, pid))} → {_text(names.step_ref(b, pid))}")
    orgs = diff["organisations"]
    if not is_empty(orgs):
        heading(0, "Organisaties")
    for oid in orgs["added"]:
        line(0, f"+ nieuwe organisatie: {_text(names.org(oid))}")
    for oid in orgs["removed"]:
        line(0, f"− vervallen organisatie: {_text(names.org(oid))}")
    for oid, changes in orgs["changed"].items():
        line(0, f"~ organisatie {_text(names.org(oid))}")
        fields_of(1, changes)
    for kind, table in diff["catalogues"].items():
        if is_empty(table):
            continue
        heading(0, f"Catalogus {KIND_NAMES.get(kind, kind)}")
        for eid in table["added"]:
            line(0, f"+ {_text(names.entry(kind, eid))}")
        for eid in table["removed"]:
            line(0, f"− {_text(names.entry(kind, eid))}")
        for eid, changes in table["changed"].items():
            line(0, f"~ {_text(names.entry(kind, eid))}")
            fields_of(1, changes)


def format_text(diff: Json, old: Model | None = None, new: Model | None = None) -> str:
    """The diff for a terminal: one line per change, indented under its process."""
    out = [f"Wijzigingen van {diff['old']} naar {diff['new']}"]
    if is_empty(diff):
        return "\n".join([*out, NO_CHANGE]) + "\n"

    indent = [0]

    def line(depth: int, text: str) -> None:
        out.append("  " * (indent[0] + depth + 1) + text)

    def heading(depth: int, text: str) -> None:
        indent[0] = depth
        out.append(("  " * depth) + text + ":")

    _walk(diff, Names(old, new), line, heading, lambda s: s, str)
    return "\n".join(out) + "\n"


def format_markdown(diff: Json, old: Model | None = None, new: Model | None = None, level: int = 2) -> str:
    """The diff as markdown to paste into a changelog; `level` is the depth of its first heading."""
    hashes = "#" * level
    out = [f"{hashes} Wijzigingen van `{diff['old']}` naar `{diff['new']}`", ""]
    if is_empty(diff):
        return "\n".join([*out, NO_CHANGE]) + "\n"

    def line(depth: int, text: str) -> None:
        # A '+' right after the bullet would start a nested list: escape it.
        out.append("  " * depth + "- " + ("\\" + text if text.startswith("+ ") else text))

    def heading(depth: int, text: str) -> None:
        if out[-1] != "":
            out.append("")
        out.append(f"{hashes}{'#' * (depth + 1)} {md_escape(text)}")
        out.append("")

    _walk(diff, Names(old, new), line, heading, lambda s: f"`{s.replace('`', '')}`", md_escape)
    return "\n".join(out) + "\n"
