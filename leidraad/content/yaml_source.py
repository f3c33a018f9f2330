"""YAML text -> plain data plus the line and column of every value and key.

PyYAML silently keeps the last of two equal keys and expands anchors; content must do neither,
so this module composes the node tree itself and reports both as problems with their place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from leidraad.problems import Place, Problem

MAX_FILE_BYTES = 1024 * 1024
# libyaml's parser when PyYAML was built with it (the PyPI wheels are): about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """One parsed file: its data and where every part of it was written."""

    file: str
    data: Any
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def place(self, path: Path, *, key: bool = False) -> Place:
        """The place of the value at `path` (or of its key); falls back to the nearest parent."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while True:
            if probe in marks:
                line, col = marks[probe]
                return Place(self.file, line, col)
            if probe in self.value_marks:
                line, col = self.value_marks[probe]
                return Place(self.file, line, col)
            if not probe:
                return Place(self.file, 1, 1)
            probe = probe[:-1]


def _mark(node_or_event: Any) -> tuple[int, int]:
    m = node_or_event.start_mark
    return (m.line + 1, m.column + 1)


class _ScalarConstructor(SafeConstructor):
    """Builds scalars the safe way, but keeps dates as the text the editor wrote."""

    def construct_yaml_timestamp(self, node: ScalarNode) -> str:  # type: ignore[override]
        return str(node.value)


# The stubs do not allow a constructor that returns str.
_ScalarConstructor.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:timestamp", _ScalarConstructor.construct_yaml_timestamp
)


def read_text(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Refuse what must not be parsed: oversized and non-UTF-8 files."""
    place = Place(file, 1, 1)
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            place.problem(
                "file-too-large",
                f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,} bytes (1 MiB): "
                "split it into smaller files",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Place(file, line, col).problem(
                "not-utf8", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8: save the file as UTF-8"
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


def parse_yaml(text: str, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document; return it with its marks, and every problem found on the way."""
    problems: list[Problem] = []
    try:
        documents = 0
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    line, col = _mark(event)
                    problems.append(
                        Place(file, line, col).problem(
                            "multiple-documents", "a file holds one YAML document; remove the second '---'"
                        )
                    )
            if isinstance(event, yaml.AliasEvent):
                line, col = _mark(event)
                problems.append(
                    Place(file, line, col).problem(
                        "yaml-anchor", f"alias '*{event.anchor}' is not allowed: write the content out in full"
                    )
                )
            elif anchor := getattr(event, "anchor", None):
                line, col = _mark(event)
                problems.append(
                    Place(file, line, col).problem(
                        "yaml-anchor", f"anchor '&{anchor}' is not allowed: write the content out in full"
                    )
                )
        if documents > 1:
            return None, problems
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return None, [*problems, Place(file, line, col).problem("yaml-syntax", f"YAML syntax: {what}")]
    except yaml.YAMLError as exc:
        return None, [*problems, Place(file, 1, 1).problem("yaml-syntax", f"YAML syntax: {exc}")]

    doc = YamlDocument(file, None)
    if root is not None:
        doc.data = _convert(root, (), doc, problems, set())
    return doc, problems


def _convert(node: Node, path: Path, doc: YamlDocument, problems: list[Problem], active: set[int]) -> Any:
    doc.value_marks.setdefault(path, _mark(node))
    if id(node) in active:  # a recursive alias; already reported as yaml-anchor
        return None
    if isinstance(node, ScalarNode):
        return _ScalarConstructor().construct_object(node)
    active = active | {id(node)}
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), doc, problems, active) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = _mark(key_node)
            if not isinstance(key_node, ScalarNode):
                problems.append(Place(doc.file, line, col).problem("wrong-type", "a key must be a plain word"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Place(doc.file, line, col).problem(
                        "yaml-anchor", "merge key '<<' is not allowed: write the content out in full"
                    )
                )
                continue
            key = str(key_node.value)
            if key in result:
                first_line, _ = doc.key_marks[(*path, key)]
                problems.append(
                    Place(doc.file, line, col).problem(
                        "duplicate-key",
                        f"key '{key}' appears twice in this mapping (first on line {first_line}); "
                        "YAML would silently keep only the last one",
                    )
                )
                continue
            doc.key_marks[(*path, key)] = (line, col)
            result[key] = _convert(value_node, (*path, key), doc, problems, active)
        return result
    return None
