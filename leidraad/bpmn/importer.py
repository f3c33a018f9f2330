"""BPMN 2.0 XML -> our content files: one process file per BPMN process, an organisations file.

Pools and lanes become organisations named after the model's own participants and lanes; flow
nodes, boundary events, (event) sub-processes and sequence flows become nodes and flows; message
flows become flows between processes (handovers); documentation becomes descriptions. What our
format cannot hold is reported in `ImportResult.warnings`, never silently dropped. The result is
repaired where our rules are stricter than BPMN (see `bpmn_repair.py`), so it passes `check`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from leidraad.bpmn.draft import DraftNode, DraftProcess, ImportResult, one_line
from leidraad.bpmn.import_elements import (
    EVENTS,
    GATEWAYS,
    QUIET,
    QUIET_ROOTS,
    SUBPROCESSES,
    TASKS,
    TRIGGERS,
    ImportFile,
    default_label,
    doc_texts,
    leaves_by_message,
    local_name,
    ref_id,
    split_docs,
)
from leidraad.bpmn.import_lanes import lane_orgs, pool_org
from leidraad.bpmn.import_message_flows import import_message_flows, mark_links
from leidraad.bpmn.import_state import ImportState
from leidraad.bpmn.repair import repair_process
from leidraad.bpmn.xml import (
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


def _process_title(file: ImportFile, process_el: etree._Element, xml_id: str) -> str:
    """The name of the pool (participant) that holds the process, else the process's own name, else its id."""
    pool = file.participants.get(xml_id)
    return one_line((pool.get("name") if pool is not None else None) or process_el.get("name")) or xml_id


class Importer(ImportState):
    """The passes of one import over its files; the shared state lives in ImportState."""

    # --- processes -----------------------------------------------------------------------------

    def register(self, file: ImportFile) -> None:
        """First pass over a file: index ids, find participants, name every process."""
        for el in file.root.iter():
            el_id = el.get("id")
            if isinstance(el.tag, str) and el_id:
                file.by_id.setdefault(el_id, el)
                default = el.get("default")
                if default:
                    file.defaults[default] = el_id
        for participant in file.root.iter(q(MODEL, "participant")):
            ref = ref_id(participant.get("processRef"))
            if ref:
                file.participants.setdefault(ref, participant)
        for process_el in file.root.findall(q(MODEL, "process")):
            xml_id = process_el.get("id", "")
            if file.ours and process_el.get(q(LTV, "external")) == "true":
                continue
            if not any(
                local_name(c)[1] in TASKS | SUBPROCESSES | EVENTS | set(GATEWAYS) | {"callActivity"} for c in process_el
            ):
                self.warn(file, f"process '{process_el.get('name') or xml_id}' has no steps: skipped")
                continue
            title = _process_title(file, process_el, xml_id)
            raw = xml_id.removeprefix("Process_") if file.ours else title
            file.process_ids[xml_id] = sanitize_id(raw, self.process_ids, fallback="proces", sep="-")

    def convert(self, file: ImportFile, known: dict[str, str]) -> None:
        """Second pass: every process of the file (and its embedded sub-processes) into drafts."""
        for process_el in file.root.findall(q(MODEL, "process")):
            xml_id = process_el.get("id", "")
            pid = file.process_ids.get(xml_id)
            if pid is None:
                continue
            title = _process_title(file, process_el, xml_id)
            proc = DraftProcess(pid, title, file.name)
            docs = doc_texts(process_el)
            proc.summary, proc.sources = split_docs(docs, file.ours)[0:2]
            phase = process_el.get(q(LTV, "phase"))
            if file.ours and phase:
                try:
                    proc.phase = float(phase)
                except ValueError:
                    proc.phase = None
            self.processes.append(proc)
            lane_of = lane_orgs(self, file, process_el, proc, title)
            default = pool_org(self, file, process_el, title) if not proc.lanes else None
            if default:
                proc.lanes = [default]
            self._container(file, process_el, proc, lane_of, default, title, known)

    def summarise(self, file: ImportFile) -> None:
        """One line per file for everything counted as having no place in our format."""
        parts = ", ".join(f"{n} × {tag}" for tag, n in sorted(file.unsupported.items()) if n > 0)
        if parts:
            self.warn(file, f"no place in our format (left out, or imported as the nearest kind): {parts}")

    def _container(
        self,
        file: ImportFile,
        container: etree._Element,
        proc: DraftProcess,
        lane_of: dict[str, str],
        default_org: str | None,
        title: str,
        known: dict[str, str],
    ) -> None:
        flows: list[etree._Element] = []
        associations: list[etree._Element] = []
        for el in container:
            ns, tag = local_name(el)
            if ns != MODEL or tag in QUIET:
                continue
            if tag == "sequenceFlow":
                flows.append(el)
            elif tag in TASKS | SUBPROCESSES | EVENTS | set(GATEWAYS) | {"callActivity"}:
                self.flow_nodes += 1
                if self.flow_nodes > MAX_FLOW_NODES:
                    raise BpmnImportError(f"{file.name} has more than {MAX_FLOW_NODES:,} steps (refused)")
                org = lane_of.get(el.get("id", "")) or default_org or pool_org(self, file, container, title)
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

    def _node(
        self,
        file: ImportFile,
        el: etree._Element,
        tag: str,
        proc: DraftProcess,
        org: str,
        lane_of: dict[str, str],
        known: dict[str, str],
    ) -> None:
        xml_id = el.get("id", "")
        label = one_line(el.get("name")) or ""
        definitions = [local_name(c)[1] for c in el if local_name(c)[1].endswith("EventDefinition")]
        definitions += [
            local_name(file.by_id[ref_id(r.text)])[1]
            for r in el.findall(q(MODEL, "eventDefinitionRef"))
            if ref_id(r.text) in file.by_id
        ]
        trigger = next((TRIGGERS[d] for d in definitions if d in TRIGGERS), None)
        if file.ours and tag == "endEvent" and el.get(q(LTV, "target")):
            if (file.name, xml_id) in self.link_out:
                return
            trigger = None
        if file.ours and tag == "startEvent" and el.get(q(LTV, "source")) and (file.name, xml_id) in self.link_in:
            return
        if file.ours and tag == "endEvent" and trigger == "message" and leaves_by_message(file, xml_id):
            trigger = None  # the message end event of a flow into another process
        node_type, calls, attached_to = self._type(file, el, tag, definitions, proc, known, label)
        if node_type is None:
            return
        node_id = proc.new_node_id(xml_id or label)
        self.node_of[(file.name, xml_id)] = (proc, node_id)
        docs = doc_texts(el)
        description, sources, extra = split_docs(docs, file.ours)
        node = DraftNode(
            node_id,
            node_type,
            label or default_label(node_type),
            org,
            description=description,
            sources=sources,
            calls=calls,
            attached_to=attached_to,
            trigger=trigger if node_type in ("start", "end", "event", "boundary", "timer") else None,
            interrupting=el.get("cancelActivity", "true") != "false",
            **extra,
        )
        if node.type == "timer":
            node.trigger = "timer"
        proc.nodes[node_id] = node
        for d in definitions:
            if d not in TRIGGERS and d != "linkEventDefinition":
                file.unsupported[d] += 1
        if "linkEventDefinition" in definitions:
            link = next(c for c in el if local_name(c)[1] == "linkEventDefinition")
            self.link_events.setdefault((file.name, proc.id), []).append(
                (node_id, link.get("name") or label, "throw" if tag == "intermediateThrowEvent" else "catch")
            )
        for child in el:
            _ns, child_tag = local_name(child)
            if child_tag.endswith("LoopCharacteristics") or child_tag in (
                "ioSpecification",
                "dataInputAssociation",
                "dataOutputAssociation",
                "performer",
                "potentialOwner",
                "humanPerformer",
                "resourceRole",
            ):
                file.unsupported[child_tag] += 1
        if tag in SUBPROCESSES and el.get("triggeredByEvent") != "true":
            self._embedded(file, el, proc, node, lane_of, known)

    def _type(
        self,
        file: ImportFile,
        el: etree._Element,
        tag: str,
        definitions: list[str],
        proc: DraftProcess,
        known: dict[str, str],
        label: str,
    ) -> tuple[str | None, str | None, str | None]:
        if tag in TASKS:
            if tag != "task":
                file.unsupported[f"{tag} (imported as task)"] += 1
            return "task", None, None
        if tag in GATEWAYS:
            if tag not in ("exclusiveGateway", "parallelGateway"):
                file.unsupported[f"{tag} (imported as exclusive gateway)"] += 1
            return GATEWAYS[tag], None, None
        if tag == "callActivity":
            called = ref_id(el.get("calledElement"))
            target = known.get(f"{file.name}#{called}") or (known.get(called) if file.ours else None)
            if target:
                return "subprocess", target, None
            self.warn(
                file,
                f"call activity '{label or el.get('id')}' calls '{called}', which is not a process in "
                "this import: imported as a task",
            )
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
            return "boundary", None, ref_id(el.get("attachedToRef"))
        if "timerEventDefinition" in definitions:
            return "timer", None, None
        return "event", None, None

    def _embedded(
        self,
        file: ImportFile,
        el: etree._Element,
        parent: DraftProcess,
        node: DraftNode,
        lane_of: dict[str, str],
        known: dict[str, str],
    ) -> None:
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

    def _event_subprocess(
        self, file: ImportFile, el: etree._Element, parent: DraftProcess, known: dict[str, str], label: str
    ) -> None:
        name = label or el.get("id", "")
        pid = sanitize_id(f"{parent.id}-{name}", self.process_ids, fallback="deelproces", sep="-")
        child = DraftProcess(pid, name or pid, file.name)
        org = parent.lanes[0] if parent.lanes else None
        child.lanes = [org] if org else []
        self.processes.append(child)
        self._container(file, el, child, {}, org, name, known)
        self.warn(
            file,
            f"event sub-process '{name}' imported as its own process '{pid}', started by its own "
            f"start event (our format cannot attach it to '{parent.title}')",
        )

    def _sequence_flow(self, file: ImportFile, el: etree._Element, proc: DraftProcess) -> None:
        source, target = ref_id(el.get("sourceRef")), ref_id(el.get("targetRef"))
        if (file.name, source) in self.link_in:
            return
        src = self.node_of.get((file.name, source))
        if (file.name, target) in self.link_out and src is not None:
            if el.get(q(LTV, "via")):
                file.unsupported["handover channel (via; our catalogues are not part of an import)"] += 1
            flow_id = el.get("id", "").removeprefix("Flow_")
            src[0].add_flow(
                src[1], self.link_out[(file.name, target)], flow_id, when=el.get("name"), what=el.get(q(LTV, "what"))
            )
            return
        tgt = self.node_of.get((file.name, target))
        if src is None or tgt is None or src[0] is not tgt[0]:
            self.warn(
                file,
                f"sequence flow '{el.get('id')}' from '{source}' to '{target}' does not join two steps "
                "of one process: not imported",
            )
            return
        when = el.get("name")
        condition = el.find(q(MODEL, "conditionExpression"))
        condition_text = (condition.text or "").strip() if condition is not None else ""
        if not when and condition_text:
            when = " ".join(condition_text.split())[:80]
        raw_id = el.get("id", "")
        flow_id = raw_id.removeprefix("Flow_") if file.ours else raw_id
        what = el.get(q(LTV, "what")) if file.ours else None
        if file.ours and el.get(q(LTV, "via")):
            file.unsupported["handover channel (via; our catalogues are not part of an import)"] += 1
        flow = proc.add_flow(src[1], tgt[1], flow_id, when=when, what=what)
        if raw_id in file.defaults and not flow.when:
            flow.when = "Anders (standaard)"

    def _compensations(self, file: ImportFile, associations: list[etree._Element], proc: DraftProcess) -> None:
        """A compensation boundary event is linked to its handler by an association: keep it as a flow."""
        for assoc in associations:
            src = self.node_of.get((file.name, ref_id(assoc.get("sourceRef"))))
            tgt = self.node_of.get((file.name, ref_id(assoc.get("targetRef"))))
            if src and tgt and src[0] is proc and tgt[0] is proc and proc.nodes[src[1]].type == "boundary":
                proc.add_flow(src[1], tgt[1], assoc.get("id"))
                file.unsupported["association"] -= 1
                self.warn(
                    file,
                    f"compensation '{proc.nodes[src[1]].label}' -> '{proc.nodes[tgt[1]].label}' imported as a flow",
                )

    def _join_links(self, file: ImportFile, proc: DraftProcess) -> None:
        """Link events (a 'go to' inside one process): each throw gets a flow to its catch."""
        events = self.link_events.pop((file.name, proc.id), [])
        catches = {name: node for node, name, kind in events if kind == "catch"}
        for node, name, kind in events:
            if kind == "throw" and name in catches:
                proc.add_flow(node, catches[name])
                self.warn(file, f"link event '{name}' imported as a flow from its throw to its catch event")


def import_bpmn(sources: Sequence[tuple[str, bytes]]) -> ImportResult:
    """(name, bytes) of one or more BPMN files -> the drafts and the report. Raises BpmnImportError."""
    return _import([(name, parse_bpmn_bytes(data, name).getroot()) for name, data in sources])


def import_bpmn_files(paths: Sequence[str | Path]) -> ImportResult:
    """The same for files on disk (each read with the size cap before parsing)."""
    return _import([(Path(path).name, read_bpmn_file(path).getroot()) for path in paths])


def _import(roots: Sequence[tuple[str, etree._Element]]) -> ImportResult:
    importer = Importer()
    files = [ImportFile(name, root, root.get("exporter") == EXPORTER) for name, root in roots]
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
            mark_links(importer, file)
    for file in files:
        importer.convert(file, known)
    for file in files:
        import_message_flows(importer, file)
        importer.summarise(file)
        if not file.ours:
            for el in file.root:
                tag = local_name(el)[1]
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


__all__ = ["BpmnImportError", "ImportResult", "import_bpmn", "import_bpmn_files"]
