"""The theme speaks each language: Material's labels on the built pages are the ones in
translations/<lang>/theme.yml, and a translator's mistake there stops the build with its line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import DEFAULT_LOCALE, LOCALES, ROOT, SITE, copy_fixture, site_from
from keep_your_cool.checks.language_words import THEME, file_problems, read_words
from keep_your_cool.commands.new_language import material_has
from keep_your_cool.features import interface_language

# A page with a previous and a next page, so every label below is on it.
PAGE = "four-step-method.md"
# Where each of the theme's labels reaches a reader: (element, attribute or "text").
PLACES = {
    "action.skip": ("a.md-skip", "text"),
    "action.edit": ("a.md-content__button[rel=edit]", "title"),
    "source": ("a.md-source", "title"),
    "header": ("nav.md-header__inner", "aria-label"),
    "nav": ("nav.md-nav--primary", "aria-label"),
    "toc": ("nav.md-nav--secondary", "aria-label"),
    "footer": ("nav.md-footer__inner", "aria-label"),
    "footer.previous": ("a.md-footer__link--prev .md-footer__direction", "text"),
    "footer.next": ("a.md-footer__link--next .md-footer__direction", "text"),
    "top": ("button.md-top", "text"),
    "select.language": (".md-select > button", "aria-label"),
    "search": ("nav.md-search__options", "aria-label"),
    "search.placeholder": ("input.md-search__input", "placeholder"),
    "search.reset": ("button.md-search__icon[type=reset]", "aria-label"),
    "search.result.initializer": (".md-search-result__meta", "text"),
}
# Labels Material's scripts show (copy buttons, search results), from the page's __config: those the
# hook leaves unescaped, but for the version selector, which this site does not have.
SCRIPT_LABELS = interface_language.SCRIPT_LABELS - {"select.version"}


def labels(locale: str) -> dict[str, str]:
    file = ROOT / "translations" / locale / "theme.yml"
    return (yaml.safe_load(file.read_text(encoding="utf-8")) or {}) if file.is_file() else {}


def test_every_label_has_a_place_on_the_page():
    assert set(labels(DEFAULT_LOCALE)) == set(PLACES) | SCRIPT_LABELS | {"generator"}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """The page as served, before Material's scripts change the search box's line."""
    return {**browser_context_args, "java_script_enabled": False}


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_built_pages_use_the_languages_own_labels(page, site_url, locale):
    words = labels(locale)
    if not words and material_has(locale):  # a language just added: Material's own labels until it has its own
        pytest.skip(f"translations/{locale}/theme.yml gives no label: Material's {locale} labels are shown")
    assert words, f"translations/{locale}/theme.yml gives no label, and Material has none in {locale}: write them there"
    page.goto(site_url + SITE.url(locale, PAGE))
    shown = {}
    for key, (selector, where) in PLACES.items():
        element = page.locator(selector).first
        shown[key] = element.text_content() if where == "text" else element.get_attribute(where)
    config = json.loads(page.locator("script#__config").text_content())
    shown.update({key: config["translations"][key] for key in SCRIPT_LABELS})
    expected = {key: value for key, value in words.items() if key != "generator"}
    assert {key: shown[key].strip() for key in expected} == {key: value.strip() for key, value in expected.items()}

    credit = " ".join(page.locator(".md-copyright").text_content().split())
    assert credit == words["generator"].replace("{material}", "Material for MkDocs")
    for direction in ("previous", "next"):
        link = page.locator(f"a.md-footer__link--{direction.replace('ious', '')}")
        title = link.locator(".md-ellipsis").text_content().strip()
        assert link.get_attribute("aria-label") == f"{words['footer.' + direction]}: {title}"


@pytest.mark.browser
def test_french_labels_put_a_no_break_space_before_a_colon(page, site_url):
    page.goto(site_url + SITE.url("fr", PAGE))
    spoken = page.locator("[aria-label]").evaluate_all("els => els.map(el => el.getAttribute('aria-label'))")
    assert spoken and [label for label in spoken if re.search(r"[^\u00a0\u202f]:", label)] == []


@pytest.mark.browser
def test_tagalog_labels_say_what_a_tagalog_reader_would(page, site_url):
    """Material's own Tagalog, as the review found it: "copied from the clipboard", deep or wrong words."""
    page.goto(site_url + SITE.url("tl", PAGE))
    text = page.content()
    for wrong in (
        "Nakopya mula sa clipboard",
        "Pumili ng lenguwahe",
        "Pamuhatan",
        "Lagdang Pangwakas",
        "I-skip tungo sa nilalaman",
        "Made with",
    ):
        assert wrong not in text


# A translator's mistakes in theme.yml: the preflight names the file, the line, what and how to fix.
WORDS_FIXTURE = "translation-cases"  # a site with the English words (translations/en/) alone


@pytest.mark.parametrize(
    "text,line,what",
    [
        ("footer: Footer\nclipbord.copy: Kopyahin\n", 2, "'clipbord.copy' is not a key of translations/en/theme.yml"),
        ("generator: Ginawa gamit ang Material\n", 1, "has the placeholders none; English has {material}"),
        ("footer: Ang <b>footer</b>\n", 1, "holds markup"),
        ("top:\n", 1, "'top' has no words"),
        ("top: 42\n", 1, "'top' has a number, true/false or null"),
        ("top: !x Itaas\n", 1, "YAML tag"),
        ("footer: [Footer\n", 2, "not valid YAML"),
    ],
)
def test_a_mistake_in_theme_words_names_its_line(tmp_path, text, line, what):
    site_from(WORDS_FIXTURE, tmp_path, {"translations/xx/theme.yml": text})
    found = file_problems(tmp_path, "xx", DEFAULT_LOCALE, THEME)
    assert [(p.file, p.line) for p in found] == [("translations/xx/theme.yml", line)], found
    assert what in found[0].what and found[0].fix


def test_a_language_without_theme_words_keeps_materials(tmp_path):
    copy_fixture(WORDS_FIXTURE, tmp_path)
    assert file_problems(tmp_path, "xx", DEFAULT_LOCALE, THEME) == [] and read_words(tmp_path, "xx", THEME) == {}


def test_labels_given_as_written_reach_materials_scripts_only():
    """interface_language.py escapes every label for HTML except those Material hands only to its
    scripts (through `tojson` in base.html's __config): an upgrade using one in HTML fails here."""
    import material

    templates = Path(material.__file__).parent / "templates"
    config_block = re.search(r'"translations": \{(.*?)\}', (templates / "base.html").read_text(encoding="utf-8"), re.S)
    assert config_block and set(re.findall(r'lang\.t\("([^"]+)"\)', config_block.group(1))) == interface_language.SCRIPT_LABELS
    for template in templates.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        if template.name == "base.html":
            text = text.replace(config_block.group(0), "")
        used = {key for key in interface_language.SCRIPT_LABELS if re.search(rf"""t\(\s*["']{re.escape(key)}["']\s*\)""", text)}
        assert used == set(), f"{template.relative_to(templates)} shows {used} in HTML: escape them there"
