"""Unions above the grassroots: township unions, the zone union, the education union."""

from __future__ import annotations

from ..fieldtypes import Term, Text
from ..schema import described
from .common import Kind, Source, declared, record_id


@declared
class Union:
    id: str = record_id("chengguan")
    name: str = described("名称", "工会全称，如 城关镇总工会。", Text(60))
    kind: str = described("类别", "工会类别。", Term("union_kinds"))
    township: str | None = described("所在乡镇", "所在乡镇（县级工会不填）。", Term("townships"), required=False)
    src: Source


KIND = Kind("union", "工会", Union, "unions", table="unions")
