"""Exemplars (先进集体, 先进个人): their unit and competitions, and who may be a 工人先锋号."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..dataset import Dataset, Year
from ..problems import Problem
from .common import Context
from .references import check_competition, check_unit


def exemplars(year: Year) -> Iterator[Any]:
    """The year's collectives, then its people."""
    yield from year.collectives.values()
    yield from year.people.values()


def rule_exemplars(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """An exemplar's unit and the competitions it cites must exist."""
    for number, year in dataset.years.items():
        for record in exemplars(year):
            src = record.src
            yield from check_unit(dataset, number, record.unit, src, "unit")
            for index, ref in enumerate(record.competitions, 1):
                yield from check_competition(year, ref, src, f"competitions[{index}]", dataset)


def ran_competition(year: Year, unit: str, competition_id: str) -> bool:
    """Whether `unit` itself organised or took part in that competition of the year."""
    competition = year.competitions.get(competition_id)
    return competition is not None and competition.involves(unit)


def rule_pioneer_needs_competition(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """方案「选树典型」：没有开展劳动和技能竞赛的单位不能作为「工人先锋号」推荐对象。"""
    for year in dataset.years.values():
        for collective in year.collectives.values():
            if collective.honour != "工人先锋号":
                continue
            src = collective.src
            cited = [c for c in collective.competitions if c in year.competitions]
            if any(c in dataset.failed_ids for c in collective.competitions):
                continue
            if not collective.competitions:
                yield Problem(
                    src.file,
                    src.line_of("honour"),
                    "competitions",
                    "「工人先锋号」只能授予开展了劳动和技能竞赛的集体（方案「选树典型」）。"
                    "请在 competitions 里写上这个集体组织或参加的竞赛编号。",
                )
            elif cited and not any(ran_competition(year, collective.unit, c) for c in cited):
                yield Problem(
                    src.file,
                    src.line_of("competitions"),
                    "competitions",
                    f"「工人先锋号」只能授予自己开展了劳动和技能竞赛的集体（方案「选树典型」），但所列竞赛"
                    f"（{'、'.join(cited)}）的主办单位和参赛单位里都没有「{collective.unit}」。"
                    "请写上它自己组织或参加的竞赛，或在该竞赛的 units 里补上它。",
                )
