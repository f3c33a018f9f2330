"""AppTest: the organisation lens pages and the process filter, with good and bad parameters."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from leidraad.drawing.handover_map import handover_matrix
from leidraad.queries.filters import matching_steps
from tests.app.test_proces import diagram_data, open_page, texts
from tests.conftest import page_components


def page_links(at: AppTest) -> list[str]:
    return [str(p.proto.label) for p in at.get("page_link")]


def test_organisation_page_answers_the_three_questions(monkeypatch, content_model) -> None:
    model = content_model.model
    at = open_page(monkeypatch, "views/organisaties.py", org="coa")
    text = texts(at)
    org = model.organisations["coa"]
    assert org.name in text
    assert any(t in text for t in org.tasks[:1])
    links = page_links(at)
    responsible = [n for p in model.processes.values() for n in p.nodes if n.org == "coa"]
    assert all(any(n.label in link for link in links) for n in responsible)
    assert "Geeft over" in text and "Ontvangt" in text


def test_organisation_overview_and_unknown_id(monkeypatch, content_model) -> None:
    at = open_page(monkeypatch, "views/organisaties.py")
    assert len(page_links(at)) >= len(content_model.model.organisations)
    at = open_page(monkeypatch, "views/organisaties.py", org="bestaat-niet")
    assert at.warning and "bestaat niet" in at.warning[0].value


def test_koppelvlakken_lists_the_handovers_of_a_pair(monkeypatch, content_model) -> None:
    model = content_model.model
    a, b, count = handover_matrix(model).top_pairs(1)[0]
    at = open_page(monkeypatch, "views/koppelvlakken.py", van=a, naar=b)
    text = texts(at)
    assert f"({count})" in text
    assert "Meeste overdrachten" in text
    data = page_components(at)
    assert len(data) == 2  # the matrix and the chain map


def test_koppelvlakken_bad_parameters(monkeypatch) -> None:
    at = open_page(monkeypatch, "views/koppelvlakken.py", van="<b>x</b>", naar="dtv")
    assert at.warning and "bestaat niet" in at.warning[0].value


@pytest.mark.parametrize(
    ("soort", "entry"),
    [
        ("overlegvormen", "lko"),
        ("begrippen", "ibs"),
        ("informatie-uitwisseling", "bvv"),
        ("doelgroepen", "amv"),
        ("opvangvormen", "vbl"),
    ],
)
def test_catalogue_entry_shows_facts_and_steps(monkeypatch, content_model, soort, entry) -> None:
    model = content_model.model
    item = model.catalogue_entry(soort, entry)
    at = open_page(monkeypatch, "views/catalogi.py", soort=soort, id=entry)
    assert item.name in texts(at)
    users = [
        f"{p.id}/{n.id}"
        for p in model.processes.values()
        for n in p.nodes
        if entry
        in getattr(
            n,
            {
                "overlegvormen": "consultations",
                "begrippen": "terms",
                "informatie-uitwisseling": "systems",
                "doelgroepen": "target_groups",
                "opvangvormen": "locations",
            }[soort],
        )
    ]
    if users:
        assert re.search(r"Komt voor in \d+ stap", texts(at))


def test_catalogue_bad_parameters(monkeypatch) -> None:
    at = open_page(monkeypatch, "views/catalogi.py", soort="onzin")
    assert at.warning
    at = open_page(monkeypatch, "views/catalogi.py", soort="begrippen", id="bestaat-niet")
    assert at.warning


def test_search_is_accent_insensitive_and_links(monkeypatch) -> None:
    at = open_page(monkeypatch, "views/zoeken.py", q="beeindigen")
    text = texts(at)
    assert "resultaten" in text
    assert "ë" in text  # found 'beëindigen' while searching without the accent
    assert page_links(at)


def test_search_without_hits_and_hostile_query(monkeypatch) -> None:
    at = open_page(monkeypatch, "views/zoeken.py", q="<script>xyzzy</script>")
    assert at.info and "Niets gevonden" in at.info[0].value


def test_process_filter_fades_non_matching_steps(monkeypatch, content_model) -> None:
    model = content_model.model
    process = model.processes["vertrektermijn"]
    at = open_page(monkeypatch, proces=process.id, org="coa")
    faded = set(diagram_data(at)["faded"])
    matching = {n.id for n in matching_steps(process, ["coa"], None)}
    assert matching and not (matching & faded)
    assert {n.id for n in process.nodes} - matching <= faded
    assert "lane-dtv" in faded and "lane-coa" not in faded
    assert f"{len(matching)} van de {len(process.nodes)} stappen" in texts(at)


def test_filter_by_target_group_and_bad_values(monkeypatch, content_model) -> None:
    at = open_page(monkeypatch, proces="alleenstaande-minderjarigen", doelgroep="amv", org="onbekend,nidos")
    assert any("onbekend" in w.value for w in at.warning)
    at = open_page(monkeypatch, proces="vertrektermijn", doelgroep="onzin")
    assert any("doelgroep" in w.value for w in at.warning)


def test_filter_survives_switching_process(monkeypatch) -> None:
    at = open_page(monkeypatch, proces="vertrektermijn", org="coa")
    del at.query_params["org"]
    at.query_params["proces"] = "toezicht-maatregelen"
    at.run()
    value = at.query_params["org"]
    assert (value[0] if isinstance(value, list) else value) == "coa"


def test_chain_tables_are_offered_as_csv(monkeypatch) -> None:
    at = open_page(monkeypatch, "views/koppelvlakken.py")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Overdrachten", "RACI-tabel", "Stappen", "Organisaties"]
