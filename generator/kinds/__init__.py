"""One module per record kind: its fields (with Chinese help for editors) and its data class."""

from __future__ import annotations

from . import (
    announcements,
    calendars,
    campaign,
    collectives,
    competitions,
    enterprises,
    innovations,
    news,
    people,
    settings,
    submissions,
    unions,
)
from .common import Kind

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        settings.KIND,
        unions.KIND,
        enterprises.KIND,
        campaign.KIND,
        competitions.KIND,
        collectives.KIND,
        people.KIND,
        innovations.KIND,
        submissions.KIND,
        announcements.KIND,
        calendars.KIND,
        news.KIND,
    )
}

__all__ = ["KINDS", "Kind"]
