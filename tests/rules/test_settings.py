"""The county's settings (generator/rules/settings.py): each word and code once, words taken from their own lists."""

from __future__ import annotations

from ..conftest import edit, problems

SETTINGS = "site_data/settings.yml"


def test_a_township_listed_twice(project):
    edit(
        project,
        SETTINGS,
        "  - {name: 南圩镇, code: nanxu}",
        "  - {name: 南圩镇, code: nanxu}\n  - {name: 南圩镇, code: chengxiang}",
    )
    assert problems(project) == [
        "site_data/settings.yml:7: townships[4]: 「chengxiang」重复了：同一个列表里每项只能写一次。",
        "site_data/settings.yml:7: townships[4]: 「南圩镇」重复了：同一个列表里每项只能写一次。",
    ]


def test_a_recommended_level_must_be_one_of_the_levels(project):
    (project / SETTINGS).write_text(
        (project / SETTINGS).read_text(encoding="utf-8") + "recommended_levels: [市级, 省级]\n", encoding="utf-8"
    )
    assert problems(project) == [
        "site_data/settings.yml:18: recommended_levels: 「省级」不在荣誉级别（levels）里；可选：县级、市级、自治区级、全国。",
    ]
