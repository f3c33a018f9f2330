"""What the BPMN import knows about elements: which tags are steps, gateways and triggers, which it
passes over quietly, and the small readers (names, references, documentation) every part uses."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from leidraad.bpmn.xml import DOC_LABELS, LTV, MODEL, q

TASKS = {"task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask", "scriptTask"}
SUBPROCESSES = {"subProcess", "transaction", "adHocSubProcess"}
GATEWAYS = {
    "exclusiveGateway": "gateway",
    "parallelGateway": "parallel",
    "inclusiveGateway": "gateway",
    "complexGateway": "gateway",
    "eventBasedGateway": "gateway",
}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}
TRIGGERS = {
    "timerEventDefinition": "timer",
    "messageEventDefinition": "message",
    "signalEventDefinition": "signal",
    "errorEventDefinition": "error",
    "escalationEventDefinition": "escalation",
    "conditionalEventDefinition": "conditional",
}
# Children of a node that carry nothing our format keeps but that are not worth a message.
QUIET = {
    "documentation",
    "extensionElements",
    "incoming",
    "outgoing",
    "laneSet",
    "property",
    "auditing",
    "monitoring",
    "categoryValueRef",
    "conditionExpression",
    "supports",
}
# Root elements that only serve references (messages, item definitions, ...): used where they name something.
QUIET_ROOTS = {
    "process",
    "collaboration",
    "message",
    "itemDefinition",
    "signal",
    "error",
    "escalation",
    "category",
    "import",
    "extension",
    "BPMNDiagram",
    "relationship",
    "documentation",
    "extensionElements",
}
URL = re.compile(r"^https?://\S+$")


def local_name(el: etree._Element) -> tuple[str, str]:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def ref_id(value: str | None) -> str:
    """A QName or IDREF reference -> its local part ('tns:Process_1' -> 'Process_1')."""
    return (value or "").strip().rsplit(":", 1)[-1]


def doc_texts(el: etree._Element) -> list[str]:
    return [
        " ".join((d.text or "").split()) if "\n" not in (d.text or "").strip() else (d.text or "").strip()
        for d in el.findall(q(MODEL, "documentation"))
        if (d.text or "").strip()
    ]


@dataclass
class ImportFile:
    name: str
    root: etree._Element
    ours: bool
    by_id: dict[str, etree._Element] = field(default_factory=dict)
    participants: dict[str, etree._Element] = field(default_factory=dict)  # process xml id -> participant
    process_ids: dict[str, str] = field(default_factory=dict)  # process xml id -> our process id
    unsupported: Counter = field(default_factory=Counter)
    defaults: dict[str, str] = field(default_factory=dict)  # default flow xml id -> its gateway or activity


def leaves_by_message(file: ImportFile, xml_id: str) -> bool:
    return any(
        ref_id(f.get("sourceRef")) == xml_id and f.get(q(LTV, "target"))
        for f in file.root.iter(q(MODEL, "messageFlow"))
    )


def short_name(name: str) -> str:
    return name if len(name) <= 24 else name[:23].rstrip() + "…"


def default_label(node_type: str) -> str:
    return {
        "start": "Start",
        "end": "Einde",
        "gateway": "Beslissing",
        "parallel": "Parallel",
        "timer": "Termijn",
        "boundary": "Onderbreking",
        "event": "Gebeurtenis",
        "subprocess": "Deelproces",
    }.get(node_type, "Taak")


def split_docs(docs: Iterable[str], ours: bool) -> tuple[str, list[str], dict[str, Any]]:
    """Documentation -> (description, sources, other fields). Our own labelled paragraphs go back to
    their fields; anything else is description."""
    labels = {v: k for k, v in DOC_LABELS.items()}
    description: list[str] = []
    sources: list[str] = []
    extra: dict[str, object] = {}
    for text in docs:
        label, sep, rest = text.partition(": ")
        key = labels.get(label) if ours and sep else None
        if key == "sources":
            sources += [u for u in rest.split() if URL.match(u)]
        elif key == "legal_basis":
            extra["legal_basis"] = [p.strip() for p in rest.split("; ") if p.strip()]
        elif key in ("time_limit", "unconfirmed", "outdated"):
            extra[key] = rest.strip()
        elif key == "handover":
            continue
        else:
            description.append(text)
    return "\n\n".join(description), sources, extra
