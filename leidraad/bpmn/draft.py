"""The import's working model: processes, nodes and flows on their way from BPMN to our YAML.

Kept apart from `model.py` (which is what the content loader builds, with places for every key):
a draft is plain data the import can still repair, then writes out as content files.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from leidraad.bpmn.xml import BpmnImportError, sanitize_id
from leidraad.checks.folder import check_folder
from leidraad.content.load import LoadResult

SCHEMA_COMMENT = "# yaml-language-server: $schema=../leidraad/schemas/{kind}.schema.json\n"
MAX_TEXT = 4000  # characters of one description; longer foreign documentation is cut (and reported)


@dataclass
class DraftFlow:
    id: str
    source: str
    target: str  # 'step' or 'process/step'
    when: str | None = None
    what: str | None = None

    @property
    def crosses(self) -> bool:
        return "/" in self.target


@dataclass
class DraftNode:
    id: str
    type: str
    label: str
    org: str
    description: str = ""
    legal_basis: list[str] = field(default_factory=list)
    time_limit: str | None = None
    sources: list[str] = field(default_factory=list)
    unconfirmed: str | None = None
    outdated: str | None = None
    calls: str | None = None
    attached_to: str | None = None
    trigger: str | None = None
    interrupting: bool = True
    generated: bool = False  # added by the import to satisfy our rules


@dataclass
class DraftProcess:
    id: str
    title: str
    source: str  # the file it came from, for messages
    summary: str = ""
    phase: float | None = None
    sources: list[str] = field(default_factory=list)
    lanes: list[str] = field(default_factory=list)
    nodes: dict[str, DraftNode] = field(default_factory=dict)
    flows: list[DraftFlow] = field(default_factory=list)
    node_ids: set[str] = field(default_factory=set)
    flow_ids: set[str] = field(default_factory=set)

    def new_node_id(self, raw: str) -> str:
        return sanitize_id(raw, self.node_ids)

    def new_flow_id(self, raw: str) -> str:
        return sanitize_id(raw, self.flow_ids, fallback="flow")

    def add_flow(self, source: str, target: str, raw_id: str | None = None, **kwargs: Any) -> DraftFlow:
        flow_id = self.new_flow_id(raw_id or f"{source}__{target.replace('/', '__')}")
        flow = DraftFlow(flow_id, source, target, **kwargs)
        self.flows.append(flow)
        return flow

    def outgoing(self, node_id: str) -> list[DraftFlow]:
        return [f for f in self.flows if f.source == node_id]

    def incoming(self, node_id: str) -> list[DraftFlow]:
        return [f for f in self.flows if not f.crosses and f.target == node_id]


@dataclass
class DraftOrganisation:
    id: str
    name: str
    abbreviation: str
    role: str = ""


def one_line(value: str | None) -> str | None:
    """Labels, titles and conditions: one line, single spaces."""
    text = " ".join((value or "").split())
    return text or None


def _text(value: str | None) -> str | None:
    """Descriptions: paragraphs kept, each line's spacing tidied, at most MAX_TEXT characters."""
    lines = [" ".join(line.split()) for line in (value or "").strip().splitlines()]
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text[:MAX_TEXT] or None


def _flow_dict(flow: DraftFlow) -> dict[str, Any]:
    out: dict[str, Any] = {"to": flow.target}
    if flow.id != f"{flow.source}__{flow.target.replace('/', '__')}":
        out["id"] = flow.id
    if flow.when:
        out["when"] = one_line(flow.when)
    if flow.what:
        out["handover"] = {"what": one_line(flow.what)}
    return out


def node_dict(process: DraftProcess, node: DraftNode) -> dict[str, Any]:
    out: dict[str, Any] = {"id": node.id, "type": node.type, "label": one_line(node.label) or node.id, "org": node.org}
    if node.description:
        out["description"] = _text(node.description)
    for key in ("legal_basis", "sources"):
        if getattr(node, key):
            out[key] = list(getattr(node, key))
    for key in ("time_limit", "calls", "attached_to", "trigger", "unconfirmed", "outdated"):
        if getattr(node, key):
            out[key] = one_line(getattr(node, key))
    if node.type == "boundary" and not node.interrupting:
        out["interrupting"] = False
    flows = [_flow_dict(f) for f in process.flows if f.source == node.id]
    if flows:
        out["next"] = flows
    return out


def process_dict(process: DraftProcess) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "process", "id": process.id, "title": one_line(process.title) or process.id}
    if process.phase is not None:
        out["phase"] = int(process.phase) if float(process.phase).is_integer() else process.phase
    if process.summary:
        out["summary"] = _text(process.summary)
    used = {n.org for n in process.nodes.values()}
    lanes = list(dict.fromkeys(process.lanes)) + sorted(used - set(process.lanes))
    out["lanes"] = lanes
    if process.sources:
        out["sources"] = list(process.sources)
    out["nodes"] = [node_dict(process, n) for n in process.nodes.values()]
    return out


def organisations_dict(organisations: list[DraftOrganisation]) -> dict[str, Any]:
    return {
        "kind": "organisations",
        "organisations": [
            {
                "id": o.id,
                "name": o.name,
                "abbreviation": o.abbreviation,
                "kind": "overig",
                **({"role": o.role} if o.role else {}),
            }
            for o in organisations
        ],
    }


class _Dumper(yaml.SafeDumper):
    """Block style, no anchors or aliases (our loader rejects them), long texts folded."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key, as editors write them


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(data: dict[str, Any]) -> str:
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    return SCHEMA_COMMENT.format(kind=data["kind"]) + body


@dataclass
class ImportResult:
    organisations: list[DraftOrganisation]
    processes: list[DraftProcess]
    warnings: list[str] = field(default_factory=list)

    def files(self) -> dict[str, str]:
        """File name -> YAML text, organisations first."""
        out = {"organisations.yaml": to_yaml(organisations_dict(self.organisations))}
        for process in self.processes:
            out[f"{process.id}.yaml"] = to_yaml(process_dict(process))
        return out

    def zip_bytes(self) -> bytes:
        """The files as one zip (for a download)."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in self.files().items():
                archive.writestr(name, text)
        return buffer.getvalue()

    def checked(self) -> LoadResult:
        """Load and check the files as the app and `leidraad check` would (in a temporary folder)."""
        with tempfile.TemporaryDirectory(prefix="bpmn-import-") as folder:
            self.write(folder, overwrite=True)
            return check_folder(folder)

    def write(self, folder: str | Path, overwrite: bool = False) -> list[Path]:
        target = Path(folder)
        files = self.files()
        if not overwrite:
            existing = [name for name in files if (target / name).exists()]
            if existing:
                raise BpmnImportError(
                    f"{target / existing[0]} already exists (and {len(existing) - 1} more); "
                    "choose an empty folder or pass --force"
                )
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name, text in files.items():
            (target / name).write_text(text, encoding="utf-8")
            written.append(target / name)
        return written


__all__ = [
    "DraftFlow",
    "DraftNode",
    "DraftOrganisation",
    "DraftProcess",
    "ImportResult",
    "node_dict",
    "one_line",
    "organisations_dict",
    "process_dict",
    "to_yaml",
]
