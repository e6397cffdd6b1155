"""The site as plain data: every generated page (Markdown with front matter) and every file.

Nothing here knows MkDocs; an adapter hands these pages to whichever builder renders the site.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import segno
import yaml
from markupsafe import Markup

from . import vocab
from .compute import (
    competition_order,
    competition_status,
    exemplar_order,
    headline,
    honoured_from,
    schedule,
)
from .coverage import coverage
from .dashboard import coverage_bars, dashboard
from .dataset import Dataset, Year
from .feed import FEED, rss
from .images import WebImage, prepare, renditions
from .kinds.announcements import Announcement
from .kinds.collectives import Collective
from .kinds.competitions import Competition
from .kinds.people import Person
from .publish import RUNNING, announcement_status
from .render import Renderer
from .search_terms import search_terms
from .urls import Urls, relative, url_of

FACETS = {
    "stream": ("竞赛内容", vocab.STREAMS, "stream"),
    "form": ("竞赛形式", vocab.FORMS, "form"),
    "township": ("乡镇", vocab.TOWNSHIPS, "township"),
    "industry": ("行业", vocab.INDUSTRIES, "industry"),
}
# Long lists are split into pages of this many items: a page of a thousand cards is megabytes on a phone.
PER_PAGE = 50
# libyaml's emitter writes the same front matter as PyYAML's, in a third of the time.
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# A record's own page outranks the news and lists that mention it: searching a competition, an honour or a
# name, a reader wants the record. Material's search multiplies a page's score by its `search.boost`.
RECORD_BOOST = 2
PLACEHOLDERS = {"collectives": "assets/images/cp-placeholder-group.svg", "people": "assets/images/cp-placeholder-person.svg"}


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
        front = yaml.dump({"title": self.title, **self.meta}, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n{self.body}"


@dataclass(frozen=True)
class Asset:
    """A generated file (a processed photo)."""

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


@dataclass
class _Photo:
    src: str
    jpeg: list[tuple[str, int]]
    webp: list[tuple[str, int]]
    width: int
    height: int
    alt: str


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
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


class Remembered:
    """What the live preview's rebuilds keep from the build before: record texts rendered from
    Markdown, and photos as processed (their cache folders by path, size and time, and renditions),
    so that a rebuild neither hashes the photos nor reads their renditions again."""

    def __init__(self) -> None:
        self.markdown: dict[str, Markup] = {}
        self.photo_folders: dict[tuple[str, int, int], Path] = {}
        self.photos: dict[Path, list[WebImage]] = {}

    def known_folders(self, photos: list[Path]) -> tuple[dict[Path, Path], dict[Path, tuple[str, int, int]]]:
        """The cache folders of the photos that did not change, and every photo's size-and-time key."""
        keys = {}
        for photo in photos:
            stat = photo.stat()
            keys[photo] = (str(photo), stat.st_size, stat.st_mtime_ns)
        return {photo: self.photo_folders[key] for photo, key in keys.items() if key in self.photo_folders}, keys


class SiteBuilder:
    """Builds the pages of every campaign year from a validated dataset."""

    def __init__(
        self,
        dataset: Dataset,
        renderer: Renderer,
        as_of: dt.date,
        cache_dir: Path | None = None,
        site_url: str | None = None,
        remembered: Remembered | None = None,
    ) -> None:
        self.data = dataset
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.renderer = renderer
        self.as_of = as_of
        self.urls = Urls(dataset.current_year)
        self.assets: list[Asset] = []
        self.cache_dir = cache_dir
        self.photos_processed = 0  # photos that were not in the cache
        self.per_page = PER_PAGE
        self.photo_folders: dict[Path, Path] = {}  # cache folders of photos hashed in this build
        self.remembered = remembered  # the live preview's photos from the builds before
        self._photos: dict[tuple[int, str, str], _Photo] = {}

    # -- shared pieces -------------------------------------------------------------------

    def unit(self, ref: str) -> str:
        return self.data.unit_name(ref)

    @staticmethod
    def placeholder(kind: str, page: str) -> dict[str, Any]:
        return {
            "src": relative(page, PLACEHOLDERS[kind]),
            "srcset": "",
            "webp": "",
            "width": 600,
            "height": 450,
            "alt": "",
            "placeholder": True,
        }

    def photo(self, record: Collective | Person, kind: str, year: int, page: str) -> dict[str, Any]:
        """Card and page image params for a record, processing its photo once."""
        if record.photo is None or record.src.path is None:
            return self.placeholder(kind, page)
        key = (year, kind, record.id)
        if key not in self._photos:
            # Named after the record, not the photo file: ids are URL-safe, file names may hold spaces.
            stem = record.id
            path = record.src.path.parent / record.photo
            folder = self.photo_folders.get(path)
            kept = self.remembered.photos.get(folder) if self.remembered is not None and folder is not None else None
            if kept is None:
                images, cached = renditions(path, self.cache_dir, known=self.photo_folders)
                self.photos_processed += not cached
                folder = self.photo_folders.get(path)
                if self.remembered is not None and folder is not None:
                    self.remembered.photos[folder] = images
            else:
                images = kept
            jpeg, webp = [], []
            for image in images:
                for fmt, data, out in (("jpg", image.jpeg, jpeg), ("webp", image.webp, webp)):
                    dest = self.urls.photo(year, kind, f"{stem}-{image.width}.{fmt}")
                    self.assets.append(Asset(dest, data))
                    out.append((dest, image.width))
            largest = images[-1]
            self._photos[key] = _Photo(jpeg[0][0], jpeg, webp, largest.width, largest.height, record.photo_alt or "")
        photo = self._photos[key]
        return {
            "src": relative(page, photo.src),
            "srcset": ", ".join(f"{relative(page, dest)} {width}w" for dest, width in photo.jpeg),
            "webp": ", ".join(f"{relative(page, dest)} {width}w" for dest, width in photo.webp),
            "width": photo.width,
            "height": photo.height,
            "alt": photo.alt,
            "placeholder": False,
        }

    def qr(self, page: str, label: str) -> dict[str, Any] | None:
        """A QR code of the page's canonical URL, for posters; none without site_url to point at."""
        if self.site_url is None:
            return None
        url = self.site_url + url_of(page)
        svg = segno.make(url, error="m").svg_inline(scale=4, omitsize=True, svgclass="cp-qr__code", title=f"扫码打开：{label}")
        return {"svg": Markup(svg), "url": url}  # segno's own markup: no record text inside but the escaped title

    @staticmethod
    def consented(record: Collective | Person) -> bool:
        """A person's photo and story are published only with their recorded consent."""
        return not isinstance(record, Person) or record.consent is not None

    def card(self, record: Collective | Person, kind: str, page: str) -> dict[str, Any]:
        year = record.year
        target = self.urls.collective(year, record.id) if kind == "collectives" else self.urls.person(year, record.id)
        if kind == "people":
            subtitle = f"{self.unit(record.unit)} · {record.post}"
        else:
            # A collective's name usually contains its enterprise's; repeat only what the name does not say.
            enterprise = self.data.enterprises[record.unit.partition("/")[0]]
            subtitle = enterprise.name if enterprise.name not in record.name else enterprise.years[year].township
        return {
            "href": relative(page, target),
            "title": record.name,
            "subtitle": subtitle,
            "honour": record.honour,
            "level": record.level,
            "year": year,
            "summary": record.summary if self.consented(record) else "",
            "recommended_to": record.recommended_to,
            "photo": self.photo(record, kind, year, page) if self.consented(record) else self.placeholder(kind, page),
            # People in a sample dataset are invented: say so next to every name.
            "sample": kind == "people" and self.data.years[year].campaign.sample,
        }

    def competition_row(self, competition: Competition, page: str) -> dict[str, Any]:
        return {
            "href": relative(page, self.urls.competition(competition.year, competition.id)),
            "title": competition.title,
            "summary": competition.summary,
            "stream": competition.stream,
            "form": competition.form,
            "township": competition.township,
            "industry": competition.industry,
            "start": competition.start,
            "end": competition.end,
            "status": competition_status(competition, self.as_of),
            "participants": competition.participants,
            "organiser": self.unit(competition.organiser),
        }

    def nav_links(self, year: int, page: str) -> dict[str, str]:
        u = self.urls
        return {
            "plan": relative(page, u.plan(year)),
            "competitions": relative(page, u.competitions(year)),
            "collectives": relative(page, u.collectives(year)),
            "people": relative(page, u.people(year)),
            "innovations": relative(page, u.innovations(year)),
            "news": relative(page, u.news),
            "contact": relative(page, u.contact),
            "archive": relative(page, u.archive),
            "dashboard": relative(page, u.dashboard(year)),
        }

    def _page(self, src_uri: str, title: str, template: str, params: dict[str, Any], **meta: Any) -> Page:
        source = meta.pop("source", None)
        meta.setdefault("hide", ["navigation", "toc"])
        body = self.renderer.render(template, page=params)
        return Page(src_uri, title, body, meta, source)

    def _list_page(self, uri: str, title: str, index: int, template: str, params: dict[str, Any], description: str) -> Page:
        """One page of a paginated list. Lists repeat what the records' own pages say: they stay out of the
        search index, which holds each record once."""
        numbered = title + (f"（第 {index + 1} 页）" if index else "")
        return self._page(uri, numbered, template, params, description=description, search={"exclude": True})

    # -- pages ---------------------------------------------------------------------------

    def build(self) -> list[Page]:
        pages: list[Page] = []
        for number in sorted(self.data.years):
            year = self.data.years[number]
            pages.append(self.home(year))
            pages.append(self.plan(year))
            pages.extend(self.competitions(year))
            pages.extend(self.exemplars(year, "collectives"))
            pages.extend(self.exemplars(year, "people"))
            pages.append(self.innovations(year))
            pages.append(dashboard(self, year))
            pages.extend(self.announcement(year, a) for a in year.announcements.values())
            self.redirects(year)
        pages.append(self.contact())
        pages.append(self.archive())
        return pages

    def home(self, year: Year) -> Page:
        campaign = year.campaign
        page = self.urls.year_home(campaign.year)
        featured = sorted(
            [r for r in year.collectives.values() if r.featured] + [r for r in year.people.values() if r.featured],
            key=exemplar_order,
        )
        kinds = {id(r): ("collectives" if isinstance(r, Collective) else "people") for r in featured}
        news = sorted(year.news, key=lambda n: (n.date, n.slug), reverse=True)[:4]
        figures = headline(year, self.as_of)
        params = {
            "campaign": campaign,
            "current": campaign.year == self.data.current_year,
            "schedule": schedule(campaign, self.as_of),
            "headline": figures,
            "stream_max": max([count for _, count in figures.held_by_stream] + [1]),
            "stream_links": {
                stream: relative(page, self.urls.competitions(campaign.year, "stream", code))
                if any(c.stream == stream for c in year.competitions.values())
                else None
                for stream, code in vocab.STREAMS.items()
            },
            "featured": [self.card(r, kinds[id(r)], page) for r in featured],
            "news": [
                {
                    "title": n.title,
                    "date": n.date,
                    "description": n.description,
                    "href": relative(page, self.urls.news_post(n.slug)),
                }
                for n in news
            ],
            "links": self.nav_links(campaign.year, page),
            "coverage": coverage_bars(coverage(self.data, campaign.year, self.as_of)),
            "announcements": [
                self.announcement_link(a, page)
                for a in year.announcements.values()
                if announcement_status(a, self.as_of) == RUNNING
            ],
        }
        return self._page(
            page,
            campaign.title,
            "cp/home.html",
            params,
            description=f"{campaign.title}：{campaign.slogan}。",
        )

    def plan(self, year: Year) -> Page:
        campaign = year.campaign
        page = self.urls.plan(campaign.year)
        params = {"campaign": campaign, "schedule": schedule(campaign, self.as_of)}
        head = self.renderer.render("cp/plan.html", page=params)
        body = f"{head}\n{year.plan_markdown.strip()}\n"
        return Page(
            page,
            f"{campaign.year}年工作方案",
            body,
            {"description": campaign.notice.title, "hide": ["navigation"]},
            None,
            markdown_body=True,  # its headings make the table of contents
        )

    def competitions(self, year: Year) -> list[Page]:
        ordered = sorted(year.competitions.values(), key=competition_order)
        # Counted once: every page of every list shows the same counts (a count per page would be quadratic).
        tally = {attr: Counter(getattr(c, attr) for c in ordered) for _, _, attr in FACETS.values()}
        pages = self._competition_list(year, ordered, "", "", tally)
        for facet, (_, values, attr) in FACETS.items():
            for label, code in values.items():
                chosen = [c for c in ordered if getattr(c, attr) == label]
                if chosen:
                    pages.extend(self._competition_list(year, chosen, facet, code, tally))
        honoured = honoured_from(year)
        for competition in ordered:
            pages.append(
                self._competition_page(year, competition, honoured[competition.id].collectives, honoured[competition.id].people)
            )
        return pages

    def _filters(self, year: Year, page: str, active: tuple[str, str], tally: dict[str, Counter[str]]) -> list[dict[str, Any]]:
        """The filter links as seen from `page`; `tally` counts the year's competitions by each facet."""
        number = year.campaign.year
        groups = []
        for facet, (label, values, attr) in FACETS.items():
            counts = tally[attr]
            options = [
                {
                    "label": value,
                    "count": counts[value],
                    "href": relative(page, self.urls.competitions(number, facet, code)),
                    "active": active == (facet, code),
                }
                for value, code in values.items()
                if counts[value]
            ]
            groups.append({"label": label, "options": options})
        return groups

    def _competition_list(
        self, year: Year, chosen: list[Competition], facet: str, code: str, tally: dict[str, Counter[str]]
    ) -> list[Page]:
        """A list of competitions (all, or one filter's), in pages of `per_page`."""
        number = year.campaign.year
        label = next((v for v, c in FACETS[facet][1].items() if c == code), "") if facet else ""
        title = f"{number}年竞赛" + (f"：{label}" if label else "")
        totals = {stream: sum(1 for c in chosen if c.stream == stream) for stream in vocab.STREAMS}
        chunks = _chunks(chosen, self.per_page)
        uris = list_pages(self.urls.competitions(number, facet, code), len(chunks))
        pages = []
        for index, (uri, chunk) in enumerate(zip(uris, chunks, strict=True)):
            groups = []
            for stream in vocab.STREAMS:
                rows = [self.competition_row(c, uri) for c in chunk if c.stream == stream]
                if rows:
                    groups.append({"title": stream, "rows": rows, "total": totals[stream]})
            params = {
                "year": number,
                "title": title,
                "filters": self._filters(year, uri, (facet, code), tally),
                "all_href": relative(uri, self.urls.competitions(number)),
                "filtered": bool(facet),
                "count": len(chosen),
                "groups": groups,
                "pagination": pagination(uris, index),
            }
            pages.append(
                self._list_page(
                    uri,
                    title,
                    index,
                    "cp/competitions.html",
                    params,
                    f"{number}年隆安县劳动和技能竞赛一览，共 {len(chosen)} 项。",
                )
            )
        return pages

    def _competition_page(
        self, year: Year, competition: Competition, collectives: list[Collective], people: list[Person]
    ) -> Page:
        number = year.campaign.year
        page = self.urls.competition(number, competition.id)
        results = []
        for result in sorted(competition.results, key=lambda r: (r.rank, r.name)):
            person = year.people.get(result.person) if result.person else None
            results.append(
                {
                    "rank": result.rank,
                    "name": result.name,
                    "href": relative(page, self.urls.person(number, person.id)) if person else None,
                    "unit": self.unit(result.unit) if result.unit else "",
                    "score": result.score,
                    "award": result.award or "",
                }
            )
        params = {
            **self.competition_row(competition, page),
            "year": number,
            "units": [self.unit(u) for u in competition.units],
            "compares": competition.compares,
            "description": competition.description,
            "results": results,
            "has_scores": any(r.score is not None for r in competition.results),
            "honoured": [self.card(r, "collectives", page) for r in sorted(collectives, key=exemplar_order)]
            + [self.card(r, "people", page) for r in sorted(people, key=exemplar_order)],
            "back": relative(page, self.urls.competitions(number)),
            "qr": self.qr(page, competition.title),
            "facet_links": {
                facet: relative(page, self.urls.competitions(number, facet, values[getattr(competition, attr)]))
                for facet, (_, values, attr) in FACETS.items()
            },
        }
        return self._page(
            page,
            competition.title,
            "cp/competition.html",
            params,
            description=competition.summary,
            source=competition.src.path,
            search={"boost": RECORD_BOOST},
        )

    def exemplars(self, year: Year, kind: str) -> list[Page]:
        number = year.campaign.year
        records: list[Collective | Person] = sorted(
            (year.collectives if kind == "collectives" else year.people).values(), key=exemplar_order
        )
        first = self.urls.collectives(number) if kind == "collectives" else self.urls.people(number)
        title = f"{number}年{'先进集体' if kind == 'collectives' else '先进个人'}"
        totals = Counter(record.honour for record in records)
        honours = list(totals)  # in the records' order: higher honours first
        chunks = _chunks(records, self.per_page)
        uris = list_pages(first, len(chunks))
        # Where each honour's list starts, for the chips that jump to it from any page.
        starts = {}
        for index, chunk in enumerate(chunks):
            for record in chunk:
                starts.setdefault(record.honour, index)
        anchors = {honour: f"honour-{n}" for n, honour in enumerate(honours, 1)}
        pages = []
        for index, (uri, chunk) in enumerate(zip(uris, chunks, strict=True)):
            sections: dict[str, list[dict[str, Any]]] = {}
            for record in chunk:
                sections.setdefault(record.honour, []).append(self.card(record, kind, uri))
            params = {
                "title": title,
                "groups": [
                    {
                        "title": honour,
                        "total": totals[honour],
                        "href": ("" if starts[honour] == index else relative(uri, uris[starts[honour]])) + f"#{anchors[honour]}",
                    }
                    for honour in honours
                ],
                "sections": [{"title": k, "anchor": anchors[k], "cards": v} for k, v in sections.items()],
                "kind": kind,
                "count": len(records),
                "pagination": pagination(uris, index),
            }
            pages.append(
                self._list_page(
                    uri,
                    title,
                    index,
                    "cp/exemplars.html",
                    params,
                    f"{title}：共 {len(records)} {'个' if kind == 'collectives' else '名'}。",
                )
            )
        for record in records:
            pages.append(self.exemplar(year, record, kind))
        return pages

    def exemplar(self, year: Year, record: Collective | Person, kind: str) -> Page:
        number = year.campaign.year
        page = self.urls.collective(number, record.id) if kind == "collectives" else self.urls.person(number, record.id)
        competitions = [year.competitions[c] for c in record.competitions]
        params = {
            **self.card(record, kind, page),
            "kind": kind,
            "unit": self.unit(record.unit),
            "post": getattr(record, "post", None),
            "story": record.story if self.consented(record) else "",
            "achievements": record.achievements if self.consented(record) else [],
            "competitions": [
                {"title": c.title, "href": relative(page, self.urls.competition(number, c.id)), "stream": c.stream}
                for c in competitions
            ],
            "back": relative(page, self.urls.collectives(number) if kind == "collectives" else self.urls.people(number)),
            "back_label": "先进集体" if kind == "collectives" else "先进个人",
            "qr": self.qr(page, record.name),
        }
        title = f"{record.name}（{record.honour}）"
        description = (
            record.summary if self.consented(record) else f"{record.name}，{self.unit(record.unit)}，{number}年{record.honour}。"
        )
        image = {}
        if not params["photo"]["placeholder"]:
            # The largest JPEG, for sharing: WeChat and most apps read og:image, and read JPEG.
            image = {"image": self._photos[(number, kind, record.id)].jpeg[-1][0]}
        return self._page(
            page,
            title,
            "cp/exemplar.html",
            params,
            description=description,
            source=record.src.path,
            search={"boost": RECORD_BOOST},
            **image,
        )

    def innovations(self, year: Year) -> Page:
        number = year.campaign.year
        page = self.urls.innovations(number)
        order = {kind: index for index, kind in enumerate(vocab.INNOVATION_KINDS)}
        groups: dict[str, list[dict[str, Any]]] = {}
        for item in sorted(year.innovations.values(), key=lambda i: (order[i.kind], i.id)):
            competition = year.competitions.get(item.competition) if item.competition else None
            groups.setdefault(item.kind, []).append(
                {
                    "id": item.id,
                    "title": item.title,
                    "kind": item.kind,
                    "authors": item.authors,
                    "unit": self.unit(item.unit),
                    "benefit": item.benefit,
                    "summary": item.summary,
                    "description": item.description,
                    "date": item.date,
                    "competition": {
                        "title": competition.title,
                        "href": relative(page, self.urls.competition(number, competition.id)),
                    }
                    if competition
                    else None,
                }
            )
        title = f"{number}年职工创新成果"
        params = {"title": title, "groups": [{"title": k, "items": v} for k, v in groups.items()], "count": len(year.innovations)}
        return self._page(page, title, "cp/innovations.html", params, description=f"{title}库：共 {len(year.innovations)} 项。")

    def announcement_link(self, announcement: Announcement, page: str) -> dict[str, Any]:
        return {
            "title": announcement.title,
            "start": announcement.start,
            "end": announcement.end,
            "status": announcement_status(announcement, self.as_of),
            "href": relative(page, self.urls.announcement(announcement.year, announcement.id)),
        }

    def announcement(self, year: Year, announcement: Announcement) -> Page:
        """The 公示: for each candidate only what tells namesakes apart, the period and how to object."""
        page = self.urls.announcement(announcement.year, announcement.id)
        candidates = []
        for ref in announcement.candidates:
            record = year.collectives.get(ref) or year.people.get(ref) or year.announced.get(ref)
            if record is None:
                continue
            what = f"{self.unit(record.unit)} {record.post}" if isinstance(record, Person) else self.unit(record.unit)
            candidates.append({"name": record.name, "unit": what, "honour": f"{record.level}{record.honour}"})
        params = {
            **self.announcement_link(announcement, page),
            "year": announcement.year,
            "intro": announcement.intro,
            "candidates": candidates,
            "objection": announcement.objection,
        }
        return self._page(
            page,
            announcement.title,
            "cp/announcement.html",
            params,
            description=f"{announcement.title}（{announcement.start}至{announcement.end}）。",
        )

    def redirects(self, year: Year) -> None:
        """A page at each former id's address that leads to the record: printed links and QR codes keep working."""
        number = year.campaign.year
        tables: list[tuple[dict[str, Any], Any]] = [
            (year.competitions, self.urls.competition),
            (year.collectives, self.urls.collective),
            (year.people, self.urls.person),
        ]
        for records, address in tables:
            for record in records.values():
                target = address(number, record.id)
                for old in record.former_ids:
                    source = address(number, old)
                    href = relative(source, target)
                    params = {
                        "title": getattr(record, "title", None) or record.name,
                        "href": href,
                        "canonical": self.site_url + url_of(target) if self.site_url else href,
                    }
                    html = self.renderer.render("cp/redirect.html", page=params)
                    self.assets.append(Asset(url_of(source) + "index.html", html.encode("utf-8")))

    def contact(self) -> Page:
        campaign = self.data.years[self.data.current_year].campaign
        params = {"campaign": campaign}
        return self._page(
            self.urls.contact, "联系我们", "cp/contact.html", params, description=f"{campaign.committee.name}办公室联系方式。"
        )

    def archive(self) -> Page:
        page = self.urls.archive
        years = [
            {
                "year": number,
                "title": self.data.years[number].campaign.title,
                "href": relative(page, self.urls.year_home(number)),
                "current": number == self.data.current_year,
                "competitions": len(self.data.years[number].competitions),
                "exemplars": len(self.data.years[number].collectives) + len(self.data.years[number].people),
            }
            for number in sorted(self.data.years, reverse=True)
        ]
        return self._page(page, "历年竞赛", "cp/archive.html", {"years": years}, description="历年劳动和技能竞赛。")


def content_uri(path: Path, content_dir: Path) -> str:
    """A file under content/ as MkDocs names it: relative, with slashes."""
    try:
        return path.relative_to(content_dir).as_posix()  # as found under content/: no need to ask the disk
    except ValueError:
        return path.resolve().relative_to(content_dir.resolve()).as_posix()


def build_site(
    dataset: Dataset,
    theme_dir: Path,
    as_of: dt.date,
    content_dir: Path,
    cache_dir: Path | None = None,
    site_url: str | None = None,
    search_archive: bool = True,
    remembered: Remembered | None = None,
) -> Site:
    """All generated pages and files of the site, from a validated dataset.

    Without `search_archive`, the pages of earlier years stay out of the search index. `remembered`:
    what the builds before made (the live preview's).
    """
    renderer = Renderer(theme_dir, cache_dir, remembered.markdown if remembered else None)
    builder = SiteBuilder(dataset, renderer, as_of, cache_dir, site_url, remembered)
    photos = [
        record.src.path.parent / record.photo
        for year in dataset.years.values()
        for record in [*year.collectives.values(), *year.people.values()]
        if record.photo and record.src.path is not None and SiteBuilder.consented(record)
    ]
    keys = {}
    if remembered is not None:
        known, keys = remembered.known_folders(photos)
        builder.photo_folders.update(known)
    prepared = prepare(photos, cache_dir, known=builder.photo_folders)
    pages = builder.build()
    if remembered is not None:
        remembered.photo_folders = {keys[p]: folder for p, folder in builder.photo_folders.items() if p in keys}
    if not search_archive:
        archived = tuple(f"{number}/" for number in dataset.years if number != dataset.current_year)
        pages = [
            replace(page, meta={**page.meta, "search": {"exclude": True}}) if page.src_uri.startswith(archived) else page
            for page in pages
        ]
    if site_url:  # a feed needs absolute links
        builder.assets.append(Asset(FEED, rss(dataset, site_url, dataset.years[dataset.current_year].campaign.title)))
    current = dataset.years[dataset.current_year].campaign
    consumed = sorted({year.campaign.plan_text for year in dataset.years.values()})
    context = {
        "sample": any(year.campaign.sample for year in dataset.years.values()),
        "as_of": as_of.isoformat(),
        "as_of_cn": f"{as_of.year}年{as_of.month}月{as_of.day}日",
        "issuer": current.issuer,
        "title": current.title,
        "feed": FEED if site_url else None,
    }
    news = {
        content_uri(story.src.path, content_dir)
        for year in dataset.years.values()
        for story in year.news
        if story.src.path is not None
    }
    processed = prepared + builder.photos_processed
    return Site(pages, builder.assets, consumed, news, context, processed, search_terms(dataset), sorted(dataset.years))
