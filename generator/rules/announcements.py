"""公示 (announcements): their candidates exist, their dates fit, the period holds enough working days."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..problems import Problem
from ..workdays import UnknownYear, YearTable, count_workdays
from .common import Context, hint
from .dates import in_window, iso


def rule_announcements(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """公示: candidates exist, dates fit, and the period holds at least five working days."""
    tables = {c.year: YearTable(frozenset(c.holidays), frozenset(c.workdays)) for c in dataset.calendars.values()}
    for number, year in dataset.years.items():
        for announcement in year.announcements.values():
            src = announcement.src
            for index, candidate in enumerate(announcement.candidates, 1):
                if candidate not in year.collectives and candidate not in year.people and candidate not in dataset.failed_ids:
                    yield Problem(
                        src.file,
                        src.line_of(f"candidates[{index}]"),
                        f"candidates[{index}]",
                        f"{number} 年度没有编号为「{candidate}」的先进集体或先进个人。{hint(candidate, [*year.collectives, *year.people])}",
                    )
            yield from in_window(year, announcement.start, src, "start")
            yield from in_window(year, announcement.end, src, "end")
            if announcement.end < announcement.start:
                yield Problem(
                    src.file,
                    src.line_of("end"),
                    "end",
                    f"公示结束日期 {iso(announcement.end)} 早于开始日期 {iso(announcement.start)}。",
                )
                continue
            try:
                days = count_workdays(announcement.start, announcement.end, tables)
            except UnknownYear as unknown:
                yield Problem(
                    src.file,
                    src.line_of("end"),
                    "end",
                    f"日历库还没有 {unknown.year} 年的节假日安排，无法核对公示期。请按国务院公布的安排建立 site_data/calendar/{unknown.year}.yml。",
                )
                continue
            minimum = year.settings.announcement_workdays
            if days < minimum:
                yield Problem(
                    src.file,
                    src.line_of("end"),
                    "end",
                    f"公示期 {iso(announcement.start)} 至 {iso(announcement.end)} 只有 {days} 个工作日（按国务院节假日安排，含调休），"
                    f"至少要 {minimum} 个工作日（本地设置 announcement_workdays）。请推迟结束日期。",
                )
