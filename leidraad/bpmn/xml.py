"""What the BPMN export and import share: namespaces, id rules and safe XML parsing.

Parsing is deliberately strict: a BPMN file from outside is untrusted input. DOCTYPEs (and so
entities, internal or external) are refused before and after parsing, the parser never touches the
network or the disk, and size and element count are capped.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from lxml import etree

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Our own attributes, where BPMN has no place for what a round trip needs (BPMN allows foreign
# attributes on every element). Other tools keep or ignore them.
LTV = "https://ltv-procesverkenner.example/bpmn"
NSMAP: dict[str | None, str] = {None: MODEL, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI, "ltv": LTV}

EXPORTER = "LTV Procesverkenner"
TARGET_NAMESPACE = "https://ltv-procesverkenner.example/bpmn"

MAX_BYTES = 10 * 1024 * 1024  # 10 MiB: the app's upload limit (5 MB) fits well inside
MAX_ELEMENTS = 100_000
MAX_FLOW_NODES = 5_000

OUR_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MAX_ID_LENGTH = 80


class BpmnImportError(ValueError):
    """A BPMN file that cannot be imported; the message says why in one line."""


def q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def ncname(our_id: str) -> str:
    """Our ids may start with a digit; XML ids may not. A leading '_' (never in our ids) fixes it."""
    return our_id if our_id[:1].isalpha() else f"_{our_id}"


def sanitize_id(raw: str, taken: set[str], fallback: str = "n", sep: str = "_") -> str:
    """Any foreign id or name -> a unique id matching ^[a-z0-9][a-z0-9_-]*$, added to `taken`."""
    folded = unicodedata.normalize("NFKD", raw.strip().lower())
    text = "".join(c for c in folded if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9_-]+", sep, text)
    if sep == "-":  # a name: 'Team - Sales' -> 'team-sales'; an id keeps its own '__'
        text = re.sub(r"[_-]*-[_-]*", "-", text)
    text = text.strip("_-")[:MAX_ID_LENGTH].strip("_-") or fallback
    candidate, serial = text, 2
    while candidate in taken:
        suffix = f"_{serial}"
        candidate = text[: MAX_ID_LENGTH - len(suffix)] + suffix
        serial += 1
    taken.add(candidate)
    return candidate


def _refuse_doctype(head: bytes) -> None:
    probe = head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        probe = head.decode("utf-16", errors="ignore").encode("utf-8")
    elif head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        probe = head.decode("utf-16-le" if head[0] == 0x3C else "utf-16-be", errors="ignore").encode("utf-8")
    if b"<!DOCTYPE" in probe.upper() or b"<!ENTITY" in probe.upper():
        raise BpmnImportError("the file has a DOCTYPE or entity declarations; BPMN files need neither (refused)")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_bpmn_bytes(data: bytes, name: str = "file") -> etree._ElementTree:
    """Parse an untrusted BPMN file; raise BpmnImportError with a one-line reason when it is refused."""
    if len(data) > MAX_BYTES:
        raise BpmnImportError(f"{name} is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes (10 MiB)")
    if not data.strip():
        raise BpmnImportError(f"{name} is empty")
    _refuse_doctype(data)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        reason = str(exc.msg if hasattr(exc, "msg") else exc).splitlines()[0]
        raise BpmnImportError(f"{name} is not well-formed XML{line}: {reason}") from None
    except ValueError as exc:  # e.g. an encoding declaration lxml refuses
        raise BpmnImportError(f"{name} cannot be read as XML: {exc}") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise BpmnImportError(f"{name} has a DOCTYPE; BPMN files need none (refused)")
    root = tree.getroot()
    if root.tag != q(MODEL, "definitions"):
        raise BpmnImportError(f"{name} is XML but not BPMN 2.0: the root element is not <definitions> of {MODEL}")
    for count, _ in enumerate(root.iter(), start=1):
        if count > MAX_ELEMENTS:
            raise BpmnImportError(f"{name} has more than {MAX_ELEMENTS:,} XML elements (refused)")
    return tree


def read_bpmn_file(path: str | Path) -> etree._ElementTree:
    """Read at most MAX_BYTES (+1 to detect more) from `path` and parse it safely."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BpmnImportError(f"{path.name} is {size:,} bytes; the limit is {MAX_BYTES:,} bytes (10 MiB)")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BpmnImportError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_bpmn_bytes(data, path.name)


__all__ = [
    "BPMNDI",
    "DC",
    "DI",
    "EXPORTER",
    "LTV",
    "MAX_BYTES",
    "MODEL",
    "NSMAP",
    "BpmnImportError",
    "ncname",
    "parse_bpmn_bytes",
    "q",
    "read_bpmn_file",
    "sanitize_id",
]


# Labels of the extra documentation paragraphs; written by the export, read back by the import.
DOC_LABELS = {
    "legal_basis": "Rechtsgrond",
    "time_limit": "Termijn",
    "involved": "Betrokken",
    "sources": "Bronnen",
    "unconfirmed": "Niet bevestigd",
    "outdated": "Verouderd",
    "handover": "Overdracht",
}
