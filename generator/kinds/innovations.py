"""Workers' innovations: the 职工创新成果库."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..schema import Date, Field, ListOf, Markdown, Ref, Term, Text
from .common import STATE_FIELD, Kind, Source, id_field


@dataclass(frozen=True)
class Innovation:
    id: str
    title: str
    kind: str
    authors: list[str]
    unit: str
    competition: str | None
    date: dt.date | None
    benefit: str
    summary: str
    description: str
    state: str
    src: Source = field(compare=False)
    year: int = 0


FIELDS = [
    id_field("zhuangpei-jiaju"),
    Field("title", "成果名称", "成果名称，如 总装线快速定位夹具。", Text(60)),
    Field("kind", "类别", "成果类别（“五小”或其他群众性创新形式）。", Term("innovation_kinds")),
    Field("authors", "完成人", "完成人姓名，每人一行。", ListOf(Text(20), min_items=1)),
    Field(
        "unit",
        "所在单位",
        "完成单位的编号：企业编号，或 企业编号/车间班组编号。",
        Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True),
    ),
    Field("competition", "来自竞赛", "如成果来自某项竞赛，写竞赛编号。", Ref("competition", "zhuangpei-jineng"), required=False),
    Field("date", "完成日期", "成果完成或评定的日期。", Date(), required=False),
    Field("benefit", "效益", "成果带来的效益，如 每年节约成本约12万元。", Text(100)),
    Field("summary", "简介", "一句话简介，60 字以内。", Text(60)),
    Field("description", "详细说明", "详细说明，可用 Markdown。", Markdown(), required=False, default=""),
    STATE_FIELD,
]

KIND = Kind("innovation", "创新成果", "innovations", True, FIELDS, Innovation)
