"""The semantic diff on a fixture pair with one change of every kind, and on the real content."""

from __future__ import annotations

import json

import pytest

from leidraad.cli.main import main
from leidraad.content.load import load_folder
from leidraad.versions.diff import diff_models, find_renames, is_empty
from leidraad.versions.report import format_markdown, format_text
from tests.conftest import CONTENT
from tests.versions.conftest import NEW, OLD

EMPTY = {"added": [], "removed": [], "changed": {}}
EXPECTED = {
    "old": "oud",
    "new": "nieuw",
    "processes": {
        "added": ["erbij"],
        "removed": ["weg"],
        "changed": {
            "hoofd": {
                "fields": {
                    "title": ["Hoofdproces", "Hoofdproces, herzien"],
                    "summary": ["Het hoofdproces.", "Het herziene hoofdproces."],
                },
                "steps": {
                    "added": ["controleren"],
                    "removed": ["archiveren"],
                    "renamed": [["beoordelen", "aanvraag_beoordelen"]],
                    "changed": {
                        "afwijzen": {"org": ["b", "a"]},
                        "intake": {
                            "label": ["Intake doen", "Intake afnemen"],
                            "involved": [None, {"b": "geïnformeerd"}],
                            "description": ["Neemt de aanvraag op.", "Neemt de aanvraag op en controleert de stukken."],
                            "legal_basis": [["art. 1 Wet"], ["art. 1 Wet", "art. 2 Wet"]],
                            "time_limit": ["Binnen een week.", "Binnen twee weken."],
                            "sources": [
                                ["https://example.org/intake"],
                                ["https://example.org/intake", "https://example.org/intake-2"],
                            ],
                            "unconfirmed": [None, "De termijn van twee weken is niet bevestigd."],
                            "outdated": [None, "De wet is sinds 2025 gewijzigd."],
                        },
                    },
                },
                "flows": {
                    "added": ["besluit__controleren", "controleren__afwijzen"],
                    "removed": ["archiveren__eind", "besluit__afwijzen", "intake__archiveren"],
                    "changed": {
                        "besluit__eind": {"when": ["Ja", "Ja, toekennen"]},
                        "intake__aanvraag_beoordelen": {
                            "handover.what": ["Dossier", "Digitaal dossier"],
                            "handover.via": ["kanaal", "nieuw-kanaal"],
                        },
                    },
                },
                "handovers": {
                    "added": [["hoofd/afwijzen", "hoofd/eind"], ["hoofd/controleren", "hoofd/afwijzen"]],
                    "removed": [["hoofd/archiveren", "hoofd/eind"]],
                },
            }
        },
    },
    "organisations": {
        "added": ["d"],
        "removed": ["c"],
        "changed": {"b": {"name": ["Organisatie B", "Organisatie B, vernieuwd"]}},
    },
    "catalogues": {
        "overlegvormen": EMPTY,
        "opvangvormen": EMPTY,
        "informatie-uitwisseling": {
            "added": ["nieuw-kanaal"],
            "removed": ["oud-kanaal"],
            "changed": {"kanaal": {"description": ["Een kanaal.", "Een kanaal voor dossiers."]}},
        },
        "doelgroepen": EMPTY,
        "begrippen": EMPTY,
    },
}


@pytest.fixture(scope="module")
def pair():
    return load_folder(OLD).model, load_folder(NEW).model


def test_fixtures_are_valid_content(pair) -> None:
    for folder in (OLD, NEW):
        assert not [p for p in load_folder(folder).problems if p.is_error], folder


def test_diff_json_records_every_kind_of_change(pair) -> None:
    old, new = pair
    assert diff_models(old, new) == EXPECTED


def test_cli_json_is_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(OLD), str(NEW), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {**EXPECTED, "old": str(OLD), "new": str(NEW)}


def test_reverse_diff_swaps_added_and_removed(pair) -> None:
    old, new = pair
    back = diff_models(new, old)
    assert back["processes"]["added"] == ["weg"] and back["processes"]["removed"] == ["erbij"]
    steps = back["processes"]["changed"]["hoofd"]["steps"]
    assert steps["renamed"] == [["aanvraag_beoordelen", "beoordelen"]]
    assert steps["added"] == ["archiveren"] and steps["removed"] == ["controleren"]
    assert steps["changed"]["afwijzen"] == {"org": ["a", "b"]}


def test_rename_needs_same_label_and_neighbours(pair) -> None:
    old, new = pair
    assert find_renames(old.processes["hoofd"], new.processes["hoofd"]) == {"beoordelen": "aanvraag_beoordelen"}
    changed = new.processes["hoofd"]
    changed.node("aanvraag_beoordelen").label = "Iets anders"  # type: ignore[union-attr]
    try:
        assert find_renames(old.processes["hoofd"], changed) == {}
        steps = diff_models(old, new)["processes"]["changed"]["hoofd"]["steps"]
        assert "beoordelen" in steps["removed"] and "aanvraag_beoordelen" in steps["added"]
    finally:
        changed.node("aanvraag_beoordelen").label = "Aanvraag beoordelen"  # type: ignore[union-attr]


def test_text_output(pair) -> None:
    old, new = pair
    text = format_text(diff_models(old, new, "v1", "v2"), old, new)
    lines = text.splitlines()
    assert lines[0] == "Wijzigingen van v1 naar v2"
    for expected in (
        "  + nieuw proces: Nieuw proces (erbij)",
        "  − vervallen proces: Vervallen proces (weg)",
        "  Proces Hoofdproces, herzien (hoofd):",
        "    title: Hoofdproces → Hoofdproces, herzien",
        "    + stap Afwijzing controleren (controleren)",
        "    − stap Archiveren (archiveren)",
        "    ~ stap hernoemd: beoordelen → aanvraag_beoordelen (Aanvraag beoordelen)",
        "    ~ stap Intake afnemen (intake)",
        "      label: Intake doen → Intake afnemen",
        '      involved: — → {"b": "geïnformeerd"}',
        "      legal_basis: art. 1 Wet → art. 1 Wet; art. 2 Wet",
        "      time_limit: Binnen een week. → Binnen twee weken.",
        "      unconfirmed: — → De termijn van twee weken is niet bevestigd.",
        "      outdated: — → De wet is sinds 2025 gewijzigd.",
        "      org: b → a",
        "    + stroom besluit__controleren",
        "    − stroom intake__archiveren",
        "    ~ stroom besluit__eind",
        "      when: Ja → Ja, toekennen",
        "      handover.what: Dossier → Digitaal dossier",
        "      handover.via: kanaal → nieuw-kanaal",
        "    + overdracht Afwijzing controleren (controleren) → Afwijzing sturen (afwijzen)",
        "    − overdracht Archiveren (archiveren) → Afgehandeld (eind)",
        "  + nieuwe organisatie: D (d)",
        "  − vervallen organisatie: C (c)",
        "    name: Organisatie B → Organisatie B, vernieuwd",
        "Catalogus Informatie-uitwisseling:",
        "  + Nieuw kanaal (nieuw-kanaal)",
        "    description: Een kanaal. → Een kanaal voor dossiers.",
    ):
        assert expected in lines, expected


def test_markdown_output(pair) -> None:
    old, new = pair
    text = format_markdown(diff_models(old, new, "v1", "v2"), old, new)
    lines = text.splitlines()
    assert lines[0] == "## Wijzigingen van `v1` naar `v2`"
    for expected in (
        "### Processen",
        r"- \+ nieuw proces: Nieuw proces (erbij)",
        "#### Proces Hoofdproces, herzien (hoofd)",
        "- `title`: Hoofdproces → Hoofdproces, herzien",
        "- ~ stap hernoemd: `beoordelen` → `aanvraag_beoordelen` (Aanvraag beoordelen)",
        "- ~ stap Intake afnemen (intake)",
        "  - `time_limit`: Binnen een week. → Binnen twee weken.",
        r"- \+ stroom `besluit__controleren`",
        "  - `handover.via`: kanaal → nieuw-kanaal",
        "- − overdracht Archiveren (archiveren) → Afgehandeld (eind)",
        "### Organisaties",
        "### Catalogus Informatie-uitwisseling",
        "  - `description`: Een kanaal. → Een kanaal voor dossiers.",
    ):
        assert expected in lines, expected


def test_markdown_escapes_content(pair) -> None:
    old, new = pair
    new.processes["hoofd"].title = "Titel met *ster* en <b>html</b>"
    try:
        text = format_markdown(diff_models(old, new), old, new)
    finally:
        new.processes["hoofd"].title = "Hoofdproces, herzien"
    assert "<b>" not in text and r"\*ster\*" in text and r"\<b\>" in text


def test_real_content_against_itself_has_no_change(capsys: pytest.CaptureFixture[str]) -> None:
    model = load_folder(CONTENT).model
    assert is_empty(diff_models(model, load_folder(CONTENT).model))
    assert main(["diff", str(CONTENT), str(CONTENT)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Geen wijzigingen."
    assert main(["diff", str(CONTENT), str(CONTENT), "--json"]) == 0
    assert is_empty(json.loads(capsys.readouterr().out))


def test_unknown_version_is_a_clear_message(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    plain = tmp_path / "inhoud"
    plain.mkdir()
    assert main(["diff", "v9999-Q9", str(NEW), "--content", str(plain)]) == 2
    err = capsys.readouterr().err
    assert "'v9999-Q9' is geen map" in err and "Traceback" not in err
