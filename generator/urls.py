"""Where each page lives, and relative links between pages (so the site works under any sub-path).

Record pages carry their year for good (`2023/people/zhang-ming/`): printed links and QR codes
must not break when the next campaign comes. Index pages of the current year sit at the top
(`competitions/`); those of earlier years move under their year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Reserved:
    """Names no record may take in its folder, because the site's own pages there have them; `shown` lists
    them for an editor."""

    pattern: re.Pattern[str]
    shown: str


# Index pages of an archived year live beside its competition pages: these names are theirs.
# Names no record may take in its folder: a list's own page (index), its later pages (page-2, page-3…),
# and what the builder keeps for itself (search, assets, 404).
RESERVED = r"index|page-[0-9]+|search|assets|404"
COMPETITION_NAMES = Reserved(
    re.compile(rf"^({RESERVED}|stream-.*|form-.*|township-.*|industry-.*)$"),
    "index、page-数字、search、assets、404、stream-…、form-…、township-…、industry-…",
)
# An earlier year's people list is {year}/people/ itself, its later pages {year}/people/page-2/...
EXEMPLAR_NAMES = Reserved(re.compile(rf"^({RESERVED})$"), "index、page-数字（列表和它的分页）、search、assets、404")
# The blog keeps news/ (the list), news/page/2/… and its archive and category pages.
NEWS_NAMES = Reserved(
    re.compile(rf"^({RESERVED}|page|archive|category|feed)$"),
    "index、page、archive、category、feed、search、assets、404、page-数字",
)


def url_of(src_uri: str) -> str:
    """The directory-style URL MkDocs gives a Markdown source path.

    >>> url_of("index.md"), url_of("2023/people/a.md"), url_of("competitions/index.md")
    ('', '2023/people/a/', 'competitions/')
    """
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/" if src_uri.endswith(".md") else src_uri


def relative(from_src: str, to: str) -> str:
    """A link from page `from_src` to page or file `to` (both source paths), relative.

    >>> relative("2023/people/a.md", "2023/competitions/b.md")
    '../../competitions/b/'
    >>> relative("index.md", "assets/cp/x.jpg")
    'assets/cp/x.jpg'
    """
    base = url_of(from_src)
    target = url_of(to)
    link = _relpath(target, base)
    if to.endswith(".md") and link != ".":
        link += "/"
    elif to.endswith(".md"):
        link = "./"
    return link


def _relpath(target: str, base: str) -> str:
    """posixpath.relpath for site paths, without its file-system calls (it asks for the working
    directory on every call, and pages make tens of thousands of links)."""
    to_parts = [p for p in target.split("/") if p]
    from_parts = [p for p in base.split("/") if p]
    common = 0
    while common < min(len(to_parts), len(from_parts)) and to_parts[common] == from_parts[common]:
        common += 1
    parts = [".."] * (len(from_parts) - common) + to_parts[common:]
    return "/".join(parts) or "."


@dataclass(frozen=True)
class Urls:
    """The source path of every generated page, given which year is current."""

    current_year: int

    def _root(self, year: int) -> str:
        return "" if year == self.current_year else f"{year}/"

    home = "index.md"
    contact = "contact.md"
    archive = "archive.md"
    news = "news/index.md"

    def year_home(self, year: int) -> str:
        return "index.md" if year == self.current_year else f"{year}/index.md"

    def dashboard(self, year: int) -> str:
        return f"{self._root(year)}dashboard.md"

    @staticmethod
    def download(year: int, name: str) -> str:
        return f"downloads/{year}/{name}"

    def plan(self, year: int) -> str:
        return f"{self._root(year)}plan.md"

    def competitions(self, year: int, facet: str = "", code: str = "") -> str:
        return f"{self._root(year)}competitions/{facet}-{code}.md" if facet else f"{self._root(year)}competitions/index.md"

    def collectives(self, year: int) -> str:
        return f"{self._root(year)}collectives.md"

    def people(self, year: int) -> str:
        return f"{self._root(year)}people.md"

    def innovations(self, year: int) -> str:
        return f"{self._root(year)}innovations.md"

    @staticmethod
    def competition(year: int, record_id: str) -> str:
        return f"{year}/competitions/{record_id}.md"

    @staticmethod
    def collective(year: int, record_id: str) -> str:
        return f"{year}/collectives/{record_id}.md"

    @staticmethod
    def person(year: int, record_id: str) -> str:
        return f"{year}/people/{record_id}.md"

    @staticmethod
    def announcement(year: int, record_id: str) -> str:
        return f"{year}/gongshi/{record_id}.md"

    @staticmethod
    def news_post(slug: str) -> str:
        return f"news/{slug}.md"

    @staticmethod
    def photo(year: int, kind: str, name: str) -> str:
        return f"assets/photos/{year}/{kind}/{name}"
