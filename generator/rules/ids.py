"""Ids: a record's id is its file name and its address, so it must be its own, not reserved, not shared."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..dataset import Dataset
from ..kinds import KINDS
from ..kinds.common import Source
from ..load import RawRecord
from ..problems import Problem
from .common import Context


def identity_problems(raw: RawRecord, values: dict[str, Any]) -> list[Problem]:
    """One record's key (its id, a story's slug, a calendar's year): its file's name, and no name the site's
    own pages take beside it."""
    kind = raw.kind
    key = kind.key
    if key not in values or "/" in str(values[key]):  # a unit inside an enterprise: the rules say why it cannot be
        return []
    value = values[key]
    line = raw.data.line_of(key)
    if str(value) != raw.path.stem and not kind.file and not kind.front_matter:  # a story's file has its date too
        if key == "year":
            return [Problem(raw.file, line, key, f"年份 {value} 与文件名「{raw.path.name}」不一致。")]
        return [
            Problem(
                raw.file,
                line,
                key,
                f"编号「{value}」与文件名「{raw.path.name}」不一致：请把文件改名为 {value}{raw.path.suffix}，或把编号改为 {raw.path.stem}。",
            )
        ]
    if kind.reserved is not None and kind.reserved.pattern.match(value):
        label = next(f.label for f in kind.fields if f.name == key)
        return [Problem(raw.file, line, key, f"{label}「{value}」是网站保留的名字（{kind.reserved.shown}），请换一个。")]
    return []


def rule_ids_shared_by_unions_and_enterprises(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """An organiser id must name one thing: a union or an enterprise, not both."""
    for clash in sorted(set(dataset.unions) & set(dataset.enterprises)):
        src = dataset.enterprises[clash].src
        other = dataset.unions[clash].src.file
        yield Problem(src.file, src.line_of("id"), "id", f"编号「{clash}」已被工会 {other} 使用，单位和工会的编号不能相同。")


def rule_exemplar_ids(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """A collective and a person of one year may not share an id: a 公示 names its candidates by id alone."""
    for year in dataset.years.values():
        for record_id, person in year.people.items():
            collective = year.collectives.get(record_id)
            if collective is not None:
                yield Problem(
                    person.src.file,
                    person.src.line_of("id"),
                    "id",
                    f"编号「{record_id}」已是先进集体 {collective.src.file} 的编号：公示按编号找公示对象，同一年度的集体和个人"
                    "不能同名。请给其中一个换一个编号（改文件名和 id）。",
                )


def rule_former_ids(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """A former id keeps an old address: it may be no other record's address, now or before."""
    for year in dataset.years.values():
        for kind in KINDS.values():
            if "former_ids" not in kind.field_names or kind.reserved is None:
                continue
            table: dict[str, Any] = getattr(year, kind.table)
            taken: dict[str, Source] = {record_id: record.src for record_id, record in table.items()}
            for record in table.values():
                for index, old in enumerate(record.former_ids, 1):
                    name = f"former_ids[{index}]"
                    if old == record.id:
                        message = f"曾用编号「{old}」就是现在的编号：只写改名前的编号。"
                    elif old in taken:
                        message = f"曾用编号「{old}」已是 {taken[old].file} 的编号或曾用编号，旧网址不能同时指向两条记录。"
                    elif kind.reserved.pattern.match(old):
                        message = f"「{old}」是网站保留的名字，不会是原来的编号。"
                    else:
                        taken[old] = record.src
                        continue
                    yield Problem(record.src.file, record.src.line_of(name), name, message)
