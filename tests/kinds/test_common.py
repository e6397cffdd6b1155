"""A kind is declared once (generator/kinds/common.py): its data class holds its fields; where its files live,
what they are named after and which names they may not take are the kind's, and every tool reads them there."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import field
from pathlib import Path

from generator.fieldtypes import Integer, Text
from generator.kinds import KINDS, Kind
from generator.kinds.common import STATE, Source, declared, record_id
from generator.kinds.settings import Settings, national
from generator.load import discover
from generator.scaffold import template
from generator.schema import Where, check_fields, described, fields_json, fields_of, shared
from generator.yamlio import load_yaml


def nested(record: type) -> list[type]:
    """The record's data class and those of its groups of fields (a result row, a phase, an office)."""
    found = [record]
    for declaration in fields_of(record):
        item = declaration.type
        while hasattr(item, "item"):  # a list of, a year's map of
            item = item.item
        if hasattr(item, "build"):
            found += nested(item.build)
    return found


def test_each_field_is_typed_as_it_is_declared():
    """A field that may be left out with nothing in its place is optional on the record, and only such a one."""
    checked = 0
    for kind in KINDS.values():
        # What a county's settings leave out comes from the national defaults.
        defaults = national() if kind.record is Settings else {}
        for record in nested(kind.record):
            hints = typing.get_type_hints(record)
            for declaration in fields_of(record):
                hint = hints[declaration.name]
                optional = isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)
                left_out = None if record is not kind.record else defaults.get(declaration.name)
                may_be_none = not declaration.required and declaration.default is None and left_out is None
                assert optional == may_be_none, f"{record.__name__}.{declaration.name}: {hint}"
                checked += 1
    assert checked > 150  # every kind, with its nested groups


def test_every_kind_is_read_from_where_it_is_filed(tmp_path: Path):
    data, content = tmp_path / "site_data", tmp_path / "content"
    filed = {}
    for kind in KINDS.values():
        path = kind.path(data, content, 2031, "zhang-ming")
        if kind.front_matter:
            path = path.with_suffix(".md")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
        filed[path] = (kind.name, 2031 if kind.per_year else None)
    found, problems = discover(data, content, tmp_path)
    assert problems == []
    assert {path: (kind.name, year) for kind, year, path in found} == filed
    assert sorted(p.relative_to(tmp_path).as_posix() for p in filed)[:3] == [
        f"content/news/posts/{next(p.name for p in filed if p.suffix == '.md')}",
        "site_data/2031/announcements/zhang-ming.yml",
        "site_data/2031/campaign.yml",
    ]


def test_a_file_in_no_kinds_folder_is_named_with_every_place_there_is(tmp_path: Path):
    (tmp_path / "site_data/2031/people").mkdir(parents=True)
    (tmp_path / "site_data/2031/teams.yml").write_text("", encoding="utf-8")
    _, problems = discover(tmp_path / "site_data", tmp_path / "content", tmp_path)
    assert [str(p) for p in problems] == [
        "site_data/2031/teams.yml: 这个文件不在任何记录文件夹里，不会被读取。记录文件应放在：settings.yml、unions、enterprises、"
        "calendar、年份/competitions、年份/collectives、年份/people、年份/innovations、年份/submissions、"
        "年份/announcements、年份/campaign.yml。"
    ]


@declared
class Team:
    """A kind a union might add: declared here once, nothing else written for it."""

    id: str = record_id("zhuangpei-ban")
    name: str = described("班组名称", "班组的名称，如 总装班。", Text(20))
    members: int = described("人数", "班组人数。", Integer(1))
    state: str = shared(STATE)
    src: Source = field(compare=False)
    year: int = 0


TEAMS = Kind("team", "先进班组", Team, "teams", per_year=True, table="teams")


def test_a_new_kind_is_checked_documented_and_scaffolded_from_its_one_declaration(tmp_path: Path):
    assert [f.name for f in TEAMS.fields] == ["id", "name", "members", "state"]
    schema = fields_json(TEAMS.fields)
    assert schema["required"] == ["id", "name", "members"]
    assert schema["properties"]["members"] == {"title": "人数", "description": "班组人数。", "type": "integer", "minimum": 1}
    assert "# 班组名称（必填）：班组的名称，如 总装班。\nname:" in template(TEAMS, "zong-ban", 2031)
    assert TEAMS.path(tmp_path / "site_data", tmp_path / "content", 2031, "zong-ban") == (
        tmp_path / "site_data/2031/teams/zong-ban.yml"
    )

    data, _ = load_yaml("id: zong-ban\nname: 总装班\nmembers: 0\n", "site_data/2031/teams/zong-ban.yml")
    where = Where("site_data/2031/teams/zong-ban.yml")
    assert check_fields(data, TEAMS.fields, where) is None
    assert [str(p) for p in where.problems] == ["site_data/2031/teams/zong-ban.yml:3: members: 不能小于 1，现在是 0。"]

    data, _ = load_yaml("id: zong-ban\nname: 总装班\nmembers: 12\n", "site_data/2031/teams/zong-ban.yml")
    values = check_fields(data, TEAMS.fields, Where("x"))
    assert values is not None
    team = TEAMS.make(values, 2031, "", Source("site_data/2031/teams/zong-ban.yml"))
    assert (team.name, team.members, team.state, team.year) == ("总装班", 12, "定稿", 2031)
    assert dataclasses.FrozenInstanceError.__name__ in repr(_refused(team))


def _refused(team: Team) -> Exception:
    try:
        team.name = "改名"  # type: ignore[misc]
    except Exception as error:  # records are frozen: a page cannot change what another page reads
        return error
    raise AssertionError("a record could be changed")
