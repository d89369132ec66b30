"""What a translation pull request can reach besides its pages' words, refused before anything renders.

One English + French + German fixture site holds one bad edit of each class (files beside the
pages, the language's block in mkdocs.yml, front-matter values, every YAML hazard in every file a
translator edits), in two languages at once: the real build must report each at its file and line,
every language in one run, with no traceback, nothing of it in site/, and in about the time of a
clean build. The same site with legitimate edits (typography, quotes, '&', a title, an image of
its own…) builds, and a quote in a language's words reaches every attribute escaped.
"""

from __future__ import annotations

import html.parser
import json
import os
import resource
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from conftest import MKDOCS, fixture_text, mkdocs_build, site_from
from translation_site import EN_PAGE, FR_PAGE

MARK = "KYC-INJECTED"  # in every bad edit's content: none of it may reach site/
FIXTURE = "translator-files"  # English + French on Material with its palette switch; the French block last
DE = """\
        - locale: de
          name: Deutsch
          build: true
"""


def config(fr_block: str = "", de_block: str = "") -> str:
    """The fixture's mkdocs.yml with `fr_block` appended to the French block, then a German block with `de_block`."""
    return fixture_text(FIXTURE, "mkdocs.yml") + fr_block + DE + de_block


def laughs(key: str, indent: str) -> str:
    """A "billion laughs": nine levels of nine aliases, 387 million values once anything walks them."""
    lines = [f"{indent}{key}:", f"{indent}  l0: &l0 [{MARK}, {MARK}, {MARK}, {MARK}, {MARK}, {MARK}, {MARK}, {MARK}, {MARK}]"]
    lines += [f"{indent}  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    return "\n".join(lines) + "\n"


BAD_FR_BLOCK = f"""\
          copyright: '<script>{MARK}</script>'
          site_author: {MARK}
          site_url: https://evil.example/
          extra:
            analytics:
              provider: google
              property: {MARK}
          theme:
            language: fr
            font:
              text: {MARK}
          nav:
            - index.md
          fixed_link: https://evil.example/{MARK}/
          link: /fr/
          admonition_translations:
            tip: {MARK}
          default: false
          nav_translations:
            The method: 42
"""
BAD_DE_BLOCK = "          site_name: Ruhig bleiben\n" + laughs("extra", "          ")

# French case pages: (case, front matter lines after the description (line 2), line, words)
FRONT = [
    ("hide", "hide:\n  - navigation\n  - toc", 3, "'hide' differs from the English page's (it has no 'hide')"),
    ("search-exclude", "search:\n  exclude: true", 3, "'search' differs from the English page's"),
    ("nan-boost", "search:\n  boost: .nan", 3, "search boost nan is not a number"),
    ("downloads-added", "downloads: true", 3, "'downloads' differs from the English page's (it has no 'downloads')"),
    ("title-list", f"title: [{MARK}, b]", 3, "front matter 'title' is not text"),
    ("front-tag", f"author: !x {MARK}", 3, "'!x' is a YAML tag"),
    ("front-laughs", laughs("x", "").rstrip("\n"), 4, "'&l0' is a YAML anchor or alias"),
    ("record-list", "l10n:\n  sourceCommit: [abc1234, def5678]", 4, "sourceCommit ['abc1234', 'def5678'] is not a commit hash"),
]
FILES = {  # published as they are, were they not refused
    "fr/page.html": f"<script>{MARK}</script>",
    "fr/logo.svg": f'<svg xmlns="http://www.w3.org/2000/svg" onload="{MARK}"/>',
    "fr/assets/javascripts/bundle.a5f9d56c.min.js": f"alert('{MARK}')",
    "fr/style.css": f"@import url(https://evil.example/{MARK}.css);",
    "fr/sitemap.xml": f"<urlset><url><loc>https://evil.example/{MARK}</loc></url></urlset>",
    "fr/robots.txt": f"Disallow: /{MARK}",
    "fr/extra.MD": f"---\ndescription: {MARK}\n---\n\n# {MARK}\n",
    "de/notes.txt": MARK,
    "robots.txt": f"Disallow: /{MARK}",
}


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def words_file(locale: str, name: str) -> str:
    """The fixture's words (the project's, through its translations/<locale> link)."""
    return fixture_text(FIXTURE, f"translations/{locale}/{name}")


def write(root: Path, mkdocs_yml: str, pages: dict, translations: dict) -> None:
    """The fixture copied into root, with its mkdocs.yml, `pages` (under docs/) and `translations` replaced."""
    site_from(
        FIXTURE,
        root,
        {"mkdocs.yml": mkdocs_yml}
        | {f"docs/{name}": content for name, content in pages.items()}
        | {f"translations/{name}": content for name, content in translations.items()},
    )


FR_UI = words_file("fr", "ui.yml").replace("copy_link: ", "copy_link: 42\nx_copy_link: ", 1)
FR_UI = FR_UI.replace("\nprint_cards: ", "\nprint_cards:\nx_print_cards: ", 1)
FR_UI = "\n".join(line for line in FR_UI.splitlines() if not line.startswith("x_")) + "\n"
FR_THEME = words_file("fr", "theme.yml").replace("top: ", f"top: !x {MARK} ", 1)
DE_THEME = f"footer: &f {MARK}\nnav: *f\n"
DE_UI = b"# Die Worte der Seite\ncopy_link: Link kopier\xe9n\n"
FR_SEARCH = "crie: case.md\nhurle: 42\n"


def bad_site(root: Path) -> tuple[str, list[tuple[str, int | None, str]]]:
    """The bad fixture written in root; its mkdocs.yml and (file, line, words) of each problem it must report."""
    mkdocs_yml = config(BAD_FR_BLOCK, BAD_DE_BLOCK)
    pages = {f"en/{case}.md": EN_PAGE for case, _, _, _ in FRONT}
    pages |= {
        f"fr/{case}.md": FR_PAGE.replace("description: Un cas.", f"description: Un cas.\n{front}") for case, front, _, _ in FRONT
    }
    pages |= {"en/trainers.md": EN_PAGE.replace("description: A case.", "description: A case.\ndownloads: true")}
    pages |= {"fr/trainers.md": FR_PAGE} | FILES
    translations = {
        "fr/ui.yml": FR_UI,
        "fr/theme.yml": FR_THEME,
        "fr/search-words.yml": FR_SEARCH,
        "de/ui.yml": DE_UI,
        "de/theme.yml": DE_THEME,
    }
    write(root, mkdocs_yml, pages, translations)
    block = [
        ("mkdocs.yml", line_of(mkdocs_yml, key), f"'{key.split(':')[0].strip()}' cannot be set in the fr block")
        for key in (
            "copyright:",
            "site_author:",
            "          site_url:",
            "extra:",
            "fixed_link:",
            "          link: /fr/",
            "admonition_translations:",
            "default: false",
        )
    ] + [
        (
            "mkdocs.yml",
            line_of(mkdocs_yml, "          theme:"),
            "(theme may only say 'language: fr')",
        ),
        ("mkdocs.yml", line_of(mkdocs_yml, "          nav:"), "'nav' cannot be set in the fr block"),
        ("mkdocs.yml", line_of(mkdocs_yml, "The method: 42"), "the fr nav title for 'The method' is not text"),
        ("mkdocs.yml", line_of(mkdocs_yml, "l0: &l0"), "'&l0' is a YAML anchor or alias"),
    ]
    fronts = [(f"docs/fr/{case}.md", line, words) for case, _, line, words in FRONT]
    files = [(f"docs/{name}", None, "published") for name in FILES]
    files = [
        (f, n, "outside every language folder" if f == "docs/robots.txt" else "is not '.md'" if f.endswith(".MD") else w)
        for f, n, w in files
    ]
    words = [
        ("translations/fr/ui.yml", line_of(FR_UI, "copy_link: 42"), "'copy_link' has a number, true/false or null, not words"),
        ("translations/fr/ui.yml", line_of(FR_UI, "print_cards:"), "'print_cards' has no words"),
        ("translations/fr/theme.yml", line_of(FR_THEME, "top: !x"), "'!x' is a YAML tag"),
        ("translations/fr/search-words.yml", 2, "the page for 'hurle' is not a file name"),
        ("translations/de/ui.yml", 2, "not UTF-8"),
        ("translations/de/theme.yml", 1, "'&f' is a YAML anchor or alias"),
        ("docs/fr/trainers.md", 1, "'downloads' differs from the English page's (it has 'downloads: true')"),
    ]
    return mkdocs_yml, block + fronts + files + words


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> tuple[float, Path]:
    """The legitimate fixture without quotes: how long it takes to build (the bound for a refused one), and its site."""
    root = tmp_path_factory.mktemp("clean")
    good_site(root, quotes=False)
    start = time.monotonic()
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    return time.monotonic() - start, root / "site"


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))  # a walked billion laughs fails, not the machine


@pytest.fixture(scope="module")
def refused(tmp_path_factory, clean):
    root = tmp_path_factory.mktemp("bad")
    _, expected = bad_site(root)
    clean_seconds = clean[0]
    bound = 3 * clean_seconds + 10
    start = time.monotonic()
    try:
        result = subprocess.run(
            [str(MKDOCS), "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
            cwd=root,
            timeout=bound,
            preexec_fn=limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build ran past {bound:.0f} s (a clean build takes {clean_seconds:.1f} s)")
    seconds = time.monotonic() - start
    return root, result, result.stdout + result.stderr, seconds, expected


def test_every_bad_edit_is_refused_at_its_file_and_line_in_one_run(refused, clean):
    root, result, output, seconds, expected = refused
    clean_seconds = clean[0]
    assert result.returncode == 1, output
    assert "Traceback" not in output and "MemoryError" not in output and "RecursionError" not in output
    assert seconds < 3 * clean_seconds + 10, f"{seconds:.1f} s, a clean build {clean_seconds:.1f} s"
    assert not (root / "site").exists() or not any((root / "site").rglob("*")), "the build wrote files"
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    missing = []
    for file, line, words in expected:
        where = f" {file}:{line}: " if line else f" {file}: "
        if not any(where in error and words in error and "Fix: " in error for error in errors):
            missing.append(f"{where}…{words}")
    assert missing == [], "not reported:\n" + "\n".join(missing) + "\n\nreported:\n" + "\n".join(errors)


QUOTED = '« "{}" & l\'{} < 1 »'  # every value of the French words, written around: what a translator may type


def quoted(text: str) -> str:
    """A words file with every value wrapped in quotes, '&', an apostrophe and '<' (placeholders kept)."""
    words = yaml.safe_load(text)
    return yaml.safe_dump({key: QUOTED.format(value, key) for key, value in words.items()}, allow_unicode=True, width=1000)


def good_site(root: Path, quotes: bool = True) -> None:
    """The fixture with legitimate edits: a title, typography and entities in a page, an image of its own, the
    menu's labels, the front matter English has; with `quotes`, every word of ui.yml and theme.yml as QUOTED."""
    fr_block = (
        "          site_description: L’accueil d’un client mécontent, pas à pas\n"
        "          theme:\n            language: fr\n          nav_translations:\n            The method: La méthode « ASAP »\n"
    )
    png = b"\x89PNG\r\n\x1a\n"
    same = "\nsearch:\n  boost: 0.5\nhide:\n  - toc"
    pages = {
        "fr/case.md": FR_PAGE.replace(
            "description: Un cas.", f"description: Un cas « simple » & utile.\ntitle: Un cas d’école{same}"
        ).replace("Proposez une solution.", "Proposez une solution&nbsp;: c’est « simple » &amp; utile. ![Logo](img/logo.png)"),
        "en/case.md": EN_PAGE.replace("description: A case.", f"description: A case.{same}").replace(
            "Offer a fix.", "Offer a fix. ![Logo](img/logo.png)"
        ),
        "en/img/logo.png": png,
        "fr/img/logo.png": png,
    }
    fr = {name: words_file("fr", name) for name in ("ui.yml", "theme.yml")}
    translations = {f"fr/{name}": quoted(text) if quotes else text for name, text in fr.items()}
    translations |= {"fr/search-words.yml": "cas: case.md\n"}
    write(root, config(fr_block), pages, translations)


class Attributes(html.parser.HTMLParser):
    """Every (tag, attribute, value) of a page, as a browser reads them."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.found += [(tag, name, value) for name, value in attrs]


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    root = tmp_path_factory.mktemp("good")
    good_site(root)
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    return root, result


def test_legitimate_edits_build(good):
    root, result = good
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    page = (root / "site/fr/case/index.html").read_text(encoding="utf-8")
    assert "Un cas d’école" in page and "La méthode « ASAP »" in page
    assert (root / "site/fr/img/logo.png").is_file()


def attributes(site: Path) -> dict[str, list[tuple[str, str, str | None]]]:
    found = {}
    for file in sorted(site.rglob("*.html")):
        parser = Attributes()
        parser.feed(file.read_text(encoding="utf-8"))
        found[file.relative_to(site).as_posix()] = parser.found
    return found


def test_a_quote_in_a_languages_words_reaches_every_attribute_escaped(good, clean):
    """Every value of ui.yml and theme.yml with '"', '&', "'" and '<': each page has the same elements and
    attributes as with plain words, and the words read back as written (the dark-palette label included)."""
    root, _ = good
    quoted_site, plain_site = attributes(root / "site"), attributes(clean[1])
    assert {f: [(tag, name) for tag, name, _ in a] for f, a in quoted_site.items()} == {
        f: [(tag, name) for tag, name, _ in a] for f, a in plain_site.items()
    }
    fr = quoted_site["fr/case/index.html"]
    dark = QUOTED.format(yaml.safe_load(words_file("fr", "ui.yml"))["switch_to_dark"], "switch_to_dark")
    assert ("input", "aria-label", dark) in fr and ("label", "title", dark) in fr
    header = QUOTED.format(yaml.safe_load(words_file("fr", "theme.yml"))["header"], "header")
    assert ("nav", "aria-label", header) in fr
    page = (root / "site/fr/case/index.html").read_text(encoding="utf-8")
    config = json.loads(page.split('<script id="__config" type="application/json">')[1].split("</script>")[0])
    none = QUOTED.format(yaml.safe_load(words_file("fr", "theme.yml"))["search.result.none"], "search.result.none")
    assert config["translations"]["search.result.none"] == none  # for Material's scripts, as written


@pytest.mark.parametrize(
    "line, words",
    [
        ("site_name: [Gardez, calme]", "the fr site_name is not text"),
        ("theme: 5", "'theme' cannot be set in the fr block"),
        ("extra_css: [evil.css]", "'extra_css' cannot be set in the fr block"),
        ("nav_translations: [The method]", "the fr nav_translations is not a list"),
    ],
)
def test_a_block_mkdocs_itself_refuses_is_located_first_by_make(tmp_path, capsys, line, words):
    """MkDocs validates a block before any hook runs, and its error names no file, line or language:
    `make build` and `make serve` run the same block check first (hooks/keep_your_cool/commands/translations.py blocks)."""
    from keep_your_cool.commands import translations

    mkdocs_yml = config(f"          {line}\n")
    write(tmp_path, mkdocs_yml, {}, {})
    assert translations.main(["blocks"], root=tmp_path) == 1
    assert f"mkdocs.yml:{line_of(mkdocs_yml, line)}: {words}" in capsys.readouterr().err
    for accepted in ("", "          copyright: x\n"):  # MkDocs reads it: the build's preflight reports it with the rest
        write(tmp_path, config(accepted), {}, {})
        assert translations.main(["blocks"], root=tmp_path) == 0


def test_a_refused_block_is_checked_against_the_navs_own_labels(tmp_path, capsys):
    """When MkDocs refuses mkdocs.yml, the nav's labels are read from its text: a mistyped title is named, a right one is not."""
    from keep_your_cool.commands import translations

    block = "          theme: 5\n          nav_translations:\n            Home: Accueil\n            The methd: La méthode\n"
    write(tmp_path, config(block), {}, {})
    assert translations.main(["blocks"], root=tmp_path) == 1
    errors = capsys.readouterr().err
    assert "nav_translations key 'The methd' is not a title of the nav" in errors and "closest: 'The method'" in errors
    assert "'Home'" not in errors, errors
