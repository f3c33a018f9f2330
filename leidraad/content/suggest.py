""" "Bedoelde u …?": the closest known ids of the right kind, by Damerau–Levenshtein distance.

A swap of two letters ('dvt' for 'dtv') is one edit, as an editor would count it; difflib's ratio
counted it as two and suggested 'dvo' (a different organisation). When two ids are equally close,
one with the very same letters (a transposition) wins; a tie that remains shows both, so the editor
chooses instead of following a guess. RapidFuzz computes the distance (a well-kept C++ library).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz.distance import DamerauLevenshtein


def closest(value: str, candidates: Iterable[str], limit: int = 2) -> list[str]:
    """The known ids nearest to `value` (at most `limit`, best first), or [] when none is near."""
    folded = value.casefold()
    scored: list[tuple[int, bool, str]] = []
    for candidate in dict.fromkeys(candidates):
        other = candidate.casefold()
        if not other or other == folded:
            continue
        cutoff = min(len(folded), len(other)) // 3  # one edit per three letters; none for ids under three
        if cutoff == 0:
            continue
        distance = DamerauLevenshtein.distance(folded, other, score_cutoff=cutoff)
        if distance <= cutoff:
            scored.append((distance, sorted(folded) != sorted(other), candidate))
    scored.sort()
    if not scored:
        return []
    best = scored[0][:2]
    return [c for *key, c in scored if tuple(key) == best][:limit]


def did_you_mean(value: str, candidates: Iterable[str] | Mapping[str, str]) -> str:
    """'; bedoelde u 'dtv' (DT&V)?' or ''. A mapping gives each id a name to show beside it."""
    names = candidates if isinstance(candidates, Mapping) else {}
    found = closest(value, candidates)
    if not found:
        return ""
    shown = [f"'{c}' ({names[c]})" if names.get(c) else f"'{c}'" for c in found]
    return f"; bedoelde u {' of '.join(shown)}?"
