"""Stop the build before MkDocs renders anything when a language's sources have problems.

Every problem in every language is reported at once (file, line, what is wrong, how to fix it),
then the build stops with exit code 1 and no traceback. The checks live in keep_your_cool/checks/.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from keep_your_cool.checks.language_words import word_problems
from keep_your_cool.checks.sources import find_problems
from keep_your_cool.model.site import Site

log = logging.getLogger("mkdocs.plugins.keep_your_cool.preflight")


def check_sources(site: Site, config_file: Path) -> None:
    """Every language's sources and words, checked at once; PluginError after logging each problem."""
    languages, default = site.locales, site.default.locale
    try:
        words = word_problems(site.root, config_file, languages, default, site.nav_labels())
        problems = words + find_problems(site.docs_dir, languages, default, site.site_url)
    except Exception as error:  # a bug in the preflight itself: still no traceback for writers
        log.debug("preflight crashed", exc_info=True)  # shown by `mkdocs build --verbose`
        raise PluginError(
            f"preflight could not check the pages and words ({type(error).__name__}: {error}); "
            "run with --verbose for the details and report it."
        ) from None
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"{len(problems)} problem(s) in the pages and the words of the languages; see above.")
    log.info(f"preflight: the pages and words of {len(languages)} languages have no problems")
