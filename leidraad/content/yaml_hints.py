"""PyYAML's syntax errors as Dutch messages with a hint an editor can act on.

PyYAML says "mapping values are not allowed here" both for a line indented too far and for a value
that holds ': ' without quotes; the line itself tells which, so the hint names the likely fix.
"""

from __future__ import annotations

import re

import yaml

from leidraad.problems import Place, Problem

_KEY = re.compile(r"^\s*(?:-\s+)?[\w.-]+:\s")


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    before = lines[line - 2] if 1 < line <= len(lines) + 1 else ""
    context_line = exc.context_mark.line + 1 if exc.context_mark and exc.problem_mark else None
    what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    return Place(file, line, col).problem(
        "yaml-syntax", f"YAML-syntaxfout: {_explain(what, here, before, col, line, context_line)}"
    )


def _explain(what: str, here: str, before: str, col: int, line: int, context_line: int | None) -> str:
    if "\t" in here[: len(here) - len(here.lstrip())] or "'\\t'" in what or "\t" in before[:1]:
        return "er staat een tab in de inspringing. Tip: spring in met spaties, nooit met tabs."
    if "mapping values are not allowed" in what:
        first_colon = here.find(": ")
        if _KEY.match(here) and 0 <= first_colon < col - 2:
            key = here.split(":", 1)[0].strip().lstrip("- ").strip()
            return (
                f"de waarde van '{key}' bevat ': '. Tip: zet de hele waarde tussen aanhalingstekens, "
                f'bijvoorbeeld {key}: "{here.split(": ", 1)[1].strip()}".'
            )
        return (
            f"regel {line} springt verder in dan de regel erboven, of de regel erboven loopt door. "
            "Tip: zet een sleutel precies even ver in als de andere sleutels van hetzelfde object."
        )
    if "expected <block end>" in what or "did not find expected key" in what or "expected '-' indicator" in what:
        since = f" (vergelijk met regel {context_line})" if context_line and context_line != line else ""
        return (
            f"regel {line} springt anders in dan de regels van hetzelfde niveau{since}. "
            "Tip: elke sleutel van een object en elk '-' van een lijst staat precies even ver ingesprongen."
        )
    if "could not find expected ':'" in what:
        return (
            "hier ontbreekt een ':' na een sleutel, of een tekst over meer regels springt niet ver genoeg in. "
            "Tip: schrijf 'sleutel: waarde', of zet lange tekst achter '>-' op de regels eronder."
        )
    if "quoted scalar" in what or "end of stream" in what:
        return "een aanhalingsteken (\" of ') wordt niet gesloten. Tip: sluit de tekst af met hetzelfde teken."
    if "flow sequence" in what or "flow mapping" in what or "expected ',' or" in what:
        return (
            "een lijst [ … ] of object { … } is niet goed gesloten. Tip: zet tekst met komma's, haakjes "
            "of ': ' tussen aanhalingstekens."
        )
    if "cannot start any token" in what:
        return (
            "een waarde begint met een teken dat YAML voor zichzelf houdt (zoals @, ` of %). "
            "Tip: zet de waarde tussen aanhalingstekens."
        )
    if "tag" in what:
        return "een onbekende tag (een woord na '!'). Tip: zet tekst die met '!' begint tussen aanhalingstekens."
    return (
        f"het bestand is geen geldige YAML (PyYAML: {what}). "
        f"Tip: kijk naar de inspringing en de aanhalingstekens rond regel {line}."
    )
