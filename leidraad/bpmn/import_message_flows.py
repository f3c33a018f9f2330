"""Flows between processes in a BPMN import: message flows between pools become handovers into
the other process, and the link events of our own exports are joined back into plain flows."""

from __future__ import annotations

from lxml import etree

from leidraad.bpmn.draft import DraftProcess, one_line
from leidraad.bpmn.import_elements import ImportFile, local_name, ref_id
from leidraad.bpmn.import_state import ImportState
from leidraad.bpmn.xml import LTV, MODEL, q


def import_message_flows(importer: ImportState, file: ImportFile) -> None:
    for flow in file.root.iter(q(MODEL, "messageFlow")):
        if file.ours:
            _our_message_flow(importer, file, flow)
        else:
            _message_flow(importer, file, flow)


def _our_message_flow(importer: ImportState, file: ImportFile, flow: etree._Element) -> None:
    target = flow.get(q(LTV, "target"))
    src = importer.node_of.get((file.name, ref_id(flow.get("sourceRef"))))
    if not target or src is None:
        return  # the message flows of link events: the sequence flows carry the link
    if flow.get(q(LTV, "via")):
        file.unsupported["handover channel (via; our catalogues are not part of an import)"] += 1
    if target.split("/", 1)[0] in importer.imported:
        src[0].add_flow(
            src[1],
            target,
            flow.get("id", "").removeprefix("Flow_"),
            when=flow.get("name"),
            what=flow.get(q(LTV, "what")),
        )
    else:
        importer.warn(
            file, f"the flow from '{src[1]}' into '{target}' is left out: that process is not part of this import"
        )


def _message_flow(importer: ImportState, file: ImportFile, flow: etree._Element) -> None:
    name = one_line(flow.get("name")) or _message_name(file, flow)
    label = f"message flow '{name or flow.get('id')}'"
    source, target = ref_id(flow.get("sourceRef")), ref_id(flow.get("targetRef"))
    src = importer.node_of.get((file.name, source))
    tgt = importer.node_of.get((file.name, target))
    if src is None:
        importer.warn(file, f"{label} starts at a pool or at something that is not an imported step: not imported")
        return
    if tgt is None:
        tgt = _pool_entry(importer, file, target)
        if tgt is None:
            importer.warn(file, f"{label} ends at a pool without one clear start event: not imported")
            return
        importer.warn(file, f"{label} ends at a pool: imported as a flow to its start event '{tgt[1]}'")
    if src[0] is tgt[0]:
        importer.warn(file, f"{label} joins two steps of one process: not imported")
        return
    if src[0].nodes[src[1]].type in ("gateway", "parallel"):
        importer.warn(file, f"{label} leaves a gateway: not imported")
        return
    src[0].add_flow(src[1], f"{tgt[0].id}/{tgt[1]}", flow.get("id"), what=name)


def _pool_entry(importer: ImportState, file: ImportFile, participant_id: str) -> tuple[DraftProcess, str] | None:
    participant = file.by_id.get(participant_id)
    if participant is None or local_name(participant)[1] != "participant":
        return None
    pid = file.process_ids.get(ref_id(participant.get("processRef")))
    proc = next((p for p in importer.processes if p.id == pid), None)
    if proc is None:
        return None
    starts = [n for n in proc.nodes.values() if n.type == "start"]
    message_starts = [n for n in starts if n.trigger == "message"]
    chosen = message_starts if len(message_starts) == 1 else starts
    return (proc, chosen[0].id) if len(chosen) == 1 else None


def _message_name(file: ImportFile, flow: etree._Element) -> str | None:
    message = file.by_id.get(ref_id(flow.get("messageRef")))
    return one_line(message.get("name")) if message is not None else None


def mark_links(importer: ImportState, file: ImportFile) -> None:
    """Our own link events: 'Naar:' events into a process of this import become plain flows, 'Van:'
    events from one are dropped (the other process's file holds that flow)."""
    for el in file.root.iter(q(MODEL, "endEvent")):
        target = el.get(q(LTV, "target"))
        if target and target.split("/", 1)[0] in importer.imported:
            importer.link_out[(file.name, el.get("id", ""))] = target
        elif target:
            importer.warn(
                file,
                f"'{el.get('name')}' leads into '{target}', which is not part of this import: kept as an end event",
            )
    for el in file.root.iter(q(MODEL, "startEvent")):
        source = el.get(q(LTV, "source"))
        if source and source.split("/", 1)[0] in importer.imported:
            importer.link_in.add((file.name, el.get("id", "")))
        elif source:
            importer.warn(
                file,
                f"'{el.get('name')}' comes from '{source}', which is not part of this import: kept as a start event",
            )
