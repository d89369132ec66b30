"""One problem a build reports: the file, the line, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the project root, e.g. docs/fr/three-rs.md
    line: int | None
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.what}. Fix: {self.fix}"
