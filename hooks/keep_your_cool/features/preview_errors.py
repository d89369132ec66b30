"""`mkdocs serve` never leaves the browser waiting: a failed rebuild is shown, not swallowed.

MkDocs' preview server (its LiveReloadServer, whose `builder` attribute the plugin's on_serve wraps:
the one place we rely on that undocumented attribute; tests/test_preview.py guards it) holds every
request until a rebuild succeeds, so after a strict build
error the browser waits with no message. Here a failed rebuild instead keeps the pages already
built, puts a banner listing the problems on each of them (overrides/partials/build-problems.html)
and lets the browser reload; the terminal ends with the first problem. The next good build
writes every page again, without the banner.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.keep_your_cool.preview_errors")
TEMPLATE = "partials/build-problems.html"


class Problems(logging.Handler):
    """The warnings and errors logged during one build, as the reader of the terminal sees them."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append(record.getMessage().strip())


def problems_of(logged: list[str], error: BaseException) -> list[str]:
    """What went wrong, as the terminal lists it and in its order (the checks print the cause first);
    a closing 'N problem(s) …; see above.' or 'Aborted…' summary only if nothing else."""
    found = [line for line in dict.fromkeys(logged) if line]
    problems = [line for line in found if not line.endswith("see above.")]
    return problems or found or [str(error) or type(error).__name__]


def add_banner(site_dir: Path, banner: str) -> int:
    """Put the banner at the top of every built page; return how many pages have it."""
    pages = 0
    for html_file in site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        start = text.find("<body")
        if start < 0 or "kyc-build-problems" in text:
            continue
        end = text.index(">", start) + 1
        html_file.write_text(text[:end] + banner + text[end:], encoding="utf-8")
        pages += 1
    return pages


def guarded(builder, config):
    """The server's builder, reporting a failed build on the pages instead of stalling them."""

    def build(*args, **kwargs):
        handler = Problems()
        logging.getLogger("mkdocs").addHandler(handler)
        try:
            builder(*args, **kwargs)
        except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
            problems = problems_of(handler.found, error)
            banner = config.theme.get_env().get_template(TEMPLATE).render(problems=problems)  # the theme's own templates
            add_banner(Path(config.site_dir), banner)
            log.error(f"The build failed; the preview shows the problems on every page. The first: {problems[0]}")
        finally:
            logging.getLogger("mkdocs").removeHandler(handler)

    return build
