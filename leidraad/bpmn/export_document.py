"""The document a BPMN export builds up (`ExportDoc`, with the `LinkEvent`s that stand for flows
between processes) and the element helpers, shared by the process part and the diagram part."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from leidraad.drawing.layout import Geometry, NodeGeom
from leidraad.model import Flow, Model, Process


def flow_xml_id(flow_id: str) -> str:
    return f"Flow_{flow_id}"


def sub(
    parent: etree._Element, tag: str, attrib: Mapping[str, str | None] | None = None, text: str | None = None
) -> etree._Element:
    """`etree.SubElement`, leaving out attributes whose value is None."""
    el = etree.SubElement(parent, tag, {k: v for k, v in (attrib or {}).items() if v is not None})
    if text is not None:
        el.text = text
    return el


@dataclass
class LinkEvent:
    """A link node of the layout: a message end event (to) or message start event (from)."""

    geom: NodeGeom
    xml_id: str
    other: str  # the other process id
    outgoing: bool
    flows: list[Flow] = field(default_factory=list)  # outgoing: the non-end flows that end in it


@dataclass
class ExportDoc:
    model: Model
    process: Process
    geometry: Geometry
    root: etree._Element
    collaboration: etree._Element
    proc: etree._Element
    plane: etree._Element
    partners: dict[str, str] = field(default_factory=dict)  # other process id -> participant xml id
    flow_elements: dict[str, etree._Element] = field(default_factory=dict)  # xml id -> element
    definitions: dict[str, str | None] = field(default_factory=dict)  # event xml id -> trigger
