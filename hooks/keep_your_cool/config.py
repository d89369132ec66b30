"""The plugin's options, as mkdocs.yml gives them under `plugins: - keep-your-cool:`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PocketConfig(Config):
    """The guide in a reader's pocket (features/pocket.py)."""

    # true: offered to readers; false: sw.js becomes a worker that deletes readers' saved copies; unset: neither
    enabled = c.Optional(c.Type(bool))
    serve = c.Type(bool, default=False)  # also offer the worker in `mkdocs serve`


class KeepYourCoolConfig(Config):
    pocket = c.SubConfig(PocketConfig)
    # The folder (from mkdocs.yml's) holding the files `make publish` made for the download box
    # (features/downloads.py); unset, the box is not shown.
    downloads = c.Optional(c.Type(str))
