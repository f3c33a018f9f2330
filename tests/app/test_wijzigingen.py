"""AppTest: the Wijzigingen page with and without git, the review flag, the Over page and the
context in the "Wijziging doorgeven" mail."""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from streamlit.testing.v1 import AppTest

from leidraad.versions.review import stamp_file
from tests.app.test_proces import texts
from tests.conftest import CONTENT, ROOT
from tests.versions.conftest import make_repo

APP = str(ROOT / "app.py")


def open_page(monkeypatch: pytest.MonkeyPatch, content: Path, page: str, **params: str) -> AppTest:
    monkeypatch.setenv("LTV_CONTENT", str(content))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_without_git_the_page_explains_and_runs(monkeypatch, tmp_path: Path) -> None:
    plain = tmp_path / "inhoud"
    shutil.copytree(CONTENT, plain)
    at = open_page(monkeypatch, plain, "views/wijzigingen.py", van="HEAD", naar="werkmap")
    text = texts(at)
    assert "zonder git-geschiedenis" in text and "leidraad diff OUDE_MAP NIEUWE_MAP" in text


def test_fixture_pair_summary_list_and_unknown_versions(monkeypatch, tmp_path: Path, dot_available) -> None:
    repo = make_repo(tmp_path / "repo")
    at = open_page(monkeypatch, repo.content, "views/wijzigingen.py", van="v2026-Q1", naar="v2026-Q2", proces="hoofd")
    text = texts(at)
    assert "Samenvatting per proces" in text
    assert "stappen: 1 nieuw, 1 vervallen, 1 hernoemd, 2 gewijzigd" in text
    assert "hernoemd: beoordelen → aanvraag_beoordelen" in text
    assert "| time_limit | Binnen een week. | Binnen twee weken. |" in text
    svg = next(e for e in at.get("bidi_component")).proto.json
    assert 'data-diff=\\"added\\"' in svg and 'data-diff=\\"removed\\"' in svg
    at = open_page(monkeypatch, repo.content, "views/wijzigingen.py", van="v1999-Q1", naar="werkmap", proces="nergens")
    text = texts(at)
    assert "Versie “v1999-Q1” is onbekend" in text
    at = open_page(monkeypatch, repo.content, "views/wijzigingen.py", van="--help", naar="werkmap")
    assert "Versie “--help” is onbekend" in texts(at)


def test_review_flag_and_mail_context(monkeypatch, tmp_path: Path, content_model) -> None:
    at = open_page(monkeypatch, CONTENT, "views/overzicht.py")
    count = len(content_model.model.processes)
    assert f"{count} van de {count} processen zijn niet beoordeeld" in texts(at)
    at = open_page(monkeypatch, CONTENT, "views/proces.py", proces="vertrektermijn", stap="vertrekgesprek")
    text = texts(at)
    assert "Review nodig] laatste review: nooit" in text
    (diagram,) = [e for e in at.get("bidi_component") if "diagram" in e.proto.component_name]
    panel = json.loads(diagram.proto.json)["panels"]["vertrekgesprek"]  # the step panel comes with the drawing
    assert "Wijziging doorgeven" in panel
    mail = html.unescape(unquote(panel))
    assert "Proces: Vertrektermijn en vertrekgesprekken (vertrektermijn)" in mail
    assert "(vertrekgesprek)" in mail and "Inhoudsversie: " in mail and "inhoud-hash " in mail
    assert "/proces?proces=vertrektermijn&stap=vertrekgesprek" in mail
    reviewed = tmp_path / "inhoud"
    shutil.copytree(CONTENT, reviewed)
    stamp_file(reviewed / "vertrektermijn.yaml", dt.date.today().isoformat())
    at = open_page(monkeypatch, reviewed, "views/proces.py", proces="vertrektermijn")
    assert "Review nodig" not in texts(at)
    stamp_file(reviewed / "beroep.yaml", "2020-01-31")
    at = open_page(monkeypatch, reviewed, "views/proces.py", proces="beroep")
    assert "Review nodig] laatste review: 2020-01-31 (de volgende was uiterlijk 2020-04-30)" in texts(at)
    at = open_page(monkeypatch, reviewed, "views/over.py")
    assert f"{count - 1} van de {count}" in texts(at)
