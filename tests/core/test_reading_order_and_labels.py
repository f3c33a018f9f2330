"""Reading order keeps a branch together; organisation labels never say a name twice; a link's way back."""

from __future__ import annotations

import csv
import io

import pytest

from leidraad.drawing.layout import layout_process
from leidraad.exports.csv_tables import table
from leidraad.queries.reading_order import reading_order


@pytest.fixture(scope="module")
def model(content_model):
    return content_model.model


def test_reading_order_is_complete_and_follows_the_flows(model) -> None:
    for process in model.processes.values():
        order = [n.id for n in reading_order(process)]
        assert sorted(order) == sorted(n.id for n in process.nodes), process.id
        starts = [n.id for n in process.nodes if n.type == "start"]
        assert order[0] == starts[0], process.id


def test_a_branch_is_read_to_its_join_before_the_next(model) -> None:
    process = model.processes["gedwongen-vertrek"]
    order = [n.id for n in reading_order(process)]
    chain = ["lp_opdracht", "lp_indienen", "presentatie_gevraagd", "presenteerbaarheidscheck", "presentatie"]
    start = order.index("lp_opdracht")
    assert order[start : start + len(chain)] == chain
    # the join (both branches of 'reisdocument' meet at 'beschikbaar') comes after the whole chain
    assert order.index("beschikbaar") > order.index("lp_resultaat")
    # the CSV's step table uses the same order
    rows = csv.reader(io.StringIO(table(model, "steps").decode("utf-8-sig")), delimiter=";")
    csv_steps = [row[3] for row in rows if row[0] == "gedwongen-vertrek"]
    assert [s for s in csv_steps if s in chain] == chain


def test_labels_never_repeat_a_name(model) -> None:
    for org in model.organisations.values():
        label = org.label
        assert label.count(org.name) == 1, label
        if label != org.name:  # the abbreviation is added only when the name does not already say it
            assert org.abbreviation.casefold() not in org.name.casefold(), label
    assert model.organisations["herkomstland"].label == model.organisations["herkomstland"].name
    assert model.organisations["ind"].label == "IND (Immigratie- en Naturalisatiedienst)"


def test_way_back_is_the_incoming_link_box(model, dot_available) -> None:
    geometry = layout_process(model, model.processes["zelfstandig-vertrek"])
    link, step = geometry.way_back("gedwongen-vertrek", "start")
    assert step == "start"
    box = geometry.node(link)
    assert box is not None and box.type == "link" and box.target.startswith("gedwongen-vertrek/")
    assert geometry.way_back("bestaat-niet", "start") == []


def test_lane_headers_do_not_repeat_the_abbreviation(model, dot_available) -> None:
    from leidraad.drawing.render import render_svg
    from leidraad.model import name_beyond

    assert name_beyond("Herkomstland", "Herkomstland (diplomatieke vertegenwoordiging en autoriteiten)") == (
        "diplomatieke vertegenwoordiging en autoriteiten"
    )
    assert name_beyond("Vreemdeling", "De vreemdeling") == ""
    assert name_beyond("Rechtbank", "Rechtbank") == ""
    assert name_beyond("IND", "Immigratie- en Naturalisatiedienst") == "Immigratie- en Naturalisatiedienst"
    process = model.processes["gedwongen-vertrek"]
    svg = render_svg(layout_process(model, process), title=process.title, mode="themed")
    assert ">De vreemdeling</tspan>" not in svg and "<title>De vreemdeling</title>" in svg
    assert "<title>Herkomstland (diplomatieke vertegenwoordiging en autoriteiten)</title>" in svg
