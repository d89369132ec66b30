"""The translators' and publishers' commands (console scripts in pyproject.toml, run by the Makefile),
and the browser and static host the commands, tests and bench share."""
