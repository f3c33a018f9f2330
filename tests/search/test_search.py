"""The ranked search on the real content: the evaluation set of questions professionals type, the
ranking rules, the passage and its marking, Dutch counts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from leidraad.queries.search import SearchIndex, build_search_index, fold, result_count

QUESTIONS = yaml.safe_load((Path(__file__).parent / "questions.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index(content_model) -> SearchIndex:
    return build_search_index(content_model.model)


def test_evaluation_set_ranks_the_expected_answer_in_the_top_three(index: SearchIndex) -> None:
    refs = {d.ref for d in index.documents}
    assert len(QUESTIONS) >= 30
    top1 = top3 = 0
    misses = []
    for item in QUESTIONS:
        assert set(item["expect"]) <= refs, f"{item['expect']} is not in the content"
        found = [hit.ref for hit in index.search(item["q"]).hits[:3]]
        top1 += bool(found) and found[0] in item["expect"]
        if any(ref in item["expect"] for ref in found):
            top3 += 1
        else:
            misses.append(f"{item['q']!r}: {found}")
    print(
        f"\nsearch evaluation: top-1 {top1}/{len(QUESTIONS)} ({top1 / len(QUESTIONS):.0%}), "
        f"top-3 {top3}/{len(QUESTIONS)} ({top3 / len(QUESTIONS):.0%})"
    )
    for miss in misses:
        print("  not in the top 3:", miss)
    assert top3 / len(QUESTIONS) >= 0.9


def test_exact_abbreviation_first_then_whole_words(index: SearchIndex) -> None:
    hits = index.search("ind").hits
    assert hits[0].ref == "ind" and hits[0].kind == "organisatie"
    # 'ind' as a whole word (the IND) ranks before words that only contain it ('indienen', 'minderjarige')
    first_substring = next(i for i, h in enumerate(hits) if h.passage and "ind" not in _marked_words(h))
    assert all("ind" in _marked_words(h) for h in hits[1:first_substring])
    assert first_substring > 5


def test_stemming_compounds_and_one_typo(index: SearchIndex) -> None:
    top = [h.ref for h in index.search("laissez-passer aanvragen").hits[:3]]
    assert "gedwongen-vertrek/lp_indienen" in top  # 'aanvragen' and 'aanvraag' share a stem
    assert "beroep/beroep_ingesteld" in [h.ref for h in index.search("beroepstermijn").hits[:3]]
    typo = [h.ref for h in index.search("vertrektermjin").hits[:5]]
    assert "begrippen/vertrektermijn" in typo
    assert index.search("xqzvw").hits == []


def test_fields_a_reader_reads_are_searched(index: SearchIndex, content_model) -> None:
    model = content_model.model
    entry = next(e for e in model.catalogues["overlegvormen"].values() if e.frequency)
    hits = index.search(entry.frequency).hits
    assert entry.ref in [h.ref for h in hits]
    via = next(f.handover.via for p in model.processes.values() for f in p.flows if f.handover and f.handover.via)
    assert index.search(via).hits and any(h.passage and h.passage.field == "Kanaal" for h in index.search(via).hits)


def test_passage_marks_the_matched_words_and_escapes_html(index: SearchIndex) -> None:
    hit = index.search("presenteerbaarheidscheck").hits[0]
    assert hit.passage and "<mark>" in hit.passage.html()
    assert fold(hit.passage.text).count("presenteerbaarheidscheck") >= 1


def test_hostile_content_is_escaped(tmp_path: Path) -> None:
    from leidraad.model import Model, Organisation
    from leidraad.problems import Place

    model = Model()
    model.organisations["x"] = Organisation(
        "x", "Evil", "EV", "overig", Place("f"), role="<script>alert(1)</script> [link](javascript:x) evil"
    )
    passage = build_search_index(model).search("evil").hits[0].passage
    assert passage is not None
    assert "<script>" not in passage.html() and "&lt;script&gt;" in passage.html()
    assert "](" not in passage.html()


def test_counts_are_correct_dutch(index: SearchIndex) -> None:
    assert result_count(1, 1) == "1 resultaat"
    assert result_count(12, 12) == "12 resultaten"
    assert result_count(100, 240) == "de eerste 100 van 240 resultaten"
    result = index.search("de", limit=10)
    assert result.total >= len(result.hits)


def _marked_words(hit) -> set[str]:
    return {fold(text) for text, marked in hit.passage.parts if marked}
