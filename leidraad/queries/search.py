"""Ranked search over everything a reader reads: steps (with their flows, handovers and involvement),
processes, organisations and catalogue entries.

`build_search_index(model)` is pure and is built once per content version (components/cache.py keeps it);
`SearchIndex.search(query)` ranks in this order:

1. an exact id, abbreviation or name ('ind' finds the IND first);
2. per query word: a whole word, then a word with the same Dutch stem (snowballstemmer: 'aanvragen'
   finds 'aanvraag'), then a prefix, then a substring (the tail of a Dutch compound), then one typo
   (rapidfuzz, optimal string alignment distance 1, so a swapped pair of letters counts as
   one typo, for words of five letters or more); a compound the text writes apart ('beroepstermijn' for
   'termijn' and 'beroep') counts as a prefix match;
3. a match in a title (step label, name, abbreviation) counts more than one in a description.

A document must match every query word that is not a stop word; when none does, the documents that
match most of them are shown. Each hit keeps the passage that matched, with the matched words marked.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from leidraad.model import CatalogueEntry, Model, Node, Organisation, Process

# Word-level match strengths, strongest first.
WHOLE, STEM, PREFIX, SUBSTRING, TYPO = 5.0, 4.0, 3.0, 1.5, 1.0
TITLE_WEIGHT, BODY_WEIGHT = 3.0, 1.0
EXACT_BONUS = 1000.0
PASSAGE_CHARS = 220

# Words a professional types around the terms that matter ('wie vraagt het laissez-passer aan?').
STOP_WORDS = frozenset(
    {
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "voor",
        "naar",
        "in",
        "op",
        "aan",
        "bij",
        "met",
        "door",
        "om",
        "te",
        "tot",
        "uit",
        "over",
        "als",
        "dan",
        "die",
        "dat",
        "dit",
        "deze",
        "wie",
        "wat",
        "waar",
        "wanneer",
        "hoe",
        "welke",
        "is",
        "zijn",
        "wordt",
        "worden",
        "er",
        "ook",
        "niet",
        "wel",
        "moet",
        "kan",
        "mag",
        "hij",
        "zij",
        "ze",
        "we",
        "je",
        "ik",
    }
)

CATALOGUE_KIND_NAMES = {
    "overlegvormen": "Overlegvorm",
    "opvangvormen": "Opvangvorm",
    "informatie-uitwisseling": "Informatie-uitwisseling",
    "doelgroepen": "Doelgroep",
    "begrippen": "Begrip",
}
KIND_NAMES = {"stap": "Stap", "proces": "Proces", "organisatie": "Organisatie", **CATALOGUE_KIND_NAMES}

_KIND_ORDER = {"organisatie": 0, "stap": 1, "proces": 2}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower-case, accents removed: 'Beëindigen' and 'beeindigen' match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


@dataclass(frozen=True)
class Field:
    name: str  # what a reader calls it: 'Beschrijving', 'Wettelijke basis', ...
    text: str
    title: bool = False


@dataclass
class Document:
    kind: str  # 'stap', 'proces', 'organisatie', or a catalogue kind
    ref: str  # 'process/step', process id, organisation id, or 'catalogue/id'
    title: str
    where: str  # where it lives: 'Gedwongen vertrek · DT&V', 'Catalogus begrippen'
    exact: frozenset[str]  # folded id, abbreviation and name
    fields: list[Field]


@dataclass(frozen=True)
class Passage:
    """A piece of one field with the matched words marked: `parts` alternate plain and matched text."""

    field: str
    parts: tuple[tuple[str, bool], ...]

    def html(self) -> str:
        """Escaped text with <mark> around the matched words (safe to hand to a markdown renderer)."""
        return "".join(f"<mark>{_escape(text)}</mark>" if matched else _escape(text) for text, matched in self.parts)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.parts)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref: str
    title: str
    where: str
    score: float
    passage: Passage | None = None

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    total: int  # all matching documents, also those past the limit


@dataclass
class SearchIndex:
    documents: list[Document]
    # word -> [(document index, field index)]
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    by_stem: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        for d, doc in enumerate(self.documents):
            for f, fld in enumerate(doc.fields):
                for word in dict.fromkeys(words(fld.text)):
                    self.postings[word].append((d, f))
        for word in self.postings:
            self.by_stem[stem(word)].add(word)
        self.vocabulary = sorted(self.postings)

    def _variants(self, query_word: str) -> dict[str, float]:
        """Index words that match one query word, with the strength of the match."""
        found: dict[str, float] = {}
        if query_word in self.postings:
            found[query_word] = WHOLE
        for word in self.by_stem.get(stem(query_word), ()):
            found.setdefault(word, STEM)
        if len(query_word) >= 2:
            for word in self.vocabulary:
                if word in found:
                    continue
                if word.startswith(query_word):
                    found[word] = PREFIX
                elif len(query_word) >= 4 and query_word in word:
                    found[word] = SUBSTRING
        if len(query_word) >= 5:
            for word, _, _ in extract(query_word, self.vocabulary, scorer=OSA.distance, score_cutoff=1, limit=None):
                found.setdefault(word, TYPO)
        return found

    def _note(self, matches: dict[str, tuple[float, int]], query_word: str, strength: float, d: int, f: int) -> None:
        weight = TITLE_WEIGHT if self.documents[d].fields[f].title else BODY_WEIGHT
        if strength * weight > matches.get(query_word, (0.0, -1))[0]:
            matches[query_word] = (strength * weight, f)

    def _compound_parts(self, query_word: str) -> list[tuple[str, str]]:
        """Ways to read a query word as two index words ('beroepstermijn' = 'beroep' + 'termijn';
        Dutch links with an s: 'vertrekstermijn' also tries 'vertrek' + 'termijn')."""
        parts = []
        for cut in range(3, len(query_word) - 2):
            head, tail = query_word[:cut], query_word[cut:]
            if head not in self.postings:
                continue
            for candidate in (tail, tail[1:] if tail.startswith("s") else ""):
                if len(candidate) >= 3 and candidate in self.postings:
                    parts.append((head, candidate))
        return parts

    def search(self, query: str, limit: int = 100) -> SearchResult:
        query_words = list(dict.fromkeys(words(query[:200])))
        meaningful = [w for w in query_words if w not in STOP_WORDS] or query_words
        if not meaningful:
            return SearchResult([], 0)
        folded_query = " ".join(query_words)
        # per document: query word -> (best score, field index, matched index words)
        per_doc: dict[int, dict[str, tuple[float, int]]] = defaultdict(dict)
        matched_words: dict[int, set[str]] = defaultdict(set)
        for qw in meaningful:
            for word, strength in self._variants(qw).items():
                for d, f in self.postings[word]:
                    self._note(per_doc[d], qw, strength, d, f)
                    matched_words[d].add(word)
            for head, tail in self._compound_parts(qw):
                tail_docs = {d: f for d, f in self.postings[tail]}
                for d, f in self.postings[head]:
                    if d in tail_docs:
                        self._note(per_doc[d], qw, PREFIX, d, f if self.documents[d].fields[f].title else tail_docs[d])
                        matched_words[d].update((head, tail))
        exact = {d for d, doc in enumerate(self.documents) if folded_query in doc.exact}
        if not per_doc and not exact:
            return SearchResult([], 0)
        best_cover = max([len(m) for m in per_doc.values()] + [len(meaningful) if exact else 0])
        candidates = {d for d, m in per_doc.items() if len(m) == best_cover} | exact
        scored = []
        for d in candidates:
            doc = self.documents[d]
            matches = per_doc.get(d, {})
            score = sum(s for s, _ in matches.values()) + (EXACT_BONUS if d in exact else 0.0)
            # A phrase that appears as written in the title is better than its words scattered.
            if len(query_words) > 1 and folded_query in " ".join(words(doc.title)):
                score += 10.0
            scored.append((score, d))
        # Equal scores: an organisation, then a step, then a process, then a catalogue entry.
        scored.sort(key=lambda item: (-item[0], _KIND_ORDER.get(self.documents[item[1]].kind, 3), item[1]))
        hits = []
        for score, d in scored[:limit]:
            doc = self.documents[d]
            hits.append(
                SearchHit(
                    doc.kind, doc.ref, doc.title, doc.where, score, _passage(doc, per_doc.get(d, {}), matched_words[d])
                )
            )
        return SearchResult(hits, len(scored))


def _passage(doc: Document, matches: dict[str, tuple[float, int]], matched: set[str]) -> Passage | None:
    """The field that matched most query words, preferring a description over the title already shown."""
    if not matches:
        return None
    counts: dict[int, int] = defaultdict(int)
    for _, f in matches.values():
        counts[f] += 1
    # Re-count over all fields, so a description that holds every word wins over a title that holds one.
    for f, fld in enumerate(doc.fields):
        counts[f] = sum(1 for w in set(words(fld.text)) if w in matched)
    body = [f for f in counts if counts[f] and not doc.fields[f].title]
    pool = body or [f for f in counts if counts[f]]
    best = max(pool, key=lambda f: (counts[f], -f))
    return _mark(doc.fields[best], matched)


def _mark(fld: Field, matched: set[str]) -> Passage:
    text = " ".join(fld.text.split())
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text) if fold(m.group()) in matched]
    start = 0
    if spans and len(text) > PASSAGE_CHARS:
        start = max(0, spans[0][0] - 60)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + PASSAGE_CHARS)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    parts: list[tuple[str, bool]] = [("…", False)] if start else []
    position = start
    for a, b in spans:
        if a < start or b > end:
            continue
        if a > position:
            parts.append((text[position:a], False))
        parts.append((text[a:b], True))
        position = b
    if position < end:
        parts.append((text[position:end], False))
    if end < len(text):
        parts.append(("…", False))
    return Passage(fld.name, tuple(parts))


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|~$:])")


def _escape(text: str) -> str:
    """HTML-escaped, and markdown's own specials escaped too (the passage goes through st.markdown)."""
    return _MARKDOWN.sub(r"\\\1", html.escape(text, quote=False))


# -- building the index ---------------------------------------------------------------------------------


def build_search_index(model: Model) -> SearchIndex:
    """One document per step, process, organisation and catalogue entry, with every field a reader reads."""
    docs: list[Document] = []
    for process in model.process_list():
        docs.append(_process_document(process))
        docs.extend(_step_document(model, process, node) for node in process.nodes)
    docs.extend(_organisation_document(org) for org in model.organisations.values())
    for kind, entries in model.catalogues.items():
        docs.extend(_catalogue_document(model, kind, entry) for entry in entries.values())
    return SearchIndex(docs)


def _fields(*pairs: tuple[str, str | Iterable[str] | None], title: bool = False) -> list[Field]:
    result = []
    for name, value in pairs:
        text = value if isinstance(value, str) or value is None else " · ".join(v for v in value if v)
        if text:
            result.append(Field(name, text, title))
    return result


def _exact(*names: str | None) -> frozenset[str]:
    return frozenset(" ".join(words(n)) for n in names if n and words(n))


def org_name(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return org.abbreviation if org else org_id


def _step_document(model: Model, process: Process, node: Node) -> Document:
    catalogue_names = [
        entry.name
        for kind, ids in (
            ("informatie-uitwisseling", node.systems),
            ("opvangvormen", node.locations),
            ("overlegvormen", node.consultations),
            ("doelgroepen", node.target_groups),
            ("begrippen", node.terms),
        )
        for entry_id in ids
        if (entry := model.catalogue_entry(kind, entry_id))
    ]
    flows = [
        " ".join(filter(None, [flow.when, flow.handover.what if flow.handover else None]))
        for flow in node.flows
        if flow.when or flow.handover
    ]
    channels = [flow.handover.via for flow in node.flows if flow.handover and flow.handover.via]
    involved = [f"{org_name(model, inv.org)} ({inv.role}){': ' + inv.how if inv.how else ''}" for inv in node.involved]
    fields = [
        *_fields(("Stap", node.label), title=True),
        *_fields(
            ("Beschrijving", node.description),
            ("Wettelijke basis", node.legal_basis),
            ("Termijn", node.time_limit),
            ("Overdracht en voorwaarden", flows),
            ("Kanaal", channels),
            ("Betrokken", involved),
            ("Verantwoordelijk", _org_full_name(model, node.org)),
            ("Catalogus", catalogue_names),
            ("Trigger", node.trigger),
            ("Proces", process.title),
        ),
    ]
    return Document(
        "stap",
        f"{process.id}/{node.id}",
        node.label,
        f"{process.title} · {org_name(model, node.org)}",
        _exact(node.id, node.label),
        fields,
    )


def _org_full_name(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return f"{org.abbreviation} {org.name}" if org else org_id


def _process_document(process: Process) -> Document:
    fields = [*_fields(("Proces", process.title), title=True), *_fields(("Samenvatting", process.summary))]
    return Document("proces", process.id, process.title, "Proces", _exact(process.id, process.title), fields)


def _organisation_document(org: Organisation) -> Document:
    fields = [
        *_fields(("Naam", f"{org.abbreviation} {org.name}"), title=True),
        *_fields(
            ("Rol", org.role),
            ("Taken", org.tasks),
            ("Bevoegdheden", org.powers),
            ("Vertrekondersteuning", org.departure_support),
            ("Functies", [f"{j.title}: {j.description}" if j.description else j.title for j in org.job_titles]),
        ),
    ]
    kinds = {"ketenpartner": "Ketenpartner", "samenwerkingspartner": "Samenwerkingspartner"}
    return Document(
        "organisatie",
        org.id,
        org.name if org.abbreviation.casefold() in org.name.casefold() else f"{org.abbreviation} – {org.name}",
        kinds.get(org.kind, "Overige betrokkene"),
        _exact(org.id, org.abbreviation, org.name),
        fields,
    )


def _catalogue_document(model: Model, kind: str, entry: CatalogueEntry) -> Document:
    fields = [
        *_fields(("Naam", " ".join(filter(None, [entry.abbreviation, entry.name]))), title=True),
        *_fields(
            ("Beschrijving", entry.description),
            ("Feiten", entry.facts),
            ("Frequentie", entry.frequency),
            ("Voorzitter", entry.chair and _org_full_name(model, entry.chair)),
            ("Uitgevoerd door", entry.run_by and _org_full_name(model, entry.run_by)),
            ("Niveau", entry.level),
            ("Termijn", entry.time_limit),
            ("Wettelijke basis", entry.legal_basis),
            ("Deelnemers", [_org_full_name(model, p) for p in entry.participants]),
        ),
    ]
    return Document(
        kind,
        entry.ref,
        entry.name if not entry.abbreviation else f"{entry.name} ({entry.abbreviation})",
        f"Catalogus {kind}",
        _exact(entry.id, entry.abbreviation, entry.name),
        fields,
    )


def result_count(shown: int, total: int) -> str:
    """'1 resultaat', '12 resultaten', 'de eerste 100 van 240 resultaten'."""
    if total == 0:
        return "geen resultaten"
    if shown < total:
        return f"de eerste {shown} van {total} resultaten"
    return "1 resultaat" if total == 1 else f"{total} resultaten"
