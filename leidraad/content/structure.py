"""Structural validation of content files against the shipped JSON Schemas, as located Problems.

The same schemas give editors completion and errors in VS Code; here they give the checker its
structural rules (unknown keys, wrong types, missing keys, invalid values), so the two never drift.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from leidraad.content.yaml_source import YamlDocument
from leidraad.problems import Problem

KINDS = ("organisations", "catalogue", "process", "scenario")
SCHEMA_FILES = {kind: f"{kind}.schema.json" for kind in KINDS}
SCHEMA_BASE = "https://ltv-procesverkenner.example/schemas/"


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("leidraad.schemas").joinpath(name).read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    names = [*SCHEMA_FILES.values(), "common.schema.json"]
    return Registry().with_resources((SCHEMA_BASE + name, Resource.from_contents(load_schema(name))) for name in names)


@cache
def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(SCHEMA_FILES[kind]), registry=_registry())


def validate(doc: YamlDocument, kind: str) -> list[Problem]:
    problems: list[Problem] = []
    for error in validator(kind).iter_errors(doc.data):
        problems.extend(_to_problems(error, doc))
    return sorted(set(problems))


def _describe(path: tuple[Any, ...], data: Any) -> str:
    """A readable name for the object at `path`: "node 'x'", "flow 2 of node 'x'", "the file"."""
    names = {
        "nodes": "node",
        "organisations": "organisation",
        "entries": "entry",
        "steps": "step",
        "next": "flow",
        "job_titles": "job title",
        "choices": "choice",
    }
    parts: list[str] = []
    cursor = data
    i = 0
    while i < len(path):
        key = path[i]
        cursor = cursor[key] if isinstance(cursor, (dict, list)) else None
        if key in names and i + 1 < len(path) and isinstance(path[i + 1], int):
            cursor = cursor[path[i + 1]] if isinstance(cursor, list) else None
            ident = cursor.get("id") or cursor.get("to") or cursor.get("step") if isinstance(cursor, dict) else None
            parts.append(f"{names[key]} '{ident}'" if ident else f"{names[key]} {path[i + 1] + 1}")
            i += 2
            continue
        if isinstance(key, int) and parts:
            parts[-1] += f" item {key + 1}"
        else:
            parts.append(f"'{key}'")
        i += 1
    return " > ".join(parts) if parts else "the file"


def _to_problems(error: ValidationError, doc: YamlDocument) -> list[Problem]:
    path = tuple(error.absolute_path)
    where = _describe(path, doc.data)
    keyword = error.validator
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = list(schema.get("properties", {}))
        problems = []
        for key in error.instance:
            if key in allowed:
                continue
            hint = difflib.get_close_matches(key, allowed, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; allowed keys: {', '.join(allowed)}"
            problems.append(
                doc.place((*path, key), key=True).problem("unknown-key", f"unknown key '{key}' in {where}{suggestion}")
            )
        return problems
    if keyword == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "?"
        rule = "missing-org" if missing == "org" and "nodes" in path else "missing-key"
        return [doc.place(path).problem(rule, f"{where} has no '{missing}'")]
    place = doc.place(path)
    if keyword == "type":
        expected = error.validator_value
        words = " or ".join(map(_type_word, expected if isinstance(expected, list) else [expected]))
        return [place.problem("wrong-type", f"{where} must be {words}, not {_type_of(error.instance)}")]
    if keyword == "pattern":
        if "sources" in path or path[-1:] == ("website",):
            return [place.problem("source-url", f"{where}: '{error.instance}' is not an http(s) URL")]
        if (path and path[-1] == "id") or "lanes" in path or "propertyNames" in error.schema_path:
            return [
                place.problem(
                    "invalid-id",
                    f"{where}: '{error.instance}' is not a valid id (lower-case letters, digits, '_' and '-')",
                )
            ]
        return [place.problem("invalid-value", f"{where}: '{error.instance}' does not have the expected form")]
    if keyword in ("enum", "const"):
        value: Any = error.validator_value
        options: list[Any] = list(value) if keyword == "enum" else [value]
        return [
            place.problem("invalid-value", f"{where}: '{error.instance}' is not one of {', '.join(map(str, options))}")
        ]
    if keyword == "oneOf":
        return [
            place.problem(
                "invalid-value",
                f"{where}: use one of uitvoerend, adviserend, geïnformeerd, "
                "beslissend, or a mapping with 'role' and 'how'",
            )
        ]
    if keyword == "propertyNames":
        return [place.problem("invalid-id", f"{where}: '{error.instance}' is not a valid id")]
    return [place.problem("invalid-value", f"{where}: {error.message}")]


def _type_word(expected: str) -> str:
    return {
        "object": "a mapping",
        "array": "a list",
        "string": "text",
        "number": "a number",
        "boolean": "true or false",
        "null": "null",
    }.get(expected, expected)


def _type_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "empty"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text '{value}'"
