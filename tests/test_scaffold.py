"""`new KIND`: a form with every field and its Chinese help, that check then walks the editor through."""

from __future__ import annotations

import pytest
import yaml

from generator.kinds import KINDS
from generator.scaffold import new_record, readable_id, template

from .conftest import problems


@pytest.mark.parametrize("kind", sorted(k for k in KINDS if k != "news"))
def test_every_kind_has_a_form_that_parses_and_names_every_field(kind):
    text = template(KINDS[kind], "new-x", 2023)
    data = yaml.safe_load(text)
    assert set(data) == {f.name for f in KINDS[kind].fields}
    for f in KINDS[kind].fields:
        assert f"# {f.label}（{'必填' if f.required else '选填'}）：" in text


def test_new_person_gets_a_pinyin_id_and_check_asks_for_the_required_fields(project):
    path = new_record(project, "person", 2023, "韦测试")
    assert path == project / "site_data/2023/people/wei-ceshi.yml"
    found = problems(project)
    assert found == [
        f"site_data/2023/people/wei-ceshi.yml:{line}: {name}: 「{name}」（{label}）没有填写内容：{help}"
        for line, name, label, help in [
            (11, "unit", "所在单位", "所在单位的编号：企业编号，或 企业编号/车间班组编号。"),
            (14, "post", "岗位", "岗位或工种，如 装配钳工。"),
            (18, "honour", "荣誉", "获得的荣誉。"),
            (45, "summary", "一句话简介", "一句话说明主要事迹，显示在卡片和分享摘要里，60 字以内。"),
        ]
    ]


def test_new_never_overwrites_and_ids_stay_unique(project):
    first = new_record(project, "collective", 2023)
    second = new_record(project, "collective", 2023)
    assert (first.name, second.name) == ("new-collective.yml", "new-collective-2.yml")
    assert new_record(project, "person", 2023, "农测试").name == "nong-ceshi-2.yml"  # nong-ceshi exists


def test_readable_ids():
    assert readable_id("农建国", person=True) == "nong-jianguo"
    assert readable_id("总装车间") == "zongzhuangchejian"
    assert readable_id("***") == "jilu"
