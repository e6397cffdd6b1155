"""`content/` as an allow-list: only the page kinds the generator knows reach the site.

Those are the plans that campaign records name, news posts (`.md` under `news/posts/`), the news list
page `news/index.md` in its known shape, pictures for the news (re-encoded through the photo pipeline),
and pages named in the navigation of `mkdocs.yml`. Anything else MkDocs would publish as it is (an
extra page, a raw `.html` or `.svg`, a spreadsheet), unchecked for personal data and unsanitised: it is
an error naming the file. Symbolic links are refused, whatever they point at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .footer import project_config
from .images import photo_refusal
from .problems import Problem
from .rules.privacy import texts_in

NEWS_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
NEWS_INDEX = "news/index.md"
_INDEX_KEYS = {"title", "description", "hide"}
_HEADING = re.compile(r"#{1,2} [^<>\[\]{}()!`*_]+")


def nav_pages(nav: object) -> set[str]:
    """The Markdown files a MkDocs `nav` setting names, however nested.

    >>> sorted(nav_pages([{"首页": "index.md"}, {"新闻": [{"关于": "about.md"}, "https://x.example/"]}]))
    ['about.md', 'index.md']
    """
    return {item.lstrip("/") for item in texts_in(nav) if item.lower().endswith(".md") and "://" not in item}


def content_uri(path: Path, content_dir: Path) -> str:
    """A file under content/ as MkDocs names it: relative, with slashes."""
    try:
        return path.relative_to(content_dir).as_posix()  # as found under content/: no need to ask the disk
    except ValueError:
        return path.resolve().relative_to(content_dir.resolve()).as_posix()


def nav_of(config_file: Path) -> set[str]:
    """The pages the navigation of `config_file` (mkdocs.yml) names; none where it has no nav."""
    return nav_pages(project_config(config_file).get("nav") or [])


def _display(uri: str) -> str:
    return f"content/{uri}"


WHAT_BELONGS = (
    "content/ 里只放：工作方案（plans/年份.md）、新闻（news/posts/*.md）、新闻配图（news/ 下的 jpg、png、webp）"
    "和 mkdocs.yml 导航（nav）里列出的页面。"
)


def _news_index_problems(path: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    keys: set[str] = set()
    body = text
    if text.startswith("---\n") and "\n---" in text[4:]:
        front, _, body = text[4:].partition("\n---")
        body = body.split("\n", 1)[1] if "\n" in body else ""
        keys = {line.split(":", 1)[0].strip() for line in front.split("\n") if line and not line.startswith((" ", "-", "\t"))}
    wrong = [line for line in body.split("\n") if line.strip() and not _HEADING.fullmatch(line.strip())]
    if keys <= _INDEX_KEYS and not wrong:
        return []
    return [
        Problem(
            _display(NEWS_INDEX),
            1,
            "",
            "这是新闻列表页，网站自动在它下面列出新闻：文件头只能写 title、description、hide，正文只能写一行标题（如「# 新闻动态」）。"
            "新闻请写成 news/posts/ 里的 .md 文件。",
        )
    ]


def content_problems(
    content_dir: Path, known: Iterable[str], nav: Iterable[str], refusal: Callable[[Path], str | None] = photo_refusal
) -> tuple[list[Problem], list[str]]:
    """Every file under `content/` that may not be published, as problems; and the news pictures.

    `known`: the plans and news posts the records know of, relative to `content/`; `nav`: the pages
    the navigation names; `refusal`: `images.photo_refusal`, or an answer from the check's cache.
    """
    allowed = set(known) | set(nav) | {NEWS_INDEX}
    problems: list[Problem] = []
    pictures: list[str] = []
    if not content_dir.is_dir():
        return problems, pictures
    for top, dirs, files in os.walk(content_dir):
        folder = Path(top)
        for name in sorted(dirs):
            if (folder / name).is_symlink():
                uri = (folder / name).relative_to(content_dir).as_posix()
                problems.append(
                    Problem(
                        _display(uri),
                        0,
                        "",
                        "这是一个文件夹链接（快捷方式），网站不发布链接指向的内容。请删除它，把要发布的文件本身放进来。",
                    )
                )
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (folder / d).is_symlink())
        for name in sorted(files):
            if name.startswith("."):
                continue  # MkDocs leaves hidden files out
            path = folder / name
            uri = path.relative_to(content_dir).as_posix()
            suffix = path.suffix.lower()
            if path.is_symlink():
                problems.append(
                    Problem(
                        _display(uri),
                        0,
                        "",
                        "这是一个链接（快捷方式），不是文件本身：网站不发布链接指向的内容。请删除它，把文件本身放进来。",
                    )
                )
            elif uri == NEWS_INDEX:
                problems.extend(_news_index_problems(path))
            elif uri in allowed:
                continue
            elif uri.startswith("news/") and suffix in NEWS_IMAGE_SUFFIXES:
                refused = refusal(path)
                if refused:
                    problems.append(Problem(_display(uri), 0, "", refused))
                else:
                    pictures.append(uri)
            elif uri.startswith("news/posts/") and suffix in (".markdown", ".mdown", ".mkd", ".mkdn", ".txt"):
                problems.append(
                    Problem(
                        _display(uri),
                        0,
                        "",
                        f"新闻文件的扩展名要用 .md：请把它改名为 {Path(name).stem}.md，检查和发布才会读到它。",
                    )
                )
            else:
                problems.append(Problem(_display(uri), 0, "", f"这个文件不会被检查，也不能发布。{WHAT_BELONGS}请删除或移走它。"))
    return problems, pictures
