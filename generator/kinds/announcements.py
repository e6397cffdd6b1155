"""公示: honours announced for public objection before they become final."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..schema import Date, Field, Identifier, ListOf, Markdown, Object, Text
from .common import STATE_FIELD, Kind, Source, id_field


@dataclass(frozen=True)
class Objection:
    """How the public may object: by letter, by phone, in person, and to whom."""

    contact: str
    letter: str | None
    phone: str | None
    visit: str | None


@dataclass(frozen=True)
class Announcement:
    id: str
    title: str
    start: dt.date
    end: dt.date
    candidates: list[str]
    intro: str
    objection: Objection
    state: str
    src: Source = field(compare=False)
    year: int = 0


FIELDS = [
    id_field("pioneer-2023"),
    Field("title", "标题", "公示标题，如 2023年度“工人先锋号”“工人先锋岗”拟表彰对象公示。", Text(80)),
    Field("start", "公示开始", "公示开始日期。", Date()),
    Field("end", "公示结束", "公示结束日期。公示期不少于5个工作日（按国务院公布的节假日安排，调休上班日算工作日）。", Date()),
    Field(
        "candidates",
        "公示对象",
        "拟表彰的先进集体或先进个人的编号，每个一行。公示开始前它们只出现在内部报表里；公示期间只公布名称和单位；公示结束后成为正式荣誉。",
        ListOf(Identifier("zhang-ming"), min_items=1),
    ),
    Field("intro", "公示说明", "公示的说明，可用 Markdown。", Markdown(2000)),
    Field(
        "objection",
        "反映方式",
        "对公示对象有异议时如何反映：contact（受理单位，必填）、letter（来信地址）、phone（对外公开的办公电话）、visit（来访地点）。",
        Object(
            [
                Field("contact", "受理单位", "受理异议的单位，如 县总工会组委会办公室。", Text(60)),
                Field("letter", "来信", "来信地址。", Text(100), required=False),
                Field(
                    "phone", "电话", "对外公开的办公电话（须同时写在 campaign.yml 的 contacts 里）。", Text(40), required=False
                ),
                Field("visit", "来访", "来访地点和时间。", Text(100), required=False),
            ],
            Objection,
        ),
    ),
    STATE_FIELD,
]

KIND = Kind("announcement", "公示", "announcements", True, FIELDS, Announcement)
