"""Translation status on a small fixture site (tests/fixtures/translation-status/) with its own git history: up to date, outdated, missing, unknown."""

from __future__ import annotations

import subprocess

import pytest

from conftest import fixture_text, mkdocs_build, site_from
from keep_your_cool.commands import translations
from keep_your_cool.commands.translations import write_record
from keep_your_cool.model import translation_records as ts

FIXTURE = "translation-status"
ENGLISH = fixture_text(FIXTURE, "docs/en/index.md")
FRENCH = fixture_text(FIXTURE, "docs/fr/index.md")
NO_COMMIT = "0" * 40  # the French page's record in the fixture, until a test knows the English commit


def french(commit: str) -> str:
    """The fixture's French page, recording `commit` as the English it translates."""
    assert NO_COMMIT in FRENCH
    return FRENCH.replace(NO_COMMIT, commit)


def run(cwd, *args):
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def commit_all(site, message):
    run(site, "git", "add", "-A")
    run(site, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message)
    return run(site, "git", "rev-parse", "HEAD")


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site-src"
    site_from(FIXTURE, site, {"docs/fr/index.md": None})  # French comes once English has a commit to record
    run(site, "git", "init", "-q")
    english_commit = commit_all(site, "English")
    (site / "docs/fr/index.md").write_text(french(english_commit), encoding="utf-8")
    commit_all(site, "French")
    return site


def states(site):
    return {(s.locale, s.page): s.state for s in ts.statuses(site, site / "docs", ["en", "fr"], "en")}


def build(site):
    result = mkdocs_build(site / "mkdocs.yml", site / "out")
    assert result.returncode == 0, result.stderr
    return site / "out"


def test_states_follow_the_english_files_history(site):
    assert states(site) == {
        ("fr", "index.md"): ts.UP_TO_DATE,
        ("fr", "translation-status.md"): ts.MISSING,
        ("fr", "untranslated.md"): ts.MISSING,
    }
    # a change to the French page alone (a typo fix) does not make it outdated
    (site / "docs/fr/index.md").write_text(
        french(run(site, "git", "rev-parse", "HEAD~1")).replace("Réparez.", "Réparez-le."), encoding="utf-8"
    )
    commit_all(site, "French typo")
    assert states(site)[("fr", "index.md")] == ts.UP_TO_DATE


def test_changed_english_section_is_shown_everywhere_until_the_record_is_updated(site, capsys):
    (site / "docs/en/index.md").write_text(ENGLISH.replace("Fix it.", "Fix it today, and say when."), encoding="utf-8")
    commit_all(site, "English: remedy says when")
    assert states(site)[("fr", "index.md")] == ts.OUTDATED

    out = build(site)
    french = (out / "fr/index.html").read_text(encoding="utf-8")
    assert "Cette traduction n&#39;est peut-être plus à jour" in french
    assert 'href="../#remedy" hreflang="en" lang="en">Remedy</a>' in french and 'href="../#regret"' not in french
    status = (out / "fr/translation-status/index.html").read_text(encoding="utf-8")
    assert "À mettre à jour" in status and "Pages à jour\u00a0: 0 sur 3" in status

    assert translations.main(["status", "--lang", "fr"], root=site) == 0
    report = capsys.readouterr().out
    assert "OUT OF DATE  docs/fr/index.md" in report
    assert "+Fix it today, and say when." in report and "-Fix it." in report
    assert not [line for line in report.splitlines() if line.strip().startswith(("@@", "index ", "diff --git", "+++", "---"))]
    assert "make translation-done PAGE=docs/fr/index.md" in report

    assert translations.main(["done", "docs/fr/index.md"], root=site) == 0
    assert states(site)[("fr", "index.md")] == ts.UP_TO_DATE
    assert "translation-notice" not in (build(site) / "fr/index.html").read_text(encoding="utf-8")


def test_missing_page_falls_back_to_english_marked_as_english(site):
    page = (build(site) / "fr/untranslated/index.html").read_text(encoding="utf-8")
    assert "Cette page n&#39;est pas encore traduite" in page
    assert '<div lang="en"><h1' in page
    assert 'href="../translation-status/"' in page


def test_without_history_nothing_is_called_outdated(site, tmp_path, capsys):
    (site / "docs/en/index.md").write_text(ENGLISH + "\nMore.\n", encoding="utf-8")
    commit_all(site, "English grows")
    shallow = tmp_path / "shallow"
    run(tmp_path, "git", "clone", "-q", "--depth", "1", f"file://{site}", str(shallow))
    assert states(shallow)[("fr", "index.md")] == ts.UNKNOWN
    translations.main(["status"], root=shallow)
    report = capsys.readouterr().out
    assert "No full git history here" in report and "OUT OF DATE" not in report


def test_a_record_naming_no_real_commit_fails_the_build_with_its_line(site):
    (site / "docs/fr/index.md").write_text(french("0" * 40), encoding="utf-8")
    status = next(s for s in ts.statuses(site, site / "docs", ["en", "fr"], "en") if s.page == "index.md")
    assert status.state == ts.UNKNOWN
    result = mkdocs_build(site / "mkdocs.yml", site / "out")
    assert result.returncode == 1
    assert (
        f"docs/fr/index.md:4: the translation record is wrong: commit {'0' * 40} does not exist in this repository"
    ) in result.stderr
    assert "make translation-done PAGE=docs/fr/index.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_translation_done_says_what_to_type_and_refuses_broken_front_matter(site, capsys):
    assert translations.main(["done"], root=site) == 2
    assert "make translation-done PAGE=docs/fr/three-rs.md" in capsys.readouterr().out
    page = site / "docs/fr/index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("description: Une page.", "description: [Une page."), encoding="utf-8"
    )
    before = page.read_text(encoding="utf-8")
    assert translations.main(["done", "docs/fr/index.md"], root=site) == 2
    assert "docs/fr/index.md:3: the front matter is not valid YAML" in capsys.readouterr().out
    assert page.read_text(encoding="utf-8") == before


def test_a_record_of_digits_is_read_as_written(tmp_path):
    """A commit of digits is the record's text, leading zeros kept, not the number YAML reads in it."""
    page = tmp_path / "page.md"
    page.write_text(french("0012345"), encoding="utf-8")
    assert ts.source_commit(page) == "0012345"
    page.write_text(french("'00abcde'\n  sourceCommit: 1234567"), encoding="utf-8")
    assert ts.source_commit(page) == "1234567"  # the last of a repeated key, as YAML reads it


def test_translation_done_edits_only_the_front_matter(tmp_path):
    """A page whose text shows a record (a translator's how-to) keeps it: only the front matter's record changes."""
    page = tmp_path / "page.md"
    body = "# Page\n\n```yaml\nl10n:\n  sourceCommit: abc1234\n```\n"
    for before, front in (
        (
            "---\ndescription: A page.\nl10n:\n  sourceCommit: 1111111\n---\n",
            "---\ndescription: A page.\nl10n:\n  sourceCommit: 2222222\n---\n",
        ),
        ("---\ndescription: A page.\n---\n", "---\nl10n:\n  sourceCommit: 2222222\ndescription: A page.\n---\n"),
        ("", "---\nl10n:\n  sourceCommit: 2222222\n---\n\n"),
    ):
        page.write_text(before + body, encoding="utf-8")
        write_record(page, "2222222")
        assert page.read_text(encoding="utf-8") == front + body
