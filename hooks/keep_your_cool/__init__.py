"""Keep Your Cool's own code: the site model (model/), the checks as plain functions (checks/), what
the site adds to each page and file (features/), the one MkDocs plugin that wires them into MkDocs'
events (plugin.py, options in config.py), and the translators' and publishers' commands (commands/)."""
