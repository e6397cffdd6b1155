"""历年竞赛: one page for the whole site, linking every year's home page, newest first."""

from __future__ import annotations

from ..urls import relative
from .common import Page
from .context import Context


def archive(ctx: Context) -> Page:
    """The archive page, with each year's title and its counts of competitions and exemplars."""
    page = ctx.urls.archive
    years = [
        {
            "year": number,
            "title": ctx.data.years[number].campaign.title,
            "href": relative(page, ctx.urls.year_home(number)),
            "current": number == ctx.data.current_year,
            "competitions": len(ctx.data.years[number].competitions),
            "exemplars": len(ctx.data.years[number].collectives) + len(ctx.data.years[number].people),
        }
        for number in sorted(ctx.data.years, reverse=True)
    ]
    return ctx.page(page, "历年竞赛", "cp/archive.html", {"years": years}, description="历年劳动和技能竞赛。")
