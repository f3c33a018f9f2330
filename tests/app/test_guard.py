"""AppTest: an unexpected error on any page is a Dutch message with a way back, never a crash;
the traceback goes to the log only. A broken content file is named on the Proces page."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

import components.pages.over
import components.pages.proces
from tests.app.test_proces import open_page
from tests.conftest import CONTENT


def everything(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("error", "caption", "markdown", "warning") for e in getattr(at, kind))


def test_a_failing_page_shows_a_dutch_message_and_the_way_back(monkeypatch, caplog) -> None:
    def boom() -> None:
        raise RuntimeError("<b>geheim detail</b>")

    monkeypatch.setattr(components.pages.over, "render", boom)
    with caplog.at_level(logging.ERROR, logger="ltv.app"):
        at = open_page(monkeypatch, "views/over.py")
    (error,) = at.error
    assert "Er ging iets mis bij het tonen van de pagina “Over”" in error.value
    assert "Wat mislukte: de pagina “Over”" in everything(at)
    assert "geheim detail" not in everything(at), "the exception text stays in the log"
    assert "Terug naar het overzicht" in [str(link.proto.label) for link in at.get("page_link")]
    assert any("geheim detail" in (r.exc_text or "") for r in caplog.records), "the traceback is logged"


def test_a_failing_diagram_fragment_keeps_the_page(monkeypatch) -> None:
    def broken_drawing(process_id: str):
        raise ValueError("kapot")

    monkeypatch.setattr(components.pages.proces, "drawing", broken_drawing)
    at = open_page(monkeypatch, "views/proces.py", proces="vertrektermijn")
    assert at.title[0].value == "Vertrektermijn en vertrekgesprekken"
    assert any("Er ging iets mis bij het tonen van het diagram van dit proces" in e.value for e in at.error)


def test_proces_page_names_the_broken_file_and_banners_the_follow_ons(monkeypatch, tmp_path: Path) -> None:
    folder = tmp_path / "processes"
    shutil.copytree(CONTENT, folder)
    path = folder / "gedwongen-vertrek.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    org: dtv\n", "      org: dtv\n", 1), encoding="utf-8")
    at = open_page(monkeypatch, "views/proces.py", content=folder, proces="gedwongen-vertrek")
    notice = at.error[0].value
    assert "kon niet worden geladen" in notice and "gedwongen-vertrek.yaml" in notice and "springt verder in" in notice
    assert "bestaat niet (meer)" not in everything(at)

    at = open_page(monkeypatch, "views/proces.py", content=folder, proces="vris")
    banner = at.error[0].value
    assert banner.startswith("Dit proces heeft 1 fout(en)") and "`unknown-process`" in banner
    assert "vris.yaml" in banner and "volgt uit de fout in" in banner

    at = open_page(monkeypatch, "views/overzicht.py", content=folder)
    counts = at.error[0].value.replace("\\", "")
    assert "gedwongen-vertrek.yaml:" in counts and "melding(en) volgen alleen uit die fout(en)" in counts


def test_every_page_works_on_the_content_without_its_organisations(monkeypatch, tmp_path: Path) -> None:
    """A partial model: with organisations.yaml broken, no page may fall back on the guard."""
    from components.navigation import page_specs

    folder = tmp_path / "processes"
    shutil.copytree(CONTENT, folder)
    path = folder / "organisations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n    name:", "\n      name:", 1), encoding="utf-8")
    visits = [(f"views/{spec.script}", {}) for spec in page_specs().values()]
    visits.append(("views/proces.py", {"proces": "vertrektermijn", "stap": "vertrekgesprek"}))
    for script, params in visits:
        at = open_page(monkeypatch, script, content=folder, **params)
        assert not [e.value for e in at.error if "Er ging iets mis" in e.value], script
