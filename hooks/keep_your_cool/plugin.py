"""Keep Your Cool's one MkDocs plugin: it wires the site's own code into MkDocs' events, and only that.

mkdocs-static-i18n builds the default language, then each other language inside that build's
on_post_build (priority -100), switching the config to the language first (its on_config, -100):
every event below runs once per language, and what happens once per build waits for the outer
build (model/i18n_engine.py is the one place that reads static-i18n's own attributes). The
priorities place each step against static-i18n's and Material's, wherever mkdocs.yml lists this
plugin. The state of a build lives on the instance and is started afresh by the outer build's
on_config, so `mkdocs serve` (which keeps the instance, as it has on_startup) rebuilds clean.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from keep_your_cool.config import KeepYourCoolConfig
from keep_your_cool.features import (
    downloads,
    handouts,
    interface_language,
    language_404,
    language_switcher,
    meta_description,
    offline_edition,
    pocket,
    preflight,
    preview_errors,
    redirects_per_language,
    rendered_checks,
    search_per_language,
    translation_status,
)
from keep_your_cool.model import i18n_engine, theme_listing
from keep_your_cool.model.compiled_templates import CompiledTemplates
from keep_your_cool.model.site import Site, from_config
from keep_your_cool.model.translation_records import PageStatus, statuses_this_build
from keep_your_cool.model.words import ui_words

NOT_FOUND = "404.html"


class KeepYourCoolPlugin(BasePlugin[KeepYourCoolConfig]):
    def __init__(self):
        self.serving = False  # `mkdocs serve`, where the pocket worker is offered only when asked
        # one build, every language (started afresh by the outer build's on_config)
        self.site: Site | None = None
        self.run = rendered_checks.Run()
        self.moves: dict[str, str] = {}  # mkdocs-redirects' map as mkdocs.yml gives it
        self.edition: dict[str, str] = {}
        self.compiled = CompiledTemplates()  # the theme's templates, compiled once for every language
        self.listing = theme_listing.ThemeListing()  # the theme's files, listed once for every language
        self._statuses: list[PageStatus] | None = None
        self._downloads: dict[str, int] | None = None
        # the language being built
        self.locale = ""
        self.words: dict[str, str] = {}
        self._templates = None

    # --- what a build knows -------------------------------------------------------------

    @property
    def statuses(self) -> list[PageStatus]:
        """Every translation's state, read once per build (after the preflight has checked the records)."""
        if self._statuses is None:
            site = self.site
            self._statuses = statuses_this_build(site.root, site.docs_dir, tuple(site.locales), site.default.locale)
        return self._statuses

    def templates(self, config):
        """The theme's own Jinja environment, for this language's build (pages render before on_env)."""
        if self._templates is None:
            self._templates = config.theme.get_env()  # with the build's compiled templates (theme_listing.share_theme)
        return self._templates

    def download_files(self, config) -> dict[str, int]:
        if self._downloads is None:
            folder = Path(self.site.root, self.config.downloads) if self.config.downloads else None
            self._downloads = downloads.available(folder, self.site, offline_edition.offline(config))
        return self._downloads

    def pocket_active(self, config) -> bool:
        """The pages offer the worker: turned on, not the offline edition, and not `mkdocs serve` unless asked."""
        wanted = self.config.pocket
        return wanted.enabled is True and not offline_edition.offline(config) and (not self.serving or wanted.serve)

    # --- events ---------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    @event_priority(50)  # before Material's offline plugin (0) looks for a polyfill named iframe-worker
    def _use_offline_shim(self, config):
        if offline_edition.offline(config):
            offline_edition.use_shipped_shim(config)

    @event_priority(60)  # before Material's search plugin (0) renders its language partials with the theme's environment
    def _share_theme(self, config):
        if not i18n_engine.building_another_language(config):  # a new build: nothing compiled or listed yet
            self.compiled = CompiledTemplates()
            self.listing = theme_listing.ThemeListing()
            theme_listing.share_theme(config, self.listing, self.compiled)

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has switched the config to the language being built
    def _configure_language(self, config):
        redirects = config.plugins.get("redirects")
        # the outer build: a new build starts, from sources the preflight has checked
        if not i18n_engine.building_another_language(config):
            self.site = from_config(config)
            self.moves = dict(redirects.config["redirect_maps"]) if redirects else {}
            self.run = rendered_checks.Run(default=self.site.default.locale)
            self._statuses = self._downloads = None
            self.edition = handouts.edition()
            preflight.check_sources(self.site, Path(config.config_file_path).resolve())  # before anything reads them
        self.locale, self._templates = i18n_engine.language_being_built(config), None
        self.words = ui_words(self.site.root, self.locale, self.site.default.locale)
        interface_language.configure(config, self.words)
        if redirects:  # each language's moves, from its own old address
            redirects.config["redirect_maps"] = redirects_per_language.in_language(self.moves, self.site.language(self.locale))
        if self.pocket_active(config):
            pocket.configure(config, self.words)
        return config

    on_config = CombinedEvent(_share_theme, _use_offline_shim, _configure_language)

    @event_priority(100)  # first: the theme's files as MkDocs listed them, before any plugin changes the files
    def _keep_theme_names(self, files, *, config):
        if not i18n_engine.building_another_language(config):
            self.listing.kept = theme_listing.kept_from_theme(files, config)

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has given each file its address in the site
    def _redirect_in_language(self, files, *, config):
        redirects = config.plugins.get("redirects")
        if redirects:  # mkdocs-redirects read the files earlier (priority 0), at their addresses before static-i18n's
            redirects.on_files(files, config=config)
        return files

    on_files = CombinedEvent(_keep_theme_names, _redirect_in_language)

    @event_priority(50)  # before the notices below are added to the page
    def _check_page(self, html, *, page, config, files):
        return rendered_checks.check_page(self.run, html, page, self.site, self.locale)

    def _add_translation_notices(self, html, *, page, config, files):
        return translation_status.with_notices(
            html, page, self.site, self.locale, self.words, self.templates(config), self.statuses, config
        )

    on_page_content = CombinedEvent(_check_page, _add_translation_notices)

    @event_priority(-100)  # after mkdocs-static-i18n, wherever mkdocs.yml lists this plugin
    def on_env(self, env, *, config, files):
        prefix = self.site.language(self.locale).prefix
        for file in i18n_engine.theme_files_copied_already(files, config):  # pages have rendered: only copying is left
            files.remove(file)
        rendered_checks.log_language(self.run, self.locale)
        env.globals["search_index_prefix"] = prefix  # where the language's index is (overrides/main.html)
        interface_language.add_globals(env, self.site, self.locale)
        env.globals["pocket"] = pocket.links(prefix) if self.pocket_active(config) else None
        return env

    @event_priority(-100)  # after mkdocs-static-i18n (50) has set the page's language and alternates
    def on_page_context(self, context, *, page, config, nav):
        meta_description.escape_description(page)
        offline = offline_edition.offline(config)
        if offline:
            offline_edition.keep_published_address(page, config)
        language_switcher.point_at_page(config)
        if page.meta.get("downloads") is True:
            context["downloads"] = downloads.download_box(self.download_files(config), self.site, self.locale, self.words)
        context["imprint"] = handouts.imprint(page, config, self.site, self.words, self.edition, offline)
        return context

    @event_priority(-100)  # after mkdocs-static-i18n (50) has added its own variables
    def on_template_context(self, context, *, template_name, config):
        if template_name == NOT_FOUND:
            language_404.add_context(context, self.site)
        elif template_name == pocket.OFFLINE_PAGE:
            pocket.offline_page_context(context, config, self.site, self.locale, self.words)
        return context

    @event_priority(-100)  # after mkdocs-static-i18n, wherever mkdocs.yml lists this plugin
    def on_pre_template(self, template, *, template_name, config):
        if template_name == NOT_FOUND:
            language_switcher.point_at_homes(config, self.site)
        return template

    @event_priority(-100)  # after every other plugin
    def on_post_template(self, output, *, template_name, config):
        if template_name == NOT_FOUND and self.locale != self.site.default.locale:
            output = ""  # MkDocs writes nothing for an empty page: the root 404.html stays the default language's
        elif template_name == pocket.OFFLINE_PAGE:
            output = pocket.write_offline_page(output, Path(config.site_dir), self.site.language(self.locale).prefix)
        return "" if self.run.problems else output  # 404.html, sitemap.xml: they hold the nav and addresses too

    @event_priority(-100)  # after every other plugin
    def on_post_page(self, output, *, page, config):
        """Once a problem is found, nothing more is written: this language's pages render before any is written."""
        return "" if self.run.problems else output

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has built every other language and merged the search index
    def on_post_build(self, *, config):
        if i18n_engine.building_another_language(config):
            return
        rendered_checks.stop_if_problems(self.run)
        site, site_dir, offline = self.site, Path(config.site_dir), offline_edition.offline(config)
        if self.config.downloads:
            downloads.publish(self.download_files(config), Path(site.root, self.config.downloads), site_dir)
        search_per_language.write_indexes(site, site_dir)
        short_names = {locale: ui_words(site.root, locale, site.default.locale)["app_short_name"] for locale in site.locales}
        retire = not offline and self.config.pocket.enabled is False
        pocket.write_worker(config, site, site_dir, self.pocket_active(config), retire, short_names)
        if offline:  # after the split: every language's index inlined for file://
            offline_edition.inline_indexes(site_dir)

    def on_build_error(self, *, error):
        """Another error stopped the build: the problems found so far are still reported, first."""
        if self.run.problems and not self.run.reported:
            rendered_checks.report(self.run)

    def on_serve(self, server, *, config, builder):
        server.builder = preview_errors.guarded(server.builder, config)
        return server
