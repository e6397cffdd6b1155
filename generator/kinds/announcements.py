"""公示: honours announced for public objection before they become final."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from ..fieldtypes import Date, Identifier, ListOf, Markdown, Object, Text
from ..schema import described, shared
from ..urls import EXEMPLAR_NAMES, Urls
from .common import STATE, Kind, Source, declared, record_id


@declared
class Objection:
    """How the public may object: by letter, by phone, in person, and to whom."""

    contact: str = described("受理单位", "受理异议的单位，如 县总工会组委会办公室。", Text(60))
    letter: str | None = described("来信", "来信地址。", Text(100), required=False)
    phone: str | None = described(
        "电话", "对外公开的办公电话（须同时写在 campaign.yml 的 contacts 里）。", Text(40), required=False
    )
    visit: str | None = described("来访", "来访地点和时间。", Text(100), required=False)


@declared
class Announcement:
    id: str = record_id("pioneer-2023")
    title: str = described("标题", "公示标题，如 2023年度“工人先锋号”“工人先锋岗”拟表彰对象公示。", Text(80))
    start: dt.date = described("公示开始", "公示开始日期。", Date())
    end: dt.date = described(
        "公示结束", "公示结束日期。公示期不少于5个工作日（按国务院公布的节假日安排，调休上班日算工作日）。", Date()
    )
    candidates: list[str] = described(
        "公示对象",
        "拟表彰的先进集体或先进个人的编号，每个一行。公示开始前它们只出现在内部报表里；公示期间只公布名称和单位；公示结束后成为正式荣誉。",
        ListOf(Identifier("zhang-ming"), min_items=1),
    )
    intro: str = described("公示说明", "公示的说明，可用 Markdown。", Markdown(2000))
    objection: Objection = described(
        "反映方式",
        "对公示对象有异议时如何反映：contact（受理单位，必填）、letter（来信地址）、phone（对外公开的办公电话）、visit（来访地点）。",
        Object(Objection),
    )
    state: str = shared(STATE)
    src: Source = field(compare=False)
    year: int = 0


KIND = Kind(
    "announcement",
    "公示",
    Announcement,
    "announcements",
    per_year=True,
    table="announcements",
    reserved=EXEMPLAR_NAMES,
    page=Urls.announcement,
)
