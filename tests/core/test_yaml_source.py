"""Parsing keeps places and refuses what PyYAML would silently accept."""

from __future__ import annotations

from leidraad.content.yaml_source import parse_yaml, read_text


def test_values_and_keys_keep_their_line_and_column() -> None:
    doc, problems = parse_yaml("kind: process\nnodes:\n  - id: a\n    label: A\n", "f.yaml")
    assert problems == []
    assert doc.data == {"kind": "process", "nodes": [{"id": "a", "label": "A"}]}
    assert (doc.place(("nodes", 0, "label")).line, doc.place(("nodes", 0, "label")).col) == (4, 12)
    assert doc.place(("nodes", 0, "label"), key=True).col == 5
    assert doc.place(("nodes", 0, "missing")).line == 3  # falls back to the nearest parent


def test_dates_stay_as_written() -> None:
    doc, _ = parse_yaml("reviewed: 2026-01-31\nsources_as_of: 2021-10\n", "f.yaml")
    assert doc.data == {"reviewed": "2026-01-31", "sources_as_of": "2021-10"}


def test_duplicate_key_keeps_the_first_value_and_reports_the_second() -> None:
    doc, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert doc.data == {"a": 1, "b": 2}
    assert [(p.rule_id, p.line) for p in problems] == [("duplicate-key", 3)]
    assert "regel 1" in problems[0].message


def test_recursive_alias_does_not_hang() -> None:
    _doc, problems = parse_yaml("a: &x [*x]\n", "f.yaml")
    assert {p.rule_id for p in problems} == {"yaml-anchor"}


def test_byte_order_mark_is_accepted() -> None:
    text, problems = read_text("\ufeffkind: process\n".encode(), "f.yaml")
    assert problems == [] and text == "kind: process\n"


def test_odd_characters_survive() -> None:
    doc, problems = parse_yaml('label: "<script>&amp; {braces} \\"quotes\\""\n', "f.yaml")
    assert problems == []
    assert doc.data["label"] == '<script>&amp; {braces} "quotes"'
