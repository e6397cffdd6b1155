"""Unions above the grassroots: township unions, the zone union, the education union."""

from __future__ import annotations

from dataclasses import dataclass

from ..schema import Field, Term, Text
from .common import Kind, Source, id_field


@dataclass(frozen=True)
class Union:
    id: str
    name: str
    kind: str
    township: str | None
    src: Source


FIELDS = [
    id_field("chengguan"),
    Field("name", "名称", "工会全称，如 城关镇总工会。", Text(60)),
    Field("kind", "类别", "工会类别。", Term("union_kinds")),
    Field("township", "所在乡镇", "所在乡镇（县级工会不填）。", Term("townships"), required=False),
]

KIND = Kind("union", "工会", "unions", False, FIELDS, Union)
