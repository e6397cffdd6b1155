"""Enterprises and public institutions, the grassroots units that run competitions."""

from __future__ import annotations

from dataclasses import field

from ..fieldtypes import Boolean, Identifier, ListOf, Object, Ref, Term, Text, YearMap
from ..schema import described
from .common import Kind, Source, declared, record_id


@declared
class SubUnit:
    """A 车间, 工段, 班组 or 科室 inside an enterprise."""

    id: str = described("编号", "车间、班组的编号，在本企业内不重复，如 zongzhuang。", Identifier("zongzhuang"))
    name: str = described("名称", "车间、班组的名称，如 总装车间。", Text(40))
    kind: str = described("类别", "车间、工段、班组或科室。", Term("sub_unit_kinds"))


@declared
class YearFacts:
    """What is true of an enterprise in one campaign year."""

    township: str = described("所在乡镇", "当年所在乡镇（或园区、管理区）。", Term("townships"))
    union: str = described("所属工会", "当年所属的乡镇（总）工会等上级工会的编号，如 chengguan。", Ref("union", "chengguan"))
    above_designated_size: bool = described("规模以上", "当年是否为规模以上企业：true 或 false。", Boolean())
    small_or_micro: bool = described(
        "小微企业",
        "当年是否登记为小微企业（按市场监管部门的小微企业名录）：true 或 false，不填为 false。",
        Boolean(),
        required=False,
        blank=False,
    )


@declared
class Enterprise:
    id: str = record_id("jixie-zhizao")
    name: str = described("名称", "单位全称。", Text(60))
    short_name: str | None = described("简称", "简称，用在表格和卡片里，可不填。", Text(20), required=False)
    ownership: str = described("性质", "单位性质。", Term("ownerships"))
    industry: str = described("行业", "所属行业。", Term("industries"))
    units: list[SubUnit] = described(
        "车间班组",
        "参加竞赛或获得荣誉的车间、工段、班组、科室，每个一项，写 id、name、kind。",
        ListOf(Object(SubUnit)),
        required=False,
        blank=list,
    )
    years: dict[int, YearFacts] = described(
        "年度情况",
        "按年份写当年的所在乡镇、所属工会、是否规模以上，如 2023: {township: 城关镇, …}。",
        YearMap(Object(YearFacts)),
    )
    src: Source = field(compare=False)

    def unit(self, unit_id: str) -> SubUnit | None:
        return next((u for u in self.units if u.id == unit_id), None)


KIND = Kind("enterprise", "企事业单位", Enterprise, "enterprises", table="enterprises")
