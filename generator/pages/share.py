"""Sharing in WeChat: a poster (海报) beside each exemplar's, competition result's and news story's page,
its crop as the page's share image, and a default share image for the pages without a photo.

Rooms ask for a poster while they make a page (`Sharing.poster`, which returns the page's share
metadata); the posters are drawn together at the end (`Sharing.made`), on every core where there are
many, and answered from the cache where they were drawn before. Without site_url the QR code has no
address to hold, and without a CJK font no text can be drawn: then there are no posters, and the
build says why once (`Sharing.note`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..cache import Cache
from ..dataset import Year
from ..kinds import Kind
from ..kinds.collectives import Collective
from ..kinds.competitions import Competition
from ..kinds.news import News
from ..kinds.people import Person
from ..poster import NO_FONT, NO_SITE_URL, Fonts, PosterFacts, default_share_image, find_fonts, posters
from ..render import date_cn
from ..urls import url_of
from .common import Asset
from .photos import consented

POSTER = "poster.png"
SHARE = "share.jpg"
DEFAULT_SHARE = "assets/images/cp-share.jpg"
# The first picture of a news story written in its Markdown, when it is a file beside the story.
PICTURE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


class Sharing:
    """The posters of one build, requested page by page and drawn together."""

    def __init__(self, site_url: str | None, cache: Cache | None, fonts: Fonts | None = None, look: bool = True) -> None:
        self.site_url = site_url  # with a trailing slash
        self.cache = cache
        # Fonts are looked for only where posters could be made: without site_url there is no QR code.
        self.fonts = fonts if fonts is not None or not look or site_url is None else find_fonts()
        self._wanted: list[tuple[str, PosterFacts]] = []

    @property
    def active(self) -> bool:
        return self.site_url is not None and self.fonts is not None

    def note(self) -> str | None:
        """Why this build makes no posters, in Chinese; None when it makes them."""
        if self.site_url is None:
            return NO_SITE_URL
        return NO_FONT if self.fonts is None else None

    def poster(self, page: str, facts: PosterFacts) -> dict[str, str]:
        """Ask for the poster of `page` (a source path); return the page's share metadata: where its poster is
        and, when the poster shows a photo, its share image (the poster's crop). `facts.url` is filled in here."""
        if not self.active:
            return {}
        assert self.site_url is not None
        folder = url_of(page)
        self._wanted.append((folder, replace(facts, url=self.site_url + folder)))
        meta = {"poster": folder + POSTER}
        if facts.photo:
            meta["image"] = folder + SHARE
        return meta

    def made(self, title: str, issuer: str) -> list[Asset]:
        """Every poster asked for, its share crop, and the default share image (only with site_url: a share
        image is only read by its absolute address)."""
        if self.site_url is None:
            return []
        assets = [Asset(DEFAULT_SHARE, default_share_image(title, issuer, self.fonts))]
        if not self.active:
            return assets
        assert self.fonts is not None
        drawn = posters([facts for _, facts in self._wanted], self.fonts, self.cache)
        for (folder, facts), poster in zip(self._wanted, drawn, strict=True):
            assets.append(Asset(folder + POSTER, poster.png))
            if facts.photo:
                assets.append(Asset(folder + SHARE, poster.share))
        return assets

    @property
    def count(self) -> int:
        return len(self._wanted) if self.active else 0


def _campaign(year: Year) -> tuple[str, str]:
    return year.campaign.title, year.campaign.issuer


def exemplar_facts(year: Year, record: Collective | Person, kind: Kind, unit: str) -> PosterFacts:
    """A collective's or a person's poster: the photo and story line only with the person's consent."""
    title, issuer = _campaign(year)
    shown = consented(record)
    photo = record.src.path.parent / record.photo if record.photo and record.src.path is not None and shown else None
    subtitle = f"{unit} · {record.post}" if isinstance(record, Person) else unit
    honour = f"{year.campaign.year}年{record.honour}"
    return PosterFacts(kind.label, record.name, honour, subtitle, record.summary if shown else "", title, issuer, "", _str(photo))


def competition_facts(year: Year, competition: Competition, unit: str, people: dict[str, Person]) -> PosterFacts:
    """A competition result's poster: its winners, with the photo of the first-placed person who consented to show one."""
    title, issuer = _campaign(year)
    ordered = sorted(competition.results, key=lambda r: r.rank)
    winners = "；".join(f"{r.award or f'第{r.rank}名'} {r.name}" for r in ordered[:3])
    photo = None
    for result in ordered:
        person = people.get(result.person or "")
        if person is not None and person.photo and person.src.path is not None and consented(person):
            photo = person.src.path.parent / person.photo
            break
    return PosterFacts("竞赛成绩", competition.title, "竞赛成绩", f"主办：{unit}", winners, title, issuer, "", _str(photo))


def news_facts(year: Year, story: News) -> PosterFacts:
    """A news story's poster: its title, date and summary, with its first picture where it has one."""
    title, issuer = _campaign(year)
    photo = None
    found = PICTURE.search(story.body)
    if found and story.src.path is not None and "://" not in found.group(1):
        candidate = (story.src.path.parent / found.group(1)).resolve()
        photo = candidate if candidate.is_file() else None
    return PosterFacts(
        "新闻动态", story.title, f"新闻 · {date_cn(story.date)}", "", story.description, title, issuer, "", _str(photo)
    )


def _str(path: Path | None) -> str | None:
    return str(path) if path is not None else None
