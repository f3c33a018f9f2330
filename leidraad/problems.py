"""Problems found in content: values with a place and a rule id, never strings built ad hoc."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    rule_id: str
    severity: Severity
    message: str
    # What the problem is about when it is a failed lookup ('org:dtv', 'process:x', 'step:x/y',
    # 'entry:doelgroepen/amv'): lets a report fold it under the broken file that declares it.
    missing: str | None = field(default=None, compare=False)

    def format(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity.value} {self.rule_id}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True)
class Place:
    """Where an object was written: file and 1-based line and column."""

    file: str
    line: int = 1
    col: int = 1

    def problem(
        self, rule_id: str, message: str, severity: Severity = Severity.ERROR, *, missing: str | None = None
    ) -> Problem:
        return Problem(self.file, self.line, self.col, rule_id, severity, message, missing)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"
