"""公示: a page per announcement of candidates, and the link the home page shows while one runs."""

from __future__ import annotations

from typing import Any

from ..dataset import Year
from ..kinds.announcements import Announcement
from ..kinds.campaign import NAME_UNIT_POST
from ..kinds.people import Person
from ..publish import announcement_status
from ..urls import relative
from .common import Page
from .context import Context


def announcement_link(ctx: Context, announcement: Announcement, page: str) -> dict[str, Any]:
    """Params of a link to an announcement, with its period and whether it runs on `as_of`."""
    return {
        "title": announcement.title,
        "start": announcement.start,
        "end": announcement.end,
        "status": announcement_status(announcement, ctx.as_of),
        "href": relative(page, ctx.urls.announcement(announcement.year, announcement.id)),
    }


def announcements(ctx: Context, year: Year) -> list[Page]:
    """The year's announcements, in the order they were loaded."""
    return [announcement(ctx, year, a) for a in year.announcements.values()]


def announcement(ctx: Context, year: Year, announcement: Announcement) -> Page:
    """The 公示: for each candidate only what tells namesakes apart, the period and how to object."""
    page = ctx.urls.announcement(announcement.year, announcement.id)
    candidates = []
    with_post = year.campaign.announcement_shows == NAME_UNIT_POST
    for ref in announcement.candidates:
        record = year.collectives.get(ref) or year.people.get(ref) or year.announced.get(ref)
        if record is None:
            continue
        what = f"{ctx.unit(record.unit)} {record.post}" if with_post and isinstance(record, Person) else ctx.unit(record.unit)
        candidates.append({"name": record.name, "unit": what, "honour": f"{record.level}{record.honour}"})
    params = {
        **announcement_link(ctx, announcement, page),
        "year": announcement.year,
        "intro": announcement.intro,
        "candidates": candidates,
        "unit_heading": "单位及岗位" if with_post else "单位",
        "objection": announcement.objection,
    }
    return ctx.page(
        page,
        announcement.title,
        "cp/announcement.html",
        params,
        description=f"{announcement.title}（{announcement.start}至{announcement.end}）。",
    )
