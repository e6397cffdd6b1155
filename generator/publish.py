"""What the public may see on `as_of`: no drafts, nothing withdrawn, no honour before its 公示.

A draft or withdrawn record appears nowhere. A candidate of a 公示 appears on the public site only
in the 公示 while it runs, and as an honour once it has ended; before it starts, only the office
report knows of it. The candidates of a draft or withdrawn 公示 are not honoured at all. News dated
after `as_of` waits for its day. An honour
already awarded (`awarded`: an earlier 公示, or a higher level's decision) stays published whatever
this year's 公示 does. References to records that are not published are dropped, never linked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from .dataset import Dataset, Year
from .kinds.announcements import Announcement
from .kinds.collectives import Collective
from .kinds.common import READY, WITHDRAWN
from .kinds.people import Person

NOT_STARTED, RUNNING, ENDED = "未开始", "公示中", "公示结束"


def announcement_status(announcement: Announcement, as_of: dt.date) -> str:
    """未开始, 公示中 or 公示结束 on `as_of`."""
    if as_of < announcement.start:
        return NOT_STARTED
    return RUNNING if as_of <= announcement.end else ENDED


def _ready(table: dict[str, Any]) -> dict[str, Any]:
    return {key: record for key, record in table.items() if record.state == READY}


def _unnamed(year: Year) -> Year:
    """The year with a withdrawn person's name gone from result rows and innovation authors too.

    A result row of that person (linked by `person`, or by the same name in the same unit) is dropped;
    the ranks of the others stay as written.
    """
    gone = [p for p in year.people.values() if p.state == WITHDRAWN]
    if not gone:
        return year
    ids = {p.id for p in gone}
    names = {p.name for p in gone}
    units = {(p.name, p.unit.partition("/")[0]) for p in gone}

    def theirs(row: Any) -> bool:
        if row.person is not None:
            return row.person in ids
        return row.name in names and (row.unit is None or (row.name, row.unit.partition("/")[0]) in units)

    competitions = {
        k: replace(c, results=[r for r in c.results if not theirs(r)]) if any(theirs(r) for r in c.results) else c
        for k, c in year.competitions.items()
    }
    innovations = {
        k: replace(i, authors=[a for a in i.authors if a not in names]) if names & set(i.authors) else i
        for k, i in year.innovations.items()
    }
    return replace(year, competitions=competitions, innovations=innovations)


def without_drafts(dataset: Dataset) -> Dataset:
    """The dataset less every draft and withdrawn record: what the office report shows."""
    years = {}
    for number, year in dataset.years.items():
        year = _unnamed(year)
        competitions = _ready(year.competitions)
        collectives = _ready(year.collectives)
        people = _ready(year.people)
        announcements = {
            key: replace(a, candidates=[c for c in a.candidates if c in collectives or c in people])
            for key, a in _ready(year.announcements).items()
        }
        years[number] = _relink(
            replace(
                year,
                competitions=competitions,
                collectives=collectives,
                people=people,
                innovations=_ready(year.innovations),
                announcements=announcements,
                news=[n for n in year.news if n.state == READY],
            )
        )
    return replace(dataset, years=years)


def awarded(record: Any, as_of: dt.date) -> bool:
    """Whether the honour was awarded by `as_of`, outside this year's 公示."""
    return record is not None and record.awarded is not None and record.awarded <= as_of


def published(dataset: Dataset, as_of: dt.date) -> Dataset:
    """What the public site shows on `as_of`."""
    clean = without_drafts(dataset)
    years = {}
    for number, year in clean.years.items():
        # Named in a 公示 that is still to come, running, or was never published (a draft) or called off.
        called_off = {c for a in dataset.years[number].announcements.values() if a.state != READY for c in a.candidates}
        pending = called_off | {
            candidate
            for announcement in year.announcements.values()
            if announcement_status(announcement, as_of) != ENDED
            for candidate in announcement.candidates
        }
        pending = {c for c in pending if not awarded(year.collectives.get(c) or year.people.get(c), as_of)}
        visible = {k: a for k, a in year.announcements.items() if announcement_status(a, as_of) != NOT_STARTED}
        running = {c for a in visible.values() if announcement_status(a, as_of) == RUNNING for c in a.candidates}
        announced: dict[str, Collective | Person] = {k: r for k, r in year.collectives.items() if k in running}
        announced.update({k: r for k, r in year.people.items() if k in running})
        years[number] = _relink(
            replace(
                year,
                collectives={k: r for k, r in year.collectives.items() if k not in pending},
                people={k: r for k, r in year.people.items() if k not in pending},
                announcements=visible,
                announced=announced,
                news=[n for n in year.news if n.date <= as_of],  # a story dated later waits for its day
            )
        )
    return replace(clean, years=years)


def _relink(year: Year) -> Year:
    """Drop references to what is no longer in the year (a record is copied only when it changes)."""

    def in_people(c: Any) -> bool:
        return all(r.person is None or r.person in year.people for r in c.results)

    competitions = {
        key: c
        if in_people(c)
        else replace(
            c, results=[r if r.person is None or r.person in year.people else replace(r, person=None) for r in c.results]
        )
        for key, c in year.competitions.items()
    }

    def linked(table: dict[str, Any]) -> dict[str, Any]:
        return {
            k: r
            if all(c in competitions for c in r.competitions)
            else replace(r, competitions=[c for c in r.competitions if c in competitions])
            for k, r in table.items()
        }

    innovations = {
        k: i if i.competition is None or i.competition in competitions else replace(i, competition=None)
        for k, i in year.innovations.items()
    }
    return replace(
        year, competitions=competitions, collectives=linked(year.collectives), people=linked(year.people), innovations=innovations
    )
