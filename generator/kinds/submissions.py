"""What each grassroots union has handed in to the committee office, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from ..fieldtypes import Date, Ref, TermMap, Text
from ..schema import described
from .common import Kind, Source, declared


@declared
class Submission:
    unit: str = described(
        "单位",
        "报送材料的基层单位（企业）编号，如 jixie-zhizao。文件名也用这个编号。",
        # Units inside an enterprise are accepted here so that the rule can say why they do not fit.
        Ref("enterprise", "jixie-zhizao/zongzhuang", allow_unit=True),
    )
    plan_filed: dt.date | None = described(
        "方案备案日期", "竞赛方案报送组委会办公室备案的日期；还没报送就不填。", Date(), required=False
    )
    evidence: dict[str, dt.date | None] = described(
        "佐证材料",
        "各项佐证材料的报送日期，没报的不填；字段名是本地设置 evidence_kinds 的 code，如 roster: 2023-10-20。",
        TermMap("evidence_kinds", Date(), "材料字段名"),
        required=False,
        blank=dict,
    )
    note: str | None = described("备注", "办公室内部备注，不公开。", Text(200), required=False)
    src: Source = field(compare=False)
    year: int = 0

    @property
    def id(self) -> str:
        return self.unit


KIND = Kind("submission", "报送情况", Submission, "submissions", per_year=True, table="submissions", key="unit")
