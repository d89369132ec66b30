# Keep Your Cool — the two set-up commands are `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
UV := .tools/bin/uv
UV_VERSION := 0.13.9
export NO_MKDOCS_2_WARNING := 1
# mkdocs-redirects asks to show the same notice under another name
export DISABLE_MKDOCS_2_WARNING := true
export UV_PYTHON_DOWNLOADS := never

.PHONY: serve build publish offline handbook test test-fast lint browser clean translations translation-done new-language links bench screenshots

serve: $(VENV)/.synced  ## serve the site with live reload at http://localhost:8000
	@$(VENV)/bin/kyc-translations blocks
	$(VENV)/bin/mkdocs serve --livereload --dev-addr localhost:8000

build: $(VENV)/.synced  ## strict build of every language into site/
	@$(VENV)/bin/kyc-translations blocks
	$(VENV)/bin/mkdocs build --strict

# The whole publishable site, as the site workflow deploys it and README "Hosting a copy" says: the pages,
# and in site/downloads/ the offline edition (which carries the handbooks) and one handbook per language.
# The handbooks print from a first build; the last build links the files with their sizes (hooks/keep_your_cool/features/downloads.py).
DOWNLOADS := dist/downloads
publish: $(VENV)/.synced browser  ## the whole site to publish into site/: pages, offline edition and handbooks in downloads/
	rm -rf $(DOWNLOADS)
	$(VENV)/bin/mkdocs build --strict
	$(VENV)/bin/kyc-handbook --site site --out $(DOWNLOADS)
	KYC_DOWNLOADS=$(DOWNLOADS) $(VENV)/bin/kyc-offline $(DOWNLOADS)
	KYC_DOWNLOADS=$(DOWNLOADS) $(VENV)/bin/mkdocs build --strict

# The offline edition: the whole site in every language, to unzip anywhere and open index.html.
offline: $(VENV)/.synced  ## dist/keep-your-cool-offline.zip: the site to use from a folder, with no network
	@$(VENV)/bin/kyc-offline dist

test: $(VENV)/.synced browser lint  ## the whole suite, browser tests included
	$(VENV)/bin/pytest

test-fast: $(VENV)/.synced lint  ## everything but the browser tests
	$(VENV)/bin/pytest -m "not browser"

lint: $(VENV)/.synced  ## ruff's checks and layout (pinned version, rules in pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

screenshots: build browser  ## a screenshot of each kind of page, language, viewport and palette, in dist/screenshots/
	$(VENV)/bin/kyc-screenshots --site site --out dist/screenshots

# Debian's Chromium where it is installed; otherwise Playwright's own download.
browser: $(VENV)/.synced
	@[ -n "$$CHROME_PATH" ] || command -v chromium >/dev/null || $(VENV)/bin/playwright install chromium

# uv itself is pinned and kept in .tools, so a fresh machine needs only Python and make.
$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

handbook: build browser  ## the whole guide as one PDF per language: dist/keep-your-cool-<lang>.pdf
	$(VENV)/bin/kyc-handbook --site site --out dist

clean:
	rm -rf site dist .pytest_cache

links: build  ## rewrite link-contract.txt from the built site
	@$(VENV)/bin/kyc-links

translations: $(VENV)/.synced  ## each translation's state; LANG=fr for one language (given on the command line)
	@$(VENV)/bin/kyc-translations status $(if $(filter command line,$(origin LANG)),--lang $(LANG))

translation-done: $(VENV)/.synced  ## record that PAGE=docs/<lang>/<page>.md follows the current English page
	@$(VENV)/bin/kyc-translations done $(PAGE)

new-language: $(VENV)/.synced  ## add a language: make new-language LANG=es NAME=Español
	@$(VENV)/bin/kyc-new-language $(if $(filter command line,$(origin LANG)),"$(LANG)" "$(NAME)")

bench: $(VENV)/.synced browser  ## this site against stock Material: builds, page weight, search, Lighthouse (needs Node.js)
	$(VENV)/bin/python bench/run.py
