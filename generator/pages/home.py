"""A year's home page: schedule, headline figures, featured exemplars, latest news, running 公示, coverage."""

from __future__ import annotations

from ..compute import exemplar_order, headline, schedule
from ..coverage import coverage
from ..dataset import Year
from ..kinds import collectives, people
from ..kinds.collectives import Collective
from ..publish import RUNNING, announcement_status
from ..urls import relative
from .announcements import announcement_link
from .common import Page
from .context import Context
from .dashboard import coverage_bars
from .exemplars import card
from .official import banner, picture_news


def nav_links(ctx: Context, year: int, page: str) -> dict[str, str]:
    """Links to the year's other rooms, as seen from `page`."""
    u = ctx.urls
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


def home(ctx: Context, year: Year) -> Page:
    """The year's home page (the site's own for the current year)."""
    campaign = year.campaign
    page = ctx.urls.year_home(campaign.year)
    featured = sorted(
        [r for r in year.collectives.values() if r.featured] + [r for r in year.people.values() if r.featured],
        key=exemplar_order(year.settings),
    )
    figures = headline(year, ctx.as_of)
    params = {
        "campaign": campaign,
        "current": campaign.year == ctx.data.current_year,
        "schedule": schedule(campaign, ctx.as_of),
        "headline": figures,
        "stream_max": max([count for _, count in figures.held_by_stream] + [1]),
        "stream_links": {
            stream: relative(page, ctx.urls.competitions(campaign.year, "stream", code))
            if any(c.stream == stream for c in year.competitions.values())
            else None
            for stream, code in year.settings.codes("streams").items()
        },
        "featured": [card(ctx, r, collectives.KIND if isinstance(r, Collective) else people.KIND, page) for r in featured],
        "banner": banner(ctx, year, page),
        "news": picture_news(ctx, year, page),
        "links": nav_links(ctx, campaign.year, page),
        "coverage": coverage_bars(coverage(ctx.data, campaign.year, ctx.as_of), campaign.public_verdicts),
        "announcements": [
            announcement_link(ctx, a, page) for a in year.announcements.values() if announcement_status(a, ctx.as_of) == RUNNING
        ],
    }
    return ctx.page(
        page,
        campaign.title,
        "cp/home.html",
        params,
        description=f"{campaign.title}：{campaign.slogan}。",
    )
