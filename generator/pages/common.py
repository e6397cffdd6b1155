"""What every room shares: the page and file it makes, the site they add up to, and paginated lists.

Nothing here knows MkDocs; an adapter hands these pages to whichever builder renders the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..urls import relative

if TYPE_CHECKING:
    from ..dataset import Dataset

# Long lists are split into pages of this many items: a page of a thousand cards is megabytes on a phone.
PER_PAGE = 50
# libyaml's emitter writes the same front matter as PyYAML's, in a third of the time.
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# A record's own page outranks the news and lists that mention it: searching a competition, an honour or a
# name, a reader wants the record. Material's search multiplies a page's score by its `search.boost`.
RECORD_BOOST = 2
# The pages a reader means by a word that records also mention: the plan (方案), and above it (the plan names
# the union in every section) the union's contact page, for the union's name. Each matches few queries, and
# those it matches it should answer first.
PLAN_BOOST = 3
CONTACT_BOOST = 4
# A township's or a stream's list of competitions, found by that name alone: above a record naming it in its
# title, below a record matching more of the query (职工技能大赛 is the skills contest, not the 职工… stream).
LIST_BOOST = 2.5


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, its front matter and its body."""

    src_uri: str
    title: str
    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None  # the record it came from, for edit links in the preview
    markdown_body: bool = False  # the body holds Markdown (the plan's text), not only rendered HTML

    def markdown(self) -> str:
        return self.front_matter() + self.body

    def front_matter(self) -> str:
        """The page's title and metadata, as MkDocs reads them before the Markdown."""
        front = yaml.dump({"title": self.title, **self.meta}, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n"


@dataclass(frozen=True)
class Asset:
    """A generated file (a processed photo, a download, a redirect)."""

    dest_uri: str
    data: bytes


@dataclass
class Site:
    """Everything the core hands to the builder."""

    pages: list[Page]
    assets: list[Asset]
    consumed: list[str]  # source files under content/ that generated pages replace
    news: set[str]  # source files of published news posts, relative to content/
    context: dict[str, Any]  # site-wide values the page templates show (sample notice, as_of)
    photos_processed: int = 0  # photos processed in this build (not answered from the cache)
    search_terms: list[str] = field(default_factory=list)  # words Chinese search must keep whole
    years: list[int] = field(default_factory=list)  # the years that have pages
    checked: Dataset | None = None  # every record as checked, drafts too: the office report of the same build
    # Share metadata of pages MkDocs makes from content/ (news stories), by source path: poster, image.
    shares: dict[str, dict[str, str]] = field(default_factory=dict)
    posters: int = 0  # share posters made


def chunks(items: list[Any], size: int) -> list[list[Any]]:
    """`items` in runs of `size`; an empty list is one empty page, so that every list has a first page.

    >>> chunks([1, 2, 3], 2), chunks([], 2)
    ([[1, 2], [3]], [[]])
    """
    return [items[start : start + size] for start in range(0, len(items), size)] or [[]]


def list_pages(first: str, count: int) -> list[str]:
    """Source paths of a list's pages: the first where it always was, the others beneath it.

    >>> list_pages("people.md", 3)
    ['people.md', 'people/page-2.md', 'people/page-3.md']
    >>> list_pages("2019/competitions/index.md", 2)
    ['2019/competitions/index.md', '2019/competitions/page-2.md']
    """
    stem = first.removesuffix(".md").removesuffix("/index")
    return [first] + [f"{stem}/page-{number}.md" for number in range(2, count + 1)]


def pagination(uris: list[str], index: int) -> dict[str, Any] | None:
    """Links between the pages of a list, as seen from page `index`; none for a list of one page."""
    if len(uris) < 2:
        return None
    here = uris[index]
    return {
        "pages": [{"number": n, "href": relative(here, uri), "current": n - 1 == index} for n, uri in enumerate(uris, 1)],
        "prev": relative(here, uris[index - 1]) if index > 0 else None,
        "next": relative(here, uris[index + 1]) if index + 1 < len(uris) else None,
    }
