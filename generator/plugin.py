"""The MkDocs adapter: turns MkDocs events into calls of the core, and nothing more."""

from __future__ import annotations

import logging
import os
import posixpath
import re
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from . import material
from .asof import epoch_of
from .content import nav_pages
from .pages import Site
from .pipeline import Kept, Paths, generate
from .preview import RenderedPages, surroundings
from .problems import RecordsInvalid
from .sanitise import from_site_root, news_html, sanitise_page

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
ANCHOR = re.compile(r"""\sid=["']([^"']+)["']""")


class CampaignConfig(Config):
    data_dir = c.Type(str, default="site_data")
    # Add names, units and the plan's terms to jieba's dictionary (off only to measure what it does).
    search_terms = c.Type(bool, default=True)
    # Hand our pages to MkDocs as the HTML they are, not through the Markdown parser (off only to compare).
    html_pages = c.Type(bool, default=True)
    # Index earlier years' pages for search too. Off: a reader's first search downloads the index of
    # the current campaign only, which stays small however long the archive grows.
    search_archive = c.Type(bool, default=False)
    # The day the build computes on (2023-07-01); unset: the campaign record's as_of, else today.
    # `--as-of` on the command line sets it for one build (see `configured`).
    as_of = c.Optional(c.Type((str, date)))
    # Which years the live preview builds: all, or 2021,2022; unset: the current year (`--year`).
    preview_years = c.Optional(c.Type(str))


# The office report's folder in theme/: templates and a stylesheet for office/, never for site/.
OFFICE_THEME = "office/"


class CampaignPlugin(BasePlugin[CampaignConfig]):
    """Adds the pages generated from `site_data/` and rebuilds when a record changes."""

    site: Site | None = None
    _mends: material.SearchMends | None = None  # what this plugin did to Material's search, undone after each build
    _bodies: dict[str, str] = {}  # noqa: RUF012 - replaced, never mutated, by on_files
    serving = False
    _saved_epoch: str | None = None
    _kept: Kept | None = None  # the live preview's check results, texts and pages, kept between its rebuilds
    _entries: list[dict[str, Any]] | None = None  # this build's search index, as Material fills it
    _indexed = 0  # how many of its entries belong to pages already written
    _named_by_data = False  # mkdocs.yml leaves the site's name (and description) to the county's settings
    _described_by_data = False
    # Options the command line gives (--as-of, --year): MkDocs reads mkdocs.yml afresh before each of
    # the preview's rebuilds, and these win over it every time.
    given: dict[str, str] = {}  # noqa: RUF012 - replaced, never mutated, by `configured`

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for key, value in self.given.items():
            self.config[key] = value
        try:
            material.check_version(material.installed_version())
            material.check_segmentation(config)
        except material.MaterialMismatch as error:
            raise PluginError(str(error)) from None
        if self._mends is None:
            self._mends = material.SearchMends()
        root = Path(config.config_file_path).parent
        theme_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else root / "theme"
        self.paths = Paths(root, root / self.config.data_dir, Path(config.docs_dir), theme_dir, root / ".cache")
        self._named_by_data = not config.site_name.strip()
        self._described_by_data = not (config.site_description or "").strip()
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self._kept = None

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Runs before MkDocs cleans site/: invalid records leave the old site as it was.
        try:
            # The live preview builds the current year only (or the years asked for): every page is
            # rebuilt on every change, and an archive of ten years would take minutes.
            scope = (self.config.preview_years or "current") if self.serving else None
            # MkDocs' preview replaces site_url with its own address: QR codes and the feed would point
            # at this laptop. The preview leaves them out (they cost seconds at scale, too).
            site_url = None if self.serving else config.site_url or None
            if self.serving and (self._kept is None or self._kept.checks.folder != self.paths.cache_dir):
                self._kept = Kept.for_project(self.paths)
            as_of = self.config.as_of
            self.site = generate(
                self.paths,
                as_of=None if as_of is None else str(as_of),
                site_url=site_url,
                scope=scope,
                search_archive=self.config.search_archive,
                kept=self._kept,
                nav=nav_pages(config.nav),
            )
        except RecordsInvalid as error:
            if not (self.serving and self.site is not None):
                raise PluginError(error.report()) from None
            # In the live preview, keep showing the last good pages with the problems on top of
            # each, instead of stopping. Printed, not logged: --strict must not turn them into an abort.
            print(error.report(), file=sys.stderr)
            config.extra["cp"] = {**self.site.context, "errors": [str(p) for p in error.problems]}
        else:
            config.extra["cp"] = self.site.context
        # Left empty in mkdocs.yml, the site's name and description are the county's, from its settings
        # (again at each of the preview's rebuilds: the settings may have changed).
        if self._named_by_data:
            config.site_name = self.site.context["site_name"]
        if self._described_by_data:
            config.site_description = self.site.context["site_description"]
        if self.site.context.get("poster_note") and not self.serving:
            log.info(f"提示：{self.site.context['poster_note']}")
        for picture in self.site.context.get("news_pictures_with_gps", []):
            log.info(
                f"提示：新闻配图 {picture} 带有拍摄地点（GPS）。网站上的图片已去掉，但原图会进入仓库：建议去掉位置后再提交。"
            )
        assert self._mends is not None
        self._mends.begin(config, self.paths.cache, self.site.search_terms if self.config.search_terms else [])
        # MkDocs dates pages and the sitemap by SOURCE_DATE_EPOCH, read from the environment: set it to
        # as_of for this build only, so that builds with the same as_of are byte-identical.
        self._saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch_of(date.fromisoformat(self.site.context["as_of"])))

    def _restore_epoch(self) -> None:
        if self._saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self._saved_epoch

    def _forget_segmentation(self, save: bool) -> None:
        cut = self._mends.forget_segmentation(save) if self._mends else None
        if save and cut is not None:
            log.debug(f"Chinese search: {cut} runs of text segmented afresh")

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._restore_epoch()
        self._forget_segmentation(save=True)
        material.rewrite_index(Path(config.site_dir))

    def on_build_error(self, error: Exception) -> None:
        self._restore_epoch()
        self._forget_segmentation(save=False)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        # theme/office/ holds the internal report's templates and style: MkDocs copies a theme's static
        # files into the site, and nothing of the office's may be published.
        for file in [f for f in files if f.src_uri.startswith(OFFICE_THEME)]:
            files.remove(file)
        for uri in self.site.consumed:
            existing = files.get_file_from_path(uri)
            if existing:
                files.remove(existing)
        self._bodies = {page.src_uri: page.body for page in self.site.pages if not page.markdown_body}
        for page in self.site.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing:
                log.warning(f"content/{page.src_uri} 与生成的页面同名，已被生成的页面替换。")
                files.remove(existing)
            # A page of HTML hands MkDocs its front matter only: the body comes back in on_page_content.
            # With it, the files would hold a second copy of every body (28 MB at 5,000 records).
            html = self.config.html_pages and page.src_uri in self._bodies
            content = page.front_matter() if html else page.markdown()
            # Record pages are reached from index pages, never from the nav (which every page repeats).
            files.append(File.generated(config, page.src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
        for asset in self.site.assets:
            files.append(File.generated(config, asset.dest_uri, content=asset.data))
        files.append(File.generated(config, material.WORKER_URI, content=material.worker_source()))
        if not self.serving:
            # MkDocs holds the pages from here. Kept here too, every body Material's search rewrites (it
            # strips its data-search-* attributes into a new text) would be held twice. The preview keeps
            # them: a rebuild that finds a problem hands the last good pages over again.
            self.site = replace(self.site, pages=[])
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs makes the theme's environment anew for every build: within one, templates cannot
        # change, and need not be checked (a stat per include) nor compiled again from the last build.
        env.auto_reload = False
        env.bytecode_cache = self.paths.cache.templates("theme-templates")
        material.add_to_templates(env)
        return env

    @event_priority(-100)  # after the blog plugin has added its pages to the navigation
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if self._kept is None or self.site is None:
            return nav
        rendered = self._kept.rendered
        # In the live preview, a record page whose source and surroundings did not change since the
        # last rebuild is handed to MkDocs as the HTML it became then (see `preview`). Pages in the
        # navigation are few and always made afresh.
        dirs = [config.theme.custom_dir] if config.theme.custom_dir else []
        around = surroundings(config.extra, str(nav), config.config_file_path, dirs)
        rendered.begin({page.src_uri for page in self.site.pages})
        self._entries = material.search_entries(config)
        in_nav = {item.file.src_uri for item in nav.pages}
        for page in self.site.pages:
            file = files.get_file_from_path(page.src_uri)
            if file is None or page.src_uri in in_nav:
                continue
            source = file.content_bytes + self._bodies.get(page.src_uri, "").encode()
            made = rendered.reuse(page.src_uri, RenderedPages.key(around, source))
            if made is not None:
                files.remove(file)
                files.append(File.generated(config, file.dest_uri, content=made[0]))
                if self._entries is not None:
                    self._entries.extend(made[1])  # found by search as if indexed again
        self._indexed = len(self._entries) if self._entries is not None else 0
        log.debug(f"Preview: {rendered.reused} unchanged record pages kept as they were")
        return nav

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        # News pictures, on the story's page and in its excerpts on the news lists.
        output = from_site_root(output, page.url)
        if self._kept is not None:
            # Pages are built one after another: what the search index gained since the last is this page's.
            entries = self._entries[self._indexed :] if self._entries is not None else []
            self._indexed += len(entries)
            self._kept.rendered.made(page.file.src_uri, output, entries)
        return output

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        material.escape_page_meta(page.meta)
        assert self.site is not None
        if page.file.src_uri in self.site.news:
            page.meta.update(self.site.shares.get(page.file.src_uri, {}))  # its share poster and image
            folder = posixpath.dirname(page.file.src_uri) + "/"

            def published(uri: str) -> str:
                file = files.get_file_from_path(uri)
                return file.url if file is not None else uri

            if self._kept is None:
                return news_html(markdown, folder, published)
            # The preview's rebuilds sanitise each news story once.
            html = self._kept.news.get(folder + markdown)
            if html is None:
                html = self._kept.news[folder + markdown] = news_html(markdown, folder, published)
            return html
        if self.config.html_pages and page.file.src_uri in self._bodies:
            # Our pages are HTML already: MkDocs need not run them through the Markdown parser (which
            # only passes raw HTML through, at a third of the build's time). The body comes back in
            # on_page_content.
            return ""
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self._bodies:
            # Written in Markdown (the plan, news, pages under content/): sanitised as MkDocs rendered it,
            # whatever syntax or extension made the HTML. Our other pages are HTML from our templates.
            return sanitise_page(html)
        body = self._bodies.pop(page.file.src_uri)  # held by MkDocs' page from here
        if not self.config.html_pages:
            return html
        # What the Markdown parser would have noted of the raw HTML: the anchors other pages may link to.
        page.present_anchor_ids = set(ANCHOR.findall(body))
        return body

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        for folder, recursive in self._watched(self.site.years if self.site else None):
            server.watch(str(folder), recursive=recursive)
        # The project's own templates and styles, not the installed theme's (what `--watch-theme` adds):
        # Material's 14,000 files, polled twice a second, made a change take a quarter longer to show.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server

    def _watched(self, years: list[int] | None) -> list[tuple[Path, bool]]:
        """The folders of records the preview rebuilds on: those of the years it shows, and the shared ones.

        MkDocs watches by polling, every half second, each file under a folder it watches: at 20,000
        records, ten years of them, that doubled the time a rebuild took. The records of years the
        preview leaves out are checked at every rebuild, but a change to them starts none. The
        folder itself is watched too, for a year added meanwhile.
        """
        data = self.paths.data_dir
        if not years or not data.is_dir():
            return [(data, True)]
        shown = {str(year) for year in years}
        kept = [(entry, True) for entry in sorted(data.iterdir()) if not (entry.name.isdigit() and entry.name not in shown)]
        return [(data, False), *kept]


def configured(config_file: str, **given: str | None) -> CampaignPlugin:
    """The process's campaign plugin, with options given for this run (`as_of`, `preview_years`)
    that win over mkdocs.yml's: how the command line hands them to the plugin, in this process.

    MkDocs keeps one instance of a plugin per process (one that has `on_startup`): the `mkdocs build`
    or `mkdocs serve` run next, in this process, uses this one.
    """
    from mkdocs.config import load_config

    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # the run itself reads the config again and says what it has to say
    try:
        config = load_config(config_file)
    finally:
        quiet.setLevel(level)
    plugin = next((p for p in config.plugins.values() if isinstance(p, CampaignPlugin)), None)
    if plugin is None:
        raise PluginError(f"{config_file} 的 plugins 里没有 campaign：网站的页面由它生成。")
    plugin.given = {key: value for key, value in given.items() if value}
    return plugin
