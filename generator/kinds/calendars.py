"""A year's holiday table, for years the calendar package does not know yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..schema import Date, Field, Integer, ListOf
from .common import Kind, Source


@dataclass(frozen=True)
class Calendar:
    year: int
    holidays: list[dt.date]
    workdays: list[dt.date]
    src: Source = field(compare=False)

    @property
    def id(self) -> str:
        return str(self.year)


FIELDS = [
    Field("year", "年份", "年份，与文件名一致，如 2027。", Integer(2000)),
    Field("holidays", "放假日期", "国务院公布的放假日期（只写落在周一至周五的），每个一行。", ListOf(Date())),
    Field("workdays", "调休上班日期", "调休上班的周六、周日，每个一行。", ListOf(Date()), required=False, default=list),
]

KIND = Kind("calendar", "节假日安排", "calendar", False, FIELDS, Calendar)
