"""Content folder -> Model, keeping file, line and column for every object.

Loading never stops at a bad file: each file is read, parsed, validated and built on its own, so
one broken file neither hides the problems of the others nor the content in them.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from leidraad.content.salvage import Unloaded, declared, present
from leidraad.content.structure import KINDS, validate
from leidraad.content.suggest import did_you_mean
from leidraad.content.yaml_source import YamlDocument, parse_yaml, read_text
from leidraad.model import (
    CATALOGUE_KINDS,
    CatalogueEntry,
    Choice,
    Flow,
    Handover,
    Involvement,
    JobTitle,
    Model,
    Node,
    Organisation,
    Process,
    Scenario,
    ScenarioStep,
)
from leidraad.problems import Place, Problem

CONTENT_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadResult:
    model: Model
    problems: list[Problem] = field(default_factory=list)
    documents: dict[str, YamlDocument] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    broken_files: set[str] = field(default_factory=set)
    # Files with a load error, with their first error and what the model lacks because of it.
    unloaded: dict[str, Unloaded] = field(default_factory=dict)

    def unloaded_process(self, process_id: str) -> Unloaded | None:
        """The broken file that (probably) holds `process_id`, when that process did not load."""
        if process_id in self.model.processes:
            return None
        return next((u for u in self.unloaded.values() if u.declares_process(process_id)), None)


def content_files(folder: str | Path) -> list[Path]:
    root = Path(folder)
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.suffix in CONTENT_SUFFIXES and p.is_file())


def display_path(path: Path) -> str:
    """A path as an editor would type it: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def content_hash(folder: str | Path) -> str:
    """A version of the content: every file's name, size and modification time. It changes whenever
    an editor saves, and costs one stat per file (the app asks on every rerun)."""
    digest = hashlib.sha256()
    for path in content_files(folder):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def load_folder(folder: str | Path) -> LoadResult:
    result = LoadResult(Model())
    files = content_files(folder)
    if not Path(folder).exists():
        result.problems.append(
            Place(str(folder)).problem("no-content", f"de map '{folder}' met de inhoud bestaat niet")
        )
        return result
    texts: dict[str, str] = {}
    for path in files:
        load_file(path, result, texts)
    _note_unloaded(result, texts)
    result.problems.sort()
    return result


def load_file(path: Path, result: LoadResult, texts: dict[str, str] | None = None) -> None:
    """Read, parse, validate and build one file; whatever goes wrong stays a problem of this file."""
    name = display_path(path)
    result.files.append(name)
    try:
        raw = path.read_bytes()
        doc, found, kind = _parse_and_validate(name, raw)
        problems = list(found)
        if doc is not None:
            result.documents[name] = doc
            if kind is not None:
                _BUILDERS[kind](doc, result.model, problems)
    except Exception as exc:  # a bug must cost one file, never the whole content
        logging.getLogger(__name__).exception("loading %s failed", name)
        problems = [
            Place(name).problem(
                "internal",
                f"interne fout bij het lezen van dit bestand ({type(exc).__name__}); de rest van de inhoud "
                "is wel gelezen. Meld dit aan de beheerders van de Procesverkenner.",
            )
        ]
        raw, doc = b"", None
    if doc is None or any(p.is_error for p in problems):
        result.broken_files.add(name)
        if texts is not None:
            texts[name] = raw.decode("utf-8", errors="replace")
    result.problems.extend(problems)


@lru_cache(maxsize=512)
def _parse_and_validate(name: str, raw: bytes) -> tuple[YamlDocument | None, tuple[Problem, ...], str | None]:
    """The part of loading that depends only on the file itself, cached on its bytes: when an editor
    saves one file, the others are not parsed or validated again. The document is never modified."""
    text, problems = read_text(raw, name)
    if text is None:
        return None, tuple(problems), None
    doc, parse_problems = parse_yaml(text, name)
    problems += parse_problems
    if doc is None:
        return None, tuple(problems), None
    kind = _kind_of(doc, problems)
    if kind is not None:
        problems += validate(doc, kind)
    return doc, tuple(problems), kind


def _note_unloaded(result: LoadResult, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        errors = sorted(p for p in result.problems if p.file == name and p.is_error)
        if not errors:
            continue
        refs, flows = declared(text, name)
        result.unloaded[name] = Unloaded(
            file=name,
            cause=errors[0],
            declares=frozenset(r for r in refs if not present(result.model, r)),
            flows_into=frozenset(flows),
            built=name in result.documents,
        )


def _kind_of(doc: YamlDocument, problems: list[Problem]) -> str | None:
    data = doc.data
    if not isinstance(data, dict) or "kind" not in data:
        problems.append(
            doc.place(()).problem("missing-kind", f"het bestand moet beginnen met 'kind:' ({', '.join(KINDS)})")
        )
        return None
    kind = data["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        problems.append(
            doc.place(("kind",)).problem(
                "unknown-kind", f"kind '{kind}' is niet een van {', '.join(KINDS)}{did_you_mean(str(kind), KINDS)}"
            )
        )
        return None
    if next(iter(data)) != "kind":
        problems.append(
            doc.place(("kind",), key=True).problem("kind-first", "'kind:' moet de eerste sleutel van het bestand zijn")
        )
    return kind


# Lenient builders: take whatever has the right shape, skip what does not. The schema has already
# reported every structural problem with its place, so nothing here needs to explain itself again.


def _s(d: dict[str, Any], key: str) -> str | None:
    value = d.get(key)
    return (
        value
        if isinstance(value, str)
        else (str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None)
    )


def _ls(d: dict[str, Any], key: str) -> list[str]:
    value = d.get(key)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _items(d: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = d.get(key) if isinstance(d, dict) else None
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def _key_places(doc: YamlDocument, base: tuple, d: dict[str, Any]) -> dict[str, Place]:
    marks = doc.value_marks  # every converted value has its mark; the fallback is for safety only
    return {
        key: Place(doc.file, *marks[(*base, key)]) if (*base, key) in marks else doc.place((*base, key)) for key in d
    }


def _register(table: dict[str, Any], obj: Any, what: str, problems: list[Problem]) -> None:
    if not obj.id:
        return
    if obj.id in table:
        first = table[obj.id].place
        problems.append(obj.place.problem("duplicate-id", f"de id '{obj.id}' van {what} is al gebruikt in {first}"))
        return
    table[obj.id] = obj


def _build_organisations(doc: YamlDocument, model: Model, problems: list[Problem]) -> None:
    for i, d in _items(doc.data, "organisations"):
        org = Organisation(
            id=_s(d, "id") or "",
            name=_s(d, "name") or "",
            abbreviation=_s(d, "abbreviation") or "",
            kind=_s(d, "kind") or "overig",
            place=doc.place(("organisations", i)),
            key_places=_key_places(doc, ("organisations", i), d),
            part_of=_s(d, "part_of"),
            role=_s(d, "role") or "",
            tasks=_ls(d, "tasks"),
            powers=_ls(d, "powers"),
            departure_support=_ls(d, "departure_support"),
            job_titles=[JobTitle(_s(j, "title") or "", _s(j, "description") or "") for _, j in _items(d, "job_titles")],
            website=_s(d, "website"),
            sources=_ls(d, "sources"),
            unconfirmed=_s(d, "unconfirmed"),
            outdated=_s(d, "outdated"),
        )
        _register(model.organisations, org, "deze organisatie", problems)


def _build_catalogue(doc: YamlDocument, model: Model, problems: list[Problem]) -> None:
    kind = doc.data.get("catalogue")
    if kind not in CATALOGUE_KINDS:
        return
    table = model.catalogues[kind]
    for i, d in _items(doc.data, "entries"):
        entry = CatalogueEntry(
            catalogue=kind,
            id=_s(d, "id") or "",
            name=_s(d, "name") or "",
            place=doc.place(("entries", i)),
            key_places=_key_places(doc, ("entries", i), d),
            abbreviation=_s(d, "abbreviation"),
            description=_s(d, "description") or "",
            facts=_ls(d, "facts"),
            level=_s(d, "level"),
            participants=_ls(d, "participants"),
            chair=_s(d, "chair"),
            frequency=_s(d, "frequency"),
            run_by=_s(d, "run_by"),
            legal_basis=_ls(d, "legal_basis"),
            time_limit=_s(d, "time_limit"),
            target_groups=_ls(d, "target_groups"),
            related=_ls(d, "related"),
            sources=_ls(d, "sources"),
            unconfirmed=_s(d, "unconfirmed"),
            outdated=_s(d, "outdated"),
        )
        _register(table, entry, f"dit item van {kind}", problems)


def derive_flow_id(source: str, target: str) -> str:
    return f"{source}__{target.replace('/', '__')}"


def _build_process(doc: YamlDocument, model: Model, problems: list[Problem]) -> None:
    d = doc.data
    phase = d.get("phase")
    process = Process(
        id=_s(d, "id") or "",
        title=_s(d, "title") or _s(d, "id") or "",
        place=doc.place(()),
        key_places=_key_places(doc, (), d),
        phase=phase if isinstance(phase, (int, float)) and not isinstance(phase, bool) else None,
        summary=_s(d, "summary") or "",
        reviewed=_s(d, "reviewed"),
        sources_as_of=_s(d, "sources_as_of"),
        lanes=_ls(d, "lanes"),
        target_groups=_ls(d, "target_groups"),
        sources=_ls(d, "sources"),
        unconfirmed=_s(d, "unconfirmed"),
        outdated=_s(d, "outdated"),
    )
    nodes: dict[str, Node] = {}
    flow_ids: dict[str, Flow] = {}
    for i, n in _items(d, "nodes"):
        node = _build_node(doc, i, n)
        _register(nodes, node, f"deze stap (in proces '{process.id}')", problems)
        if nodes.get(node.id) is not node:
            continue
        for flow in node.flows:
            if flow.id in flow_ids and not flow.explicit_id:
                serial = 2
                while f"{flow.id}_{serial}" in flow_ids:
                    serial += 1
                flow.id = f"{flow.id}_{serial}"
            _register(flow_ids, flow, f"deze stroom (in proces '{process.id}')", problems)
    process.nodes = list(nodes.values())
    _register(model.processes, process, "dit proces", problems)


def _build_node(doc: YamlDocument, i: int, n: dict[str, Any]) -> Node:
    base = ("nodes", i)
    involved = []
    raw_involved = n.get("involved")
    if isinstance(raw_involved, dict):
        for org, how in raw_involved.items():
            if isinstance(how, str):
                involved.append(Involvement(org, how))
            elif isinstance(how, dict) and isinstance(how.get("role"), str):
                involved.append(Involvement(org, how["role"], _s(how, "how")))
    node = Node(
        id=_s(n, "id") or "",
        type=_s(n, "type") or "task",
        label=_s(n, "label") or _s(n, "id") or "",
        org=_s(n, "org") or "",
        place=doc.place(base),
        key_places=_key_places(doc, base, n),
        involved=involved,
        description=_s(n, "description") or "",
        legal_basis=_ls(n, "legal_basis"),
        time_limit=_s(n, "time_limit"),
        systems=_ls(n, "systems"),
        locations=_ls(n, "locations"),
        consultations=_ls(n, "consultations"),
        target_groups=_ls(n, "target_groups"),
        terms=_ls(n, "terms"),
        calls=_s(n, "calls"),
        attached_to=_s(n, "attached_to"),
        trigger=_s(n, "trigger"),
        interrupting=n.get("interrupting") is not False,
        sources=_ls(n, "sources"),
        unconfirmed=_s(n, "unconfirmed"),
        outdated=_s(n, "outdated"),
    )
    for j, f in _items(n, "next"):
        target = _s(f, "to")
        if not target:
            continue
        handover = f.get("handover")
        node.flows.append(
            Flow(
                source=node.id,
                target=target,
                id=_s(f, "id") or derive_flow_id(node.id, target),
                place=doc.place((*base, "next", j)),
                key_places=_key_places(doc, (*base, "next", j), f),
                when=_s(f, "when"),
                explicit_id=bool(_s(f, "id")),
                handover=Handover(_s(handover, "what"), _s(handover, "via")) if isinstance(handover, dict) else None,
            )
        )
    return node


def _build_scenario(doc: YamlDocument, model: Model, problems: list[Problem]) -> None:
    d = doc.data
    scenario = Scenario(
        id=_s(d, "id") or "",
        title=_s(d, "title") or "",
        place=doc.place(()),
        persona=_s(d, "persona") or "",
        summary=_s(d, "summary") or "",
        learning_goals=_ls(d, "learning_goals"),
        target_groups=_ls(d, "target_groups"),
        sources=_ls(d, "sources"),
    )
    for i, s in _items(d, "steps"):
        step = _s(s, "step")
        if not step:
            continue
        scenario.steps.append(
            ScenarioStep(
                step=step,
                place=doc.place(("steps", i)),
                key_places=_key_places(doc, ("steps", i), s),
                narrative=_s(s, "narrative") or "",
                question=_s(s, "question"),
                choices=[
                    Choice(_s(c, "label") or "", c.get("correct") is True, _s(c, "feedback"))
                    for _, c in _items(s, "choices")
                ],
            )
        )
    _register(model.scenarios, scenario, "dit scenario", problems)


_BUILDERS = {
    "organisations": _build_organisations,
    "catalogue": _build_catalogue,
    "process": _build_process,
    "scenario": _build_scenario,
}
