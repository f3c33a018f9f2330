"""The content corrections readers found (issue 14), each against what the sources say."""

from __future__ import annotations

import pytest

LTV = "https://www.dienstterugkeerenvertrek.nl/over-dtv/leidraad-terugkeer-en-vertrek"


@pytest.fixture(scope="module")
def model(content_model):
    return content_model.model


def step(model, ref: str):
    resolved = model.resolve_step(ref)
    assert resolved, ref
    return resolved[1]


def test_removal_rests_on_the_aliens_act_not_on_the_inspectorate_mandate(model) -> None:
    node = step(model, "gedwongen-vertrek/uitzetten")
    assert node.legal_basis == ["art. 63 Vw 2000"]
    assert "https://adoc.pub/het-gezag-over-de-politie-bij-uitzetting-van-vreemdelingen.html" in node.sources
    inspectie = model.organisations["inspectie-jenv"]
    assert any("Regeling toezicht terugkeer vreemdelingen" in p for p in inspectie.powers)


def test_police_evict_and_coa_ends_reception(model) -> None:
    powers = " ".join(model.organisations["avim"].powers)
    assert "ontruimen" in powers and "beëindiging van de opvang" not in powers
    assert "de opvang zelf beëindigt het COA" in powers


def test_the_documents_agreement_names_who_keeps_the_originals(model) -> None:
    entry = model.catalogue_entry("informatie-uitwisseling", "documenten")
    fact = next(f for f in entry.facts if "beheerovereenkomst" in f)
    assert "Bureau Documenten van de IND" in fact and "originele documenten" in fact


def test_the_lko_decision_after_twelve_weeks_is_described(model) -> None:
    node = step(model, "vbl-gezinslocatie-htl/lko_na_twaalf_weken")
    assert len(node.flows) == 3
    text = node.description
    assert "twaalf weken" in text and "zicht op terugkeer" in text and "Ferreira" in text
    assert "gezinslocatie" in text and "onderdak" in text


def test_the_dublin_transfer_decision_names_the_leidraad_page(model) -> None:
    node = step(model, "behandelsporen-dublin/overdrachtsbesluit")
    assert node.sources[0] == f"{LTV}/de-asielprocedure/behandelsporen"


def test_the_lvv_rest_period_is_marked_unconfirmed(model) -> None:
    node = step(model, "bestuurlijke-belemmeringen-lvv/lvv_dossier")
    assert node.unconfirmed and "14 dagen" in node.unconfirmed
