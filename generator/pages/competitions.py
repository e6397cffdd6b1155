"""竞赛: the list of a year's competitions, the same list filtered by each facet, and a page per competition."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..compute import competition_order, competition_status, exemplar_order, honoured_from
from ..dataset import Year
from ..kinds.collectives import KIND as COLLECTIVE
from ..kinds.collectives import Collective
from ..kinds.competitions import Competition
from ..kinds.people import KIND as PERSON
from ..kinds.people import Person
from ..urls import relative
from .common import RECORD_BOOST, Page, chunks, list_pages, pagination
from .context import Context
from .exemplars import card
from .share import competition_facts

FACETS = {
    "stream": ("竞赛内容", "streams", "stream"),
    "form": ("竞赛形式", "forms", "form"),
    "township": ("乡镇", "townships", "township"),
    "industry": ("行业", "industries", "industry"),
}
# The lists search finds by their name (the township's, the stream's); forms and industries are no query.
SEARCHED_FACETS = ("township", "stream")


def competitions(ctx: Context, year: Year) -> list[Page]:
    """The full list, then each facet value's list (those with any competition), then each competition's page."""
    ordered = sorted(year.competitions.values(), key=competition_order(year.settings))
    # Counted once: every page of every list shows the same counts (a count per page would be quadratic).
    tally = {attr: Counter(getattr(c, attr) for c in ordered) for _, _, attr in FACETS.values()}
    pages = _competition_list(ctx, year, ordered, "", "", tally)
    for facet, (_, words, attr) in FACETS.items():
        for label, code in year.settings.codes(words).items():
            chosen = [c for c in ordered if getattr(c, attr) == label]
            if chosen:
                pages.extend(_competition_list(ctx, year, chosen, facet, code, tally))
    honoured = honoured_from(year)
    for competition in ordered:
        pages.append(
            _competition_page(ctx, year, competition, honoured[competition.id].collectives, honoured[competition.id].people)
        )
    return pages


def competition_row(ctx: Context, competition: Competition, page: str) -> dict[str, Any]:
    """Params of a competition's line in a list, as seen from `page`."""
    return {
        "href": relative(page, ctx.urls.competition(competition.year, competition.id)),
        "title": competition.title,
        "summary": competition.summary,
        "stream": competition.stream,
        "form": competition.form,
        "township": competition.township,
        "industry": competition.industry,
        "start": competition.start,
        "end": competition.end,
        "status": competition_status(competition, ctx.as_of),
        "participants": competition.participants,
        "organiser": ctx.unit(competition.organiser),
        "co_organisers": [ctx.unit(ref) for ref in competition.co_organisers],
    }


def _filters(
    ctx: Context, year: Year, page: str, active: tuple[str, str], tally: dict[str, Counter[str]]
) -> list[dict[str, Any]]:
    """The filter links as seen from `page`; `tally` counts the year's competitions by each facet."""
    number = year.campaign.year
    groups = []
    for facet, (label, words, attr) in FACETS.items():
        values = year.settings.codes(words)
        counts = tally[attr]
        options = [
            {
                "label": value,
                "count": counts[value],
                "href": relative(page, ctx.urls.competitions(number, facet, code)),
                "active": active == (facet, code),
            }
            for value, code in values.items()
            if counts[value]
        ]
        groups.append({"label": label, "options": options})
    return groups


def _competition_list(
    ctx: Context, year: Year, chosen: list[Competition], facet: str, code: str, tally: dict[str, Counter[str]]
) -> list[Page]:
    """A list of competitions (all, or one filter's), in pages of `per_page`."""
    number = year.campaign.year
    label = next((v for v, c in year.settings.codes(FACETS[facet][1]).items() if c == code), "") if facet else ""
    title = f"{number}年竞赛" + (f"：{label}" if label else "")
    streams = year.settings.terms("streams") or []
    totals = {stream: sum(1 for c in chosen if c.stream == stream) for stream in streams}
    runs = chunks(chosen, ctx.per_page)
    uris = list_pages(ctx.urls.competitions(number, facet, code), len(runs))
    facet_label = f"（{FACETS[facet][0]}：{label}）" if facet else ""
    description = f"{number}年{year.settings.county}劳动和技能竞赛一览{facet_label}，共 {len(chosen)} 项。"
    # A reader searching a township or a stream finds its list of competitions.
    found = facet in SEARCHED_FACETS
    pages = []
    for index, (uri, run) in enumerate(zip(uris, runs, strict=True)):
        groups = []
        for stream in streams:
            rows = [competition_row(ctx, c, uri) for c in run if c.stream == stream]
            if rows:
                groups.append({"title": stream, "rows": rows, "total": totals[stream]})
        params = {
            "year": number,
            "title": title,
            "filters": _filters(ctx, year, uri, (facet, code), tally),
            "all_href": relative(uri, ctx.urls.competitions(number)),
            "filtered": bool(facet),
            "count": len(chosen),
            "groups": groups,
            "pagination": pagination(uris, index),
        }
        pages.append(ctx.list_page(uri, title, index, "cp/competitions.html", params, description, found))
    return pages


def _competition_page(
    ctx: Context, year: Year, competition: Competition, collectives: list[Collective], people: list[Person]
) -> Page:
    """A competition's own page: its results, the exemplars it honoured, and links to the lists it is on."""
    number = year.campaign.year
    page = ctx.urls.competition(number, competition.id)
    results = []
    # Rows of the same rank are ties: shown as 并列, in the order the record lists them.
    ranks = Counter(r.rank for r in competition.results)
    for _, result in sorted(enumerate(competition.results), key=lambda item: (item[1].rank, item[0])):
        person = year.people.get(result.person) if result.person else None
        results.append(
            {
                "rank": result.rank,
                "rank_label": f"并列{result.rank}" if ranks[result.rank] > 1 else str(result.rank),
                "name": result.name,
                "members": result.members,
                "entry": result.entry or "",
                "href": relative(page, ctx.urls.person(number, person.id)) if person else None,
                "unit": ctx.unit(result.unit) if result.unit else "",
                "score": result.score,
                "award": result.award or "",
            }
        )
    params = {
        **competition_row(ctx, competition, page),
        "year": number,
        "units": [ctx.unit(u) for u in competition.units],
        "compares": competition.compares,
        "description": competition.description,
        "results": results,
        "has_scores": any(r.score is not None for r in competition.results),
        "honoured": [card(ctx, r, COLLECTIVE, page) for r in sorted(collectives, key=exemplar_order(year.settings))]
        + [card(ctx, r, PERSON, page) for r in sorted(people, key=exemplar_order(year.settings))],
        "back": relative(page, ctx.urls.competitions(number)),
        "qr": ctx.qr(page, competition.title),
        "facet_links": {
            facet: relative(page, ctx.urls.competitions(number, facet, year.settings.codes(words)[getattr(competition, attr)]))
            for facet, (_, words, attr) in FACETS.items()
        },
    }
    # A competition with results has a share poster of its winners.
    shared = (
        ctx.sharing.poster(page, competition_facts(year, competition, ctx.unit(competition.organiser), year.people))
        if competition.results
        else {}
    )
    return ctx.page(
        page,
        competition.title,
        "cp/competition.html",
        params,
        description=competition.summary,
        source=competition.src.path,
        search={"boost": RECORD_BOOST},
        **shared,
    )
