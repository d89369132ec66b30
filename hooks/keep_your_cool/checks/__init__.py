"""What a build refuses, as plain functions: the Markdown sources (sources), a page too big or too
deep to render in bounded time (bounds), the HTML each page renders to (html_allowlist) and its
parity with the English page (rendered_structure: the one parity checker), the plain-text strings
that reach templates (plain_text) and a language's words (language_words: ui.yml, theme.yml,
search-words.yml, its block in mkdocs.yml). The hooks preflight.py and rendered_checks.py call them;
tests call them directly."""
