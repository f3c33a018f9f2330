"""`leidraad review` stamps one line and keeps every other byte; the due flag of the quarterly cycle."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from leidraad.cli.main import main
from leidraad.content.load import load_folder
from leidraad.versions.review import ReviewError, review_due, stamp_text
from tests.conftest import CONTENT


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "processes"
    shutil.copytree(CONTENT, folder)
    return folder


def test_review_round_trips_a_real_file(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = content / "vertrektermijn.yaml"
    original = path.read_text(encoding="utf-8")
    assert "# yaml-language-server" in original and "reviewed: null\n" in original
    # A comment on the line itself and an extra comment line must survive too.
    original = original.replace("reviewed: null\n", "reviewed: null  # nog niet beoordeeld\n# kwartaalreview\n")
    path.write_text(original, encoding="utf-8")
    assert main(["review", "vertrektermijn", "--date", "2026-10-01", "--content", str(content)]) == 0
    assert "reviewed: null → 2026-10-01" in capsys.readouterr().out
    stamped = path.read_text(encoding="utf-8")
    assert stamped == original.replace("reviewed: null  #", "reviewed: 2026-10-01  #")
    model = load_folder(content).model
    assert model.processes["vertrektermijn"].reviewed == "2026-10-01"
    assert main(["review", "vertrektermijn", "--date", "2026-12-24", "--content", str(content)]) == 0
    assert path.read_text(encoding="utf-8") == original.replace("reviewed: null  #", "reviewed: 2026-12-24  #")


def test_review_inserts_the_key_when_missing() -> None:
    text = "# kop\nkind: process\nid: x\ntitle: X\nsources_as_of: 2021-10\nnodes: []\n"
    assert stamp_text(text, "2026-01-02") == (
        "# kop\nkind: process\nid: x\ntitle: X\nreviewed: 2026-01-02\nsources_as_of: 2021-10\nnodes: []\n"
    )
    crlf = "kind: process\r\nreviewed: null\r\nnodes: []\r\n"
    assert stamp_text(crlf, "2026-01-02") == "kind: process\r\nreviewed: 2026-01-02\r\nnodes: []\r\n"


def test_review_rejects_bad_input(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (content / "vertrektermijn.yaml").read_bytes()
    assert main(["review", "vertrektermijn", "--date", "2026-02-30", "--content", str(content)]) == 2
    assert "geen geldige datum" in capsys.readouterr().err
    assert main(["review", "bestaat-niet", "--content", str(content)]) == 2
    assert "onbekend proces 'bestaat-niet'" in capsys.readouterr().err
    assert (content / "vertrektermijn.yaml").read_bytes() == before
    with pytest.raises(ReviewError):
        stamp_text("kind: process\n", "1-1-2026")


def test_review_due_after_one_quarter() -> None:
    today = dt.date(2026, 12, 1)
    assert review_due(None, today)
    assert not review_due("2026-09-01", today)
    assert review_due("2026-08-31", today)
    assert review_due("niet-een-datum", today)


def test_review_status_of_the_real_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review-status", "--content", str(CONTENT)]) == 0
    out = capsys.readouterr().out
    print(out)  # the figure the issue asks for
    model = load_folder(CONTENT).model
    assert len(out.splitlines()) == len(model.processes) + 2
    for process in model.processes.values():
        assert process.id in out
