"""Enterprises and public institutions, the grassroots units that run competitions."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import Boolean, Field, Identifier, ListOf, Object, Ref, Term, Text, YearMap
from .common import Kind, Source, id_field


@dataclass(frozen=True)
class SubUnit:
    """A 车间, 工段, 班组 or 科室 inside an enterprise."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class YearFacts:
    """What is true of an enterprise in one campaign year."""

    township: str
    union: str
    above_designated_size: bool
    small_or_micro: bool


@dataclass(frozen=True)
class Enterprise:
    id: str
    name: str
    short_name: str | None
    ownership: str
    industry: str
    units: list[SubUnit]
    years: dict[int, YearFacts]
    src: Source = field(compare=False)

    def unit(self, unit_id: str) -> SubUnit | None:
        return next((u for u in self.units if u.id == unit_id), None)


SUB_UNIT = Object(
    [
        Field("id", "编号", "车间、班组的编号，在本企业内不重复，如 zongzhuang。", Identifier("zongzhuang")),
        Field("name", "名称", "车间、班组的名称，如 总装车间。", Text(40)),
        Field("kind", "类别", "车间、工段、班组或科室。", Term("sub_unit_kinds")),
    ],
    SubUnit,
)

YEAR_FACTS = Object(
    [
        Field("township", "所在乡镇", "当年所在乡镇（或园区、管理区）。", Term("townships")),
        Field("union", "所属工会", "当年所属的乡镇（总）工会等上级工会的编号，如 chengguan。", Ref("union", "chengguan")),
        Field("above_designated_size", "规模以上", "当年是否为规模以上企业：true 或 false。", Boolean()),
        Field(
            "small_or_micro",
            "小微企业",
            "当年是否登记为小微企业（按市场监管部门的小微企业名录）：true 或 false，不填为 false。",
            Boolean(),
            required=False,
            default=False,
        ),
    ],
    YearFacts,
)

FIELDS = [
    id_field("jixie-zhizao"),
    Field("name", "名称", "单位全称。", Text(60)),
    Field("short_name", "简称", "简称，用在表格和卡片里，可不填。", Text(20), required=False),
    Field("ownership", "性质", "单位性质。", Term("ownerships")),
    Field("industry", "行业", "所属行业。", Term("industries")),
    Field(
        "units",
        "车间班组",
        "参加竞赛或获得荣誉的车间、工段、班组、科室，每个一项，写 id、name、kind。",
        ListOf(SUB_UNIT),
        required=False,
        default=list,
    ),
    Field(
        "years",
        "年度情况",
        "按年份写当年的所在乡镇、所属工会、是否规模以上，如 2023: {township: 城关镇, …}。",
        YearMap(YEAR_FACTS),
    ),
]

KIND = Kind("enterprise", "企事业单位", "enterprises", False, FIELDS, Enterprise)
