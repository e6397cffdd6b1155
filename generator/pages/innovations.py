"""职工创新成果: one page per year listing the year's innovations, grouped by kind."""

from __future__ import annotations

from typing import Any

from ..compute import family_totals
from ..dataset import Year
from ..urls import relative
from .common import Page
from .context import Context


def innovations(ctx: Context, year: Year) -> Page:
    """The year's innovations, kinds in the vocabulary's order, each linked to the competition it came from."""
    number = year.campaign.year
    page = ctx.urls.innovations(number)
    order = {kind: index for index, kind in enumerate(year.settings.innovation_kinds)}
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in sorted(year.innovations.values(), key=lambda i: (order[i.kind], i.id)):
        competition = year.competitions.get(item.competition) if item.competition else None
        groups.setdefault(item.kind, []).append(
            {
                "id": item.id,
                "title": item.title,
                "kind": item.kind,
                "authors": item.authors,
                "unit": ctx.unit(item.unit),
                "benefit": item.benefit,
                "summary": item.summary,
                "description": item.description,
                "date": item.date,
                "competition": {
                    "title": competition.title,
                    "href": relative(page, ctx.urls.competition(number, competition.id)),
                }
                if competition
                else None,
            }
        )
    title = f"{number}年职工创新成果"
    params = {
        "title": title,
        "groups": [{"title": k, "items": v} for k, v in groups.items()],
        "count": len(year.innovations),
        "families": family_totals(year),
    }
    return ctx.page(page, title, "cp/innovations.html", params, description=f"{title}库：共 {len(year.innovations)} 项。")
