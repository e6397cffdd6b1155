"""先进集体 and 先进个人: the paginated lists by honour, a page per record, and the card other rooms show them by."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..compute import exemplar_order
from ..dataset import Year
from ..kinds import Kind
from ..kinds.collectives import Collective
from ..kinds.people import Person
from ..urls import relative
from .common import RECORD_BOOST, Page, chunks, list_pages, pagination
from .context import Context
from .photos import consented, placeholder
from .share import exemplar_facts


def card(ctx: Context, record: Collective | Person, kind: Kind, page: str) -> dict[str, Any]:
    """Params of a record's card as seen from `page` (on the lists, the home page, a competition's page)."""
    year = record.year
    assert kind.page is not None
    target = kind.page(year, record.id)
    if isinstance(record, Person):
        subtitle = f"{ctx.unit(record.unit)} · {record.post}"
    else:
        # A collective's name usually contains its enterprise's; repeat only what the name does not say.
        enterprise = ctx.data.enterprises[record.unit.partition("/")[0]]
        subtitle = enterprise.name if enterprise.name not in record.name else enterprise.years[year].township
    return {
        "href": relative(page, target),
        "title": record.name,
        "subtitle": subtitle,
        "honour": record.honour,
        "level": record.level,
        "year": year,
        "summary": record.summary if consented(record) else "",
        "recommended_to": record.recommended_to,
        "photo": ctx.photos.image(record, kind.folder, year, page) if consented(record) else placeholder(kind.folder, page),
        # People in a sample dataset are invented: say so next to every name.
        "sample": kind.personal and ctx.data.years[year].campaign.sample,
    }


def exemplars(ctx: Context, year: Year, kind: Kind) -> list[Page]:
    """The list of one kind (collectives or people) in pages, then each record's own page."""
    number = year.campaign.year
    table: dict[str, Collective | Person] = getattr(year, kind.table)
    records = sorted(table.values(), key=exemplar_order(year.settings))
    assert kind.listing is not None
    first = kind.listing(ctx.urls, number)
    title = f"{number}年{kind.label}"
    totals = Counter(record.honour for record in records)
    honours = list(totals)  # in the records' order: higher honours first
    runs = chunks(records, ctx.per_page)
    uris = list_pages(first, len(runs))
    description = f"{title}：共 {len(records)} {'名' if kind.personal else '个'}。"
    # Where each honour's list starts, for the chips that jump to it from any page.
    starts: dict[str, int] = {}
    for index, run in enumerate(runs):
        for record in run:
            starts.setdefault(record.honour, index)
    anchors = {honour: f"honour-{n}" for n, honour in enumerate(honours, 1)}
    pages = []
    for index, (uri, run) in enumerate(zip(uris, runs, strict=True)):
        sections: dict[str, list[dict[str, Any]]] = {}
        for record in run:
            sections.setdefault(record.honour, []).append(card(ctx, record, kind, uri))
        params = {
            "title": title,
            "groups": [
                {
                    "title": honour,
                    "total": totals[honour],
                    "href": ("" if starts[honour] == index else relative(uri, uris[starts[honour]])) + f"#{anchors[honour]}",
                }
                for honour in honours
            ],
            "sections": [{"title": k, "anchor": anchors[k], "cards": v} for k, v in sections.items()],
            "kind": kind.folder,
            "count": len(records),
            "pagination": pagination(uris, index),
        }
        pages.append(ctx.list_page(uri, title, index, "cp/exemplars.html", params, description))
    for record in records:
        pages.append(exemplar(ctx, year, record, kind))
    return pages


def exemplar(ctx: Context, year: Year, record: Collective | Person, kind: Kind) -> Page:
    """A record's own page: its card, story, achievements and the competitions it was honoured in."""
    number = year.campaign.year
    assert kind.page is not None and kind.listing is not None
    page = kind.page(number, record.id)
    competitions = [year.competitions[c] for c in record.competitions]
    params = {
        **card(ctx, record, kind, page),
        "kind": kind.folder,
        "unit": ctx.unit(record.unit),
        "post": getattr(record, "post", None),
        "story": record.story if consented(record) else "",
        "achievements": record.achievements if consented(record) else [],
        "competitions": [
            {"title": c.title, "href": relative(page, ctx.urls.competition(number, c.id)), "stream": c.stream}
            for c in competitions
        ],
        "back": relative(page, kind.listing(ctx.urls, number)),
        "back_label": kind.label,
        "qr": ctx.qr(page, record.name),
    }
    title = f"{record.name}（{record.honour}）"
    description = record.summary if consented(record) else f"{record.name}，{ctx.unit(record.unit)}，{number}年{record.honour}。"
    image = {}
    if not params["photo"]["placeholder"]:
        image = {"image": ctx.photos.largest_jpeg(number, kind.folder, record.id)}
    # The share poster; its crop replaces the photo as the share image.
    image |= ctx.sharing.poster(page, exemplar_facts(year, record, kind, ctx.unit(record.unit)))
    return ctx.page(
        page,
        title,
        "cp/exemplar.html",
        params,
        description=description,
        source=record.src.path,
        search={"boost": RECORD_BOOST},
        **image,
    )
