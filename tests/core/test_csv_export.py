"""CSV tables for Dutch Excel: BOM, ';', one row per step, RACI roles, handovers, organisations."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from leidraad.cli.main import main
from leidraad.exports.csv_tables import raci_table, table, to_csv
from tests.conftest import CONTENT


def rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, so Excel reads the accents"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_steps_of_one_process(content_model) -> None:
    model = content_model.model
    process = model.processes["vertrektermijn"]
    table_rows = rows(table(model, "steps", "vertrektermijn"))
    assert len(table_rows) == len(process.nodes)
    first = table_rows[0]
    assert first["proces_id"] == "vertrektermijn" and first["stap_id"] == "start"
    step = next(r for r in table_rows if r["stap_id"] == "overdrachtsdossier_sturen")
    assert step["verantwoordelijk"] == "IND"
    assert step["verantwoordelijke_organisatie"] == "Immigratie- en Naturalisatiedienst"
    assert "DT&V (geïnformeerd)" in step["betrokken"]


def test_raci_per_process_and_for_the_whole_chain(content_model) -> None:
    model = content_model.model
    per_process = rows(raci_table(model, "vertrektermijn"))
    step = next(r for r in per_process if r["stap_id"] == "overdrachtsdossier_sturen")
    assert step["IND"] == "verantwoordelijk" and step["DT&V"] == "geïnformeerd"
    assert {r["type"] for r in per_process} <= {"task", "subprocess", "gateway", "event", "timer", "boundary"}
    chain = rows(raci_table(model))
    assert {r["proces_id"] for r in chain} == set(model.processes)
    assert len(chain) > len(per_process)


def test_handovers_and_organisations(content_model) -> None:
    model = content_model.model
    handover_rows = rows(table(model, "handovers"))
    assert handover_rows and all(r["van_organisatie"] != r["naar_organisatie"] for r in handover_rows)
    dossier = next(r for r in handover_rows if r["flow_id"] == "overdrachtsdossier_sturen__dossier_controleren")
    assert dossier["wat"] == "Digitaal overdrachtsdossier" and dossier["over_procesgrens"] == "nee"
    assert any(r["over_procesgrens"] == "ja" for r in handover_rows)
    orgs = rows(table(model, "organisations"))
    assert len(orgs) == len(model.organisations)
    dtv = next(r for r in orgs if r["id"] == "dtv")
    assert int(dtv["stappen_verantwoordelijk"]) > 10 and int(dtv["overdrachten_uit"]) > 0


def test_cells_never_become_formulas() -> None:
    parsed = rows(to_csv(["a", "b"], [['=HYPERLINK("x")', "+1"], ["@SUM(A1)", "gewoon; tekst"]]))
    assert parsed[0] == {"a": '\'=HYPERLINK("x")', "b": "'+1"}
    assert parsed[1] == {"a": "'@SUM(A1)", "b": "gewoon; tekst"}


def test_cli_writes_every_table(tmp_path: Path) -> None:
    for name in ("steps", "raci", "handovers", "organisations"):
        out = tmp_path / f"{name}.csv"
        assert main(["export", "csv", name, "--content", str(CONTENT), "-o", str(out)]) == 0
        assert rows(out.read_bytes())
    assert (
        main(
            [
                "export",
                "csv",
                "raci",
                "--process",
                "vertrektermijn",
                "--content",
                str(CONTENT),
                "-o",
                str(tmp_path / "r.csv"),
            ]
        )
        == 0
    )


def test_cli_unknown_process_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert (
        main(
            [
                "export",
                "csv",
                "raci",
                "--process",
                "bestaat-niet",
                "--content",
                str(CONTENT),
                "-o",
                str(tmp_path / "r.csv"),
            ]
        )
        == 2
    )
    assert "unknown process 'bestaat-niet'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "csv", "onbekend", "-o", str(tmp_path / "x.csv")])
