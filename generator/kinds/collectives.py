"""Advanced collectives: 工人先锋号 and other collective honours."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from ..fieldtypes import Ref, Term, Text
from ..schema import described, shared
from ..urls import EXEMPLAR_NAMES, Urls
from .common import Exemplar, Kind, Source, declared, previous_ids, record_id


@declared
class Collective:
    id: str = record_id("jixie-zongzhuang")
    name: str = described("集体名称", "集体名称，如 某机械制造有限公司总装车间。", Text(60))
    unit: str = described(
        "所属单位",
        "这个集体是哪个单位：企业编号（整个企业），或 企业编号/车间班组编号。",
        Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True),
    )
    honour: str = described("荣誉", "获得的荣誉。", Term("collective_honours"))
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
    former_ids: list[str] = previous_ids("jixie-zongzhuang-ban")
    src: Source = field(compare=False)
    year: int = 0


KIND = Kind(
    "collective",
    "先进集体",
    Collective,
    "collectives",
    per_year=True,
    table="collectives",
    reserved=EXEMPLAR_NAMES,
    page=Urls.collective,
    listing=Urls.collectives,
)
