"""工作方案: the year's plan, a rendered heading over the plan's own Markdown text from content/."""

from __future__ import annotations

from ..compute import schedule
from ..dataset import Year
from ..typography import join_cjk_lines
from .common import PLAN_BOOST, Page
from .context import Context


def plan(ctx: Context, year: Year) -> Page:
    """The plan page; unlike the other rooms' pages, its body is Markdown, for MkDocs to parse."""
    campaign = year.campaign
    page = ctx.urls.plan(campaign.year)
    params = {"campaign": campaign, "schedule": schedule(campaign, ctx.as_of)}
    head = ctx.renderer.render("cp/plan.html", page=params)
    body = f"{head}\n{join_cjk_lines(year.plan_markdown.strip())}\n"
    return Page(
        page,
        f"{campaign.year}年工作方案",
        body,
        {"description": campaign.notice.title, "hide": ["navigation"], "search": {"boost": PLAN_BOOST}},
        None,
        markdown_body=True,  # its headings make the table of contents
    )
