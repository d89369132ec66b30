"""The English guides have every page and section the method needs, written in their own words."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

SHARED_TOOLS = ROOT.parent / "shared" / "tools"

EXAMPLE_SECTIONS = ["situation", "what-to-say", "what-to-avoid", "why-it-works"]
REQUIRED = {
    "": ["whats-happening", "one-minute-version", "who-its-for", "why-it-matters"],
    "situations/": [
        "yelling",
        "wants-manager",
        "not-our-fault",
        "product-broken",
        "long-silence",
        "about-to-leave",
        "abusive",
        "chat-or-email",
    ],
    "four-step-method/": [
        "why-its-hard",
        "which-first",
        "apologize",
        "sympathize",
        "accept-responsibility",
        "prepare-to-act",
        "smile",
        "asap",
    ],
    "three-rs/": ["before-you-apologize", "regret", "responsibility", "remedy", "weak-apologies", "in-person"],
    "listening/": ["three-whats", "active-listening", "their-words", "repeat-back", "thank-them", "when-to-escalate"],
    "in-writing/": ["first-line", "one-question", "promise-a-time", "no-macros", "move-to-a-call"],
    "expert-tactics/": [
        "validate-first",
        "voice-note",
        "be-on-their-side",
        "stay-collected",
        "mirror-validate-empathize",
        "revisit-expectations",
        "act-quickly",
        "make-it-right",
    ],
    "examples/": [],
    **{
        f"examples/{name}/": EXAMPLE_SECTIONS
        for name in [
            "late-damaged-order",
            "start-date",
            "surprised-customer",
            "long-diagnosis",
            "abusive-caller",
            "client-about-to-leave",
            "misunderstood-expectations",
            "defective-product",
            "chat-double-charge",
        ]
    },
    "quick-reference/": ["say-this", "avoid-this", "asap-card", "three-rs-card"],
    "sources/": ["articles", "people", "examples", "further-reading"],
    "trainers/": ["sixty-minute-session", "team-huddle", "role-play-cards", "link-print-share", "business-case"],
}


@pytest.mark.parametrize("url", REQUIRED)
def test_english_page_has_its_sections(built_site, url):
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h[2-6] id="([^"]+)"', html)
    assert [section for section in REQUIRED[url] if section not in ids] == []


@pytest.mark.parametrize("guide", ["four-step-method", "three-rs", "listening", "expert-tactics", "in-writing"])
def test_each_guide_ends_with_a_self_check_that_works_without_javascript(built_site, guide):
    html = (built_site / guide / "index.html").read_text(encoding="utf-8")
    quiz = html.split('id="check-yourself"', 1)[1]
    assert len(re.findall(r'<details class="question"', quiz)) >= 3


def test_pages_are_written_in_their_own_words():
    tool = SHARED_TOOLS / "source_overlap.py"
    if not tool.is_file():
        pytest.skip(f"the source articles and overlap tool are not here ({tool} is absent outside the workspace)")
    result = subprocess.run([sys.executable, str(tool), str(ROOT / "docs")], capture_output=True, text=True)
    assert result.stdout == "" and result.returncode == 0, result.stdout
