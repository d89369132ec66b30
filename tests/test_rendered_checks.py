"""A translation changes words only: what each page renders to is held to an allowlist.

Each bad edit is made in a French page of one fixture site (tests/translation_site.py) and
must stop the build with its file and line, no traceback, and nothing of it in site/.
Each legitimate edit must build and reach the page as written.
"""

from __future__ import annotations

import pytest
from mkdocs.commands.build import build as build_in_process
from mkdocs.config import load_config

from conftest import LOCALES, SITE
from keep_your_cool.checks.html_allowlist import SourceLines, audit
from keep_your_cool.checks.problem import Problem
from keep_your_cool.checks.rendered_structure import structure
from keep_your_cool.features.rendered_checks import page_problems
from translation_site import EN_PAGE, FR_PAGE, LAST, build, page_count, site_text, timed_build, write_site

EVIL = "evil.test"

# (case, what replaces "Proposez une solution." or (old, new) in the French page, line of the error, words in it)
BAD = [
    ("heading-onclick", ("{#apologize}", '{#apologize onclick="alert(1)"}'), 7, "'onclick=\"alert(1)\"' on <h2>"),
    ("attr-list-href", ("(index.md#welcome)", '(index.md#welcome){: href="javascript:alert(1)"}'), 9, "'javascript:' scheme"),
    ("attr-list-style", 'Proposez une solution.\n{: style="background:url(https://evil.test/a.png)"}', LAST + 1, "'style="),
    ("attr-list-class", "Proposez une solution.\n{: .md-banner }", LAST + 1, "class 'md-banner'"),
    ("attr-list-id", "Proposez une solution.\n{: #__search }", LAST + 1, "'id=\"__search\"'"),
    ("nested-parens", "[cliquez](javascript:alert((1)))", LAST, "'javascript:' scheme"),
    ("escaped-backtick", "\\`<img src=x onerror=alert(1)>\\`", LAST, "'onerror="),
    ("ref-in-blockquote", "> [x]: javascript:alert(1)\n\nVoir [ici][x].", LAST, "'javascript:' scheme"),
    ("ref-in-list", "- [y]: javascript:alert(2)\n\nVoir [là][y].", LAST, "'javascript:' scheme"),
    ("image-set", "<div style=\"background:image-set('https://evil.test/a.png' 1x)\">x</div>", LAST, "'style="),
    ("css-escape", '<p style="background:u\\72 l(https://evil.test/b.png)">x</p>', LAST, "'style="),
    ("svg-image", '<svg><image xlink:href="https://evil.test/c.png"/></svg>', LAST, "<svg> is not allowed"),
    ("overlay", '<div style="position:fixed;inset:0;background:white">Gagné !</div>', LAST, "'style="),
    ("plaintext", "<plaintext>", LAST, "<plaintext> is not allowed"),
    ("script", "<script>alert(1)</script>", LAST, "<script> is not allowed"),
    ("iframe", '<iframe src="https://evil.test/"></iframe>', LAST, "<iframe> is not allowed"),
    ("object", '<object data="x.swf"></object>', LAST, "<object> is not allowed"),
    ("embed", "<EMBED src=x.swf>", LAST, "<embed> is not allowed"),
    ("style-element", "<style>body { display: none }</style>", LAST, "<style> is not allowed"),
    ("link-element", '<link rel="stylesheet" href="https://evil.test/x.css">', LAST, "<link> is not allowed"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.test/">', LAST, "<meta> is not allowed"),
    ("base", '<base href="https://evil.test/">', LAST, "<base> is not allowed"),
    ("form", '<form action="https://evil.test/"><button>Go</button></form>', LAST, "<form> is not allowed"),
    ("img-onerror", '<img src="x.png" onerror="alert(1)">', LAST, "'onerror=\"alert(1)\"' on <img>"),
    ("multiline-handler", '<span\n  onmouseover="alert(1)">hi</span>', LAST + 1, "'onmouseover="),
    ("raw-js-link", '<a href="java&#x09;script:alert(1)">x</a>', LAST, "'javascript:' scheme"),
    ("vbscript", "[x](VBScript:msgbox)", LAST, "'vbscript:' scheme"),
    ("data-url", "[x](data:text/html;base64,PHNjcmlwdD4=)", LAST, "'data:' scheme"),
    ("remote-image", "![suivi](https://evil.test/pixel.png)", LAST, "is loaded from outside the site"),
    ("protocol-relative-image", "![suivi](//evil.test/pixel.png)", LAST, "is loaded from outside the site"),
    ("srcset", '<img alt="a" srcset="https://evil.test/a.png 2x">', LAST, "'srcset="),
    ("input-text", '<input type="text" autofocus>', LAST, "'type=\"text\"'"),
    ("unknown-tag", "« Bonjour <nom du client> »", LAST, "<nom> is not allowed"),
    ("raw-absolute-link", '<a href="/fr/index/">accueil</a>', LAST, "is an absolute path"),
    ("comment", "<!-- note --!> <img src=x onerror=alert(1)> -->", LAST, "HTML comment"),
    # the structure a translation renders to is its English page's
    ("heading-level", ("## Réparez", "### Réparez"), 18, "'#remedy' renders as h3, English has h2"),
    ("empty-box", ("    Soyez sincère.", "  Soyez sincère."), 11, "the 'tip' box is empty"),
    ("tab-indented-list", "Proposez :\n\n\t- une solution\n\t- un geste", LAST + 2, "code block(s) in section '#remedy'"),
    ("hidden-internal-link", "> [r]: ../fr/index.md\n\nVoir [ici][r].", LAST + 2, "English does not have"),
    # the title that reaches <title>
    ("title-code-span", ("# Cas", "# Cas `</title><script>alert(1)</script>`"), 5, "the page title becomes"),
    ("title-entities", ("# Cas", "# Cas &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), 5, "in the page's <title>"),
    # URLs as a browser reads them
    ("https-then-path", "[guide](https:evil.test/a)", LAST, "is not a full 'https://' address"),
    ("backslashes", '<a href="\\\\evil.test/x">x</a>', LAST, "has no scheme"),
    ("control-characters", '<a href="&#1;&#9;java&#10;script:alert(1)">x</a>', LAST, "'javascript:' scheme"),
    ("entity-scheme", '<a href="&#106;avascript:alert(1)">x</a>', LAST, "'javascript:' scheme"),
    ("localhost-autolink", "Voir <http://localhost:8000/fr/>.", LAST, "points to this computer"),
    ("loopback-raw", '<a href="http://127.0.0.%31:8000/">x</a>', LAST, "this computer or a local network"),
    ("loopback-number", '<a href="http://2130706433/">x</a>', LAST, "this computer or a local network (127.0.0.1)"),
    ("private-network", "Voir <https://192.168.1.10/admin>.", LAST, "local network (192.168.1.10)"),
    ("site-own-address", '<a href="https://EXAMPLE.org/guide/fr/">x</a>', LAST, "is the site's own full address"),
    # attributes, classes and ids only where our extensions put them
    ("ping", '<a href="https://example.com/" ping="https://evil.test/">x</a>', LAST, "'ping="),
    ("formaction", '<input type="radio" formaction="https://evil.test/">', LAST, "'formaction="),
    ("poster", '<video poster="https://evil.test/p.png"></video>', LAST, "<video> is not allowed"),
    ("headerlink-class", "Voir [ici](index.md#welcome){: .headerlink }", LAST, "class 'headerlink' on <a>"),
    ("box-class-on-text", "Proposez une solution.\n{: .admonition .danger }", LAST + 1, "class 'admonition' on <p>"),
    ("theme-id", ("{#remedy}", "{#kyc-words}"), 18, "'id=\"kyc-words\"'"),
    ("id-on-text", "Proposez une solution.\n{: #remedy-note }", LAST + 1, "'id=\"remedy-note\"' on <p>"),
    # tags that would restructure the rest of the page
    ("dangling-link", '<a href="https://example.com/">Proposez une solution.', LAST, "is never closed"),
    ("dangling-del", "<del>Proposez une solution.", LAST, "'<del>' is never closed"),
    ("stray-div", "</div></div>\n\nProposez une solution.", LAST, "'</div>' closes nothing"),
    ("second-title", "# Encore un titre", LAST, "a second page title"),
    ("raw-heading", "<h2>Réparez encore</h2>", LAST, "heading <h2> has no id"),
    ("pasted-markup", " ".join(f"<x{i}>" for i in range(30)), LAST, "<x0> is not allowed"),
    # parity with the English page, on what the reader gets, each difference once
    ("section-missing", ("## Réparez {#remedy}\n", ""), LAST - 1, "section id '#remedy' is missing"),
    ("section-renamed", ("{#remedy}", "{#reparer}"), 18, "'#reparer' should be '#remedy' as in English"),
    ("section-added", "Proposez une solution.\n\n## Bonus {#bonus}\n\nEncore.", LAST + 2, "'#bonus' is not in English"),
    (
        "sections-swapped",
        [("{#apologize}", "{#tmp}"), ("{#remedy}", "{#apologize}"), ("{#tmp}", "{#remedy}")],
        7,
        "out of order: '#remedy' comes where English has '#apologize'",
    ),
    ("link-changed", ("(index.md#welcome)", "(index.md)"), 9, "a link to '../' where English has '../#welcome'"),
    ("box-kind", ("!!! tip", "!!! warning"), 11, "box '!!! warning' stands where English has '!!! tip'"),
    ("box-collapsed", ("!!! tip", "??? tip"), 11, "box '??? tip' stands where English has '!!! tip'"),
    ("box-classes", ('!!! tip "Astuce"', '!!! tip inline end "Astuce"'), 11, "'!!! tip inline end' stands where"),
    ("tabbed", '=== "Un"\n    Proposez une solution.', LAST, "tabbed block(s) in section '#remedy' where English has none"),
]
PARITY = BAD[BAD.index(next(c for c in BAD if c[0] == "section-missing")) :]
LEGIT = [  # (case, the French page, what its rendered page must contain)
    (
        "code-span",
        FR_PAGE.replace("Proposez une solution.", "Tapez `<script>alert(1)</script>` pour voir."),
        "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>",
    ),
    ("code-block", FR_PAGE.replace("code\n", "<script>alert(1)</script>\n"), "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("kbd", FR_PAGE.replace("Proposez une solution.", "Appuyez sur <kbd>Ctrl</kbd> + <kbd>F</kbd>."), "<kbd>Ctrl</kbd>"),
    ("br", FR_PAGE.replace("Proposez une solution.", "Première ligne<br>deuxième ligne"), "ligne<br>deuxième"),
    (
        "abbr",
        FR_PAGE.replace("Proposez une solution.", '<abbr title="service client">SC</abbr> à votre écoute.'),
        '<abbr title="service client">SC</abbr>',
    ),
    (
        "emoji-and-scripts",
        FR_PAGE.replace("Proposez une solution.", "Souriez 😊 — 日本語, Ελληνικά, العربية."),
        "😊 — 日本語, Ελληνικά, العربية",
    ),
    ("bom", "\ufeff" + FR_PAGE, "Proposez une solution."),
    ("crlf", FR_PAGE.replace("\n", "\r\n"), "Proposez une solution."),
    (
        "quotes-in-description",
        FR_PAGE.replace("description: Un cas.", "description: 'Le client a dit : « surpris », puis \"déçu\".'"),
        'content="Le client a dit : « surpris », puis &#34;déçu&#34;."',
    ),
    (
        "external-link",
        FR_PAGE.replace("Proposez une solution.", "Voir [le guide](https://example.com/guide?a=1&b=2)."),
        'href="https://example.com/guide?a=1&amp;b=2"',
    ),
    (
        "autolink",
        FR_PAGE.replace("Proposez une solution.", "Voir <https://example.com/> ou <equipe@example.com>."),
        '<a href="https://example.com/">https://example.com/</a>',
    ),
    (
        "mailto-tel",
        FR_PAGE.replace("Proposez une solution.", "[Écrivez](mailto:equipe@example.com) ou [appelez](tel:+33123456789)."),
        'href="tel:+33123456789"',
    ),
    ("less-than", FR_PAGE.replace("Proposez une solution.", "Si 3 < 4 et a<b, restez calme."), "Si 3 &lt; 4 et a&lt;b"),
    (
        "material-front-matter",
        FR_PAGE.replace(
            "description: Un cas.",
            "description: Un cas.\nhide:\n  - toc\nsearch:\n  boost: 2\n"
            "l10n:\n  sourceCommit: 0123456789abcdef0123456789abcdef01234567",
        ),
        "Proposez une solution.",
    ),
    (
        "title-with-quotes",
        FR_PAGE.replace("description: Un cas.", "description: Un cas.\ntitle: 'Cas « spécial » : \"oui\" & non'"),
        '<title>Cas « spécial » : "oui" & non - Fixture</title>',
    ),
    (
        "local-image-and-table",
        FR_PAGE.replace("Proposez une solution.", "| a | b |\n|:-|-:|\n| 1 | 2 |"),
        '<th style="text-align: left;">a</th>',
    ),
    # the edits translators make every day
    (
        "reworded-heading",
        FR_PAGE.replace("## Réparez {#remedy}", "## Proposez une réparation qui compte vraiment {#remedy}"),
        '<h2 id="remedy">Proposez une réparation qui compte vraiment',
    ),
    (
        "typography",
        FR_PAGE.replace("Proposez une solution.", "« Je comprends », dites-le\u00a0; c’est l’essentiel… — vraiment !"),
        "« Je comprends », dites-le\u00a0; c’est l’essentiel… — vraiment !",
    ),
    (
        "entities",
        FR_PAGE.replace(
            "Proposez une solution.", "Service&nbsp;client &laquo;&nbsp;ouvert&nbsp;&raquo; &amp; &#8220;poli&#8221;."
        ),
        "Service&nbsp;client &laquo;&nbsp;ouvert&nbsp;&raquo; &amp; &#8220;poli&#8221;.",
    ),
    (
        "html-code-block",  # a code block English doesn't highlight: markup shown as text, in the highlighter's colours
        FR_PAGE.replace("```text\ncode\n```", '```html\n<script src="x.js"></script>\n```'),
        '<span class="nt">script</span>',
    ),
    (
        "emphasis",
        FR_PAGE.replace("Proposez une solution.", "Proposez *toujours* une **vraie** solution, ***vite***."),
        "<em>toujours</em> une <strong>vraie</strong>",
    ),
    (
        "external-link-with-fragment-and-title",
        FR_PAGE.replace(
            "Proposez une solution.", 'Voir [la norme](https://example.com/iso?lang=fr&page=2#section-3 "Norme ISO").'
        ),
        'href="https://example.com/iso?lang=fr&amp;page=2#section-3" title="Norme ISO"',
    ),
    (
        "lists",
        FR_PAGE.replace("Proposez une solution.", "1. Écoutez.\n2. Reformulez :\n    - ses mots ;\n    - son ton.\n3. Agissez."),
        "<li>ses mots ;</li>",
    ),
    (
        "reworded-box-title",
        FR_PAGE.replace('!!! tip "Astuce"', '!!! tip "Un conseil qui change tout"'),
        '<p class="admonition-title">Un conseil qui change tout</p>',
    ),
    (
        "quote-and-rule",
        FR_PAGE.replace("Proposez une solution.", "> « Merci de votre patience. »\n\n---\n\nProposez une solution."),
        "<blockquote>",
    ),
    (
        "title-with-ampersand",
        FR_PAGE.replace("# Cas", "# Questions & réponses"),
        "<title>Questions & réponses - Fixture</title>",
    ),
]


def _edit(change) -> str:
    page = FR_PAGE
    for old, new in (
        change if isinstance(change, list) else [change if isinstance(change, tuple) else ("Proposez une solution.", change)]
    ):
        assert old in page
        page = page.replace(old, new)
    return page


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    write_site(root, {case: _edit(change) for case, change, _, _ in BAD})
    return root, *timed_build(root)


@pytest.fixture(scope="module")
def legit_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("legit")
    # a translation says what its English page says about hiding and search (checks/sources.py)
    english = EN_PAGE.replace("description: A case.", "description: A case.\nhide:\n  - toc\nsearch:\n  boost: 2")
    write_site(root, {case: page for case, page, _ in LEGIT}, {"docs/en/material-front-matter.md": english})
    return root, *timed_build(root)


@pytest.mark.parametrize("case, change, line, words", BAD, ids=[c[0] for c in BAD])
def test_bad_edit_is_refused_at_its_line(bad_build, case, change, line, words):
    root, result, output, _ = bad_build
    assert result.returncode == 1 and "Traceback" not in output, output
    messages = [m for m in output.splitlines() if f"docs/fr/{case}.md:" in m]
    assert messages, f"nothing reported for docs/fr/{case}.md:\n{output}"
    assert any(f"docs/fr/{case}.md:{line}: " in m and words in m and "Fix: " in m for m in messages), "\n".join(messages)
    built = site_text(root / "site")
    assert EVIL not in built and "alert(" not in built and not (root / "site" / "fr" / case).exists()


@pytest.mark.parametrize("case, page, rendered", LEGIT, ids=[c[0] for c in LEGIT])
def test_legitimate_edit_builds_and_renders(legit_build, case, page, rendered):
    root, result, output, _ = legit_build
    assert result.returncode == 0, output
    assert rendered in (root / "site" / "fr" / case / "index.html").read_text(encoding="utf-8")


def test_the_allowlist_passes_every_page_of_the_real_build(build_result):
    """The real build checks every page of every language (its own, not a fallback) and passes."""
    assert build_result.returncode == 0, build_result.stderr
    for locale in LOCALES:
        pages = len(SITE.pages(locale))
        assert f"rendered_checks: {pages} '{locale}' pages are within the allowlist" in build_result.stderr


def test_a_problem_points_at_the_line_that_made_it():
    source = SourceLines.read('# T\n\n## A {#a}\n\nx\n\n## B {#b}\n\n<span onclick="go()">y</span>\n')
    html = '<h1>T</h1><h2 id="a">A</h2><p>x</p><h2 id="b">B</h2><p><span onclick="go()">y</span></p>'
    [problem] = audit(html, source, "docs/fr/t.md")
    assert (problem.file, problem.line) == ("docs/fr/t.md", 9)
    [hidden] = audit('<h2 id="b">B</h2><p class="md-overlay">z</p>', source, "docs/fr/t.md")
    assert hidden.line == 7  # not in the source as written: the heading it follows


@pytest.mark.parametrize("case", [c[0] for c in PARITY])
def test_a_difference_from_english_is_reported_once(bad_build, case):
    """One cause, one error: a renamed id, a changed link or a box is never also reported as what follows from it."""
    _, _, output, _ = bad_build
    assert len([m for m in output.splitlines() if f"docs/fr/{case}.md" in m]) == 1, output


def test_the_bad_edits_cost_no_more_than_a_clean_build(bad_build, legit_build):
    """Measured against the clean build of this run, per page: refusing is never slower than building."""
    bad_root, _, _, bad_seconds = bad_build
    clean_root, result, _, clean_seconds = legit_build
    assert result.returncode == 0
    assert bad_seconds / page_count(bad_root) <= 2 * clean_seconds / page_count(clean_root)


def test_every_language_is_reported_in_one_run(tmp_path):
    """A problem in English does not hide one in French: both are reported, the translation's first."""
    write_site(
        tmp_path,
        {"case": FR_PAGE.replace("Proposez une solution.", "<script>alert(1)</script>")},
        {"docs/en/case.md": EN_PAGE.replace("Offer a fix.", "<iframe></iframe>")},
    )
    result, output = build(tmp_path)
    assert result.returncode == 1 and "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert "docs/fr/case.md:20: <script> is not allowed" in errors[0]
    assert "docs/en/case.md:20: <iframe> is not allowed" in errors[1]
    assert "2 problem(s) in the rendered pages of 2 language(s)" in errors[2]
    assert "alert(" not in site_text(tmp_path / "site") and "<iframe" not in site_text(tmp_path / "site")


def test_each_build_starts_with_no_problems_found(tmp_path):
    """`mkdocs serve` keeps the plugin (it has on_startup) across rebuilds: what one build found is not carried into the next."""
    config = load_config(str(write_site(tmp_path, {})), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["keep-your-cool"]
    plugin.run.problems.append(Problem("docs/fr/x.md", 1, "stale", "none"))
    build_in_process(config)
    assert plugin.run.problems == [] and plugin.run.default == "en" and sum(plugin.run.checked.values()) > 0


def test_a_page_full_of_problems_reports_the_first_ones(bad_build):
    _, _, output, _ = bad_build
    messages = [m for m in output.splitlines() if "docs/fr/pasted-markup.md" in m]
    assert len(messages) == 21 and "and 10 more like these on the page" in messages[-1], messages


def test_a_tabbed_block_keeps_the_english_tabs(tmp_path):
    tabs = lambda *labels: "".join(f'=== "{label}"\n    Texte.\n\n' for label in labels)
    write_site(
        tmp_path,
        {"tabs": FR_PAGE.replace("Proposez une solution.", tabs("Un", "Deux", "Trois"))},
        {"docs/en/tabs.md": EN_PAGE.replace("Offer a fix.", tabs("One", "Two"))},
    )
    result, output = build(tmp_path)
    assert result.returncode == 1 and "Traceback" not in output, output
    assert "docs/fr/tabs.md:20: tabbed block 1 has 3 tabs; English has 2" in output, output


# English pages read once for both checks (the allowlist's reading, entities left as written) must have
# the structure a reading of their own (entities decoded, as a browser shows them) gives
BOX = '<div class="admonition tip"><p class="admonition-title">T</p>{}</div>'
ONE_READING = {
    "plain": '<h1 id="t">T<a class="headerlink" href="#t">&para;</a></h1><h2 id="a">A</h2><p><a href="x.md#a">Go</a></p>'
    + BOX.format("<p>Say it.</p>")
    + '<div class="tabbed-set" data-tabs="1:2"><pre><code>x</code></pre></div><p><img alt="Map" src="../m.png"></p>',
    "entity-in-link": '<p><a href="x.md">Tom &amp; Jerry</a></p>',
    "ampersand-in-link": '<p><a href="x.md">a & b</a></p>',
    "entity-without-semicolon": '<p><a href="x.md">&hellip wait</a></p>',
    "character-in-box": BOX.format("&#120;"),
    "space-in-box": BOX.format("&nbsp;"),
    "less-than-in-link": '<p><a href="x.md">1 < 2</a></p>',
    "tag-never-ended": '<p><a href="x.md">x</a> <b</p>',
}


@pytest.mark.parametrize("case", list(ONE_READING))
def test_an_english_page_read_once_has_the_structure_a_reading_of_its_own_gives(case):
    html = ONE_READING[case]
    _, english = page_problems(html, SourceLines.read("# T\n"), "docs/en/t.md")
    assert english == structure(html)
