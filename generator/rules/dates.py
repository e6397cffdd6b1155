"""Dates: the campaign's window and phases, its deadlines, and the holiday tables a county writes itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..dataset import Dataset, Year
from ..kinds.common import Source
from ..problems import Problem
from ..workdays import published_year
from .common import Context


def iso(value: dt.date) -> str:
    return value.isoformat()


def in_window(year: Year, value: dt.date | None, src: Source, name: str) -> Iterator[Problem]:
    """A date of a record must fall within its campaign year's window."""
    window = year.campaign.window
    # A window that ends before it starts is reported once, not against every date of the year.
    if value is not None and window.start <= window.end and not window.start <= value <= window.end:
        yield Problem(
            src.file,
            src.line_of(name),
            name,
            f"日期 {iso(value)} 不在 {year.campaign.year} 年度的日期范围（{iso(window.start)} 至 {iso(window.end)}）内。"
            f"请检查年份是否写错；范围在 {year.campaign.src.file} 的 window 里设定。",
        )


def rule_campaign_dates(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """The window runs forwards, the phases follow one another, and every deadline is in the window."""
    for year in dataset.years.values():
        campaign = year.campaign
        src = campaign.src
        if campaign.window.start > campaign.window.end:
            yield Problem(
                src.file,
                src.line_of("window.end"),
                "window.end",
                f"日期范围的结束日期 {iso(campaign.window.end)} 早于开始日期 {iso(campaign.window.start)}。",
            )
        previous_end: dt.date | None = None
        for index, phase in enumerate(campaign.phases, 1):
            name = f"phases[{index}]"
            if phase.start > phase.end:
                yield Problem(
                    src.file,
                    src.line_of(name),
                    name,
                    f"阶段「{phase.name}」开始日期 {iso(phase.start)} 晚于结束日期 {iso(phase.end)}。",
                )
            if previous_end and phase.start <= previous_end:
                yield Problem(
                    src.file, src.line_of(name), name, f"阶段「{phase.name}」与上一阶段重叠：各阶段应按时间先后排列、互不重叠。"
                )
            previous_end = phase.end
            for number, deadline in enumerate(phase.deadlines, 1):
                yield from in_window(year, deadline.date, src, f"{name}.deadlines[{number}].date")


def rule_calendars(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """A holiday table of its own is for a year the calendar package lacks: it may not override a published one."""
    for calendar in dataset.calendars.values():
        if published_year(calendar.year):
            yield Problem(
                calendar.src.file,
                calendar.src.line_of("year"),
                "year",
                f"日历库已有 {calendar.year} 年国务院公布的节假日安排，这个文件会与它不一致也不被发现。请删除 {calendar.src.file}"
                "（以日历库为准）；只有日历库还没有的年份才需要自己写。",
            )
