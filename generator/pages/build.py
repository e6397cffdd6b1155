"""The site from its rooms: each year's pages in the order the site has always listed them, then the shared pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ..cache import Cache
from ..content import content_uri
from ..dataset import Dataset
from ..feed import FEED
from ..footer import footer_params
from ..kinds import collectives, people
from ..load import display_path
from ..problems import Problem, RecordsInvalid
from ..render import Renderer
from ..search_terms import search_terms
from ..urls import Urls
from .announcements import announcements
from .archive import archive
from .common import Asset, Page, Site
from .competitions import competitions
from .contact import contact
from .context import Context
from .dashboard import dashboard
from .exemplars import exemplars
from .home import home
from .innovations import innovations
from .news import feed, news_sources
from .photos import Photos, Remembered
from .plan import plan
from .redirects import redirects
from .robots import robots
from .share import DEFAULT_SHARE, Sharing, news_facts


def rooms(ctx: Context) -> tuple[list[Page], list[Asset]]:
    """Every room's pages and files, year by year, then the contact and archive pages."""
    pages: list[Page] = []
    assets: list[Asset] = []
    for number in sorted(ctx.data.years):
        year = ctx.data.years[number]
        pages.append(home(ctx, year))
        pages.append(plan(ctx, year))
        pages.extend(competitions(ctx, year))
        pages.extend(exemplars(ctx, year, collectives.KIND))
        pages.extend(exemplars(ctx, year, people.KIND))
        # The photos these pages showed, each once; only the rooms above show photos.
        assets.extend(ctx.photos.made())
        pages.append(innovations(ctx, year))
        board, downloads = dashboard(ctx, year)
        pages.append(board)
        assets.extend(downloads)
        pages.extend(announcements(ctx, year))
        assets.extend(redirects(ctx, year))
    pages.append(contact(ctx))
    pages.append(archive(ctx))
    return pages, assets


def output_path(src_uri: str) -> str:
    """Where a page is written with directory URLs: people.md → people/index.html, index.md → index.html."""
    stem = src_uri.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def output_collisions(pages: list[Page], assets: list[Asset], root: Path) -> list[Problem]:
    """Two generated pages or files written to one place: the later would silently replace the earlier.

    Reported at the record that makes the later one, naming both.
    """
    written: dict[str, str] = {}
    problems = []
    made = [(output_path(p.src_uri), display_path(p.source, root) if p.source else "", f"页面「{p.title}」") for p in pages]
    made += [(a.dest_uri, "", f"文件 {a.dest_uri}") for a in assets]
    for path, file, label in made:
        shown = f"{file} 的{label}" if file else label
        first = written.setdefault(path, shown)
        if first is not shown:
            problems.append(
                Problem(
                    file or "site_data",
                    0,
                    "",
                    f"{shown}和{first}都要写到网站的 {path}，后一个会覆盖前一个。请给其中一个记录换一个编号（改文件名和 id）。",
                )
            )
    return problems


def build_site(
    dataset: Dataset,
    theme_dir: Path,
    as_of: dt.date,
    content_dir: Path,
    cache: Cache | None = None,
    site_url: str | None = None,
    search_archive: bool = True,
    remembered: Remembered | None = None,
) -> Site:
    """All generated pages and files of the site, from a validated dataset.

    Without `search_archive`, the pages of earlier years stay out of the search index. `remembered`:
    what the builds before made (the live preview's).
    """
    cache = cache or Cache.at(None)
    renderer = Renderer(theme_dir, cache, remembered.markdown if remembered else None)
    urls = Urls(dataset.current_year)
    photos = Photos(urls, cache, remembered)
    base = site_url.rstrip("/") + "/" if site_url else None
    ctx = Context(dataset, renderer, as_of, urls, photos, base, sharing=Sharing(base, cache))
    photos.prepare(dataset)
    pages, assets = rooms(ctx)
    collisions = output_collisions(pages, assets, content_dir.parent)
    if collisions:
        raise RecordsInvalid(collisions)
    photos.remember()
    if not search_archive:
        archived = tuple(f"{number}/" for number in dataset.years if number != dataset.current_year)
        pages = [
            replace(page, meta={**page.meta, "search": {"exclude": True}}) if page.src_uri.startswith(archived) else page
            for page in pages
        ]
    sample = any(year.campaign.sample for year in dataset.years.values())
    if not sample:  # the sample's news is invented: no feed for readers to subscribe to
        assets.extend(feed(dataset, site_url))
    assets.append(robots(sample, site_url))
    current = dataset.years[dataset.current_year].campaign
    shares = news_shares(ctx, content_dir)
    assets.extend(ctx.sharing.made(current.title, current.issuer))
    settings = dataset.years[dataset.current_year].settings
    consumed = sorted({year.campaign.plan_text for year in dataset.years.values()})
    context = {
        "sample": sample,
        "as_of": as_of.isoformat(),
        "as_of_cn": f"{as_of.year}年{as_of.month}月{as_of.day}日",
        "issuer": current.issuer,
        "title": current.title,
        # What the site is called where mkdocs.yml leaves it to the data: the county's campaign.
        "site_name": f"{settings.county}劳动和技能竞赛",
        "site_description": f"{settings.union}劳动和技能竞赛专题：工作方案、竞赛进展、竞赛结果和先进典型。",
        "feed": FEED if site_url and not sample else None,
        # The share image of pages without their own, and why there are no posters (said once).
        "share_image": DEFAULT_SHARE if site_url else None,
        "poster_note": ctx.sharing.note(),
        "footer": footer_params(current, settings, as_of),
    }
    news = news_sources(dataset, content_dir)
    made = Site(pages, assets, consumed, news, context, photos.processed, search_terms(dataset), sorted(dataset.years))
    made.shares, made.posters = shares, ctx.sharing.count
    return made


def news_shares(ctx: Context, content_dir: Path) -> dict[str, dict[str, str]]:
    """The share posters of the news stories, whose pages MkDocs' blog makes: their metadata by source path."""
    shares = {}
    for year in ctx.data.years.values():
        for story in year.news:
            if story.src.path is not None:
                meta = ctx.sharing.poster(ctx.urls.news_post(story.slug), news_facts(year, story))
                if meta:
                    shares[content_uri(story.src.path, content_dir)] = meta
    return shares
