"""Competitions of one campaign year, with their results."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from ..fieldtypes import Date, Integer, ListOf, Markdown, Number, Object, Ref, Term, Text
from ..schema import described, shared
from ..urls import COMPETITION_NAMES, Urls
from .common import STATE, Kind, Source, declared, previous_ids, record_id


@declared
class Result:
    rank: int = described("名次", "名次，1 为第一名。", Integer(1))
    name: str = described("获奖者", "获奖的个人姓名，或团队（代表队）的名称。", Text(60))
    members: list[str] = described(
        "团队成员", "获奖的是团队时，写成员姓名，每人一行；个人获奖不填。", ListOf(Text(20)), required=False, blank=list
    )
    entry: str | None = described(
        "作品或项目", "参赛作品、成果或项目的名称（作品类、创新类竞赛），可不填。", Text(60), required=False
    )
    unit: str | None = described(
        "单位",
        "获奖者所在单位的编号（企业编号，或 企业编号/班组编号）。",
        Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True),
        required=False,
    )
    person: str | None = described(
        "人物编号", "如获奖者有先进个人记录，写其编号，页面会互相链接。", Ref("person", "zhang-ming"), required=False
    )
    score: float | None = described("得分", "得分，如 96.5。", Number(), required=False)
    award: str | None = described("奖项", "所获奖项。", Term("awards"), required=False)


@declared
class Competition:
    id: str = record_id("zhuangpei-jineng")
    title: str = described("竞赛名称", "竞赛名称，如 新能源汽车零部件装配技能竞赛。", Text(60))
    stream: str = described("竞赛内容", "属于方案「竞赛内容」中的哪一项。", Term("streams"))
    form: str = described("竞赛形式", "生产型、技能型或智能型。", Term("forms"))
    industry: str = described("行业", "竞赛所在行业。", Term("industries"))
    township: str = described("乡镇", "竞赛举办地所在乡镇。", Term("townships"))
    organiser: str = described(
        "主办单位",
        "组织竞赛的单位编号：企业（如 jixie-zhizao）、企业内车间班组（如 jixie-zhizao/zongzhuang）或工会（如 xianzonggonghui）。",
        Ref("organiser", "jixie-zhizao", allow_unit=True),
    )
    co_organisers: list[str] = described(
        "联合主办单位",
        "与主办单位一起组织竞赛的单位编号，每个一行（工会、企业或车间班组）。联合主办不是参赛：参赛的写在 units 里。",
        ListOf(Ref("organiser", "jixie-zhizao", allow_unit=True)),
        required=False,
        blank=list,
    )
    units: list[str] = described(
        "参赛单位",
        "参加竞赛的单位编号，每个一行：企业编号，或 企业编号/车间班组编号。",
        ListOf(Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True), min_items=1),
    )
    start: dt.date = described("开始日期", "竞赛开始日期。", Date())
    end: dt.date = described("结束日期", "竞赛结束日期。", Date())
    compares: list[str] = described("比什么", "竞赛比的内容或指标，每项一行，如 装配精度。", ListOf(Text(40), min_items=1))
    participants: int = described("参赛人数", "参赛职工人数（整数）。", Integer(0))
    summary: str = described("一句话简介", "一句话介绍竞赛，60 字以内。", Text(60))
    description: str = described("竞赛介绍", "详细介绍，可用 Markdown。", Markdown(), required=False, blank="")
    results: list[Result] = described(
        "竞赛结果",
        "名次表，每行写 rank、name，可加 members、entry、unit、person、score、award。名次相同的按写的顺序显示为并列。竞赛结束后填写。",
        ListOf(Object(Result)),
        required=False,
        blank=list,
    )
    state: str = shared(STATE)
    former_ids: list[str] = previous_ids("zhuangpei-jineng-2023")
    src: Source = field(compare=False)
    year: int = 0

    def involves(self, unit: str) -> bool:
        """Whether `unit` itself organised or took part in this competition.

        An enterprise did if it or any of its 车间/班组 is an organiser or takes part; a 车间/班组
        did only if that very unit is an organiser or takes part.
        """
        involved = (self.organiser, *self.co_organisers, *self.units)
        if "/" in unit:
            return unit in involved
        return any(ref == unit or ref.startswith(unit + "/") for ref in involved)


KIND = Kind(
    "competition",
    "竞赛",
    Competition,
    "competitions",
    per_year=True,
    table="competitions",
    reserved=COMPETITION_NAMES,
    page=Urls.competition,
    listing=Urls.competitions,
)
