"""Working days by the State Council's holiday calendar, where 调休 makes some weekends working days.

The `chinesecalendar` package knows the published years; for a year it lacks, the office writes
the year's table in `site_data/calendar/YEAR.yml` (holidays and 调休 working days).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar


@dataclass(frozen=True)
class YearTable:
    """A year's official arrangement: days off on weekdays, and weekend days worked."""

    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]


class UnknownYear(Exception):
    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(year)


def is_workday(day: dt.date, tables: Mapping[int, YearTable]) -> bool:
    """Whether `day` is a working day; a table in the data wins over the package.

    >>> is_workday(dt.date(2023, 10, 7), {})  # a Saturday worked after 国庆
    True
    >>> is_workday(dt.date(2023, 10, 2), {})  # a Monday of the 国庆 holiday
    False
    """
    table = tables.get(day.year)
    if table is not None:
        if day in table.holidays:
            return False
        return day in table.workdays or day.weekday() < 5
    workday = _published_workday(day)
    if workday is None:
        raise UnknownYear(day.year)
    return workday


def published_year(year: int) -> bool:
    """Whether the calendar package knows the State Council's holidays of `year`."""
    return _published_workday(dt.date(year, 6, 1)) is not None


@lru_cache(maxsize=4096)
def _published_workday(day: dt.date) -> bool | None:
    # The package checks its whole table on every call: a 公示 period of ten years' archive asks it
    # for thousands of days, mostly the same ones.
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def count_workdays(start: dt.date, end: dt.date, tables: Mapping[int, YearTable]) -> int:
    """Working days from `start` to `end`, both included.

    >>> count_workdays(dt.date(2023, 9, 28), dt.date(2023, 10, 9), {})
    4
    """
    days = (end - start).days + 1
    return sum(is_workday(start + dt.timedelta(n), tables) for n in range(max(days, 0)))
