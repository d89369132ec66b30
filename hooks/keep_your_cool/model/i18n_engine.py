"""What the site reads from mkdocs-static-i18n (1.3) while it builds, beyond its documented options:
the one place that relies on the plugin's own attributes, and on where its builds put the theme's
files (tests/test_plugin.py fails if an upgrade changes them).

static-i18n builds the default language first, then each other language in a build of its own
started from its on_post_build, after switching the config (site_name, theme language, nav…) to it.
"""

from __future__ import annotations

from collections import Counter

from mkdocs.exceptions import PluginError

from keep_your_cool.model.theme_listing import theme_files


def engine(config):
    """The i18n plugin of the running build (its documented options are `engine(config).config`)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("keep-your-cool: the i18n plugin is not configured in mkdocs.yml, so there are no languages.")
    return i18n


def building_another_language(config) -> bool:
    """True in the builds static-i18n starts for the languages after the default one."""
    return bool(engine(config).building)


def language_being_built(config) -> str:
    return engine(config).current_language


def site_values(config) -> dict:
    """The site's own values that static-i18n replaces with the language's while it builds (site_name…)."""
    return getattr(engine(config), "original_configs", {})


def theme_files_copied_already(files, config) -> list:
    """In another language's build, the theme's own files (Material's and overrides/'s static files):
    static-i18n leaves them at the site's root, where the default language's build has copied them."""
    if not building_another_language(config):
        return []
    destinations = Counter(f.dest_uri for f in files)
    return [f for f in theme_files(files, config) if destinations[f.dest_uri] == 1]  # none another file overwrites
