"""References between records: a unit, an enterprise's union or a competition named by id must exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..dataset import Dataset, Year
from ..kinds.common import Source
from ..problems import Problem
from .common import Context, hint


def check_unit(dataset: Dataset, year: int, ref: str, src: Source, name: str, line: int | None = None) -> Iterator[Problem]:
    """`enterprise` or `enterprise/unit` must exist, and the enterprise must have facts for the year."""
    enterprise_id, _, unit_id = ref.partition("/")
    if enterprise_id in dataset.failed_ids:
        return
    enterprise = dataset.enterprises.get(enterprise_id)
    if enterprise is not None and (not unit_id or enterprise.unit(unit_id) is not None) and year in enterprise.years:
        return  # the usual case, met for every reference of every record: nothing to look up
    line = line if line is not None else src.line_of(name)
    if enterprise is None:
        yield Problem(
            src.file,
            line,
            name,
            f"找不到编号为「{enterprise_id}」的单位。{hint(enterprise_id, dataset.enterprises)}"
            f"请检查拼写，或先在 site_data/enterprises/ 建立 {enterprise_id}.yml。",
        )
        return
    if unit_id and enterprise.unit(unit_id) is None:
        known = "、".join(f"{u.id}（{u.name}）" for u in enterprise.units) or "（还没有登记车间班组）"
        # The id the editor probably meant: the nearest spelling among the enterprise's units.
        close = difflib.get_close_matches(unit_id, [u.id for u in enterprise.units], n=1, cutoff=0.6)
        unit_hint = f"是不是「{enterprise_id}/{close[0]}」？" if close else ""
        yield Problem(
            src.file,
            line,
            name,
            f"单位「{enterprise.name}」里没有编号为「{unit_id}」的车间班组。{unit_hint}已登记的有：{known}。"
            f"写错了就改成已登记的编号；确实是新的车间班组，请在 {enterprise.src.file} 的 units 里登记它。",
        )
    if year not in enterprise.years:
        yield Problem(
            src.file,
            line,
            name,
            f"单位「{enterprise.name}」没有 {year} 年的年度情况。请在 {enterprise.src.file} 的 years 下加上 {year}: 一组"
            "（township、union、above_designated_size）。",
        )


def check_competition(year: Year, ref: str, src: Source, name: str, dataset: Dataset) -> Iterator[Problem]:
    """A competition named by id must be one of that year's."""
    if ref not in year.competitions and ref not in dataset.failed_ids:
        yield Problem(
            src.file,
            src.line_of(name),
            name,
            f"{year.campaign.year} 年度没有编号为「{ref}」的竞赛。{hint(ref, year.competitions)}"
            f"请检查拼写，竞赛记录在 site_data/{year.campaign.year}/competitions/。",
        )


def rule_enterprise_unions_exist(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """Each year's facts of an enterprise name the union it belongs to: that union must exist."""
    for enterprise in dataset.enterprises.values():
        for year, facts in sorted(enterprise.years.items()):
            if facts.union not in dataset.unions and facts.union not in dataset.failed_ids:
                yield Problem(
                    enterprise.src.file,
                    enterprise.src.line_of(f"years.{year}.union"),
                    f"years.{year}.union",
                    f"找不到编号为「{facts.union}」的工会。{hint(facts.union, dataset.unions)}已有的工会编号："
                    f"{'、'.join(sorted(dataset.unions))}。",
                )
