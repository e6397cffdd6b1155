"""The whole site as a plain docs tree, for a builder other than our MkDocs plugin (ProperDocs, Zensical).

`python -m generator export DIR` writes `DIR/docs/` (every page as Markdown with front matter, the photos,
downloads, stylesheets and scripts), `DIR/overrides/` (the theme's page frame: `main.html`, partials) and
`DIR/mkdocs.yml`, which both read. Nothing here imports MkDocs: the core makes the pages, and any builder
that reads a docs tree renders them. That is what keeps the site alive past MkDocs 1.x and Material's end.

What the plugin does during a build is done here beforehand: hand-written Markdown (the plan, news,
pages under `content/`) is rendered and sanitised into the tree as HTML, so that no builder can publish
a script from it; news stories become plain pages at their blog addresses, with a list page instead of
the blog plugin's. What only a plugin can do (the campaign's words in Chinese search, the smaller index)
is not carried over: README "A second builder" lists it.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown as md
import yaml
from markupsafe import escape

from .content import nav_pages
from .footer import project_config
from .load import split_front_matter
from .pages import Page, Site
from .pipeline import Paths, generate
from .render import Renderer
from .sanitise import MORE, news_html, sanitise_page
from .typography import join_cjk_lines
from .urls import Urls, relative

DOCS = "docs"
OVERRIDES = "overrides"
CONFIG = "mkdocs.yml"
NEWS_INDEX = "news/index.md"
# The Markdown of hand-written pages, as mkdocs.yml sets it up for MkDocs (`markdown_extensions`): the
# toc extension only for heading ids, with Chinese kept in them as the site's slugify does.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]
# What the builder is told to use: the same, minus toc's slugify, which is a Python object in mkdocs.yml
# (every heading in the tree is HTML already, with its id).
BUILDER_EXTENSIONS: list[Any] = ["attr_list", "md_in_html", "admonition", "tables", {"toc": {"permalink": False}}]
# The theme's folders that are ours, not the builder's: page bodies and the office report. The components
# (`partials/cp/`) go along: the page frame imports some (the share card, the reader's switches).
NOT_OVERRIDES = ("cp/", "office/")
# The filters the plugin gives the frame to mend Material's rendered blocks (`material.py`): another builder
# has none of them, and its blocks are left as they are.
_PLUGIN_FILTER = re.compile(r"\s*\|\s*cp_\w+(?:\((?:[^()]|\([^()]*\))*\))?")
# Site-wide values the page frame shows (`config.extra.cp`); the rest of the context is for the author.
FRAME_KEYS = ("sample", "as_of", "as_of_cn", "issuer", "title", "site_name", "site_description", "feed", "footer", "share_image")
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


class ExportError(Exception):
    """The export cannot go where it was asked to; the message says why, in Chinese."""


@dataclass(frozen=True)
class Story:
    """A published news story as the export places it: at its blog address, its body sanitised HTML."""

    source: str  # its file, relative to content/
    uri: str  # where the tree has it (the blog's address: news/<slug>.md)
    title: str
    date: dt.date
    description: str
    body: str  # Markdown, as written


def markdown_html(text: str) -> str:
    """Hand-written Markdown as the site renders it, sanitised like every such page (`sanitise_page`)."""
    configs: dict[str, dict[str, Any]] = {}
    try:
        from pymdownx.slugs import slugify

        configs["toc"] = {"slugify": slugify(case="lower")}
    except ImportError:  # pymdownx comes with the theme; without it, ids are Python-Markdown's own
        pass
    html = md.Markdown(extensions=EXTENSIONS, extension_configs=configs, output_format="html").convert(text)
    return sanitise_page(html)


def relink(html: str, written_at: str, placed_at: str, moved: dict[str, str]) -> str:
    """Relative links of HTML written for `written_at`, pointing the same way from `placed_at`.

    MkDocs rewrites the links of Markdown (to a page's `.md`, from where its source lies); in the tree they
    are HTML already, and a builder leaves them as they are. `moved`: pages that are elsewhere in the tree.

    >>> relink('<a href="../../plan.md#x">p</a><img src="a.jpg">', "news/posts/a.md", "news/a.md", {})
    '<a href="../../plan/#x">p</a><img src="../posts/a.jpg">'
    """

    def fixed(match: re.Match[str]) -> str:
        link = match.group(2)
        if not link or link.startswith(("#", "/")) or _SCHEME.match(link):
            return match.group(0)
        path, hash_, fragment = link.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(written_at), path))
        target = moved.get(target, target)
        return f"{match.group(1)}{relative(placed_at, target)}{hash_}{fragment}{match.group(3)}"

    return _LINK.sub(fixed, html)


def page_text(page: Page) -> str:
    """A page's file in the tree. Material prints the title and description into <title> and <meta> as they
    are (its Jinja does not autoescape, nor does Zensical's there): they go in escaped, as the plugin does."""
    meta = {
        key: str(escape(value)) if key == "description" and isinstance(value, str) else value for key, value in page.meta.items()
    }
    return Page(page.src_uri, str(escape(page.title)), page.body, meta).markdown()


def with_front_matter(title: str, body: str, **meta: Any) -> str:
    return page_text(Page("", title, body, {key: value for key, value in meta.items() if value is not None}))


def stories(site: Site, content_dir: Path, urls: Urls) -> list[Story]:
    """The published stories, newest first, read from their files under `content/` (checked already)."""
    made = []
    for source in sorted(site.news):
        text = (content_dir / source).read_text(encoding="utf-8").replace("\r\n", "\n")
        front, _, body, _ = split_front_matter(text, source)
        meta = yaml.safe_load(front or "") or {}
        uri = urls.news_post(str(meta["slug"]))
        made.append(Story(source, uri, str(meta["title"]), meta["date"], str(meta.get("description") or ""), body))
    return sorted(made, key=lambda s: (s.date, s.uri), reverse=True)


def news_pages(found: list[Story], content_dir: Path, renderer: Renderer) -> dict[str, str]:
    """The stories as plain pages at their blog addresses, and a list of them at `news/index.md`."""
    moved = {story.source: story.uri for story in found}
    pages = {}
    for story in found:
        html = news_html(story.body).replace(MORE, "")
        body = relink(html, story.source, story.uri, moved)
        pages[story.uri] = with_front_matter(
            story.title, body + "\n", date=story.date.isoformat(), description=story.description or None
        )
    index = content_dir / NEWS_INDEX
    heading = _TITLE.search(index.read_text(encoding="utf-8")) if index.is_file() else None
    title = heading.group(1) if heading else "新闻动态"
    listed = [
        {"title": s.title, "date": s.date, "description": s.description, "href": relative(NEWS_INDEX, s.uri)} for s in found
    ]
    body = renderer.render("cp/news.html", page={"title": title, "news": listed})
    pages[NEWS_INDEX] = with_front_matter(title, body, hide=["navigation", "toc"])
    return pages


def generated_page(page: Page) -> str:
    """A page of ours as the tree holds it; the plan's hand-written text rendered and sanitised first."""
    if not page.markdown_body:
        return page_text(page)
    return page_text(Page(page.src_uri, page.title, relink(markdown_html(page.body), page.src_uri, page.src_uri, {}), page.meta))


def content_pages(content_dir: Path, nav: Iterable[str], taken: set[str], moved: dict[str, str]) -> dict[str, str]:
    """Pages under `content/` that the navigation names and the generator does not make, sanitised."""
    pages = {}
    for uri in sorted(set(nav) - taken):
        path = content_dir / uri
        if not path.is_file() or path.is_symlink():
            continue
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        meta: dict[str, Any] = {}
        if text.startswith("---\n"):
            front, _, text, _ = split_front_matter(text, uri)
            meta = yaml.safe_load(front or "") or {}
        heading = _TITLE.search(text)
        title = str(meta.pop("title", None) or (heading.group(1) if heading else uri.removesuffix(".md")))
        body = relink(markdown_html(join_cjk_lines(text)), uri, uri, moved)
        pages[uri] = with_front_matter(title, body + "\n", **meta)
    return pages


def in_folder(src_uri: str) -> str:
    """Where the tree keeps a page: in a folder of its own, as `index.md`, so that its file and its address
    are the same folder. Our pages link relative to their address (`people.md` is `people/`); MkDocs
    leaves such links in HTML alone, Zensical reads them relative to the file. Both agree on `index.md`.

    >>> in_folder("people.md"), in_folder("2023/people/a.md"), in_folder("index.md"), in_folder("news/index.md")
    ('people/index.md', '2023/people/a/index.md', 'index.md', 'news/index.md')
    """
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri
    return src_uri.removesuffix(".md") + "/index.md"


def moved_nav(nav: Any) -> Any:
    """The navigation with each page where the tree keeps it (`in_folder`)."""
    if isinstance(nav, list):
        return [moved_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {key: moved_nav(value) for key, value in nav.items()}
    if isinstance(nav, str) and nav.endswith(".md") and "://" not in nav:
        return in_folder(nav.lstrip("/"))
    return nav


def not_in_nav(pages: Iterable[str], nav: Iterable[str]) -> str:
    """The builder's `not_in_nav` patterns: the pages reached from index pages, never from the navigation
    (as the plugin marks them). A folder with no page of the navigation in it is one pattern, whatever it holds.

    >>> pages = ["index.md", "2023/people/a/index.md", "2023/index.md", "competitions/index.md", "competitions/x/index.md"]
    >>> print(not_in_nav(pages, ["index.md", "competitions/index.md"]))
    /2023/
    /competitions/x/index.md
    """
    listed = set(nav)
    folders = {uri.split("/", 1)[0] for uri in listed if "/" in uri}
    patterns = set()
    for uri in set(pages) - listed:
        top = uri.split("/", 1)[0]
        patterns.add(f"/{top}/" if "/" in uri and top not in folders else f"/{uri}")
    return "\n".join(sorted(patterns))


def theme_files(theme_dir: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The theme's files for the tree: its stylesheets, scripts and images (into the docs, where every
    builder copies them) and its templates that override the builder's theme (`main.html`, partials)."""
    statics: dict[str, bytes] = {}
    overrides: dict[str, bytes] = {}
    for path in sorted(theme_dir.rglob("*")):
        name = path.relative_to(theme_dir).as_posix()
        if not path.is_file() or name.startswith(NOT_OVERRIDES) or path.name.startswith("."):
            continue
        if path.suffix == ".html":
            overrides[name] = _PLUGIN_FILTER.sub("", path.read_text(encoding="utf-8")).encode("utf-8")
        else:
            statics[name] = path.read_bytes()
    return statics, overrides


def builder_config(site: Site, project: dict[str, Any], pages: Iterable[str]) -> dict[str, Any]:
    """The builder's mkdocs.yml: the project's theme, navigation and footer, no plugin of ours; `pages`:
    where the tree has its pages."""
    theme = {key: value for key, value in (project.get("theme") or {}).items() if key != "custom_dir"}
    extra = {key: value for key, value in (project.get("extra") or {}).items() if key != "cp"}
    config: dict[str, Any] = {
        "site_name": (project.get("site_name") or "").strip() or site.context["site_name"],
        "site_description": (project.get("site_description") or "").strip() or site.context["site_description"],
        "site_url": project.get("site_url") or None,
        "docs_dir": DOCS,
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {**theme, "custom_dir": OVERRIDES},
        "extra": {**extra, "cp": {key: site.context.get(key) for key in FRAME_KEYS}},
        "extra_css": project.get("extra_css") or [],
        "extra_javascript": project.get("extra_javascript") or [],
        "plugins": ["search"],
        "markdown_extensions": BUILDER_EXTENSIONS,
        "nav": moved_nav(project.get("nav")),
        "not_in_nav": not_in_nav(pages, nav_pages(moved_nav(project.get("nav")))),
    }
    return {key: value for key, value in config.items() if value is not None}


def tree(site: Site, content_dir: Path, theme_dir: Path, project: dict[str, Any], nav: Iterable[str]) -> dict[str, bytes]:
    """Every file of the exported tree, by its path in it."""
    urls = Urls(max(site.years))
    found = stories(site, content_dir, urls)
    pages = {page.src_uri: generated_page(page) for page in site.pages}
    pages |= news_pages(found, content_dir, Renderer(theme_dir))
    moved = {story.source: story.uri for story in found}
    pages |= content_pages(content_dir, nav, set(pages) | set(site.consumed) | set(site.news), moved)
    statics, overrides = theme_files(theme_dir)
    files = {f"{DOCS}/{name}": data for name, data in statics.items()}
    files |= {f"{DOCS}/{asset.dest_uri}": asset.data for asset in site.assets}
    files |= {f"{DOCS}/{in_folder(uri)}": text.encode() for uri, text in pages.items()}
    files |= {f"{OVERRIDES}/{name}": data for name, data in overrides.items()}
    config = yaml.safe_dump(builder_config(site, project, map(in_folder, pages)), allow_unicode=True, sort_keys=False)
    files[CONFIG] = f"# 由 python -m generator export 生成：properdocs build 或 zensical build 读这个文件。\n{config}".encode()
    return files


def page_count(files: Iterable[str]) -> int:
    """How many pages a tree's files make (its Markdown files under docs/)."""
    return sum(1 for name in files if name.startswith(f"{DOCS}/") and name.endswith(".md"))


def check_destination(out: Path, root: Path) -> None:
    """Refuse the project itself, a folder above it or under its content/, and a folder with other files."""
    out, root = out.resolve(), root.resolve()
    if out == root or root.is_relative_to(out) or out.is_relative_to(root / "content"):
        raise ExportError(f"不能导出到 {out}：那是项目本身的文件夹。请换一个空文件夹，如 ../导出。")
    if out.is_dir() and any(out.iterdir()) and not (out / CONFIG).is_file():
        raise ExportError(f"{out} 里已有别的文件，没有导出。请换一个空文件夹（或上次导出的文件夹）。")


def write_tree(files: dict[str, bytes], out: Path, root: Path) -> None:
    """Write the tree into `out`, replacing an earlier export there (see `check_destination`)."""
    check_destination(out, root)
    for old in (out / DOCS, out / OVERRIDES):
        shutil.rmtree(old, ignore_errors=True)
    for name, data in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def export(root: Path, out: Path, as_of: str | None, config_file: Path) -> dict[str, bytes]:
    """Check the project at `root`, make its site and write it into `out` as a tree; the files written.

    `config_file`: the project's mkdocs.yml, read as plain data for the navigation, the theme, the footer
    and the campaign plugin's `search_archive`. Raises `RecordsInvalid` or `ExportError`.
    """
    check_destination(out, root)  # before the build: a wrong folder is said at once
    project = project_config(config_file)
    nav = nav_pages(project.get("nav"))
    plugins = [item for item in project.get("plugins") or [] if isinstance(item, dict) and item.get("campaign")]
    archive = bool(plugins and plugins[0]["campaign"].get("search_archive"))
    paths = Paths.of_project(root)
    site = generate(paths, as_of, site_url=project.get("site_url") or None, search_archive=archive, nav=nav)
    files = tree(site, paths.content_dir, paths.theme_dir, project, nav)
    write_tree(files, out, root)
    return files
