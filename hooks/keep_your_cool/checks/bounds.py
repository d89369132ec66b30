"""A page Python-Markdown can render in the time a normal page takes, checked before it renders.

Python-Markdown's inline patterns and nested blocks cost more than linear time on some input
(a paragraph with hundreds of '[' or backticks, a heading padded with thousands of spaces, lists
hundreds of levels deep end in RecursionError). No page of the guide comes near these limits
(the largest is 16 KB, its busiest paragraph has 14 '[' and its deepest indent is 4 spaces), so
a page over one is a located error, found by one pass over its lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from keep_your_cool.checks.problem import Problem

MAX_PAGE_BYTES = 128 * 1024
MAX_PARAGRAPH_CHARS = 20_000
MAX_INDENT = 40  # columns: ten levels of lists or boxes
MAX_QUOTE_DEPTH = 10
MAX_BLANKS = 100  # spaces or tabs in a row
BLANK_RUN = re.compile(r"[ \t]+")
# characters each paragraph may hold so many of (Markdown's inline markup); and the page
PER_PARAGRAPH = {"[": 100, "]": 100, "`": 100, "*": 200, "_": 200, "<": 100, "&": 200, "~": 100, "{": 100}
PER_PAGE = {"[": 500, "`": 500, "<": 500}
# Indented or blank runs at least this long anywhere may be a problem; shorter ones never are.
WIDE_RUN = re.compile(r"[ \t]{11}")  # 11 spaces or tabs: the least that indents more than MAX_INDENT columns
FIX = "split the page or the paragraph, or remove the repeated characters; a translation keeps the English page's shape"


def _fence(line: str) -> str | None:
    stripped = line.lstrip(" \t")
    for mark in ("```", "~~~"):
        if stripped.startswith(mark):
            return mark
    return None


def _longest_blank_run(line: str) -> int:
    return max(map(len, BLANK_RUN.findall(line)), default=0)


def _clearly_within(text: str) -> bool:
    """True when no line, paragraph or count of the page can be over a limit, judged on the whole text at
    once (a paragraph holds at most what the page holds); the line-by-line reading then finds nothing."""
    return (
        len(text) <= MAX_PARAGRAPH_CHARS
        and all(text.count(char) <= limit for char, limit in (*PER_PARAGRAPH.items(), *PER_PAGE.items()))
        and text.count(">") <= MAX_QUOTE_DEPTH
        and not WIDE_RUN.search(text)
    )


def bounds_problems(text: str, size: int, file: str) -> Iterator[Problem]:
    """What makes the page `file` too big or too deep to render in bounded time, at its line."""
    if size <= MAX_PAGE_BYTES and _clearly_within(text):  # every page of the guide: one pass over the text
        return
    if size > MAX_PAGE_BYTES:
        yield Problem(file, None, f"the page is {size // 1024} KB; a page may be at most {MAX_PAGE_BYTES // 1024} KB", FIX + ".")
        return
    page_counts = dict.fromkeys(PER_PAGE, 0)
    fence = None
    paragraph_start, paragraph = 1, []

    def judge_paragraph() -> Iterator[Problem]:
        block = "\n".join(paragraph)
        if len(block) > MAX_PARAGRAPH_CHARS:
            yield Problem(
                file,
                paragraph_start,
                f"this paragraph is {len(block)} characters long (at most {MAX_PARAGRAPH_CHARS})",
                FIX + ".",
            )
            return
        for char, limit in PER_PARAGRAPH.items():
            if (count := block.count(char)) > limit:
                yield Problem(file, paragraph_start, f"this paragraph has {count} '{char}' (at most {limit})", FIX + ".")
                return

    for number, line in enumerate(text.splitlines(), 1):
        mark = _fence(line)
        if fence:  # code is shown as it is: only its size counts
            fence = None if mark == fence else fence
            continue
        if mark:
            fence = mark
        if not line.strip(" \t>"):
            yield from judge_paragraph()
            paragraph, paragraph_start = [], number + 1
            continue
        paragraph.append(line)
        for char in PER_PAGE:
            page_counts[char] += line.count(char)
        indent = len(line) - len(line.lstrip(" \t")) + 3 * line[: len(line) - len(line.lstrip(" \t"))].count("\t")
        quotes = len(line) - len(line.lstrip(" >")) - line[: len(line) - len(line.lstrip(" >"))].count(" ")
        if indent > MAX_INDENT or quotes > MAX_QUOTE_DEPTH:
            yield Problem(
                file,
                number,
                (f"this line is indented {indent} columns deep" if indent > MAX_INDENT else f"this line is {quotes} quotes deep")
                + f" (at most {MAX_INDENT} columns and {MAX_QUOTE_DEPTH} quotes)",
                "indent lists and boxes as in English; readers never need more than a few levels.",
            )
            return
        if (blanks := _longest_blank_run(line)) > MAX_BLANKS:
            yield Problem(
                file, number, f"this line has {blanks} spaces or tabs in a row (at most {MAX_BLANKS})", "remove the extra spaces."
            )
            return
    yield from judge_paragraph()
    for char, limit in PER_PAGE.items():
        if page_counts[char] > limit:
            yield Problem(
                file,
                None,
                f"the page has {page_counts[char]} '{char}' (at most {limit}: far more links or markup than a page needs)",
                FIX + ".",
            )
