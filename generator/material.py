"""Everything that reaches into Material for MkDocs' internals, in one place, for the versions it was written for.

Material's search and page templates are good, but a few things a Chinese campaign site needs are not
options, and are mended here, relying on code Material does not offer as an interface:

- the search index: Material's search plugin cuts Chinese text with the `jieba` module it imported;
  the campaign's words are added to jieba's dictionary, a remembering segmenter stands in for the
  module (`segmentation.py`), the live preview reads and extends the plugin's private
  `search_index.entries`, and the index file Material writes as ASCII JSON is written again as UTF-8;
- the search worker: `material-search-worker.js` wraps Material's worker, relying on its private
  message code (QUERY = 2), its file name (`search.<hash>.min.js`, read from the `search` key of the
  page's `__config`), on lunr's `Builder.prototype.build`, and on Material's query syntax (a term ending
  in ^1 is searched without its wildcard);
- the rendered HTML of Material's blocks: the search dialog's attributes and the `<script src=`
  of the scripts block, patched as text by the filters `main.html` applies; and a page's title and
  description, which Material's templates print unescaped (`escape_page_meta`).

`check_version` runs at every build: on a Material these were not written for, the build stops and
says so, instead of publishing a site whose search silently stopped mending queries.
"""

from __future__ import annotations

import json
import re
from collections.abc import MutableMapping
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from .cache import Cache
from .segmentation import CachedSegmenter

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

# The Material releases whose internals this module was written and tested against: 9.8.x (a patch
# release fixes bugs; a minor one may change the worker or the search plugin).
WRITTEN_FOR = (9, 8)
SERIES = ".".join(map(str, WRITTEN_FOR)) + ".x"

# The search worker that wraps Material's, published where Material keeps its own.
WORKER_URI = "assets/javascripts/workers/search-mended.js"
WORKER_SOURCE = Path(__file__).with_name("material-search-worker.js")

# Points the page's search at our worker, which loads Material's (its file name passed as ?material=).
_WORKER_SCRIPT = """<script>
    (function () {
      var element = document.getElementById("__config"), config = JSON.parse(element.textContent);
      config.search = "%s?material=" + config.search.split("/").pop();
      element.textContent = JSON.stringify(config);
    })();
  </script>"""

# Material's search dialog has no accessible name (axe's aria-dialog-name, in Lighthouse).
_SEARCH_DIALOG = 'class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = 'class="md-search" data-md-component="search" role="dialog" aria-label="搜索">'


class MaterialMismatch(Exception):
    """The installed Material is not one this module was written for, or search cannot segment Chinese."""


def installed_version() -> str | None:
    try:
        return metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return None


def check_version(installed: str | None) -> None:
    """Stop the build on a Material whose internals may differ from those the mends rely on."""
    release = re.match(r"(\d+)\.(\d+)\.\d+$", installed or "")
    if not (release and (int(release[1]), int(release[2])) == WRITTEN_FOR):
        raise MaterialMismatch(
            f"已安装的 Material for MkDocs 版本是 {installed or '（未安装）'}，本生成器只适用于 {SERIES} 版本"
            "（中文搜索和页面修补依赖它的内部代码）。请运行 pip install -r requirements.txt（或 make site）安装指定版本。\n"
            f"Material for MkDocs {installed or '(not installed)'} is installed, but generator/material.py was written for "
            f"mkdocs-material {SERIES}: install the pinned version (pip install -r requirements.txt), or check "
            "generator/material.py against the new version and change WRITTEN_FOR."
        )


def search_plugin(config: MkDocsConfig) -> object | None:
    # Material's plugins are registered under their theme's name: "material/search".
    return next((plugin for name, plugin in config.plugins.items() if name == "search" or name.endswith("/search")), None)


def searches(config: MkDocsConfig) -> bool:
    return search_plugin(config) is not None


def search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries of this build's search index, where Material's search plugin keeps them."""
    entries = getattr(getattr(search_plugin(config), "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


def check_segmentation(config: MkDocsConfig) -> None:
    if config.theme["language"] == "zh" and searches(config):
        try:
            import jieba  # noqa: F401
        except ImportError:
            # Without jieba Material builds a silently worse index: Chinese text is not segmented.
            raise MaterialMismatch("中文搜索需要 jieba 分词：请运行 pip install -r requirements.txt（或 make site）。") from None


class SearchMends:
    """The mends of one plugin's builds to Material's search index: the words, the segmenter, the file."""

    def __init__(self) -> None:
        self.segmenter: CachedSegmenter | None = None
        self.words: set[str] = set()  # words jieba has been given

    def begin(self, config: MkDocsConfig, cache: Cache, words: list[str]) -> None:
        """Before a build indexes its pages: these words kept whole, runs cut before answered from the cache."""
        if words:
            self.add_words(words)
        self.remember_segmentation(config, cache, words)

    def add_words(self, terms: list[str]) -> None:
        import jieba

        # jieba keeps its words for the life of the process: the preview's rebuilds add only new ones.
        for term in set(terms) - self.words:
            jieba.add_word(term, freq=100_000)
        self.words = self.words | set(terms)

    def remember_segmentation(self, config: MkDocsConfig, cache: Cache, words: list[str]) -> None:
        """Put a remembering segmenter in front of jieba where Material's search plugin cuts words."""
        try:
            import material.plugins.search.plugin as material_search
        except ImportError:
            return
        if not searches(config) or getattr(material_search, "jieba", None) is None:
            return
        jieba = material_search.jieba
        if isinstance(jieba, CachedSegmenter):  # left by a build that stopped halfway
            jieba = jieba.jieba
        self.segmenter = CachedSegmenter(jieba, cache.memo("search-words"), words)
        material_search.jieba = self.segmenter

    def forget_segmentation(self, save: bool) -> int | None:
        """Give Material its jieba back; how many runs were cut afresh, if a segmenter stood in."""
        if self.segmenter is None:
            return None
        import material.plugins.search.plugin as material_search

        material_search.jieba = self.segmenter.jieba
        cut = self.segmenter.cut_now
        if save:
            self.segmenter.memo.save()
        self.segmenter = None
        return cut


def rewrite_index(site_dir: Path) -> None:
    """Material writes the index as ASCII JSON: every Chinese character, and the zero-width space between
    words, as a six-byte \\uXXXX escape. As UTF-8 the same index is about half."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_bytes())
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def worker_source() -> bytes:
    return WORKER_SOURCE.read_bytes()


def with_search_worker(config_block: str, worker_url: str) -> str:
    """Material's config block, then a script that points its search at our worker."""
    return config_block + _WORKER_SCRIPT % worker_url


def name_search_dialog(header_block: str) -> str:
    return header_block.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG, 1)


def defer_scripts(scripts_block: str) -> str:
    """Deferred: the page paints once its styles arrive, not after Material's script too."""
    return scripts_block.replace('<script src="', '<script defer src="')


def escape_page_meta(meta: MutableMapping[str, Any]) -> None:
    """Escape a page's title and description in place: Material prints them into `<title>` and `<meta>`
    as they are (MkDocs' Jinja does not autoescape)."""
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])


def add_to_templates(env: Environment) -> None:
    """The filters main.html applies to Material's rendered blocks, and our worker's address."""
    env.globals["cp_search_worker"] = WORKER_URI
    env.filters |= {
        "cp_with_search_worker": with_search_worker,
        "cp_name_search_dialog": name_search_dialog,
        "cp_defer_scripts": defer_scripts,
    }
