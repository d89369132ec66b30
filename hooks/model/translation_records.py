"""Translation records: which English revision each translated page follows, and what that makes it.

Each translated page records in its front matter the git commit of the English file it
follows (`l10n: sourceCommit: <sha>`, after MDN). A translation is up to date when the
English file's content at that commit is the same as now: the English file's own history
decides, not commit dates. Without git history (a shallow clone, a tarball) the state is
"unknown", never "outdated". Used by the build (hooks/translation_status.py, hooks/preflight.py)
and by the translators' command (scripts/translations.py).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from model.markdown_facts import read_front_matter, read_page
from model.site import Site, per_build

UP_TO_DATE, OUTDATED, MISSING, UNKNOWN = "up_to_date", "outdated", "missing", "unknown"


@dataclass(frozen=True)
class PageStatus:
    locale: str
    page: str  # path inside the language folder, e.g. "examples/start-date.md"
    state: str
    source_commit: str | None = None
    bad_record: str | None = None  # why the record names no usable revision


def git(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, text=True)


def has_history(root: Path) -> bool:
    shallow = git(root, "rev-parse", "--is-shallow-repository")
    return shallow.returncode == 0 and shallow.stdout.strip() == "false"


def source_commit(path: Path) -> str | None:
    """The commit a translated page's record names, or None (a broken page is the preflight's to report)."""
    try:
        front, _ = read_front_matter(path.read_text(encoding="utf-8-sig").splitlines())
    except UnicodeDecodeError:
        return None
    if not front or front.error:
        return None
    # read again with BaseLoader, which keeps every value a string: a commit of digits must stay text
    data = yaml.load("\n".join(front.lines), Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    l10n = data.get("l10n") if isinstance(data, dict) else None
    commit = l10n.get("sourceCommit") if isinstance(l10n, dict) else None
    return commit if isinstance(commit, str) and commit else None  # a list or a mapping is the preflight's to report


def english_pages(docs_dir: Path, default: str) -> list[str]:
    return sorted(p.relative_to(docs_dir / default).as_posix() for p in (docs_dir / default).rglob("*.md"))


def statuses(root: Path, docs_dir: Path, all_locales: list[str], default: str) -> list[PageStatus]:
    """The state of every English page in every other language, in two git calls."""
    pages = english_pages(docs_dir, default)
    english = {page: (docs_dir / default / page).relative_to(root).as_posix() for page in pages}
    records = {
        (locale, page): source_commit(docs_dir / locale / page)
        for locale in all_locales
        if locale != default
        for page in pages
        if (docs_dir / locale / page).is_file()
    }
    history = has_history(root)
    if history:
        current = dict(zip(pages, git(root, "hash-object", "--stdin-paths", stdin="\n".join(english.values())).stdout.split()))
        wanted = sorted({(commit, page) for (_, page), commit in records.items() if commit})
        answers = git(
            root,
            "cat-file",
            "--batch-check=%(objectname)",
            stdin="".join(f"{commit}^{{commit}}\n{commit}:{english[page]}\n" for commit, page in wanted),
        ).stdout.splitlines()
        at_commit = {key: (answers[2 * i], answers[2 * i + 1]) for i, key in enumerate(wanted)}

    result = []
    for locale in all_locales:
        if locale == default:
            continue
        for page in pages:
            if (locale, page) not in records:
                result.append(PageStatus(locale, page, MISSING))
                continue
            commit = records[(locale, page)]
            if not commit:
                result.append(PageStatus(locale, page, UNKNOWN, None, "it has no l10n.sourceCommit"))
            elif not history:
                result.append(PageStatus(locale, page, UNKNOWN, commit))
            elif at_commit[(commit, page)][0].endswith("missing"):
                result.append(PageStatus(locale, page, UNKNOWN, commit, f"commit {commit} does not exist in this repository"))
            elif at_commit[(commit, page)][1].endswith("missing"):
                result.append(PageStatus(locale, page, UNKNOWN, commit, f"{english[page]} does not exist at commit {commit}"))
            else:
                state = UP_TO_DATE if at_commit[(commit, page)][1] == current[page] else OUTDATED
                result.append(PageStatus(locale, page, state, commit))
    return result


def sections(markdown: str) -> dict[str, str]:
    """Section id -> the text of that section, for comparing two revisions of a page."""
    lines = markdown.splitlines()
    starts = [(h.line, h.id) for h in read_page(markdown).headings if h.id and h.level >= 2]
    ends = [line for line, _ in starts[1:]] + [len(lines) + 1]
    return {section: "\n".join(lines[line - 1 : end - 1]) for (line, section), end in zip(starts, ends)}


def changed_sections(root: Path, english_file: Path, commit: str) -> list[str]:
    """Ids of the sections of an English page that differ between `commit` and now."""
    old = git(root, "show", f"{commit}:{english_file.relative_to(root).as_posix()}").stdout
    before, now = sections(old), sections(english_file.read_text(encoding="utf-8"))
    return [section for section, text in now.items() if before.get(section) != text]


def statuses_this_build(root: Path, docs_dir: Path, all_locales: tuple[str, ...], default: str) -> list[PageStatus]:
    """statuses(), computed once for the notices and the preflight of a build, and again when a
    page changes (`mkdocs serve` rebuilds after an edit)."""
    pages = tuple((p.as_posix(), p.stat().st_mtime_ns) for p in sorted(docs_dir.rglob("*.md")))
    return _statuses_of(root, docs_dir, all_locales, default, pages)


@lru_cache(maxsize=1)
def _statuses_of(root: Path, docs_dir: Path, all_locales: tuple[str, ...], default: str, _pages: tuple) -> list[PageStatus]:
    return statuses(root, docs_dir, list(all_locales), default)


def statuses_of(site: Site) -> list[PageStatus]:
    """statuses_this_build() of the running build's site, looked up once for all its pages."""
    memo = per_build(site.config)
    if "statuses" not in memo:
        memo["statuses"] = statuses_this_build(site.root, site.docs_dir, tuple(site.locales), site.default.locale)
    return memo["statuses"]
