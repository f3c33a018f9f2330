"""YAML text -> plain data plus the line and column of every value and key.

PyYAML silently keeps the last of two equal keys and expands anchors; content must do neither,
so this module reads the events first, composes the node tree only for a file without aliases or
unsafe tags, and reports every such thing as a problem with its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from leidraad.content.yaml_hints import syntax_problem
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
                f"het bestand is {len(raw):,} bytes; de grens is {MAX_FILE_BYTES:,} bytes (1 MiB): "
                "splits het in kleinere bestanden".replace(",", "."),
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Place(file, line, col).problem(
                "not-utf8", f"byte 0x{raw[exc.start]:02x} is geen geldige UTF-8: sla het bestand op als UTF-8"
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


def parse_yaml(text: str, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document; return it with its marks, and every problem found on the way.

    The events are read first: an alias stops the file there (its tree is never built, so a
    'billion laughs' file costs no more than its own length), and so do tags other than the plain
    ones and nesting deeper than MAX_DEPTH. Only a file that passes is composed into a tree."""
    problems: list[Problem] = []
    try:
        if not _scan_events(text, file, problems):
            return None, problems
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        return None, [*problems, syntax_problem(exc, text, file)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return None, [
            *problems,
            Place(file, line, col).problem(
                "yaml-syntax",
                f"YAML-syntaxfout: het bestand bevat een onzichtbaar stuurteken (#x{exc.character:04x}); "
                "verwijder het (het komt vaak mee bij kopiëren uit Word of een pdf)",
            ),
        ]
    except yaml.YAMLError as exc:
        return None, [*problems, Place(file, 1, 1).problem("yaml-syntax", f"YAML-syntaxfout: {exc}")]

    doc = YamlDocument(file, None)
    if root is not None:
        doc.data = _convert(root, (), doc, problems)
    return doc, problems


MAX_DEPTH = 40
# The only tags an editor may write: the plain ones (what YAML would pick itself, made explicit).
ALLOWED_TAGS = {
    yaml.ScalarEvent: {"tag:yaml.org,2002:str"},
    yaml.SequenceStartEvent: {"tag:yaml.org,2002:seq"},
    yaml.MappingStartEvent: {"tag:yaml.org,2002:map"},
}


def _scan_events(text: str, file: str, problems: list[Problem]) -> bool:
    """Report anchors, aliases, tags, extra documents and deep nesting; False when the tree must not be built."""
    documents = depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        here = Place(file, *_mark(event))
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents == 2:
                problems.append(
                    here.problem("multiple-documents", "een bestand bevat één YAML-document; haal de tweede '---' weg")
                )
                return False
        elif isinstance(event, yaml.AliasEvent):
            problems.append(
                here.problem(
                    "yaml-anchor",
                    f"alias '*{event.anchor}' is niet toegestaan: schrijf de inhoud voluit "
                    "(het bestand is daarom niet verder gelezen)",
                )
            )
            return False
        elif isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if event.anchor:
                problems.append(
                    here.problem("yaml-anchor", f"anker '&{event.anchor}' is niet toegestaan: schrijf de inhoud voluit")
                )
            if event.tag is not None and event.tag not in ALLOWED_TAGS[type(event)]:
                problems.append(
                    here.problem(
                        "yaml-tag",
                        f"de YAML-tag '{_short_tag(event.tag)}' is niet toegestaan: schrijf een gewone waarde "
                        "(tekst, getal, lijst of object) zonder '!'; zet tekst die met '!' begint "
                        "tussen aanhalingstekens",
                    )
                )
                return False
            if not isinstance(event, yaml.ScalarEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(
                        here.problem(
                            "yaml-syntax",
                            f"YAML-syntaxfout: de inhoud is hier meer dan {MAX_DEPTH} niveaus diep genest",
                        )
                    )
                    return False
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return True


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _convert(node: Node, path: Path, doc: YamlDocument, problems: list[Problem]) -> Any:
    """Node tree -> plain data. The tree has no aliases (the event scan stops at the first), so it is a tree."""
    doc.value_marks.setdefault(path, _mark(node))
    if isinstance(node, ScalarNode):
        try:
            return _ScalarConstructor().construct_object(node)
        except (ValueError, yaml.YAMLError):  # e.g. an integer of more digits than Python converts
            return str(node.value)
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), doc, problems) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = _mark(key_node)
            if not isinstance(key_node, ScalarNode):
                problems.append(
                    Place(doc.file, line, col).problem("wrong-type", "een sleutel moet een gewoon woord zijn")
                )
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Place(doc.file, line, col).problem(
                        "yaml-anchor", "de samenvoegsleutel '<<' is niet toegestaan: schrijf de inhoud voluit"
                    )
                )
                continue
            key = str(key_node.value)
            if key in result:
                first_line, _ = doc.key_marks[(*path, key)]
                problems.append(
                    Place(doc.file, line, col).problem(
                        "duplicate-key",
                        f"de sleutel '{key}' staat twee keer in dit object (eerst op regel {first_line}); "
                        "YAML zou stilletjes alleen de laatste houden",
                    )
                )
                continue
            doc.key_marks[(*path, key)] = (line, col)
            result[key] = _convert(value_node, (*path, key), doc, problems)
        return result
    return None
