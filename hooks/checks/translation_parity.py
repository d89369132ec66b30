"""Parity of a translation with its English page.

Trainers swap the language in a link and expect the same section, so a translation keeps
the English page's section ids in the same order, the same internal links and anchors,
the same images and the same kinds of boxes; only the words change.
"""

from __future__ import annotations

import difflib
import posixpath
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from model.markdown_facts import Link, PageFacts

Finding = tuple  # (line or None, what is wrong, how to fix it)


def parity_problems(facts: PageFacts, english: PageFacts, en_file: str) -> Iterator[Finding]:
    """How a translation differs from its English page: section ids, links, images, blocks."""
    yield from _heading_order(facts, english, en_file)
    link_fix = "keep every link target and #anchor exactly as in English; translate only the link text."
    yield from _compare(
        en_file,
        "link to",
        link_fix,
        [l for l in english.internal_links if not l.image],
        [l for l in facts.internal_links if not l.image],
    )
    yield from _compare(
        en_file,
        "image",
        "use the same images as English; translate only the alt text.",
        [l for l in english.internal_links if l.image],
        [l for l in facts.internal_links if l.image],
    )
    en_blocks = [f"{a.marker} {a.kind}" for a in english.admonitions]
    blocks = [f"{a.marker} {a.kind}" for a in facts.admonitions]
    fix = "keep the same '!!!'/'???' blocks with the same kind, in the English order; translate only their titles and text."
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=en_blocks, b=blocks, autojunk=False).get_opcodes():
        for k in range(0 if tag == "equal" else max(i2 - i1, j2 - j1)):
            en = english.admonitions[i1 + k] if i1 + k < i2 else None
            tr = facts.admonitions[j1 + k] if j1 + k < j2 else None
            if en and tr:
                yield (
                    tr.line,
                    f"block '{blocks[j1 + k]}' stands where English has '{en_blocks[i1 + k]}' ({en_file}:{en.line})",
                    fix,
                )
            elif en:
                nxt = facts.admonitions[j2].line if j2 < len(facts.admonitions) else None  # where it belongs
                yield (nxt, f"block '{en_blocks[i1 + k]}' is missing (English has it at {en_file}:{en.line})", fix)
            elif tr:
                yield (tr.line, f"block '{blocks[j1 + k]}' is not in English ({en_file})", fix)


def _heading_order(facts: PageFacts, english: PageFacts, en_file: str) -> Iterator[Finding]:
    en = [h for h in english.headings if h.id]
    tr = [h for h in facts.headings if h.id]
    en_ids, tr_ids = [h.id for h in en], [h.id for h in tr]
    renamed = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=en_ids, b=tr_ids, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            renamed.update({e: t for e, t in zip(en[i1:i2], tr[j1:j2]) if e.id not in tr_ids and t.id not in en_ids})
    keep = "exactly as in English; translate only its text."
    for i, h in enumerate(en):
        if h in renamed:
            yield (
                renamed[h].line,
                f"section id '#{renamed[h].id}' should be '#{h.id}' as in English ({en_file}:{h.line})",
                f"write the heading with '{{#{h.id}}}' {keep}",
            )
        elif h.id not in tr_ids:
            after = next((t.line for e in en[i + 1 :] for t in tr if t.id == e.id), None)  # where it belongs
            yield (
                after,
                f"section id '#{h.id}' is missing (English has it at {en_file}:{h.line})",
                f"keep the heading with '{{#{h.id}}}' {keep}",
            )
    for t in tr:
        if t.id not in en_ids and t not in renamed.values():
            yield (
                t.line,
                f"section id '#{t.id}' is not in English ({en_file})",
                "remove the heading or use the id of the English heading it translates; add new sections to English first.",
            )
    common_en = [i for i in en_ids if i in tr_ids]
    common_tr = [i for i in tr_ids if i in en_ids]
    k = next((k for k, (a, b) in enumerate(zip(common_en, common_tr)) if a != b), None)
    if k is not None:
        line = next(t.line for t in tr if t.id == common_tr[k])
        yield (
            line,
            f"sections are out of order: '#{common_tr[k]}' comes where English has '#{common_en[k]}'",
            f"put the sections in the English order ({', '.join('#' + i for i in common_en)}).",
        )


def _compare(en_file: str, noun: str, fix: str, english: list[Link], translated: list[Link]) -> Iterator[Finding]:
    en_count = Counter(_target(l) for l in english)
    tr_count = Counter(_target(l) for l in translated)
    missing, extra = en_count - tr_count, tr_count - en_count
    for target in missing:
        first = next(l.line for l in english if _target(l) == target)
        yield (None, f"{noun} '{target}' is missing (English has it at {en_file}:{first})", fix)
    for target, count in extra.items():
        for link in [l for l in translated if _target(l) == target][-count:]:
            hint = closest(target, missing, cutoff=0.6)  # among this page's own missing targets
            yield (
                link.line,
                f"{noun} '{target}' is not in English ({en_file})",
                fix + (f" Did you mean '{hint}'?" if hint else ""),
            )


def _target(link: Link) -> str:
    """A link target compared across languages: './a.md' and 'a.md' are the same."""
    path = posixpath.normpath(link.path) if link.path else ""
    return path + (f"#{link.anchor}" if link.anchor is not None else "")


def closest(word: str, choices, cutoff: float = 0.8) -> str | None:
    """The choice that is really close to `word` (a typo, a letter dropped), or None."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None
