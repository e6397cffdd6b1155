"""The MkDocs adapter: turns MkDocs events into calls of the core, and nothing more."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .asof import epoch_of
from .pages import Site
from .pipeline import Paths, generate
from .problems import RecordsInvalid
from .render import news_html

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class CampaignConfig(Config):
    data_dir = c.Type(str, default="site_data")
    # Add names, units and the plan's terms to jieba's dictionary (off only to measure what it does).
    search_terms = c.Type(bool, default=True)


class CampaignPlugin(BasePlugin[CampaignConfig]):
    """Adds the pages generated from `site_data/` and rebuilds when a record changes."""

    site: Site | None = None
    serving = False
    _saved_epoch: str | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme["language"] == "zh" and "search" in config.plugins:
            try:
                import jieba  # noqa: F401
            except ImportError:
                # Without jieba Material builds a silently worse index: Chinese text is not segmented.
                raise PluginError("中文搜索需要 jieba 分词：请运行 pip install -r requirements.txt（或 make site）。") from None
        root = Path(config.config_file_path).parent
        theme_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else root / "theme"
        self.paths = Paths(root, root / self.config.data_dir, Path(config.docs_dir), theme_dir, root / ".cache")
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Runs before MkDocs cleans site/: invalid records leave the old site as it was.
        try:
            self.site = generate(self.paths, site_url=config.site_url or None)
        except RecordsInvalid as error:
            if not (self.serving and self.site is not None):
                raise PluginError(error.report()) from None
            # In the live preview, keep showing the last good pages with the problems on top of
            # each, instead of stopping. Printed, not logged: --strict must not turn them into an abort.
            print(error.report(), file=sys.stderr)
            config.extra["cp"] = {**self.site.context, "errors": [str(p) for p in error.problems]}
        else:
            config.extra["cp"] = self.site.context
        if self.config.search_terms:
            import jieba

            for term in self.site.search_terms:
                jieba.add_word(term, freq=100_000)
        # MkDocs dates pages and the sitemap by SOURCE_DATE_EPOCH, read from the environment: set it to
        # as_of for this build only, so that builds with the same as_of are byte-identical.
        self._saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch_of(date.fromisoformat(self.site.context["as_of"])))

    def _restore_epoch(self) -> None:
        if self._saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self._saved_epoch

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._restore_epoch()

    def on_build_error(self, error: Exception) -> None:
        self._restore_epoch()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
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
        for asset in self.site.assets:
            files.append(File.generated(config, asset.dest_uri, content=asset.data))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Material prints titles and descriptions into <title> and <meta> unescaped (MkDocs' Jinja does
        # not autoescape): hand it escaped text.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        assert self.site is not None
        if page.file.src_uri in self.site.news:
            return news_html(markdown)
        return markdown

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        server.watch(str(self.paths.data_dir))
        return server
