"""The preflight: each bad input is reported with its file, line and fix, and the real build stops without a traceback.

Each test copies a tiny valid English + French site (tests/fixtures/preflight/) into tmp_path
and breaks one thing. The French pages keep the English line layout, so a problem's
line is the same in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DEFAULT_LOCALE, LOCALES, ROOT, fixture_text, mkdocs_build, site_from
from keep_your_cool.checks.language_words import SITE_WORDS
from keep_your_cool.checks.problem import Problem
from keep_your_cool.checks.sources import find_problems
from keep_your_cool.model.markdown_facts import read_page
from keep_your_cool.model.translation_records import MISSING, OUTDATED, UNKNOWN, UP_TO_DATE

FIXTURE = "preflight"  # tests/fixtures/preflight/: English + French on MkDocs' own theme
EN_THREE_RS, FR_THREE_RS, EN_INDEX, FR_INDEX = (
    fixture_text(FIXTURE, f"docs/{page}") for page in ("en/three-rs.md", "fr/three-rs.md", "en/index.md", "fr/index.md")
)


def make_site(tmp_path: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """The fixture site copied into tmp_path with `changes` to its docs/ applied (None deletes a file); its mkdocs.yml."""
    return site_from(FIXTURE, tmp_path, {f"docs/{name}": content for name, content in (changes or {}).items()})


def check(tmp_path: Path, changes: dict | None = None) -> list[Problem]:
    make_site(tmp_path, changes)
    return find_problems(tmp_path / "docs", ["en", "fr"], "en")


def where(problems: list[Problem]) -> list[tuple[str, int | None]]:
    return [(p.file, p.line) for p in problems]


def problem_at(problems: list[Problem], file: str, line: int | None, *words: str) -> Problem:
    """The one problem at file:line; its text must contain every word."""
    found = [p for p in problems if (p.file, p.line) == (file, line)]
    assert len(found) == 1, f"expected one problem at {file}:{line}, got:\n" + "\n".join(map(str, problems))
    for word in words:
        assert word in str(found[0]), f"{word!r} not in: {found[0]}"
    return found[0]


def both(old: str, new: str) -> dict[str, str]:
    """The same replacement in the English and French three-rs pages (keeps them in parity)."""
    return {f"{loc}/three-rs.md": page.replace(old, new) for loc, page in (("en", EN_THREE_RS), ("fr", FR_THREE_RS))}


END = EN_THREE_RS.count("\n") + 2  # the line of a paragraph appended after a blank line


def appended(snippet: str) -> dict[str, str]:
    """`snippet` added at line END of the English and French three-rs pages."""
    return {f"{loc}/three-rs.md": page + f"\n{snippet}\n" for loc, page in (("en", EN_THREE_RS), ("fr", FR_THREE_RS))}


def test_the_clean_fixture_has_no_problems(tmp_path):
    assert check(tmp_path) == []


def test_problem_reads_file_line_what_and_fix():
    problem = Problem("docs/fr/three-rs.md", 12, "section id '#regret' is missing", "keep it.")
    assert str(problem) == "docs/fr/three-rs.md:12: section id '#regret' is missing. Fix: keep it."
    assert str(Problem("docs/de/", None, "x", "y.")) == "docs/de/: x. Fix: y."


# 1. encoding and empty pages


def test_file_that_is_not_utf8(tmp_path):
    latin1 = FR_THREE_RS.replace("Mean it", "x").encode("utf-8").replace("sincère".encode(), "sincère".encode("latin-1"))
    found = check(tmp_path, {"fr/three-rs.md": latin1})
    assert where(found) == [("docs/fr/three-rs.md", 12)]
    problem_at(found, "docs/fr/three-rs.md", 12, "not UTF-8", "UTF-8 in your editor")


@pytest.mark.parametrize("text", ["", "\n  \n", "---\ndescription: Vide.\n---\n\n   \n"])
def test_empty_page(tmp_path, text):
    found = check(tmp_path, {"fr/index.md": text})
    problem_at(found, "docs/fr/index.md", None, "page is empty", "delete the file")


# 2. front matter


@pytest.mark.parametrize(
    "front, line",
    [
        ("description: Les trois R: regret, responsabilité", 2),
        ('author: Ana\ndescription: "non fermé', 3),  # the line inside the file, not inside the YAML
    ],
)
def test_front_matter_that_is_not_yaml(tmp_path, front, line):
    found = check(tmp_path, {"fr/index.md": f"---\n{front}\n---\n\n# Accueil\n"})
    problem_at(found, "docs/fr/index.md", line, "not valid YAML", "quotes")


def test_front_matter_that_is_not_a_mapping(tmp_path):
    found = check(tmp_path, {"en/listening.md": "---\n- a list\n---\n\n# Listening\n"})
    problem_at(found, "docs/en/listening.md", 1, "not a list of 'key: value' lines")


@pytest.mark.parametrize(
    "front, line",
    [
        ("---\ndescription: ''\n---\n", 2),
        ("---\ndescription: 42\n---\n", 2),
        ("---\ntitle: Listening\n---\n", 1),
        ("", 1),
    ],
)
def test_description_must_be_a_non_empty_string(tmp_path, front, line):
    found = check(tmp_path, {"en/listening.md": front + "\n# Listening\n"})
    assert where(found) == [("docs/en/listening.md", line)]
    problem_at(found, "docs/en/listening.md", line, "'description'")


# 3 and 4. folders and file names


def test_folder_that_is_not_a_declared_language(tmp_path):
    found = check(tmp_path, {"de/index.md": "---\ndescription: Start.\n---\n\n# Start\n"})
    problem_at(found, "docs/de/", None, "'de' is not a declared language", "mkdocs.yml", "plugins → i18n → languages")


def test_translation_without_an_english_original(tmp_path):
    found = check(tmp_path, {"fr/three-rs.md": None, "fr/three-r.md": FR_THREE_RS})
    problem_at(found, "docs/fr/three-r.md", None, "no English original", "'three-rs.md'")


# 5. heading ids


def test_heading_without_an_id(tmp_path):
    found = check(tmp_path, appended("### Then call back"))
    assert where(found) == [("docs/fr/three-rs.md", END), ("docs/en/three-rs.md", END)]  # the translator's file first
    problem_at(found, "docs/en/three-rs.md", END, "'Then call back' has no explicit id", "{#then-call-back}")
    problem_at(found, "docs/fr/three-rs.md", END, "has no explicit id", "docs/en/three-rs.md")


def test_heading_ids_are_unique_within_a_page(tmp_path):
    found = check(tmp_path, appended("## Again {#regret}"))
    problem_at(found, "docs/en/three-rs.md", END, "'#regret' is used twice (first on line 9)")
    problem_at(found, "docs/fr/three-rs.md", END, "'#regret' is used twice (first on line 9)")


# 6. a section id a translation lost: one problem, at the translator's heading (the rest of parity
# is judged on the HTML: tests/test_rendered_checks.py)

LINKED_TO_REMEDY = {
    "en/index.md": EN_INDEX.replace("#regret", "#remedy"),
    "fr/index.md": FR_INDEX.replace("#regret", "#remedy"),
}


@pytest.mark.parametrize(
    "heading, words",
    [("## Réparer", "this heading has no id where English has '{#remedy}'"), ("## Réparer {#reparer}", "has '#reparer' where")],
    ids=["removed", "renamed"],
)
def test_a_lost_section_id_is_one_problem_at_the_translators_heading(tmp_path, heading, words):
    found = check(tmp_path, LINKED_TO_REMEDY | {"fr/three-rs.md": FR_THREE_RS.replace("## Réparer {#remedy}", heading)})
    assert where(found) == [("docs/fr/three-rs.md", 16)], "\n".join(map(str, found))
    problem_at(
        found,
        "docs/fr/three-rs.md",
        16,
        "section id '#remedy' is missing",
        words,
        "(docs/en/three-rs.md:16)",
        "1 link(s) in other pages depend on it (docs/fr/index.md:9)",
        "1 link(s) on this page too",
        "write the heading with '{#remedy}'",
    )


def test_the_first_error_is_the_translators_own(tmp_path):
    """The issue's case: one {#remedy} removed and one link mistyped in docs/fr/three-rs.md give
    two errors, both there, the first line of the build's errors naming that file."""
    config = make_site(
        tmp_path,
        LINKED_TO_REMEDY
        | {
            "fr/three-rs.md": FR_THREE_RS.replace("## Réparer {#remedy}", "## Réparer").replace(
                "(index.md#welcome)", "(indx.md#welcome)"
            )
        },
    )
    result = mkdocs_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert "docs/fr/three-rs.md:" in errors[0], output
    assert [e.split(" -  ", 1)[1].split(": ", 1)[0] for e in errors[:-1]] == ["docs/fr/three-rs.md:7", "docs/fr/three-rs.md:16"]
    assert "2 problem(s)" in errors[-1]


# 7. links point to pages and sections that exist


def test_link_to_a_page_that_does_not_exist(tmp_path):
    found = check(tmp_path, both("index.md#welcome", "thre-rs.md"))  # same typo in both, so parity holds
    for loc in ("en", "fr"):
        problem_at(found, f"docs/{loc}/three-rs.md", 7, "'thre-rs.md' points to a page that does not exist", "'three-rs.md'")


def test_link_to_a_section_that_does_not_exist(tmp_path):
    found = check(
        tmp_path,
        {
            "en/index.md": EN_INDEX.replace("#regret", "#regrets"),
            "fr/index.md": FR_INDEX.replace("#regret", "#regrets"),
        },
    )
    problem_at(found, "docs/en/index.md", 9, "docs/en/three-rs.md has no id '#regrets'", "use '#regret'")
    problem_at(found, "docs/fr/index.md", 9, "docs/fr/three-rs.md has no id '#regrets'")  # French readers get the French page
    assert len(found) == 2


def test_bare_anchor_refers_to_the_same_page(tmp_path):
    found = check(tmp_path, both("(#remedy)", "(#remedies)"))
    assert where(found) == [("docs/fr/three-rs.md", 12), ("docs/en/three-rs.md", 12)]
    problem_at(found, "docs/fr/three-rs.md", 12, "docs/fr/three-rs.md has no id '#remedies'")


def test_link_to_an_english_only_page_falls_back_to_english(tmp_path):
    assert check(tmp_path, both("(#remedy)", "(listening.md#their-words)")) == []
    found = check(tmp_path, both("(#remedy)", "(listening.md#their-word)"))
    problem_at(found, "docs/fr/three-rs.md", 12, "docs/en/listening.md has no id '#their-word'", "'#their-words'")


@pytest.mark.parametrize("address", ["http://127.1:8000/fr/", "HTTP://LocalHost/fr/", "http:\\\\[::1]/fr/", "//0x7f.0.0.1/fr/"])
def test_links_to_this_computer_are_read_as_a_browser_reads_them(tmp_path, address):
    found = check(tmp_path, {"fr/three-rs.md": FR_THREE_RS.replace("(index.md#welcome)", f"({address}#welcome)")})
    problem_at(found, "docs/fr/three-rs.md", 7, "points to this computer", "Fix: link to 'index.md#welcome'")


def test_link_out_of_the_language_folder(tmp_path):
    found = check(tmp_path, both("(index.md#welcome)", "(../en/index.md#welcome)"))
    problem_at(found, "docs/fr/three-rs.md", 7, "points outside docs/fr/")


def test_one_run_reports_every_problem_in_every_language(tmp_path):
    found = check(
        tmp_path,
        {
            "en/index.md": EN_INDEX + "\n### Again\n",
            "fr/index.md": FR_INDEX.replace("{#welcome}", "{#bienvenue}") + "\n### Encore\n",
            "fr/three-rs.md": FR_THREE_RS.replace("description: ", "description: : "),
        },
    )
    assert where(found) == [
        ("docs/fr/index.md", 7),  # the lost #welcome, and the link in three-rs.md that needs it
        ("docs/fr/index.md", 11),
        ("docs/fr/three-rs.md", 2),
        ("docs/en/index.md", 11),
    ]


# the real build: every problem printed, exit code 1, no traceback, and the preflight runs once


def assert_build_fails_with(tmp_path: Path, config: Path, found: list[Problem]) -> None:
    assert found, "the fixture should have problems"
    result = mkdocs_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for problem in found:
        assert output.count(str(problem)) == 1, f"not printed once: {problem}\n{output}"
    assert f"{len(found)} problem(s) in the pages and the words of the languages; see above." in result.stderr


@pytest.mark.parametrize(
    "changes",
    [
        {"de/index.md": "---\ndescription: Start.\n---\n\n# Start\n"},
        {"fr/three-rs.md": FR_THREE_RS.encode().replace("è".encode(), b"\xe8")},
        {"en/listening.md": "---\ndescription: [unclosed\n---\n\n# Listening\n"},
    ],
    ids=["undeclared-folder", "not-utf8", "bad-yaml"],
)
def test_build_fails_with_located_messages(tmp_path, changes):
    config = make_site(tmp_path, changes)
    assert_build_fails_with(tmp_path, config, find_problems(tmp_path / "docs", ["en", "fr"], "en"))


def test_build_prints_problems_in_both_languages(tmp_path):
    config = make_site(
        tmp_path,
        {
            "en/index.md": EN_INDEX + "\n### Again\n",
            "fr/three-rs.md": FR_THREE_RS.replace("{#remedy}", "{#reparer}"),
        },
    )
    found = find_problems(tmp_path / "docs", ["en", "fr"], "en")
    assert {p.file for p in found} == {"docs/en/index.md", "docs/fr/three-rs.md"}
    assert_build_fails_with(tmp_path, config, found)


def test_clean_build_passes_and_checks_once(tmp_path):
    result = mkdocs_build(make_site(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    # static-i18n builds French inside the English build: the preflight must not run again there
    assert result.stderr.count("preflight: the pages and words of 2 languages have no problems") == 1


# the site's own words in English, which every language falls back to


def test_english_words_that_lose_or_misspell_a_key_stop_the_build_at_their_line(tmp_path):
    """A word lost or misspelt in translations/en/ui.yml is located before anything is written,
    not a KeyError halfway through the build; the French words, right, are not blamed for it."""
    french_words = fixture_text("partial-language", "translations/fr/ui.yml")  # right, through that fixture's link
    config = site_from(FIXTURE, tmp_path, {"translations/fr/ui.yml": french_words})
    english = tmp_path / "translations" / "en" / "ui.yml"
    lines = english.read_text(encoding="utf-8").splitlines(keepends=True)
    misspelt = next(n for n, line in enumerate(lines, 1) if line.startswith("print_edition:"))
    lines[misspelt - 1] = lines[misspelt - 1].replace("print_edition:", "print_editon:")
    english.write_text("".join(line for line in lines if not line.startswith("copy_link:")), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    end = len(lines)  # one line was removed: the line after the last
    assert f"translations/en/ui.yml:{misspelt - 1}: 'print_editon' is not one of the site's own words" in output, output
    assert "(closest: 'print_edition')" in output
    for key in ("copy_link", "print_edition"):
        assert f"translations/en/ui.yml:{end}: '{key}' is missing" in output, output
    assert "translations/fr/" not in output
    assert not (tmp_path / "site").exists()


def test_every_site_word_is_read_by_the_code_that_shows_it():
    """SITE_WORDS is what English must give: each key is read by a template, a page script or the plugin."""
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("hooks", "overrides")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".html", ".js"} and path.name != "language_words.py"
    )
    assert '"state_" ~ row.state' in code  # the status table names each state of a translation record by its key
    states = {f"state_{state}" for state in (UP_TO_DATE, OUTDATED, MISSING, UNKNOWN)}
    unread = [key for key in SITE_WORDS - states if not re.search(rf"\b{key}\b", code)]
    assert unread == []


# the project itself


def test_the_project_docs_have_no_problems():
    found = find_problems(ROOT / "docs", LOCALES, DEFAULT_LOCALE)
    assert found == [], "\n" + "\n".join(map(str, found))


# markdown_facts


def test_facts_front_matter():
    facts = read_page("---\ntitle: A\ndescription: B\n---\n\n# A\n")
    assert facts.front_matter.data == {"title": "A", "description": "B"}
    assert facts.front_matter.key_line("description") == 3
    assert not facts.empty
    broken = read_page("---\ntitle: A\nbad: [x\n---\n\n# A\n").front_matter
    assert broken.error and broken.error_line == 3
    assert read_page("---\ndescription: B\n").front_matter.error_line == 1  # never closed
    assert read_page("# A\n").front_matter is None
    assert read_page("---\ndescription: B\n---\n\n \n").empty


def test_facts_headings():
    facts = read_page(
        "# Title\n\n## Two {#two}\n\n### Three ### {: #three .wide }\n\n## No id\n\nSetext {#s}\n---\n"
        "\n```\n## In code {#code}\n```\n\n!!! note\n    ## Inside {#inside}\n"
    )
    assert [(h.line, h.level, h.text, h.id) for h in facts.headings] == [
        (1, 1, "Title", None),
        (3, 2, "Two", "two"),
        (5, 3, "Three", "three"),
        (7, 2, "No id", None),
        (9, 2, "Setext", "s"),
        (17, 2, "Inside", "inside"),
    ]
    assert list(facts.ids) == ["two", "three", "s", "inside"]


def test_facts_links_and_images():
    facts = read_page(
        'See [a](three-rs.md#regret "Title") and [b](../x.md),\n'
        "[![badge](img/b.png)](index.md), [ext](https://example.com), [m](mailto:a@b.c),\n"
        "`[code](nope.md)` and [wrapped\ntext](#here) and ![ref][pic]\n\n[pic]: <img/pic.png>\n"
        "\n````\n```\n[fenced](nope.md)\n```\n````\n"
    )
    assert [(l.line, l.target, l.image) for l in facts.links] == [
        (1, "three-rs.md#regret", False),
        (1, "../x.md", False),
        (2, "index.md", False),
        (2, "img/b.png", True),
        (2, "https://example.com", False),
        (2, "mailto:a@b.c", False),
        (3, "#here", False),
        (6, "img/pic.png", True),
    ]
    assert [(l.path, l.anchor) for l in facts.internal_links] == [
        ("three-rs.md", "regret"),
        ("../x.md", None),
        ("index.md", None),
        ("img/b.png", None),
        ("", "here"),
        ("img/pic.png", None),
    ]
    assert [l.target for l in facts.images] == ["img/b.png", "img/pic.png"]


def test_facts_admonitions():
    facts = read_page('!!! tip\n    x\n\n??? question "Q?"\n    a\n\n???+ note "Open"\n    b\n\n```\n!!! danger\n```\n')
    assert [(a.line, a.marker, a.kind) for a in facts.admonitions] == [
        (1, "!!!", "tip"),
        (4, "???", "question"),
        (7, "???+", "note"),
    ]
