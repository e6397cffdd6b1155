"""Renamed records keep their old addresses: a small HTML file at each former id's address leads to the record.

These are files, not pages: MkDocs must not wrap them in the theme nor list them in the sitemap.
"""

from __future__ import annotations

from typing import Any

from ..dataset import Year
from ..urls import relative, url_of
from .common import Asset
from .context import Context


def redirects(ctx: Context, year: Year) -> list[Asset]:
    """A page at each former id's address that leads to the record: printed links and QR codes keep working."""
    number = year.campaign.year
    tables: list[tuple[dict[str, Any], Any]] = [
        (year.competitions, ctx.urls.competition),
        (year.collectives, ctx.urls.collective),
        (year.people, ctx.urls.person),
    ]
    assets = []
    for records, address in tables:
        for record in records.values():
            target = address(number, record.id)
            for old in record.former_ids:
                source = address(number, old)
                href = relative(source, target)
                params = {
                    "title": getattr(record, "title", None) or record.name,
                    "href": href,
                    "canonical": ctx.site_url + url_of(target) if ctx.site_url else href,
                }
                html = ctx.renderer.render("cp/redirect.html", page=params)
                assets.append(Asset(url_of(source) + "index.html", html.encode("utf-8")))
    return assets
