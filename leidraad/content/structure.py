"""Structural validation of content files against the shipped JSON Schemas, as located Problems.

The same schemas give editors completion and errors in VS Code; here they give the checker its
structural rules (unknown keys, wrong types, missing keys, invalid values), so the two never drift.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from leidraad.content.suggest import did_you_mean
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
    """A readable name for the object at `path`: "stap 'x'", "stap 'x' > stroom 2", "het bestand"."""
    names = {
        "nodes": "stap",
        "organisations": "organisatie",
        "entries": "item",
        "steps": "scenariostap",
        "next": "stroom",
        "job_titles": "functie",
        "choices": "keuze",
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
            parts[-1] += f" onderdeel {key + 1}"
        else:
            parts.append(f"'{key}'")
        i += 1
    return " > ".join(parts) if parts else "het bestand"


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
            suggestion = did_you_mean(key, allowed) or f"; toegestane sleutels: {', '.join(allowed)}"
            problems.append(
                doc.place((*path, key), key=True).problem(
                    "unknown-key", f"onbekende sleutel '{key}' in {where}{suggestion}"
                )
            )
        return problems
    if keyword == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "?"
        rule = "missing-org" if missing == "org" and "nodes" in path else "missing-key"
        return [doc.place(path).problem(rule, f"{where} mist de verplichte sleutel '{missing}'")]
    place = doc.place(path)
    if keyword == "type":
        expected = error.validator_value
        words = " of ".join(map(_type_word, expected if isinstance(expected, list) else [expected]))
        return [place.problem("wrong-type", f"{where} moet {words} zijn, niet {_type_of(error.instance)}")]
    if keyword == "pattern":
        if "sources" in path or path[-1:] == ("website",):
            return [place.problem("source-url", f"{where}: '{error.instance}' is geen http(s)-adres")]
        if (path and path[-1] == "id") or "lanes" in path or "propertyNames" in error.schema_path:
            return [
                place.problem(
                    "invalid-id",
                    f"{where}: '{error.instance}' is geen geldige id (alleen kleine letters, cijfers, '_' en '-')",
                )
            ]
        return [place.problem("invalid-value", f"{where}: '{error.instance}' heeft niet de verwachte vorm")]
    if keyword in ("enum", "const"):
        value: Any = error.validator_value
        options: list[Any] = list(value) if keyword == "enum" else [value]
        hint = did_you_mean(error.instance, map(str, options)) if isinstance(error.instance, str) else ""
        return [
            place.problem(
                "invalid-value", f"{where}: '{error.instance}' is niet een van {', '.join(map(str, options))}{hint}"
            )
        ]
    if keyword == "oneOf":
        return [
            place.problem(
                "invalid-value",
                f"{where}: gebruik uitvoerend, adviserend, geïnformeerd of beslissend, "
                "of een object met 'role' en 'how'",
            )
        ]
    if keyword == "propertyNames":
        return [place.problem("invalid-id", f"{where}: '{error.instance}' is geen geldige id")]
    if keyword in ("minLength", "minItems"):
        return [place.problem("invalid-value", f"{where} mag niet leeg zijn")]
    if keyword == "uniqueItems":
        return [place.problem("invalid-value", f"{where} noemt een waarde twee keer")]
    return [place.problem("invalid-value", f"{where}: ongeldige waarde ({error.message})")]


def _type_word(expected: str) -> str:
    return {
        "object": "een object (sleutel: waarde)",
        "array": "een lijst",
        "string": "tekst",
        "number": "een getal",
        "integer": "een geheel getal",
        "boolean": "true of false",
        "null": "leeg (null)",
    }.get(expected, expected)


def _type_of(value: Any) -> str:
    if isinstance(value, dict):
        return "een object"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "leeg"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    text = str(value)
    return f"de tekst '{text[:60]}…'" if len(text) > 60 else f"de tekst '{text}'"
