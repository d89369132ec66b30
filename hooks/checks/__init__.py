"""What a build refuses, as plain functions: the Markdown sources (sources), the HTML each page
renders to (html_allowlist, rendered_structure), a translation against its English page
(translation_parity), the plain-text strings that reach templates (plain_text) and a language's words
(language_words: ui.yml, theme.yml, search-words.yml, its block in mkdocs.yml). The hooks preflight.py and rendered_checks.py call them; tests call them directly."""
