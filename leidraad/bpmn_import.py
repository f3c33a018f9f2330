"""BPMN 2.0 XML -> our content files: one process file per BPMN process, an organisations file.

Pools and lanes become organisations named after the model's own participants and lanes; flow
nodes, boundary events, (event) sub-processes and sequence flows become nodes and flows; message
flows become flows between processes (handovers); documentation becomes descriptions. What our
format cannot hold is reported in `ImportResult.warnings`, never silently dropped. The result is
repaired where our rules are stricter than BPMN (see `bpmn_repair.py`), so it passes `check`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .bpmn_draft import DraftNode, DraftOrganisation, DraftProcess, ImportResult, one_line
from .bpmn_export import DOC_LABELS
from .bpmn_repair import repair_process
from .bpmn_xml import (
    EXPORTER,
    LTV,
    MAX_FLOW_NODES,
    MODEL,
    BpmnImportError,
    parse_bpmn_bytes,
    q,
    read_bpmn_file,
    sanitize_id,
)

TASKS = {"task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask", "scriptTask"}
SUBPROCESSES = {"subProcess", "transaction", "adHocSubProcess"}
GATEWAYS = {"exclusiveGateway": "gateway", "parallelGateway": "parallel", "inclusiveGateway": "gateway",
            "complexGateway": "gateway", "eventBasedGateway": "gateway"}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}
TRIGGERS = {"timerEventDefinition": "timer", "messageEventDefinition": "message", "signalEventDefinition": "signal",
            "errorEventDefinition": "error", "escalationEventDefinition": "escalation",
            "conditionalEventDefinition": "conditional"}
# Children of a node that carry nothing our format keeps but that are not worth a message.
QUIET = {"documentation", "extensionElements", "incoming", "outgoing", "laneSet", "property", "auditing",
         "monitoring", "categoryValueRef", "conditionExpression", "supports"}
# Root elements that only serve references (messages, item definitions, ...): used where they name something.
QUIET_ROOTS = {"process", "collaboration", "message", "itemDefinition", "signal", "error", "escalation", "category",
               "import", "extension", "BPMNDiagram", "relationship", "documentation", "extensionElements"}
URL = re.compile(r"^https?://\S+$")


def _local(el: etree._Element) -> tuple[str, str]:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _ref(value: str | None) -> str:
    """A QName or IDREF reference -> its local part ('tns:Process_1' -> 'Process_1')."""
    return (value or "").strip().rsplit(":", 1)[-1]


def _docs(el: etree._Element) -> list[str]:
    return [" ".join((d.text or "").split()) if "\n" not in (d.text or "").strip() else (d.text or "").strip()
            for d in el.findall(q(MODEL, "documentation")) if (d.text or "").strip()]


@dataclass
class _File:
    name: str
    root: etree._Element
    ours: bool
    by_id: dict[str, etree._Element] = field(default_factory=dict)
    participants: dict[str, etree._Element] = field(default_factory=dict)  # process xml id -> participant
    process_ids: dict[str, str] = field(default_factory=dict)  # process xml id -> our process id
    unsupported: Counter = field(default_factory=Counter)
    defaults: dict[str, str] = field(default_factory=dict)  # default flow xml id -> its gateway or activity


class _Importer:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.org_ids: set[str] = set()
        self.org_names: set[str] = set()
        self.organisations: dict[tuple[str, str], DraftOrganisation] = {}
        self.process_ids: set[str] = set()
        self.processes: list[DraftProcess] = []
        self.node_of: dict[tuple[str, str], tuple[DraftProcess, str]] = {}
        self.link_out: dict[tuple[str, str], str] = {}  # our 'Naar:' events whose target is in the import
        self.link_in: set[tuple[str, str]] = set()  # our 'Van:' events whose source is in the import
        self.link_events: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (file, process) -> (node, name, kind)
        self.flow_nodes = 0
        self.imported: set[str] = set()  # our process ids present in this import (from our own exports)

    def warn(self, file: _File, message: str) -> None:
        self.warnings.append(f"{file.name}: {message}")

    # --- organisations -------------------------------------------------------------------------

    def _organisation(self, file: _File, key: str, raw_id: str, name: str, abbreviation: str | None,
                      role: str) -> str:
        if (file.name, key) in self.organisations:
            return self.organisations[(file.name, key)].id
        if file.ours and raw_id and any(o.id == raw_id for o in self.organisations.values()):
            org = next(o for o in self.organisations.values() if o.id == raw_id)
        else:
            org_id = sanitize_id(raw_id, self.org_ids, fallback="organisatie", sep="-")
            unique_name = name if name not in self.org_names else f"{name} ({org_id})"
            self.org_names.add(unique_name)
            org = DraftOrganisation(org_id, unique_name, abbreviation or _abbreviation(unique_name), role)
        self.organisations[(file.name, key)] = org
        return org.id

    def _pool_org(self, file: _File, process_el: etree._Element, title: str) -> str:
        participant = file.participants.get(process_el.get("id", ""))
        key = f"pool:{process_el.get('id')}"
        what = f"pool '{participant.get('name')}'" if participant is not None else f"process '{title}'"
        return self._organisation(file, key, title, title, None, f"Overgenomen uit {file.name}: {what}.")

    def _lanes(self, file: _File, process_el: etree._Element, proc: DraftProcess, title: str) -> dict[str, str]:
        """flowNodeRef -> organisation id; nested lanes are flattened (the deepest lane wins)."""
        lane_of: dict[str, str] = {}
        nested = False

        def walk(lane_set: etree._Element, depth: int) -> None:
            nonlocal nested
            for lane in lane_set.findall(q(MODEL, "lane")):
                child = lane.find(q(MODEL, "childLaneSet"))
                refs = [_ref(r.text) for r in lane.findall(q(MODEL, "flowNodeRef"))]
                if child is not None and child.findall(q(MODEL, "lane")):
                    nested = True
                    for ref in refs:
                        lane_of.setdefault(ref, "")  # placeholder: a child lane should claim it
                    walk(child, depth + 1)
                    for ref in refs:
                        if not lane_of.get(ref):
                            lane_of[ref] = self._lane_org(file, lane, title)
                            proc.lanes.append(lane_of[ref])
                    continue
                org = self._lane_org(file, lane, title)
                proc.lanes.append(org)
                for ref in refs:
                    lane_of[ref] = org

        for lane_set in process_el.findall(q(MODEL, "laneSet")):
            walk(lane_set, 0)
        if nested:
            self.warn(file, f"process '{title}': nested lanes flattened; every innermost lane is an organisation")
        proc.lanes = list(dict.fromkeys(proc.lanes))
        return lane_of

    def _lane_org(self, file: _File, lane: etree._Element, title: str) -> str:
        lane_id = lane.get("id", "")
        name = one_line(lane.get("name")) or lane_id
        raw = lane_id.removeprefix("Lane_") if file.ours and lane_id.startswith("Lane_") else name
        return self._organisation(file, f"lane:{lane_id}", raw, name, lane.get(q(LTV, "abbreviation")),
                                  f"Overgenomen uit {file.name}: lane '{name}' van '{title}'.")

    # --- processes -----------------------------------------------------------------------------

    def register(self, file: _File) -> None:
        """First pass over a file: index ids, find participants, name every process."""
        for el in file.root.iter():
            if isinstance(el.tag, str) and el.get("id"):
                file.by_id.setdefault(el.get("id"), el)
                if el.get("default"):
                    file.defaults[el.get("default")] = el.get("id")
        for participant in file.root.iter(q(MODEL, "participant")):
            ref = _ref(participant.get("processRef"))
            if ref:
                file.participants.setdefault(ref, participant)
        for process_el in file.root.findall(q(MODEL, "process")):
            xml_id = process_el.get("id", "")
            if file.ours and process_el.get(q(LTV, "external")) == "true":
                continue
            if not any(_local(c)[1] in TASKS | SUBPROCESSES | EVENTS | set(GATEWAYS) | {"callActivity"}
                       for c in process_el):
                self.warn(file, f"process '{process_el.get('name') or xml_id}' has no steps: skipped")
                continue
            participant = file.participants.get(xml_id)
            title = one_line((participant.get("name") if participant is not None else None)
                             or process_el.get("name")) or xml_id
            raw = xml_id.removeprefix("Process_") if file.ours else title
            file.process_ids[xml_id] = sanitize_id(raw, self.process_ids, fallback="proces", sep="-")

    def convert(self, file: _File, known: dict[str, str]) -> None:
        """Second pass: every process of the file (and its embedded sub-processes) into drafts."""
        for process_el in file.root.findall(q(MODEL, "process")):
            xml_id = process_el.get("id", "")
            pid = file.process_ids.get(xml_id)
            if pid is None:
                continue
            participant = file.participants.get(xml_id)
            title = one_line((participant.get("name") if participant is not None else None)
                             or process_el.get("name")) or xml_id
            proc = DraftProcess(pid, title, file.name)
            docs = _docs(process_el)
            proc.summary, proc.sources = _split_docs(docs, file.ours)[0:2]
            phase = process_el.get(q(LTV, "phase"))
            if file.ours and phase:
                try:
                    proc.phase = float(phase)
                except ValueError:
                    proc.phase = None
            self.processes.append(proc)
            lane_of = self._lanes(file, process_el, proc, title)
            default = self._pool_org(file, process_el, title) if not proc.lanes else None
            if default:
                proc.lanes = [default]
            self._container(file, process_el, proc, lane_of, default, title, known)

    def summarise(self, file: _File) -> None:
        """One line per file for everything counted as having no place in our format."""
        parts = ", ".join(f"{n} × {tag}" for tag, n in sorted(file.unsupported.items()) if n > 0)
        if parts:
            self.warn(file, f"no place in our format (left out, or imported as the nearest kind): {parts}")

    def _container(self, file: _File, container: etree._Element, proc: DraftProcess, lane_of: dict[str, str],
                   default_org: str | None, title: str, known: dict[str, str]) -> None:
        flows: list[etree._Element] = []
        associations: list[etree._Element] = []
        for el in container:
            ns, tag = _local(el)
            if ns != MODEL or tag in QUIET:
                continue
            if tag == "sequenceFlow":
                flows.append(el)
            elif tag in TASKS | SUBPROCESSES | EVENTS | set(GATEWAYS) | {"callActivity"}:
                self.flow_nodes += 1
                if self.flow_nodes > MAX_FLOW_NODES:
                    raise BpmnImportError(f"{file.name} has more than {MAX_FLOW_NODES:,} steps (refused)")
                org = lane_of.get(el.get("id", "")) or default_org or self._pool_org(file, container, title)
                self._node(file, el, tag, proc, org, lane_of, known)
            else:
                if tag == "association":
                    associations.append(el)
                file.unsupported[tag] += 1
        for node in proc.nodes.values():
            if node.type == "boundary" and node.attached_to and node.attached_to not in proc.nodes:
                host = self.node_of.get((file.name, node.attached_to))
                node.attached_to = host[1] if host and host[0] is proc else None
        for el in flows:
            self._sequence_flow(file, el, proc)
        self._compensations(file, associations, proc)
        self._join_links(file, proc)

    def _node(self, file: _File, el: etree._Element, tag: str, proc: DraftProcess, org: str,
              lane_of: dict[str, str], known: dict[str, str]) -> None:
        xml_id = el.get("id", "")
        label = one_line(el.get("name")) or ""
        definitions = [_local(c)[1] for c in el if _local(c)[1].endswith("EventDefinition")]
        definitions += [_local(file.by_id[_ref(r.text)])[1] for r in el.findall(q(MODEL, "eventDefinitionRef"))
                        if _ref(r.text) in file.by_id]
        trigger = next((TRIGGERS[d] for d in definitions if d in TRIGGERS), None)
        if file.ours and tag == "endEvent" and el.get(q(LTV, "target")):
            if (file.name, xml_id) in self.link_out:
                return
            trigger = None
        if file.ours and tag == "startEvent" and el.get(q(LTV, "source")) and (file.name, xml_id) in self.link_in:
            return
        if file.ours and tag == "endEvent" and trigger == "message" and _leaves_by_message(file, xml_id):
            trigger = None  # the message end event of a flow into another process
        node_type, calls, attached_to = self._type(file, el, tag, definitions, proc, known, label)
        if node_type is None:
            return
        node_id = proc.new_node_id(xml_id or label)
        self.node_of[(file.name, xml_id)] = (proc, node_id)
        docs = _docs(el)
        description, sources, extra = _split_docs(docs, file.ours)
        node = DraftNode(node_id, node_type, label or _default_label(node_type), org, description=description,
                         sources=sources, calls=calls, attached_to=attached_to,
                         trigger=trigger if node_type in ("start", "end", "event", "boundary", "timer") else None,
                         interrupting=el.get("cancelActivity", "true") != "false", **extra)
        if node.type == "timer":
            node.trigger = "timer"
        proc.nodes[node_id] = node
        for d in definitions:
            if d not in TRIGGERS and d != "linkEventDefinition":
                file.unsupported[d] += 1
        if "linkEventDefinition" in definitions:
            link = next(c for c in el if _local(c)[1] == "linkEventDefinition")
            self.link_events.setdefault((file.name, proc.id), []).append(
                (node_id, link.get("name") or label, "throw" if tag == "intermediateThrowEvent" else "catch"))
        for child in el:
            _ns, child_tag = _local(child)
            if child_tag.endswith("LoopCharacteristics") or child_tag in ("ioSpecification", "dataInputAssociation",
                                                                            "dataOutputAssociation", "performer",
                                                                            "potentialOwner", "humanPerformer",
                                                                            "resourceRole"):
                file.unsupported[child_tag] += 1
        if tag in SUBPROCESSES and el.get("triggeredByEvent") != "true":
            self._embedded(file, el, proc, node, lane_of, known)

    def _type(self, file: _File, el: etree._Element, tag: str, definitions: list[str], proc: DraftProcess,
              known: dict[str, str], label: str) -> tuple[str | None, str | None, str | None]:
        if tag in TASKS:
            if tag != "task":
                file.unsupported[f"{tag} (imported as task)"] += 1
            return "task", None, None
        if tag in GATEWAYS:
            if tag not in ("exclusiveGateway", "parallelGateway"):
                file.unsupported[f"{tag} (imported as exclusive gateway)"] += 1
            return GATEWAYS[tag], None, None
        if tag == "callActivity":
            called = _ref(el.get("calledElement"))
            target = known.get(f"{file.name}#{called}") or (known.get(called) if file.ours else None)
            if target:
                return "subprocess", target, None
            self.warn(file, f"call activity '{label or el.get('id')}' calls '{called}', which is not a process in "
                            "this import: imported as a task")
            return "task", None, None
        if tag in SUBPROCESSES:
            if el.get("triggeredByEvent") == "true":
                self._event_subprocess(file, el, proc, known, label)
                return None, None, None
            if tag != "subProcess":
                file.unsupported[f"{tag} (imported as sub-process)"] += 1
            return "subprocess", None, None  # `calls` is set when its content becomes a process
        if tag == "startEvent":
            return "start", None, None
        if tag == "endEvent":
            return "end", None, None
        if tag == "boundaryEvent":
            return "boundary", None, _ref(el.get("attachedToRef"))
        if "timerEventDefinition" in definitions:
            return "timer", None, None
        return "event", None, None

    def _embedded(self, file: _File, el: etree._Element, parent: DraftProcess, node: DraftNode,
                  lane_of: dict[str, str], known: dict[str, str]) -> None:
        """An expanded sub-process: its content becomes a process of its own that the node calls."""
        pid = sanitize_id(f"{parent.id}-{node.label}", self.process_ids, fallback="deelproces", sep="-")
        child = DraftProcess(pid, node.label, file.name)
        child.lanes = [node.org]
        self.processes.append(child)
        self._container(file, el, child, lane_of, node.org, node.label, known)
        if not child.nodes:
            self.processes.remove(child)
            node.type = "task"
            self.warn(file, f"sub-process '{node.label}' has no steps of its own: imported as a task")
            return
        node.calls = pid
        self.warn(file, f"sub-process '{node.label}' imported as its own process '{pid}', which the step calls")

    def _event_subprocess(self, file: _File, el: etree._Element, parent: DraftProcess, known: dict[str, str],
                          label: str) -> None:
        name = label or el.get("id", "")
        pid = sanitize_id(f"{parent.id}-{name}", self.process_ids, fallback="deelproces", sep="-")
        child = DraftProcess(pid, name or pid, file.name)
        org = parent.lanes[0] if parent.lanes else None
        child.lanes = [org] if org else []
        self.processes.append(child)
        self._container(file, el, child, {}, org, name, known)
        self.warn(file, f"event sub-process '{name}' imported as its own process '{pid}', started by its own "
                        f"start event (our format cannot attach it to '{parent.title}')")

    def _sequence_flow(self, file: _File, el: etree._Element, proc: DraftProcess) -> None:
        source, target = _ref(el.get("sourceRef")), _ref(el.get("targetRef"))
        if (file.name, source) in self.link_in:
            return
        src = self.node_of.get((file.name, source))
        if (file.name, target) in self.link_out and src is not None:
            if el.get(q(LTV, "via")):
                file.unsupported["handover channel (via; our catalogues are not part of an import)"] += 1
            flow_id = el.get("id", "").removeprefix("Flow_")
            src[0].add_flow(src[1], self.link_out[(file.name, target)], flow_id, when=el.get("name"),
                            what=el.get(q(LTV, "what")))
            return
        tgt = self.node_of.get((file.name, target))
        if src is None or tgt is None or src[0] is not tgt[0]:
            self.warn(file, f"sequence flow '{el.get('id')}' from '{source}' to '{target}' does not join two steps "
                            "of one process: not imported")
            return
        when = el.get("name")
        condition = el.find(q(MODEL, "conditionExpression"))
        if not when and condition is not None and (condition.text or "").strip():
            when = " ".join(condition.text.split())[:80]
        raw_id = el.get("id", "")
        flow_id = raw_id.removeprefix("Flow_") if file.ours else raw_id
        what = el.get(q(LTV, "what")) if file.ours else None
        if file.ours and el.get(q(LTV, "via")):
            file.unsupported["handover channel (via; our catalogues are not part of an import)"] += 1
        flow = proc.add_flow(src[1], tgt[1], flow_id, when=when, what=what)
        if raw_id in file.defaults and not flow.when:
            flow.when = "Anders (standaard)"

    def _compensations(self, file: _File, associations: list[etree._Element], proc: DraftProcess) -> None:
        """A compensation boundary event is linked to its handler by an association: keep it as a flow."""
        for assoc in associations:
            src = self.node_of.get((file.name, _ref(assoc.get("sourceRef"))))
            tgt = self.node_of.get((file.name, _ref(assoc.get("targetRef"))))
            if src and tgt and src[0] is proc and tgt[0] is proc and proc.nodes[src[1]].type == "boundary":
                proc.add_flow(src[1], tgt[1], assoc.get("id"))
                file.unsupported["association"] -= 1
                self.warn(file, f"compensation '{proc.nodes[src[1]].label}' -> '{proc.nodes[tgt[1]].label}' "
                                "imported as a flow")

    def _join_links(self, file: _File, proc: DraftProcess) -> None:
        """Link events (a 'go to' inside one process): each throw gets a flow to its catch."""
        events = self.link_events.pop((file.name, proc.id), [])
        catches = {name: node for node, name, kind in events if kind == "catch"}
        for node, name, kind in events:
            if kind == "throw" and name in catches:
                proc.add_flow(node, catches[name])
                self.warn(file, f"link event '{name}' imported as a flow from its throw to its catch event")

    # --- message flows -------------------------------------------------------------------------

    def message_flows(self, file: _File) -> None:
        for flow in file.root.iter(q(MODEL, "messageFlow")):
            if file.ours:
                self._our_message_flow(file, flow)
            else:
                self._message_flow(file, flow)

    def _our_message_flow(self, file: _File, flow: etree._Element) -> None:
        target = flow.get(q(LTV, "target"))
        src = self.node_of.get((file.name, _ref(flow.get("sourceRef"))))
        if not target or src is None:
            return  # the message flows of link events: the sequence flows carry the link
        if flow.get(q(LTV, "via")):
            file.unsupported["handover channel (via; our catalogues are not part of an import)"] += 1
        if target.split("/", 1)[0] in self.imported:
            src[0].add_flow(src[1], target, flow.get("id", "").removeprefix("Flow_"), when=flow.get("name"),
                            what=flow.get(q(LTV, "what")))
        else:
            self.warn(file, f"the flow from '{src[1]}' into '{target}' is left out: that process is not part of "
                            "this import")

    def _message_flow(self, file: _File, flow: etree._Element) -> None:
        name = one_line(flow.get("name")) or _message_name(file, flow)
        label = f"message flow '{name or flow.get('id')}'"
        source, target = _ref(flow.get("sourceRef")), _ref(flow.get("targetRef"))
        src = self.node_of.get((file.name, source))
        tgt = self.node_of.get((file.name, target))
        if src is None:
            self.warn(file, f"{label} starts at a pool or at something that is not an imported step: not imported")
            return
        if tgt is None:
            tgt = self._pool_entry(file, target)
            if tgt is None:
                self.warn(file, f"{label} ends at a pool without one clear start event: not imported")
                return
            self.warn(file, f"{label} ends at a pool: imported as a flow to its start event '{tgt[1]}'")
        if src[0] is tgt[0]:
            self.warn(file, f"{label} joins two steps of one process: not imported")
            return
        if src[0].nodes[src[1]].type in ("gateway", "parallel"):
            self.warn(file, f"{label} leaves a gateway: not imported")
            return
        src[0].add_flow(src[1], f"{tgt[0].id}/{tgt[1]}", flow.get("id"), what=name)
    def _pool_entry(self, file: _File, participant_id: str) -> tuple[DraftProcess, str] | None:
        participant = file.by_id.get(participant_id)
        if participant is None or _local(participant)[1] != "participant":
            return None
        pid = file.process_ids.get(_ref(participant.get("processRef")))
        proc = next((p for p in self.processes if p.id == pid), None)
        if proc is None:
            return None
        starts = [n for n in proc.nodes.values() if n.type == "start"]
        message_starts = [n for n in starts if n.trigger == "message"]
        chosen = message_starts if len(message_starts) == 1 else starts
        return (proc, chosen[0].id) if len(chosen) == 1 else None


def _message_name(file: _File, flow: etree._Element) -> str | None:
    message = file.by_id.get(_ref(flow.get("messageRef")))
    return one_line(message.get("name")) if message is not None else None


def _leaves_by_message(file: _File, xml_id: str) -> bool:
    return any(_ref(f.get("sourceRef")) == xml_id and f.get(q(LTV, "target"))
               for f in file.root.iter(q(MODEL, "messageFlow")))


def _abbreviation(name: str) -> str:
    return name if len(name) <= 24 else name[:23].rstrip() + "…"


def _default_label(node_type: str) -> str:
    return {"start": "Start", "end": "Einde", "gateway": "Beslissing", "parallel": "Parallel", "timer": "Termijn",
            "boundary": "Onderbreking", "event": "Gebeurtenis", "subprocess": "Deelproces"}.get(node_type, "Taak")


def _split_docs(docs: Iterable[str], ours: bool) -> tuple[str, list[str], dict[str, object]]:
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


def import_bpmn(sources: Sequence[tuple[str, bytes]]) -> ImportResult:
    """(name, bytes) of one or more BPMN files -> the drafts and the report. Raises BpmnImportError."""
    return _import([(name, parse_bpmn_bytes(data, name).getroot()) for name, data in sources])


def import_bpmn_files(paths: Sequence[str | Path]) -> ImportResult:
    """The same for files on disk (each read with the size cap before parsing)."""
    return _import([(Path(path).name, read_bpmn_file(path).getroot()) for path in paths])


def _import(roots: Sequence[tuple[str, etree._Element]]) -> ImportResult:
    importer = _Importer()
    files = [_File(name, root, root.get("exporter") == EXPORTER) for name, root in roots]
    for file in files:
        importer.register(file)
    known = {}
    for file in files:
        for xml_id, pid in file.process_ids.items():
            known[f"{file.name}#{xml_id}"] = pid
            if file.ours:
                known[xml_id] = pid
    importer.imported = {pid for f in files if f.ours for pid in f.process_ids.values()}
    for file in files:
        if file.ours:
            _mark_links(importer, file)
    for file in files:
        importer.convert(file, known)
    for file in files:
        importer.message_flows(file)
        importer.summarise(file)
        if not file.ours:
            for el in file.root:
                tag = _local(el)[1]
                if tag not in QUIET_ROOTS:
                    name = one_line(el.get("name")) or el.get("id")
                    importer.warn(file, f"{tag} '{name}' has no place in our format: not imported")
    processes = [p for p in importer.processes if p.nodes]
    warnings = importer.warnings
    for process in processes:
        warnings += [f"{process.source}: {w}" for w in repair_process(process, processes)]
    if not processes:
        raise BpmnImportError("no process with steps found: nothing to import")
    used = {n.org for p in processes for n in p.nodes.values()} | {lane for p in processes for lane in p.lanes}
    organisations = list({o.id: o for o in importer.organisations.values() if o.id in used}.values())
    return ImportResult(organisations, processes, warnings)


def _mark_links(importer: _Importer, file: _File) -> None:
    """Our own link events: 'Naar:' events into a process of this import become plain flows, 'Van:'
    events from one are dropped (the other process's file holds that flow)."""
    for el in file.root.iter(q(MODEL, "endEvent")):
        target = el.get(q(LTV, "target"))
        if target and target.split("/", 1)[0] in importer.imported:
            importer.link_out[(file.name, el.get("id", ""))] = target
        elif target:
            importer.warn(file, f"'{el.get('name')}' leads into '{target}', which is not part of this import: "
                                "kept as an end event")
    for el in file.root.iter(q(MODEL, "startEvent")):
        source = el.get(q(LTV, "source"))
        if source and source.split("/", 1)[0] in importer.imported:
            importer.link_in.add((file.name, el.get("id", "")))
        elif source:
            importer.warn(file, f"'{el.get('name')}' comes from '{source}', which is not part of this import: "
                                "kept as a start event")


__all__ = ["BpmnImportError", "ImportResult", "import_bpmn", "import_bpmn_files"]
