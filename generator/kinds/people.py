"""Outstanding individuals: 工人先锋岗, 技术能手 and other personal honours."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from ..fieldtypes import Date, Ref, Term, Text
from ..schema import described, shared
from ..urls import EXEMPLAR_NAMES, Urls
from .common import Exemplar, Kind, Source, declared, previous_ids, record_id


@declared
class Person:
    id: str = record_id("zhang-ming")
    name: str = described("姓名", "姓名。", Text(20))
    unit: str = described(
        "所在单位",
        "所在单位的编号：企业编号，或 企业编号/车间班组编号。",
        Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True),
    )
    post: str = described("岗位", "岗位或工种，如 装配钳工。", Text(30))
    honour: str = described("荣誉", "获得的荣誉。", Term("person_honours"))
    level: str = shared(Exemplar.level)
    competitions: list[str] = shared(Exemplar.competitions)
    recommended_to: str | None = shared(Exemplar.recommended_to)
    awarded: dt.date | None = shared(Exemplar.awarded)
    awarded_by: str | None = shared(Exemplar.awarded_by)
    photo: str | None = shared(Exemplar.photo)
    photo_alt: str | None = shared(Exemplar.photo_alt)
    summary: str = shared(Exemplar.summary)
    story: str = shared(Exemplar.story)
    achievements: list[str] = shared(Exemplar.achievements)
    featured: bool = shared(Exemplar.featured)
    state: str = shared(Exemplar.state)
    consent: dt.date | None = described(
        "本人同意日期",
        "本人同意公开照片和事迹的日期。不填则网站只显示姓名、单位和荣誉，不显示照片、简介和事迹。",
        Date(),
        required=False,
    )
    former_ids: list[str] = previous_ids("zhangming")
    src: Source = field(compare=False)
    year: int = 0


KIND = Kind(
    "person",
    "先进个人",
    Person,
    "people",
    per_year=True,
    table="people",
    reserved=EXEMPLAR_NAMES,
    personal=True,
    page=Urls.person,
    listing=Urls.people,
)
