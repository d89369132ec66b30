"""The translators' tool: what is missing or out of date, what changed, and how to record an update.

    python hooks/keep_your_cool/commands/translations.py status [--lang fr]   each page's state; for an outdated
                                                         page, the English diff since its record
    python hooks/keep_your_cool/commands/translations.py done docs/fr/x.md    record that docs/fr/x.md now follows
                                                         the current English page
    python hooks/keep_your_cool/commands/translations.py blocks               where MkDocs refuses a translation's block
                                                         in mkdocs.yml, its problems at their lines
(`make translations [LANG=fr]` and `make translation-done PAGE=docs/fr/x.md` run the first two;
`make build` and `make serve` the last: MkDocs' own errors for a block name no file or line.)
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from keep_your_cool.checks.language_words import block_problems, nav_labels_of
from keep_your_cool.model.markdown_facts import read_front_matter
from keep_your_cool.model.site import load
from keep_your_cool.model.translation_records import MISSING, OUTDATED, UNKNOWN, git, has_history, statuses

ROOT = Path.cwd()  # the project the command runs in: the Makefile runs every command at its top


LABELS = {"up_to_date": "up to date", OUTDATED: "OUT OF DATE", MISSING: "MISSING", UNKNOWN: "unknown"}
RECORD = re.compile(r"^(\s*sourceCommit:\s*).*$", re.MULTILINE)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# git's bookkeeping, which says nothing to a translator: file names, blob ids, line numbers
DIFF_NOISE = ("diff --git", "index ", "--- ", "+++ ", "new file mode", "deleted file mode")
DONE_USAGE = "make translation-done PAGE=docs/<lang>/<page>.md, e.g. make translation-done PAGE=docs/fr/three-rs.md"


def readable_diff(diff: str) -> list[str]:
    """git's diff as a translator reads it: the changed lines with a little context, '…' between places."""
    out = []
    for line in diff.splitlines():
        plain = ANSI.sub("", line)
        if plain.startswith(DIFF_NOISE):
            continue
        if plain.startswith("@@"):
            if out:
                out.append("…")
            continue
        out.append(line)
    return out


def english_commit(root: Path, english: str) -> str | None:
    """The last commit of the English page, if the page has no uncommitted changes."""
    if git(root, "status", "--porcelain", "--", english).stdout.strip():
        return None
    return git(root, "log", "-1", "--format=%H", "--", english).stdout.strip() or None


def status(root: Path, lang: str | None) -> int:
    site = load(root / "mkdocs.yml")
    locales, default = site.locales, site.default.locale
    if lang and lang not in locales:
        print(f"'{lang}' is not a language of this site; mkdocs.yml declares: {', '.join(locales)}")
        return 2
    if not has_history(root):
        print(
            "No full git history here (a shallow clone or a tarball): the state of translations that exist\n"
            "cannot be known, so none is reported out of date. Run `git fetch --unshallow` to get it.\n"
        )
    pending = 0
    for s in statuses(root, site.docs_dir, locales, default):
        if lang and s.locale != lang:
            continue
        path, english = site.source_name(s.locale, s.page), site.source_name(default, s.page)
        print(f"{LABELS[s.state]:>12}  {path}" + (f"  ({s.bad_record})" if s.bad_record else ""))
        if s.state == OUTDATED:
            pending += 1
            colour = "--color=always" if sys.stdout.isatty() else "--color=never"
            diff = git(root, "diff", colour, s.source_commit, "--", english).stdout
            print(f"              What changed in {english} since it was translated:")
            print("\n".join("              " + line for line in readable_diff(diff)))
            print(
                f"              Once {path} says the same again, record it with:\n"
                f"              make translation-done PAGE={path}\n"
            )
        elif s.state == MISSING:
            pending += 1
            print(
                f"              To start: copy {english} to {path}, translate it, then\n"
                f"              make translation-done PAGE={path}"
            )
    print(f"\n{pending} page(s) to translate or update." if pending else "\nEverything is up to date.")
    return 0


def write_record(path: Path, commit: str) -> None:
    """Set the page's `l10n: sourceCommit:` to commit, adding the record (or front matter) if it has none."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    front, body_start = read_front_matter([line.rstrip("\r\n") for line in lines])
    head, body = "".join(lines[:body_start]), "".join(lines[body_start:])  # only the front matter is edited
    if front and RECORD.search(head):
        head = RECORD.sub(lambda m: m.group(1) + commit, head, count=1)
    elif front:
        head = head.replace("---\n", f"---\nl10n:\n  sourceCommit: {commit}\n", 1)
    else:
        head = f"---\nl10n:\n  sourceCommit: {commit}\n---\n\n"
    path.write_text(head + body, encoding="utf-8")


def done(root: Path, path_arg: str | None) -> int:
    if not path_arg:
        print(
            f"Say which page you have brought up to date: {DONE_USAGE}\n"
            "`make translations` lists the pages to translate or update."
        )
        return 2
    site = load(root / "mkdocs.yml")
    default = site.default.locale
    path = (root / path_arg).resolve() if not Path(path_arg).is_absolute() else Path(path_arg)
    found = site.page_of_file(path)
    if found is None:
        print(f"{path_arg}: not a page of a language folder (docs/<lang>/)")
        return 2
    locale, page = found
    if locale == default or not path.is_file():
        print(f"{path_arg}: not a translated page (expected docs/<lang>/<page>.md for a language other than {default})")
        return 2
    front, _ = read_front_matter(path.read_text(encoding="utf-8-sig").splitlines())
    if front and front.error:
        print(
            f"{path_arg}:{front.error_line}: the front matter is not valid YAML ({front.error}). "
            "Fix it (`key: value` lines between the two '---'), then run the command again."
        )
        return 2
    english = site.source_name(default, page)
    commit = english_commit(root, english)
    if not commit:
        print(f"{english} has uncommitted changes or no history: commit the English page first.")
        return 2
    write_record(path, commit)
    print(f"{path_arg} now follows {english} at {commit}")
    return 0


def blocks(root: Path) -> int:
    """When MkDocs itself refuses mkdocs.yml (it validates a language's block before any hook runs, naming
    no file, line or language), the block problems the preflight would report, located; otherwise nothing:
    the build's preflight then reports them with every other problem, in every language."""
    import logging

    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    config = root / "mkdocs.yml"
    mkdocs_log = logging.getLogger("mkdocs")
    level, mkdocs_log.level = mkdocs_log.level, logging.CRITICAL  # MkDocs says it again itself, next
    try:
        load_config(str(config), strict=True)
        return 0
    except (Abort, ConfigurationError):
        pass
    finally:
        mkdocs_log.setLevel(level)
    try:
        problems = block_problems(config, root, nav_labels_of(config.read_text(encoding="utf-8")))
    except Exception:  # not YAML, not UTF-8...: MkDocs says so itself, next
        return 0
    for problem in problems:
        print(f"ERROR   -  {problem}", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status").add_argument("--lang")
    commands.add_parser("done").add_argument("page", nargs="?")
    commands.add_parser("blocks")
    args = parser.parse_args(argv)
    if args.command == "blocks":
        return blocks(root)
    return status(root, args.lang) if args.command == "status" else done(root, args.page)


if __name__ == "__main__":
    sys.exit(main())
