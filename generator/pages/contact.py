"""联系我们: one page for the whole site, with the current campaign's committee office."""

from __future__ import annotations

from .common import CONTACT_BOOST, Page
from .context import Context


def contact(ctx: Context) -> Page:
    """The contact page, from the current year's campaign record (earlier committees have moved on)."""
    campaign = ctx.data.years[ctx.data.current_year].campaign
    params = {"campaign": campaign}
    description = f"{campaign.committee.name}办公室联系方式。"
    return ctx.page(
        ctx.urls.contact, "联系我们", "cp/contact.html", params, description=description, search={"boost": CONTACT_BOOST}
    )
