"""The MkDocs adapter: turns MkDocs events into calls of the core, and nothing more."""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .asof import epoch_of
from .content import nav_pages
from .memo import Memo
from .pages import Site
from .pipeline import ENV_PREVIEW, Kept, Paths, generate
from .preview import RenderedPages, surroundings
from .problems import RecordsInvalid
from .render import compiled_templates, news_html, sanitise_page
from .segmentation import CachedSegmenter

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
ANCHOR = re.compile(r"""\sid=["']([^"']+)["']""")


def _search_plugin(config: MkDocsConfig) -> object | None:
    # Material's plugins are registered under their theme's name: "material/search".
    return next((plugin for name, plugin in config.plugins.items() if name == "search" or name.endswith("/search")), None)


def _searches(config: MkDocsConfig) -> bool:
    return _search_plugin(config) is not None


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries of this build's search index, where Material's search plugin keeps them."""
    entries = getattr(getattr(_search_plugin(config), "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


class CampaignConfig(Config):
    data_dir = c.Type(str, default="site_data")
    # Add names, units and the plan's terms to jieba's dictionary (off only to measure what it does).
    search_terms = c.Type(bool, default=True)
    # Hand our pages to MkDocs as the HTML they are, not through the Markdown parser (off only to compare).
    html_pages = c.Type(bool, default=True)
    # Index earlier years' pages for search too. Off: a reader's first search downloads the index of
    # the current campaign only, which stays small however long the archive grows.
    search_archive = c.Type(bool, default=False)


# The office report's folder in theme/: templates and a stylesheet for office/, never for site/.
OFFICE_THEME = "office/"


class CampaignPlugin(BasePlugin[CampaignConfig]):
    """Adds the pages generated from `site_data/` and rebuilds when a record changes."""

    site: Site | None = None
    _segmenter: CachedSegmenter | None = None
    _bodies: dict[str, str] = {}  # noqa: RUF012 - replaced, never mutated, by on_files
    serving = False
    _saved_epoch: str | None = None
    _rendered: RenderedPages | None = None  # the live preview's pages, kept between its rebuilds
    _kept: Kept | None = None  # the live preview's check results and texts, kept between its rebuilds
    _entries: list[dict[str, Any]] | None = None  # this build's search index, as Material fills it
    _indexed = 0  # how many of its entries belong to pages already written
    _named_by_data = False  # mkdocs.yml leaves the site's name (and description) to the county's settings
    _described_by_data = False
    _words: set[str] = set()  # noqa: RUF012 - replaced, never mutated: words jieba has been given

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme["language"] == "zh" and _searches(config):
            try:
                import jieba  # noqa: F401
            except ImportError:
                # Without jieba Material builds a silently worse index: Chinese text is not segmented.
                raise PluginError("中文搜索需要 jieba 分词：请运行 pip install -r requirements.txt（或 make site）。") from None
        root = Path(config.config_file_path).parent
        theme_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else root / "theme"
        self.paths = Paths(root, root / self.config.data_dir, Path(config.docs_dir), theme_dir, root / ".cache")
        self._named_by_data = not config.site_name.strip()
        self._described_by_data = not (config.site_description or "").strip()
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self._rendered = RenderedPages() if self.serving else None
        self._kept = None

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Runs before MkDocs cleans site/: invalid records leave the old site as it was.
        try:
            # The live preview builds the current year only (or the years asked for): every page is
            # rebuilt on every change, and an archive of ten years would take minutes.
            scope = os.environ.get(ENV_PREVIEW, "current") if self.serving else None
            # MkDocs' preview replaces site_url with its own address: QR codes and the feed would point
            # at this laptop. The preview leaves them out (they cost seconds at scale, too).
            site_url = None if self.serving else config.site_url or None
            if self.serving and (self._kept is None or self._kept.checks.folder != self.paths.cache_dir):
                self._kept = Kept.for_project(self.paths)
            self.site = generate(
                self.paths,
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
        if self.config.search_terms:
            import jieba

            # jieba keeps its words for the life of the process: the preview's rebuilds add only new ones.
            for term in set(self.site.search_terms) - self._words:
                jieba.add_word(term, freq=100_000)
            self._words = self._words | set(self.site.search_terms)
        self._remember_segmentation(config)
        # MkDocs dates pages and the sitemap by SOURCE_DATE_EPOCH, read from the environment: set it to
        # as_of for this build only, so that builds with the same as_of are byte-identical.
        self._saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch_of(date.fromisoformat(self.site.context["as_of"])))

    def _restore_epoch(self) -> None:
        if self._saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self._saved_epoch

    def _remember_segmentation(self, config: MkDocsConfig) -> None:
        """Put a remembering segmenter in front of jieba where Material's search plugin cuts words."""
        try:
            import material.plugins.search.plugin as material_search
        except ImportError:
            return
        if not _searches(config) or getattr(material_search, "jieba", None) is None:
            return
        jieba = material_search.jieba
        if isinstance(jieba, CachedSegmenter):  # left by a build that stopped halfway
            jieba = jieba.jieba
        words = self.site.search_terms if self.site and self.config.search_terms else []
        self._segmenter = CachedSegmenter(jieba, Memo.in_folder(self.paths.cache_dir, "search-words"), words)
        material_search.jieba = self._segmenter

    def _forget_segmentation(self, save: bool) -> None:
        if self._segmenter is None:
            return
        import material.plugins.search.plugin as material_search

        material_search.jieba = self._segmenter.jieba
        if save:
            self._segmenter.memo.save()
            log.debug(f"Chinese search: {self._segmenter.cut_now} runs of text segmented afresh")
        self._segmenter = None

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._restore_epoch()
        self._forget_segmentation(save=True)
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            # Material writes the index as ASCII JSON: every Chinese character, and the zero-width
            # space between words, as a six-byte \uXXXX escape. As UTF-8 the same index is about half.
            data = json.loads(index.read_bytes())
            index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

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
        for page in self.site.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing:
                log.warning(f"content/{page.src_uri} 与生成的页面同名，已被生成的页面替换。")
                files.remove(existing)
            # Record pages are reached from index pages, never from the nav (which every page repeats).
            files.append(File.generated(config, page.src_uri, content=page.markdown(), inclusion=InclusionLevel.NOT_IN_NAV))
        self._bodies = {page.src_uri: page.body for page in self.site.pages if not page.markdown_body}
        for asset in self.site.assets:
            files.append(File.generated(config, asset.dest_uri, content=asset.data))
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs makes the theme's environment anew for every build: within one, templates cannot
        # change, and need not be checked (a stat per include) nor compiled again from the last build.
        env.auto_reload = False
        env.bytecode_cache = compiled_templates(self.paths.cache_dir, "theme-templates")
        return env

    @event_priority(-100)  # after the blog plugin has added its pages to the navigation
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if self._rendered is None or self.site is None:
            return nav
        # In the live preview, a record page whose source and surroundings did not change since the
        # last rebuild is handed to MkDocs as the HTML it became then (see `preview`). Pages in the
        # navigation are few and always made afresh.
        dirs = [config.theme.custom_dir] if config.theme.custom_dir else []
        around = surroundings(config.extra, str(nav), config.config_file_path, dirs)
        self._rendered.begin({page.src_uri for page in self.site.pages})
        self._entries = _search_entries(config)
        in_nav = {item.file.src_uri for item in nav.pages}
        for page in self.site.pages:
            file = files.get_file_from_path(page.src_uri)
            if file is None or page.src_uri in in_nav:
                continue
            made = self._rendered.reuse(page.src_uri, RenderedPages.key(around, file.content_bytes))
            if made is not None:
                files.remove(file)
                files.append(File.generated(config, file.dest_uri, content=made[0]))
                if self._entries is not None:
                    self._entries.extend(made[1])  # found by search as if indexed again
        self._indexed = len(self._entries) if self._entries is not None else 0
        log.debug(f"Preview: {self._rendered.reused} unchanged record pages kept as they were")
        return nav

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self._rendered is not None:
            # Pages are built one after another: what the search index gained since the last is this page's.
            entries = self._entries[self._indexed :] if self._entries is not None else []
            self._indexed += len(entries)
            self._rendered.made(page.file.src_uri, output, entries)
        return output

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Material prints titles and descriptions into <title> and <meta> unescaped (MkDocs' Jinja does
        # not autoescape): hand it escaped text.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        assert self.site is not None
        if page.file.src_uri in self.site.news:
            page.meta.update(self.site.shares.get(page.file.src_uri, {}))  # its share poster and image
            if self._kept is None:
                return news_html(markdown)
            # The preview's rebuilds sanitise each news story once.
            html = self._kept.news.get(markdown)
            if html is None:
                html = self._kept.news[markdown] = news_html(markdown)
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
        body = self._bodies[page.file.src_uri] if self.config.html_pages else None
        if body is None:
            return html
        # What the Markdown parser would have noted of the raw HTML: the anchors other pages may link to.
        page.present_anchor_ids = set(ANCHOR.findall(body))
        return body

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        for folder, recursive in self._watched(self.site.years if self.site else None):
            server.watch(str(folder), recursive=recursive)
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
