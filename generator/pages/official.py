"""The home page's official look, from the records: the banner (the union's own picture, or one drawn from
the campaign's title and slogan) and the picture news (the newest stories, each with its own picture)."""

from __future__ import annotations

from typing import Any

from ..dataset import Year
from ..urls import relative
from .context import Context

# A banner is shown the width of the page: a phone's screen, up to the desktop's 1220 px content box at 1.5×.
BANNER_WIDTHS = (640, 1280, 1920)
NEWS_ON_HOME = 4


def banner(ctx: Context, year: Year, page: str) -> dict[str, Any]:
    """Banner params: the campaign's words, and its picture processed like every photo (None: the drawn one)."""
    campaign = year.campaign
    image = None
    if campaign.banner and campaign.src.path is not None:
        image = ctx.photos.picture(
            campaign.src.path.parent / campaign.banner,
            campaign.year,
            "campaign",
            "banner",
            campaign.banner_alt or "",
            page,
            BANNER_WIDTHS,
        )
    return {"issuer": campaign.issuer, "title": campaign.title, "slogan": campaign.slogan, "image": image}


def picture_news(ctx: Context, year: Year, page: str) -> list[dict[str, Any]]:
    """The newest stories of the year, newest first, each with its picture's params where it has one."""
    stories = sorted(year.news, key=lambda n: (n.date, n.slug), reverse=True)[:NEWS_ON_HOME]
    return [
        {
            "title": story.title,
            "date": story.date,
            "description": story.description,
            "href": relative(page, ctx.urls.news_post(story.slug)),
            "photo": ctx.photos.picture(
                story.src.path.parent / story.photo, story.year, "news", story.slug, story.photo_alt or "", page
            )
            if story.photo and story.src.path is not None
            else None,
        }
        for story in stories
    ]
