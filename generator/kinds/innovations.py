"""Workers' innovations: the 职工创新成果库."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from ..fieldtypes import Date, ListOf, Markdown, Ref, Term, Text
from ..schema import described, shared
from ..urls import Urls
from .common import STATE, Kind, Source, declared, record_id


@declared
class Innovation:
    id: str = record_id("zhuangpei-jiaju")
    title: str = described("成果名称", "成果名称，如 总装线快速定位夹具。", Text(60))
    kind: str = described("类别", "成果类别（“五小”或其他群众性创新形式）。", Term("innovation_kinds"))
    authors: list[str] = described("完成人", "完成人姓名，每人一行。", ListOf(Text(20), min_items=1))
    unit: str = described(
        "所在单位",
        "完成单位的编号：企业编号，或 企业编号/车间班组编号。",
        Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True),
    )
    competition: str | None = described(
        "来自竞赛", "如成果来自某项竞赛，写竞赛编号。", Ref("competition", "zhuangpei-jineng"), required=False
    )
    date: dt.date | None = described("完成日期", "成果完成或评定的日期。", Date(), required=False)
    benefit: str = described("效益", "成果带来的效益，如 每年节约成本约12万元。", Text(100))
    summary: str = described("简介", "一句话简介，60 字以内。", Text(60))
    description: str = described("详细说明", "详细说明，可用 Markdown。", Markdown(), required=False, blank="")
    state: str = shared(STATE)
    src: Source = field(compare=False)
    year: int = 0


KIND = Kind("innovation", "创新成果", Innovation, "innovations", per_year=True, table="innovations", listing=Urls.innovations)
