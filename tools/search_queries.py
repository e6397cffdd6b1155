"""What readers type into search, made from any county's records, with the page each should find first.

The queries are the ones readers were seen to type (issue 16): a person's full name and given name
alone, a collective's short name (its unit's name), a competition's title, a township, a stream, an
honour, the plan, the county skills contest and the union's name. `ranks` types each into Material's
search box in Chromium and notes where the first right page is; `mean_reciprocal_rank` sums it up.

    .venv/bin/python benchmarks/search_mrr.py site      # the bundled sample, as built into site/
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from generator.dataset import Dataset
from generator.publish import published
from generator.search_terms import given_name
from generator.urls import Urls, url_of

# Readers call the county's skills contest by its common name, not its title.
SKILLS_CONTEST = "职工技能大赛"


@dataclass(frozen=True)
class Query:
    text: str
    expected: tuple[str, ...]  # the pages (site paths, "" for the home page) any of which is right first
    kind: str  # what the query is: full name, given name, …


def short_title(title: str, year: int, county: str) -> str:
    """A competition's title as a reader types it: without the year and the county."""
    short = title.removeprefix(f"{year}年").removeprefix(county)
    return "".join(c for c in short if c not in '“”‘’「」"').strip() or title


def search_queries(dataset: Dataset, as_of: dt.date) -> list[Query]:
    """The queries for the current year's published records, each with the pages right for it.

    A query two records would answer equally (two people called 晓燕) is left out: no order is right.
    """
    public = published(dataset, as_of)
    number = public.current_year
    year = public.years[number]
    settings = year.settings
    urls = Urls(number)
    queries: list[Query] = []

    def add(text: str, kind: str, *src_uris: str) -> None:
        queries.append(Query(text, tuple(url_of(uri) for uri in src_uris), kind))

    people = list(year.people.values())
    givens = Counter(given_name(p.name) for p in people)
    for person in people:
        add(person.name, "全名", urls.person(number, person.id))
        given = given_name(person.name)
        if given and givens[given] == 1:
            add(given, "名字", urls.person(number, person.id))
    collectives = list(year.collectives.values())

    def short_name(collective: Any) -> str:
        """The name of the collective's unit inside its enterprise (管网巡检班), if it is one."""
        enterprise, _, unit = collective.unit.partition("/")
        found = public.enterprises[enterprise].unit(unit) if unit and enterprise in public.enterprises else None
        return found.name if found else ""

    shorts = Counter(short_name(c) for c in collectives)
    for collective in collectives:
        add(collective.name, "集体全称", urls.collective(number, collective.id))
        short = short_name(collective)
        if len(short) >= 2 and shorts[short] == 1 and short != collective.name:
            add(short, "集体简称", urls.collective(number, collective.id))
    competitions = list(year.competitions.values())
    for competition in competitions:
        add(short_title(competition.title, number, settings.county), "竞赛", urls.competition(number, competition.id))
    codes = {"township": settings.codes("townships"), "stream": settings.codes("streams")}
    for facet, attr, kind in (("township", "township", "乡镇"), ("stream", "stream", "竞赛内容")):
        for word in sorted({getattr(c, attr) for c in competitions}):
            add(word, kind, urls.competitions(number, facet, codes[facet][word]))
    honours: dict[str, list[str]] = {}
    for collective in collectives:
        honours.setdefault(collective.honour, []).append(urls.collective(number, collective.id))
    for person in people:
        honours.setdefault(person.honour, []).append(urls.person(number, person.id))
    for honour, pages in sorted(honours.items()):
        add(honour, "荣誉", *pages)
    add("工作方案", "方案", urls.plan(number))
    add("劳动竞赛 方案", "方案", urls.plan(number))
    skills = [
        c
        for c in competitions
        if c.organiser in public.unions and public.unions[c.organiser].name == settings.union and "技能" in c.title
    ]
    if len(skills) == 1:
        add(SKILLS_CONTEST, "县技能大赛", urls.competition(number, skills[0].id))
    add(settings.union, "工会", urls.home, urls.contact)
    return queries


def ranks(page: Any, base_url: str, queries: list[Query], depth: int = 10) -> dict[Query, int | None]:
    """Where the first right page comes among the results of each query, typed into Material's search box
    on the open `page` (1 for first; None when none of the first `depth` pages is right)."""
    box = page.locator("input.md-search__input")
    box.click()  # opening the search loads its index in a worker
    meta = page.locator(".md-search-result__meta")
    for _ in range(100):  # queries typed before the index is ready are dropped
        box.fill(queries[0].text)
        box.press("End")  # Material searches on keyup
        page.wait_for_timeout(200)
        if "结果" in meta.inner_text():
            break
    found: dict[Query, int | None] = {}
    for query in queries:
        box.fill("")
        box.press("End")
        page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('结果')")
        box.fill(query.text)
        box.press("End")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('结果')")
        hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")
        pages = [href.removeprefix(base_url).removeprefix("./").split("#")[0] for href in hrefs][:depth]
        found[query] = next((rank for rank, path in enumerate(pages, 1) if path in query.expected), None)
    return found


def mean_reciprocal_rank(found: dict[Query, int | None]) -> float:
    return sum(1 / rank for rank in found.values() if rank) / len(found) if found else 0.0
