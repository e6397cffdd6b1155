"""Outstanding individuals: 工人先锋岗, 技术能手 and other personal honours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..schema import Date, Field, Ref, Term, Text
from .common import EXEMPLAR_FIELDS, Kind, Source, former_ids_field, id_field


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    unit: str
    post: str
    honour: str
    level: str
    competitions: list[str]
    recommended_to: str | None
    awarded: dt.date | None
    awarded_by: str | None
    photo: str | None
    photo_alt: str | None
    summary: str
    story: str
    achievements: list[str]
    featured: bool
    state: str
    consent: dt.date | None
    former_ids: list[str]
    src: Source = field(compare=False)
    year: int = 0


FIELDS = [
    id_field("zhang-ming"),
    Field("name", "姓名", "姓名。", Text(20)),
    Field(
        "unit",
        "所在单位",
        "所在单位的编号：企业编号，或 企业编号/车间班组编号。",
        Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True),
    ),
    Field("post", "岗位", "岗位或工种，如 装配钳工。", Text(30)),
    Field("honour", "荣誉", "获得的荣誉。", Term("person_honours")),
    *EXEMPLAR_FIELDS,
    Field(
        "consent",
        "本人同意日期",
        "本人同意公开照片和事迹的日期。不填则网站只显示姓名、单位和荣誉，不显示照片、简介和事迹。",
        Date(),
        required=False,
    ),
    former_ids_field("zhangming"),
]

KIND = Kind("person", "先进个人", "people", True, FIELDS, Person)
