"""What a translator writes outside the page body, or in ways only the sources show, is refused before the build.

Front matter, translation records, links to this site, symbolic links, translations/<lang>/ui.yml
and the language blocks of mkdocs.yml: one fixture site holds one bad edit of each kind; the
real build must stop with each at its own file and line, no traceback, nothing of it in site/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from keep_your_cool.checks.language_words import UI, file_problems
from keep_your_cool.checks.sources import find_problems
from translation_site import CONFIG, FR_PAGE, LAST, build, site_text, write_site

SECRET = "TOP-SECRET-7f3a"
CONFIG_WITH_WORDS = (
    CONFIG.replace("site_name: Fixture\n", "site_name: Fixture\nnav:\n  - Home: index.md\n  - Help: help.md\n")
    + """\
          site_name: "Gardez</title><script>alert(1)</script>"
          site_description: Un guide &lt;b&gt;pratique&lt;/b&gt;
          nav_translations:
            Home: <b onclick="alert(1)">Accueil</b>
            Hlep: Aide
"""
)
ENGLISH_WORDS = 'copy_link: Copy the link\nstatus_summary: "{done} of {total} pages"\nnot_found_title: Page not found\nswitch_to_dark: Dark mode\n'
FRENCH_WORDS = (
    'copy_link: Copier le lien\nstatus_summary: "{fait} pages sur {total}"\n'
    "not_found_title: '\"><img src=x onerror=alert(1)>'\nunknwon_key: x\n"
)

# (case, (old, new) in the French page or what replaces "Proposez une solution.", line, words)
PAGES = [
    ("unclosed-fence", ("```\n\n## Réparez", "\n## Réparez"), 14, "code fence is never closed"),
    (
        "template-key",
        ("description: Un cas.", "description: Un cas.\ntemplate: main.html"),
        3,
        "'template' is not one the guide uses. Fix: remove it; the keys allowed are description, title, l10n, search, hide, downloads",
    ),
    ("other-key", ("description: Un cas.", "author: Ana\ndescription: Un cas."), 2, "'author' is not one the guide uses"),
    (
        "record-head",
        ("description: Un cas.", "description: Un cas.\nl10n:\n  sourceCommit: HEAD"),
        4,
        "'HEAD' is not a commit hash",
    ),
    (
        "record-branch",
        ("description: Un cas.", "description: Un cas.\nl10n:\n  sourceCommit: main"),
        4,
        "'main' is not a commit hash",
    ),
    (
        "record-list",
        ("description: Un cas.", "description: Un cas.\nl10n:\n  sourceCommit: [abc1234, def5678]"),
        4,
        "is not a commit hash",
    ),
    (
        "record-extra",
        ("description: Un cas.", "description: Un cas.\nl10n:\n  sourceCommit: abc1234\n  done: true"),
        3,
        "must hold only 'sourceCommit'",
    ),
    (
        "title-markup",
        ("description: Un cas.", 'description: Un cas.\ntitle: "Cas</title><script>alert(1)</script>"'),
        3,
        "the title holds markup",
    ),
    (
        "description-markup",
        ("description: Un cas.", "description: Un cas <img src=x onerror=alert(1)>"),
        2,
        "the description holds markup",
    ),
    (
        "localhost-link",
        "Voir [ici](http://localhost:8000/fr/#welcome).",
        LAST,
        "points to this computer (localhost). Fix: link to 'index.md#welcome'",
    ),
    ("loopback-link", "Voir [ici](http://127.0.0.1:8000/fr/help/).", LAST, "Fix: link to 'help.md'"),
    (
        "site-url-link",
        "Voir [ici](https://example.org/guide/fr/help/).",
        LAST,
        "is the site's own full address (it breaks on a copy hosted elsewhere or opened from a folder). Fix: link to 'help.md'",
    ),
    ("absolute-path-link", "Voir [ici](/fr/help/).", LAST, "is an absolute path"),
    (
        "other-language-link",
        "Voir [ici](../en/index.md#welcome).",
        LAST,
        "(to another language's page). Fix: link to 'index.md#welcome'",
    ),
]  # a box of another kind is parity, judged on the HTML: tests/test_rendered_checks.py


def config_line(text: str) -> int:
    """The line of the fixture's mkdocs.yml that holds `text`."""
    return next(number for number, line in enumerate(CONFIG_WITH_WORDS.splitlines(), 1) if text in line)


OTHER = [  # (file, line, words) of the edits made outside the case pages
    ("translations/fr/ui.yml", 2, "'status_summary' has the placeholders {fait}, {total}; English has {done}, {total}"),
    ("translations/fr/ui.yml", 3, "'not_found_title' holds markup"),
    ("translations/fr/ui.yml", 4, "'unknwon_key' is not a key of translations/en/ui.yml"),
    ("translations/fr/ui.yml", 5, "'switch_to_dark' is missing"),
    ("mkdocs.yml", config_line('site_name: "Gardez'), "the fr site_name holds markup"),
    ("mkdocs.yml", config_line("site_description: Un guide"), "the fr site_description holds markup"),
    ("mkdocs.yml", config_line("Home: <b"), "the fr nav title for 'Home' holds markup"),
    (
        "mkdocs.yml",
        config_line("Hlep: Aide"),
        "nav_translations key 'Hlep' is not a title of the nav. Fix: copy the English title from mkdocs.yml's nav exactly",
    ),
    ("docs/fr/assets/notes.txt", None, "is a symbolic link (to"),
    ("docs/fr/outside", None, "is a symbolic link (to"),
    ("docs/fr/gone.md", None, "is a symbolic link (to 'nowhere.md')"),
    (
        "docs/fr/trois-r.md",
        None,
        "translation has no English original (docs/en/trois-r.md). Fix: rename it to match its English file, or add",
    ),
]


def _edit(change) -> str:
    old, new = change if isinstance(change, tuple) else ("Proposez une solution.", change)
    assert old in FR_PAGE
    return FR_PAGE.replace(old, new)


@pytest.fixture(scope="module")
def bad_sources(tmp_path_factory):
    root = tmp_path_factory.mktemp("sources")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    write_site(
        root,
        {case: _edit(change) for case, change, _, _ in PAGES} | {"help": FR_PAGE},
        {
            "mkdocs.yml": CONFIG_WITH_WORDS,
            "docs/en/trainers.md": FR_PAGE.replace("Un cas", "Trainers"),
            "docs/fr/trainers.md": FR_PAGE,
            "docs/fr/trois-r.md": FR_PAGE,
            "translations/fr/ui.yml": FRENCH_WORDS,  # beside the fixture's English words
        },
    )
    (root / "docs" / "fr" / "assets").mkdir()
    os.symlink(outside / "secret.txt", root / "docs" / "fr" / "assets" / "notes.txt")
    os.symlink(outside, root / "docs" / "fr" / "outside")
    os.symlink("nowhere.md", root / "docs" / "fr" / "gone.md")
    return root, *build(root)


def _reported(output: str, file: str, line: int | None, words: str) -> None:
    where = f"{file}:{line}: " if line else f"{file}: "
    assert any(where in m and words in m and "Fix: " in m for m in output.splitlines()), (
        f"no '{where}…{words}' in:\n" + "\n".join(m for m in output.splitlines() if file in m)
    )


def _clean_failure(root: Path, result, output: str) -> None:
    assert result.returncode == 1 and "Traceback" not in output, output
    built = site_text(root / "site")
    assert SECRET not in built and "alert(" not in built and "localhost" not in built


@pytest.mark.parametrize("case, change, line, words", PAGES, ids=[c[0] for c in PAGES])
def test_bad_page_edit_is_refused_at_its_line(bad_sources, case, change, line, words):
    root, result, output = bad_sources
    _clean_failure(root, result, output)
    _reported(output, f"docs/fr/{case}.md", line, words)


@pytest.mark.parametrize("file, line, words", OTHER, ids=[f"{f}:{l}" for f, l, _ in OTHER])
def test_bad_edit_outside_the_pages_is_refused_at_its_line(bad_sources, file, line, words):
    root, result, output = bad_sources
    _clean_failure(root, result, output)
    _reported(output, file, line, words)


def test_one_unclosed_fence_is_one_error_and_nothing_else(bad_sources):
    """The fence hides the sections after it: no missing-section or anchor errors follow from it."""
    root, _, output = bad_sources
    assert [m for m in output.splitlines() if "unclosed-fence.md" in m] == [
        next(m for m in output.splitlines() if "docs/fr/unclosed-fence.md:14: " in m)
    ]


def test_the_closest_file_hint_only_when_really_close(bad_sources):
    _, _, output = bad_sources
    message = next(m for m in output.splitlines() if "docs/fr/trois-r.md" in m)
    assert "closest" not in message and "trainers" not in message


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('copy_link: Copier\nstatus_summary: "{done} sur {total}\n', 2, "not valid YAML"),
        ("- copy_link\n", 1, "not a list of 'key: value' lines"),
        ("copy_link: [a, b]\n", 1, "'copy_link' has no words"),
        (b"copy_link: Copi\xe9\n", 1, "not UTF-8"),
        ('status_summary: "{done} sur {total} ({extra})"\n', 1, "has the placeholders {done}, {extra}, {total}"),
    ],
)
def test_ui_words_that_cannot_be_used(tmp_path, text, line, words):
    for locale, content in (("en", ENGLISH_WORDS), ("fr", text)):
        (tmp_path / "translations" / locale).mkdir(parents=True)
        path = tmp_path / "translations" / locale / "ui.yml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    problems = file_problems(tmp_path, "fr", "en", UI)
    found = [p for p in problems if p.line == line and words in p.what]
    assert found and found[0].file == "translations/fr/ui.yml", problems


def test_a_yaml_error_in_ui_yml_stops_the_real_build_cleanly(tmp_path):
    write_site(tmp_path, {}, {"translations/fr/ui.yml": "copy_link: 'Copier\n"})
    result, output = build(tmp_path)
    assert result.returncode == 1 and "Traceback" not in output
    assert "translations/fr/ui.yml:" in output and "not valid YAML" in output


def test_a_record_naming_no_commit_of_this_repository_is_refused(tmp_path):
    """With git history, a well-formed hash must name a commit that exists (checked by translation_records)."""
    from keep_your_cool.model.translation_records import git

    write_site(
        tmp_path, {"case": FR_PAGE.replace("description: Un cas.", "description: Un cas.\nl10n:\n  sourceCommit: abcdef1")}
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x", "--allow-empty")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "pages")
    found = [p for p in find_problems(tmp_path / "docs", ["en", "fr"], "en") if p.file == "docs/fr/case.md"]
    assert [(p.line, "commit abcdef1 does not exist" in p.what) for p in found] == [(4, True)], found


def test_a_record_of_digits_is_a_commit_as_written(tmp_path):
    """'0012345' is a commit hash, though YAML reads the number 12345 in it."""
    write_site(
        tmp_path, {"case": FR_PAGE.replace("description: Un cas.", "description: Un cas.\nl10n:\n  sourceCommit: 0012345")}
    )
    assert [p for p in find_problems(tmp_path / "docs", ["en", "fr"], "en") if p.file == "docs/fr/case.md"] == []
    write_site(tmp_path, {"case": FR_PAGE.replace("description: Un cas.", "description: Un cas.\nl10n:\n  sourceCommit: 012345")})
    [problem] = [p for p in find_problems(tmp_path / "docs", ["en", "fr"], "en") if p.file == "docs/fr/case.md"]
    assert (problem.line, "sourceCommit '012345' is not a commit hash" in problem.what) == (4, True), problem


def test_words_with_problems_never_reach_the_templates(tmp_path):
    """Until translations/fr/ui.yml is fixed, the French pages show the English words, never the broken ones."""
    from keep_your_cool.model.words import ui_words

    for locale, content in (("en", ENGLISH_WORDS), ("fr", FRENCH_WORDS)):
        (tmp_path / "translations" / locale).mkdir(parents=True)
        (tmp_path / "translations" / locale / "ui.yml").write_text(content, encoding="utf-8")
    assert ui_words(tmp_path, "fr", "en")["not_found_title"] == "Page not found"
    (tmp_path / "translations" / "fr" / "ui.yml").write_text(
        ENGLISH_WORDS.replace("Copy the link", "Copier le lien"), encoding="utf-8"
    )
    assert ui_words(tmp_path, "fr", "en")["copy_link"] == "Copier le lien"  # an edit is read again (mkdocs serve)
