"""A year's holiday table, for years the calendar package does not know yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from ..fieldtypes import Date, Integer, ListOf
from ..schema import described
from .common import Kind, Source, declared


@declared
class Calendar:
    year: int = described("年份", "年份，与文件名一致，如 2027。", Integer(2000))
    holidays: list[dt.date] = described("放假日期", "国务院公布的放假日期（只写落在周一至周五的），每个一行。", ListOf(Date()))
    workdays: list[dt.date] = described(
        "调休上班日期", "调休上班的周六、周日，每个一行。", ListOf(Date()), required=False, blank=list
    )
    src: Source = field(compare=False)

    @property
    def id(self) -> str:
        return str(self.year)


KIND = Kind("calendar", "节假日安排", Calendar, "calendar", table="calendars", key="year")
