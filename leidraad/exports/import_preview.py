"""A preview of a BPMN import for the app: what was imported, what was not taken over, the check's
errors, a picture of every process and the YAML files as a zip. Nothing is written anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field

from leidraad.bpmn.importer import BpmnImportError, import_bpmn
from leidraad.drawing.plain_diagram import GraphvizMissing
from leidraad.exports.images import print_svg, svg_to_png


@dataclass(frozen=True)
class Preview:
    error: str | None = None
    warnings: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # check errors, formatted
    pictures: tuple[tuple[str, str, bytes], ...] = ()  # (process id, title, PNG)
    zip_bytes: bytes = b""
    counts: dict[str, int] = field(default_factory=dict)


def import_preview(files: tuple[tuple[str, bytes], ...]) -> Preview:
    """Import, check and draw uploaded BPMN files (name, bytes) without writing anything."""
    try:
        result = import_bpmn(list(files))
    except BpmnImportError as exc:
        return Preview(error=str(exc))
    checked = result.checked()
    problems = tuple(p.format() for p in checked.problems if p.is_error)
    pictures = []
    try:
        for process in checked.model.process_list():
            pictures.append((process.id, process.title, svg_to_png(print_svg(checked.model, process), scale=1.0)))
    except GraphvizMissing as exc:
        return Preview(error=str(exc))
    return Preview(
        warnings=tuple(result.warnings),
        problems=problems,
        pictures=tuple(pictures),
        zip_bytes=result.zip_bytes(),
        counts={"processes": len(result.processes), "organisations": len(result.organisations)},
    )
