"""No translator input makes the build slow: a page too big, too busy or too deep is a located error
found before Markdown renders it, and every pattern the checks run on a page is linear.

Python-Markdown needs minutes for a paragraph of a few thousand '[' or '<', and ends in RecursionError
on lists hundreds of levels deep; each such page of one fixture site must stop the build at its file
and line, no traceback, nothing written, in less time than the same site builds with clean pages.
"""

from __future__ import annotations

import time

import pytest

from conftest import ROOT
from keep_your_cool.checks.bounds import bounds_problems
from keep_your_cool.checks.html_allowlist import SourceLines, audit
from keep_your_cool.model.markdown_facts import read_page
from translation_site import FR_PAGE, LAST, page_count, site_text, timed_build, write_site

# (case, the French page, line of the error (None: the whole page), words in it)
HOSTILE = [
    ("bracket-run", FR_PAGE.replace("Proposez une solution.", "[" * 20_000), LAST, "20000 '['"),
    ("bracket-words", FR_PAGE.replace("Proposez une solution.", "[a " * 5_000), LAST, "5000 '['"),
    ("backtick-run", FR_PAGE.replace("Proposez une solution.", "`" * 20_000), LAST, "20000 '`'"),
    ("star-words", FR_PAGE.replace("Proposez une solution.", "*a " * 3_000), LAST, "3000 '*'"),
    ("less-than-words", FR_PAGE.replace("Proposez une solution.", "<a " * 5_000), LAST, "5000 '<'"),
    (
        "thousands-of-links",
        FR_PAGE.replace("Proposez une solution.", "\n\n".join(f"[lien {i}](index.md#welcome)" for i in range(3_000))),
        None,
        "the page has 3001 '['",
    ),
    (
        "heading-spacing",
        FR_PAGE.replace("## Réparez {#remedy}", "## Réparez" + " " * 20_000 + "{#remedy}"),
        18,
        "20000 spaces or tabs in a row",
    ),
    (
        "reference-spacing",
        FR_PAGE.replace("Proposez une solution.", "[r]:" + " " * 20_000 + "https://example.com/" + " " * 20_000 + '"t"'),
        LAST,
        "spaces or tabs in a row",
    ),
    (
        "deep-list",
        FR_PAGE.replace("Proposez une solution.", "\n".join("    " * i + "- x" for i in range(100))),
        LAST + 11,
        "indented 44 columns deep",
    ),
    ("deep-quote", FR_PAGE.replace("Proposez une solution.", ">" * 400 + " x"), LAST, "400 quotes deep"),
    ("huge-page", FR_PAGE + "\nDu texte tout à fait ordinaire.\n" * 6_000, None, "a page may be at most 128 KB"),
]


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("clean")
    write_site(root, {case: FR_PAGE for case, *_ in HOSTILE})
    return root, *timed_build(root)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory, clean_build):
    root = tmp_path_factory.mktemp("hostile")
    write_site(root, {case: page for case, page, _, _ in HOSTILE})
    return root, *timed_build(root)


@pytest.mark.parametrize("case, page, line, words", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_page_is_refused_before_it_renders(hostile_build, case, page, line, words):
    root, result, output, _ = hostile_build
    assert result.returncode == 1 and "Traceback" not in output and "RecursionError" not in output, output[-3000:]
    where = f"docs/fr/{case}.md:{line}: " if line else f"docs/fr/{case}.md: "
    messages = [m for m in output.splitlines() if f"docs/fr/{case}.md" in m]
    assert len(messages) == 1 and where in messages[0] and words in messages[0] and "Fix: " in messages[0], messages
    assert not (root / "site").exists() or "[lien" not in site_text(root / "site")


def test_refusing_hostile_pages_is_faster_than_building_clean_ones(hostile_build, clean_build):
    hostile_root, _, _, hostile_seconds = hostile_build
    clean_root, result, output, clean_seconds = clean_build
    assert result.returncode == 0, output
    assert page_count(hostile_root) == page_count(clean_root)
    assert hostile_seconds <= clean_seconds


def test_the_guides_own_pages_are_within_bounds():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        data = path.read_bytes()
        assert list(bounds_problems(data.decode("utf-8-sig"), len(data), str(path))) == [], path


ADVERSARIAL = {  # input for the patterns the checks run on a page's text and HTML, 100 000 characters each
    "brackets": "[" * 100_000,
    "open-links": "[a](" * 25_000,
    "backtick-groups": " ".join("`" * (i % 50 + 1) for i in range(5_000)),
    "heading-spaces": "# a" + " " * 100_000 + "b",
    "closing-hashes": "## a" + " \t" * 50_000 + "#x",
    "attribute-list": "## a {" + " " * 100_000 + "x",
    "reference-labels": "\n".join("[" + "a" * 30 for _ in range(3_000)),
    "tags": "<a " * 33_000,
    "entities": "&#" * 50_000,
    "urls": '<a href="https:' + "/" * 100_000 + '">x</a>',
}
NORMAL = (FR_PAGE * 300)[:100_000]
NORMAL_HTML = ('<h2 id="a">A</h2><p>Voir <a href="https://example.com/?q=1">ici</a>, <em>là</em> &amp; ici.</p>\n' * 1_200)[
    :100_000
]


def _seconds(function, text) -> float:
    start = time.monotonic()
    function(text)
    return time.monotonic() - start


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_no_pattern_backtracks_on_adversarial_input(name):
    """Each reader of a page's text or HTML takes about as long on hostile input as on a normal page of its size."""
    text = ADVERSARIAL[name]
    source = SourceLines.read(NORMAL)
    audit_html = lambda html: audit(html, source, "docs/fr/page.md")
    for reader in (read_page, SourceLines.read, lambda t: list(bounds_problems(t, len(t), "docs/fr/page.md")), audit_html):
        normal = _seconds(reader, NORMAL_HTML if reader is audit_html else NORMAL)
        assert _seconds(reader, text) <= 20 * normal + 20 * _seconds(reader, "x" * 1_000), (name, reader)


# The smallest page over each limit (the guide's pages are read at once, as a whole; these must not be)
JUST_OVER = {
    "paragraph-brackets": ("a " + "[" * 101, 1, "101 '['"),
    "page-brackets": ("\n\n".join("[" * 90 for _ in range(6)), None, "540 '['"),
    "indent-tabs": ("- a\n" + "\t" * 10 + " - b", 2, "indented 41 columns deep"),
    "quotes": ("> " * 11 + "x", 1, "11 quotes deep"),
    "blank-run": ("a" + " " * 101 + "b", 1, "101 spaces or tabs in a row"),
    "long-paragraph": ("word " * 4_001, 1, "20005 characters long"),
}


@pytest.mark.parametrize("case", list(JUST_OVER))
def test_a_page_just_over_a_limit_is_refused_at_its_line(case):
    text, line, words = JUST_OVER[case]
    (problem,) = bounds_problems(text, len(text.encode()), "docs/fr/page.md")
    assert problem.line == line and words in str(problem), str(problem)
