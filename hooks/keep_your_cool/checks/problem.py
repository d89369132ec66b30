"""One problem a build reports: the file, the line, what is wrong and how to fix it; every check returns these."""

from __future__ import annotations

import difflib
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


def closest(word: str, choices, cutoff: float = 0.8) -> str | None:
    """The choice that is really close to `word` (a typo, a letter dropped), or None: a fix's hint."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None
