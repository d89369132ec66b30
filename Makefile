# Keep Your Cool — the two set-up commands are `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
UV := .tools/bin/uv
UV_VERSION := 0.13.9
export NO_MKDOCS_2_WARNING := 1
export UV_PYTHON_DOWNLOADS := never

.PHONY: serve build test test-fast browser clean translations translation-done links bench handbook

serve: $(VENV)/.synced  ## serve the site with live reload at http://localhost:8000
	$(VENV)/bin/mkdocs serve --livereload --dev-addr localhost:8000

build: $(VENV)/.synced  ## strict build of every language into site/
	$(VENV)/bin/mkdocs build --strict

test: $(VENV)/.synced browser  ## the whole suite, browser tests included
	$(VENV)/bin/pytest

test-fast: $(VENV)/.synced  ## everything but the browser tests
	$(VENV)/bin/pytest -m "not browser"

# Debian's Chromium where it is installed; otherwise Playwright's own download.
browser: $(VENV)/.synced
	@command -v chromium >/dev/null || $(VENV)/bin/playwright install chromium

# uv itself is pinned and kept in .tools, so a fresh machine needs only Python and make.
$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

handbook: build browser  ## the whole guide as one PDF per language: dist/keep-your-cool-<lang>.pdf
	$(VENV)/bin/python scripts/handbook.py --site site --out dist

clean:
	rm -rf site dist .pytest_cache

links: build  ## rewrite link-contract.txt from the built site
	@$(VENV)/bin/python scripts/links.py

translations: $(VENV)/.synced  ## each translation's state; LANG=fr for one language (given on the command line)
	@$(VENV)/bin/python scripts/translations.py status $(if $(filter command line,$(origin LANG)),--lang $(LANG))

translation-done: $(VENV)/.synced  ## record that PAGE=docs/<lang>/<page>.md follows the current English page
	@$(VENV)/bin/python scripts/translations.py done $(PAGE)

bench: $(VENV)/.synced browser  ## this site against stock Material: builds, page weight, search, Lighthouse (needs Node.js)
	$(VENV)/bin/python bench/run.py
