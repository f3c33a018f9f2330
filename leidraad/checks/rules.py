"""Every rule id the loader and checker can report, with its severity and what it means.

The ids are stable and English (editors search for them; the messages themselves are Dutch). Where
each is checked: the loader (`leidraad.content`: reading, parsing, schemas, duplicate ids) and the
rule modules of this package: `references`, `flows`, `scenarios`, `policy`.

The documentation table and the tests both read this registry, so no rule goes undocumented or
untested.
"""

from __future__ import annotations

from leidraad.problems import Severity

E, W = Severity.ERROR, Severity.WARNING

RULES: dict[str, tuple[Severity, str]] = {
    # Reading and parsing
    "no-content": (E, "the content folder does not exist"),
    "file-too-large": (E, "a content file is larger than 1 MiB"),
    "not-utf8": (E, "a content file is not valid UTF-8"),
    "yaml-syntax": (E, "the file is not valid YAML"),
    "multiple-documents": (E, "the file holds more than one YAML document"),
    "duplicate-key": (E, "a key appears twice in one mapping"),
    "yaml-anchor": (E, "YAML anchors, aliases and merge keys are not allowed (an alias stops the file)"),
    "yaml-tag": (E, "a YAML tag other than the plain ones (e.g. '!!binary', '!!python/object')"),
    "missing-kind": (E, "the file does not start with 'kind:'"),
    "unknown-kind": (E, "'kind:' is not organisations, catalogue, process or scenario"),
    "kind-first": (E, "'kind:' is not the first key"),
    # Structure (from the JSON Schemas)
    "unknown-key": (E, "a key the format does not know (usually a typo)"),
    "missing-key": (E, "a required key is missing"),
    "missing-org": (E, "a node has no responsible organisation"),
    "wrong-type": (E, "a value has the wrong type"),
    "invalid-value": (E, "a value is not one of the allowed values or forms"),
    "invalid-id": (E, "an id is not lower-case letters, digits, '_' and '-'"),
    "source-url": (E, "a source is not an http(s) URL"),
    # Model
    "duplicate-id": (E, "two objects of the same kind share an id"),
    "unknown-org": (E, "a reference to an organisation that does not exist"),
    "unknown-catalogue-entry": (E, "a reference to a catalogue entry that does not exist"),
    "unknown-process": (E, "a reference to a process that does not exist"),
    "unknown-step": (E, "a flow to a step that does not exist"),
    "missing-calls": (E, "a subprocess does not say which process it calls"),
    "misplaced-key": (E, "'calls' or 'attached_to' on a node type that cannot have it"),
    "boundary-host": (E, "a boundary event is not attached to an existing task or subprocess"),
    "boundary-incoming": (E, "a boundary event has incoming flows"),
    "start-incoming": (E, "a start event has incoming flows from its own process"),
    "end-outgoing": (E, "an end event has a flow within its own process"),
    "no-start": (E, "a process has no start event"),
    "no-end": (E, "a process has no end event and no flow into another process"),
    "unreachable": (E, "a node cannot be reached from a start"),
    "dead-end": (E, "a node cannot reach an end"),
    "gateway-condition": (E, "a flow out of a deciding gateway has no 'when'"),
    "gateway-degenerate": (E, "a gateway neither splits (2+ out) nor joins (2+ in)"),
    "scenario-unknown-step": (E, "a scenario names a step that does not exist"),
    "scenario-route": (E, "a scenario step does not follow the previous one by a flow, or skips a task or decision"),
    "scenario-choice": (E, "a scenario choice is not an outcome of its decision, or the correct one leads elsewhere"),
    "scenario-decision": (E, "a scenario decision lacks choices, or has not exactly one correct choice"),
    "scenario-feedback": (E, "a scenario choice has no feedback"),
    # Editorial policy
    "missing-source": (W, "a step, organisation or catalogue entry names no source"),
    "missing-description": (W, "a task, subprocess or catalogue entry has no description"),
    "missing-summary": (W, "a process has no summary"),
    # The checker itself
    "internal": (E, "a rule or the loader failed on this content (a bug): the other rules still ran"),
}

# Problems that mean a file (or part of it) did not load: a report shows them first, as causes.
LOAD_RULES = frozenset(
    {
        "no-content",
        "file-too-large",
        "not-utf8",
        "yaml-syntax",
        "multiple-documents",
        "yaml-anchor",
        "yaml-tag",
        "missing-kind",
        "unknown-kind",
        "internal",
    }
)

STRUCTURAL_RULES = frozenset(
    {"unknown-key", "missing-key", "missing-org", "wrong-type", "invalid-value", "invalid-id", "source-url"}
)
