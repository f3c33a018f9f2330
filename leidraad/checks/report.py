"""Cause first, follow-on errors folded: the order in which the CLI and the app show problems.

1. causes: what kept a file (or part of it) from loading (syntax, aliases, tags, encoding, kind);
2. per file, its own problems;
3. per cause, the problems elsewhere that only follow from it (a lane naming 'coa' while the
   organisations file did not load), counted in one line; `--all` (or the app's expander) lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leidraad.checks.rules import LOAD_RULES
from leidraad.content.load import LoadResult
from leidraad.problems import Problem


@dataclass
class FollowOns:
    cause: Problem
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        count = len(self.problems)
        word = "melding volgt" if count == 1 else "meldingen volgen"
        return f"{count} {word} uit de fout in {self.cause.file}:{self.cause.line}"


@dataclass
class Report:
    causes: list[Problem] = field(default_factory=list)
    own: dict[str, list[Problem]] = field(default_factory=dict)
    follow_ons: list[FollowOns] = field(default_factory=list)

    @property
    def all_problems(self) -> list[Problem]:
        return [
            *self.causes,
            *(p for ps in self.own.values() for p in ps),
            *(p for f in self.follow_ons for p in f.problems),
        ]

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.all_problems)

    @property
    def warnings(self) -> int:
        return sum(not p.is_error for p in self.all_problems)

    @property
    def folded(self) -> int:
        return sum(len(f.problems) for f in self.follow_ons)

    @property
    def files_with_errors(self) -> list[str]:
        return sorted({p.file for p in self.all_problems if p.is_error})

    def shown(self) -> list[Problem]:
        """Causes, then every file's own problems: what to read first (the follow-ons are counted)."""
        return [*self.causes, *(p for ps in self.own.values() for p in ps)]


def build_report(result: LoadResult) -> Report:
    report = Report()
    groups: dict[str, FollowOns] = {}
    for problem in sorted(result.problems):
        origin = _origin(result, problem)
        if origin is not None:
            cause = result.unloaded[origin].cause
            groups.setdefault(origin, FollowOns(cause)).problems.append(problem)
        elif problem.rule_id in LOAD_RULES and problem.is_error:
            report.causes.append(problem)
        else:
            report.own.setdefault(problem.file, []).append(problem)
    report.follow_ons = sorted(groups.values(), key=lambda g: (g.cause.file, g.cause.line))
    return report


def _origin(result: LoadResult, problem: Problem) -> str | None:
    """The broken file this problem follows from: it looks for something that file declares."""
    if problem.missing is None:
        return None
    for name, unloaded in result.unloaded.items():
        if name != problem.file and problem.missing in unloaded.declares:
            return name
    return None
