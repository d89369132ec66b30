"""Add a language: its block in mkdocs.yml and its translations/ folder.

    python hooks/keep_your_cool/commands/new_language.py es Español        (make new-language LANG=es NAME=Español)

The new language builds and passes the tests at once: every page it lacks, its home page first, is
shown in English under a "not yet translated" notice, so it can be published before it is complete.
No page is copied: a copy of the English text would be a translation that is not one (and a record
saying it follows the English page would call it up to date).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from keep_your_cool.commands.links import CONTRACT, HEADER, read_contract
from keep_your_cool.model.site import Site, load

ROOT = Path.cwd()  # the project the command runs in: the Makefile runs every command at its top


HOME = "index.md"
LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
USAGE = "make new-language LANG=<code> NAME=<name>, e.g. make new-language LANG=es NAME=Español"


def languages_node(mkdocs_yml: Path) -> yaml.SequenceNode:
    """The i18n plugin's `languages:` list as a YAML node: where it is in the file, not what it says."""
    root = yaml.compose(mkdocs_yml.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)

    def value(mapping, key):
        return next((v for k, v in mapping.value if k.value == key), None)

    for plugin in value(root, "plugins").value:
        if isinstance(plugin, yaml.MappingNode) and value(plugin, "i18n"):
            return value(value(plugin, "i18n"), "languages")
    raise SystemExit(f"{mkdocs_yml}: no i18n plugin with a `languages:` list")


def last_line(node: yaml.Node) -> int:
    """The 0-based line of the last value written in a node (its end mark may run into comments)."""
    if isinstance(node, yaml.ScalarNode):
        return node.end_mark.line
    children = node.value if isinstance(node, yaml.SequenceNode) else [v for pair in node.value for v in pair]
    return max(last_line(child) for child in children)


def material_has(locale: str) -> bool:
    import material  # the theme's own labels (search, menus) exist for the languages it ships

    return (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{locale}.html").is_file()


def language_block(locale: str, name: str, site: Site, column: int) -> str:
    def q(text: str) -> str:
        return yaml.safe_dump(text, allow_unicode=True, width=1000).removesuffix("\n...\n").strip()

    lines = [
        f"- locale: {locale}",
        f"  name: {q(name)}",
        "  build: true",
        f"  site_name: {q(site.default.site_name)}  # TODO: the site's name in {name}",
        f"  site_description: {q(site.default.site_description)}  # TODO: in {name}",
    ]
    if material_has(locale):
        lines += ["  theme:", f"    language: {locale}"]
    sections = site.nav_labels()
    if sections:
        lines += ["  nav_translations:  # TODO: the menu's section labels in " + name]
        lines += [f"    {q(label)}: {q(label)}" for label in sections]
    return "".join(" " * column + line + "\n" for line in lines)


def add_to_mkdocs_yml(site: Site, locale: str, name: str) -> None:
    """Insert the language's block as text after the last language, so comments and layout stay."""
    mkdocs_yml = Path(site.config.config_file_path)
    node = languages_node(mkdocs_yml)
    column = node.value[0].start_mark.column - 2  # the "- " of the first language
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    after = last_line(node.value[-1]) + 1
    block = language_block(locale, name, site, column)
    mkdocs_yml.write_text("".join(lines[:after]) + block + "".join(lines[after:]), encoding="utf-8")


def add_translations_folder(root: Path, locale: str, name: str, default: str) -> None:
    folder = root / "translations" / locale
    folder.mkdir(parents=True)
    template = root / "translations" / "_template"
    for file in template.iterdir():
        (folder / file.name).write_text(
            file.read_text(encoding="utf-8").replace("{name}", name).replace("{locale}", locale), encoding="utf-8"
        )
    english_words = (root / "translations" / default / "ui.yml").read_text(encoding="utf-8")
    body = "".join(line for line in english_words.splitlines(keepends=True) if not line.startswith("#"))
    (folder / "ui.yml").write_text(
        f"# The site's own words in {name}: notices, labels. TODO: translate the values, keep the keys.\n"
        "# {language} is replaced by the name of the page's language. A key left out is shown in English.\n" + body,
        encoding="utf-8",
    )


def add_to_link_contract(contract: Path, locale: str, other_locales: list[str]) -> int:
    """Every page and section of the default language, under the new language's prefix too."""
    links = read_contract(contract)
    own = {link for link in links if not any(link.startswith(f"/{other}/") for other in other_locales)}
    added = {f"/{locale}{link}" for link in own}
    # the status page has a section per language, in every language
    added |= {link.rsplit("#status-", 1)[0] + f"#status-{locale}" for link in links | added if "#status-" in link}
    contract.write_text(HEADER + "".join(f"{link}\n" for link in sorted(links | added)), encoding="utf-8")
    return len(added)


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or not argv[0] or not argv[1].strip():
        print(f"Say which language to add: {USAGE}\n(LANG is its code, as in the address /es/; NAME as its speakers write it.)")
        return 2
    locale, name = argv[0], argv[1].strip()
    site = load(root / "mkdocs.yml")
    default = site.default.locale
    if not LOCALE.match(locale):
        print(f"'{locale}' is not a language code: use its ISO 639-1 code, lower case (es, pt-BR). {USAGE}")
        return 2
    if locale in {lang.locale for lang in site.config.plugins["i18n"].config.languages}:  # built or not
        print(f"'{locale}' is already a language of this site (mkdocs.yml declares it).")
        return 2
    for existing in (site.docs_dir / locale, root / "translations" / locale):
        if existing.exists():
            print(f"{existing.relative_to(root)} already exists: move it away, or declare '{locale}' in mkdocs.yml by hand.")
            return 2
    add_translations_folder(root, locale, name, default)
    add_to_mkdocs_yml(site, locale, name)
    contract = root / CONTRACT.name
    others = [lang.locale for lang in site.languages if not lang.default]
    added = add_to_link_contract(contract, locale, others) if contract.is_file() else 0
    created = [
        ("mkdocs.yml", "its block under plugins > i18n > languages (TODO: site name, menu labels)"),
        (f"translations/{locale}/ui.yml", "the site's own words (TODO: translate the values)"),
        (f"translations/{locale}/style-guide.md", "the register and glossary to agree on"),
        (f"translations/{locale}/search-words.yml", "words that must find their page, as pages are translated"),
        (CONTRACT.name, f"{added} addresses under /{locale}/"),
    ]
    print(f"{name} ({locale}) added:")
    print("".join(f"  {path:<38} {what}\n" for path, what in created), end="")
    print(
        f"Every page shows in English under a notice until it is translated. Start with the home page:\n"
        f"  cp docs/{default}/{HOME} docs/{locale}/{HOME}\n"
        f"translate it, then make translation-done PAGE=docs/{locale}/{HOME}. Next: make serve,\n"
        f"make translations LANG={locale} for what to translate, and make test before a pull request."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
