"""News glue: the stories are hand-written Markdown under content/ that MkDocs' blog plugin builds; the
site names their files (to sanitise them) and, with an address to link to, adds the RSS feed."""

from __future__ import annotations

from pathlib import Path

from ..content import content_uri
from ..dataset import Dataset
from ..feed import FEED, rss
from .common import Asset


def news_sources(dataset: Dataset, content_dir: Path) -> set[str]:
    """The files of the published stories, as MkDocs names them."""
    return {
        content_uri(story.src.path, content_dir)
        for year in dataset.years.values()
        for story in year.news
        if story.src.path is not None
    }


def feed(dataset: Dataset, site_url: str | None) -> list[Asset]:
    """The RSS feed of the news, only with site_url: a feed needs absolute links."""
    if not site_url:
        return []
    return [Asset(FEED, rss(dataset, site_url, dataset.years[dataset.current_year].campaign.title))]
