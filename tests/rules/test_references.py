"""References (generator/rules/references.py): a unit, an enterprise's union or a competition named by id exists."""

from __future__ import annotations

from ..conftest import edit, problems
from . import COMP, PIONEER


def test_missing_reference_names_the_field_and_line(project):
    edit(project, COMP, "  - peijian/zongzhuang\nstart", "  - peijian/zongzhaung\nstart")
    edit(project, PIONEER, "  - zhuangpei", "  - zhuangpie")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:6: competitions[1]: 2023 年度没有编号为「zhuangpie」的竞赛。是不是「zhuangpei」？"
        "请检查拼写，竞赛记录在 site_data/2023/competitions/。",
        "site_data/2023/competitions/zhuangpei.yml:9: units[1]: 单位「测试配件有限公司」里没有编号为「zongzhaung」的车间班组。"
        "是不是「peijian/zongzhuang」？已登记的有：zongzhuang（总装车间）、hanjie（焊接班）。"
        "写错了就改成已登记的编号；确实是新的车间班组，请在 site_data/enterprises/peijian.yml 的 units 里登记它。",
    ]


def test_reference_to_a_broken_record_is_not_reported_twice(project):
    edit(project, COMP, "participants: 40", "participants: 很多")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:14: participants: 应为整数，却读到了文字「很多」。请写成如 participants: 86。"
    ]


def test_enterprise_without_facts_for_the_year(project):
    edit(project, "site_data/enterprises/wuliu.yml", "  2023:", "  2022:")
    assert problems(project) == [
        "site_data/2023/competitions/fuwu.yml:9: units[1]: 单位「测试物流有限公司」没有 2023 年的年度情况。"
        "请在 site_data/enterprises/wuliu.yml 的 years 下加上 2023: 一组（township、union、above_designated_size）。"
    ]


def test_enterprise_union_must_exist_and_points_at_its_line(project):
    edit(project, "site_data/enterprises/wuliu.yml", "    union: chengxiang", "    union: chengxaing")
    assert problems(project) == [
        "site_data/enterprises/wuliu.yml:8: years.2023.union: 找不到编号为「chengxaing」的工会。是不是「chengxiang」？已有的工会编号：chengxiang、natong、xianzong。"
    ]
