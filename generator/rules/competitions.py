"""Competitions: their dates, organisers, co-organisers, units and results."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..problems import Problem
from .common import Context, hint
from .dates import in_window, iso
from .references import check_unit


def rule_competitions(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """A competition runs forwards within the year; whoever it names exists; a co-organiser is not a unit."""
    for number, year in dataset.years.items():
        for competition in year.competitions.values():
            src = competition.src
            if competition.start > competition.end:
                yield Problem(
                    src.file,
                    src.line_of("end"),
                    "end",
                    f"结束日期 {iso(competition.end)} 早于开始日期 {iso(competition.start)}。",
                )
            yield from in_window(year, competition.start, src, "start")
            yield from in_window(year, competition.end, src, "end")
            organiser = competition.organiser
            if organiser not in dataset.unions:
                yield from check_unit(dataset, number, organiser, src, "organiser")
            for index, co in enumerate(competition.co_organisers, 1):
                where = f"co_organisers[{index}]"
                if co == organiser:
                    yield Problem(src.file, src.line_of(where), where, f"「{co}」已经是主办单位（organiser），这里不用再写。")
                elif co in competition.units:
                    yield Problem(
                        src.file,
                        src.line_of(where),
                        where,
                        f"「{co}」既写成联合主办单位，又写在参赛单位（units）里。联合主办不是参赛：只组织竞赛的，从 units 里删去；"
                        "也参赛的，从 co_organisers 里删去。",
                    )
                elif co not in dataset.unions:
                    yield from check_unit(dataset, number, co, src, where)
            for index, unit in enumerate(competition.units, 1):
                yield from check_unit(dataset, number, unit, src, f"units[{index}]")
            for index, result in enumerate(competition.results, 1):
                if result.unit:
                    yield from check_unit(dataset, number, result.unit, src, f"results[{index}].unit")
                if result.person and result.person not in year.people and result.person not in dataset.failed_ids:
                    yield Problem(
                        src.file,
                        src.line_of(f"results[{index}].person"),
                        f"results[{index}].person",
                        f"{number} 年度没有编号为「{result.person}」的先进个人。{hint(result.person, year.people)}",
                    )
