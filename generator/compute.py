"""Figures and states derived from the records on the `as_of` date. Pure functions, no I/O."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .dataset import Year
from .kinds.campaign import Campaign, Deadline, Phase
from .kinds.collectives import Collective
from .kinds.competitions import Competition
from .kinds.people import Person
from .kinds.settings import Settings

NOT_STARTED, RUNNING, FINISHED = "未开始", "进行中", "已结束"


@dataclass(frozen=True)
class Schedule:
    """Where the campaign stands on `as_of`: its phase and what is due next."""

    as_of: dt.date
    state: str  # before, phase, between, after
    label: str
    phase: Phase | None
    next_deadline: Deadline | None
    days_left: int | None
    percent: int  # share of the campaign's phases elapsed, for the progress bar


def schedule(campaign: Campaign, as_of: dt.date) -> Schedule:
    """The campaign's phase on `as_of` and its next deadline.

    The percentage runs from the first phase's start to the last phase's end.
    """
    phases = campaign.phases
    deadlines = sorted((d for p in phases for d in p.deadlines), key=lambda d: d.date)
    upcoming = next((d for d in deadlines if d.date >= as_of), None)
    days_left = (upcoming.date - as_of).days if upcoming else None
    start, end = phases[0].start, phases[-1].end
    span = max((end - start).days, 1)
    percent = min(100, max(0, round((as_of - start).days * 100 / span)))
    current = next((p for p in phases if p.start <= as_of <= p.end), None)
    if as_of < start:
        return Schedule(as_of, "before", "尚未开始", None, upcoming, days_left, 0)
    if as_of > end:
        return Schedule(as_of, "after", "各阶段已结束", None, upcoming, days_left, 100)
    if current is None:
        following = next(p for p in phases if p.start > as_of)
        return Schedule(as_of, "between", f"即将进入{following.name}", None, upcoming, days_left, percent)
    number = phases.index(current) + 1
    return Schedule(as_of, "phase", f"第{_chinese_number(number)}阶段：{current.name}", current, upcoming, days_left, percent)


def _chinese_number(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def competition_status(competition: Competition, as_of: dt.date) -> str:
    """未开始, 进行中 or 已结束 on `as_of`.

    >>> from types import SimpleNamespace as C
    >>> competition_status(C(start=dt.date(2023, 6, 1), end=dt.date(2023, 9, 30)), dt.date(2023, 9, 30))
    '进行中'
    """
    if as_of < competition.start:
        return NOT_STARTED
    if as_of > competition.end:
        return FINISHED
    return RUNNING


@dataclass(frozen=True)
class Headline:
    """The campaign's headline numbers on `as_of`."""

    held: int
    held_by_stream: list[tuple[str, int]]
    # Every competition of the year by its status (未开始, 进行中, 已结束), with its participants.
    by_status: list[tuple[str, int, int]]
    participants: int
    collectives: int
    people: int
    innovations: int
    planned: int


def headline(year: Year, as_of: dt.date) -> Headline:
    """Competitions held (started by `as_of`) by stream, their participants, and honours and innovations."""
    held = [c for c in year.competitions.values() if c.start <= as_of]
    by_stream = Counter(c.stream for c in held)
    return Headline(
        held=len(held),
        held_by_stream=[(stream.name, by_stream[stream.name]) for stream in year.settings.streams],
        by_status=by_status(year, as_of),
        participants=sum(c.participants for c in held),
        collectives=len(year.collectives),
        people=len(year.people),
        innovations=len(year.innovations),
        planned=len(year.competitions) - len(held),
    )


def by_status(year: Year, as_of: dt.date) -> list[tuple[str, int, int]]:
    """How many competitions are 未开始, 进行中 and 已结束 on `as_of`, and their participants; zeros included."""
    counts: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for competition in year.competitions.values():
        status = competition_status(competition, as_of)
        counts[status] += 1
        people[status] += competition.participants
    return [(status, counts[status], people[status]) for status in (NOT_STARTED, RUNNING, FINISHED)]


def family_totals(year: Year) -> list[tuple[str, int]]:
    """Each innovation family (such as 五小) with how many of the year's innovations belong to it."""
    return [(f.name, sum(i.kind in f.kinds for i in year.innovations.values())) for f in year.settings.innovation_families]


@dataclass(frozen=True)
class Honoured:
    collectives: list[Collective]
    people: list[Person]


def honoured_from(year: Year) -> dict[str, Honoured]:
    """For each competition, the collectives and people honoured from it."""
    table: dict[str, Honoured] = {cid: Honoured([], []) for cid in year.competitions}
    for collective in sorted(year.collectives.values(), key=lambda r: r.id):
        for cid in collective.competitions:
            table[cid].collectives.append(collective)
    for person in sorted(year.people.values(), key=lambda r: r.id):
        for cid in person.competitions:
            table[cid].people.append(person)
    return table


def exemplar_order(settings: Settings) -> Callable[[Collective | Person], tuple[int, int, str]]:
    """Higher honours first (as the county's settings list them), then recommended ones, then by id."""
    order = {name: index for index, name in enumerate((*settings.collective_honours, *settings.person_honours))}
    return lambda record: (order.get(record.honour, 99), 0 if record.recommended_to else 1, record.id)


def competition_order(settings: Settings) -> Callable[[Competition], tuple[int, dt.date, str]]:
    """In the order of the plan's streams, then by start."""
    order = {name: index for index, name in enumerate(settings.terms("streams") or [])}
    return lambda competition: (order.get(competition.stream, 99), competition.start, competition.id)
