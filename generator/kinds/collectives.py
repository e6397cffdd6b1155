"""Advanced collectives: 工人先锋号 and other collective honours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..schema import Field, Ref, Term, Text
from .common import EXEMPLAR_FIELDS, Kind, Source, former_ids_field, id_field


@dataclass(frozen=True)
class Collective:
    id: str
    name: str
    unit: str
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
    former_ids: list[str]
    src: Source = field(compare=False)
    year: int = 0


FIELDS = [
    id_field("jixie-zongzhuang"),
    Field("name", "集体名称", "集体名称，如 某机械制造有限公司总装车间。", Text(60)),
    Field(
        "unit",
        "所属单位",
        "这个集体是哪个单位：企业编号（整个企业），或 企业编号/车间班组编号。",
        Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True),
    ),
    Field("honour", "荣誉", "获得的荣誉。", Term("collective_honours")),
    *EXEMPLAR_FIELDS,
    former_ids_field("jixie-zongzhuang-ban"),
]

KIND = Kind("collective", "先进集体", "collectives", True, FIELDS, Collective)
