"""What a file that did not (fully) load probably declares, read from its text line by line.

A file with a syntax error yields no tree, but its lines still say which ids it defines ('- id: dtv')
and where its flows go ('to: vertrektermijn/start'). The report uses this to fold the errors that
follow from the broken file under it, and the checker to keep still what it cannot judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from leidraad.model import Model
from leidraad.problems import Problem

_KIND = re.compile(r"^kind:\s*['\"]?([\w-]+)", re.M)
_TOP_ID = re.compile(r"^id:\s*['\"]?([\w-]+)", re.M)
_CATALOGUE = re.compile(r"^catalogue:\s*['\"]?([\w-]+)", re.M)
_ITEM_ID = re.compile(r"^\s*-\s+id:\s*['\"]?([\w-]+)", re.M)
_CROSS_FLOW = re.compile(r"^\s*(?:-\s+)?to:\s*['\"]?([\w-]+/[\w-]+)", re.M)


@dataclass(frozen=True)
class Unloaded:
    """A file with a load error: its first error, and what it declares that the model now lacks."""

    file: str
    cause: Problem
    declares: frozenset[str]  # 'org:dtv', 'process:x', 'step:x/y', 'entry:doelgroepen/amv', 'scenario:x'
    flows_into: frozenset[str]  # 'process/step' of other processes its flows lead to
    built: bool  # whether any of its content made it into the model

    def declares_process(self, process_id: str) -> bool:
        return f"process:{process_id}" in self.declares


def guess_kind(text: str, file: str) -> str:
    found = _KIND.search(text)
    if found:
        return found.group(1)
    parts = PurePath(file).parts
    if "organisations" in PurePath(file).stem:
        return "organisations"
    if "catalogi" in parts:
        return "catalogue"
    return "scenario" if "scenarios" in parts else "process"


def declared(text: str, file: str) -> tuple[set[str], set[str]]:
    """(refs this text declares, cross-process flow targets it holds)."""
    kind = guess_kind(text, file)
    items = _ITEM_ID.findall(text)
    top = _TOP_ID.search(text)
    refs: set[str] = set()
    if kind == "organisations":
        refs = {f"org:{i}" for i in items}
    elif kind == "catalogue":
        catalogue = _CATALOGUE.search(text)
        if catalogue:
            refs = {f"entry:{catalogue.group(1)}/{i}" for i in items}
    elif kind == "scenario":
        refs = {f"scenario:{top.group(1)}"} if top else set()
    else:
        pid = top.group(1) if top else PurePath(file).stem
        refs = {f"process:{pid}", *(f"step:{pid}/{i}" for i in items)}
    return refs, set(_CROSS_FLOW.findall(text)) if kind == "process" else set()


def present(model: Model, ref: str) -> bool:
    what, _, name = ref.partition(":")
    if what == "org":
        return name in model.organisations
    if what == "process":
        return name in model.processes
    if what == "scenario":
        return name in model.scenarios
    if what == "step":
        return model.resolve_step(name) is not None
    if what == "entry":
        kind, _, entry = name.partition("/")
        return model.catalogue_entry(kind, entry) is not None
    return False
