"""Exemplars (generator/rules/exemplars.py): their references, and who may be a 工人先锋号."""

from __future__ import annotations

from ..conftest import edit, problems
from . import PIONEER


def test_pioneer_citing_a_competition_run_by_another_unit_is_refused(project):
    # 节能减排达标竞赛 is run by the sugar company: the 总装车间 did not take part in it.
    edit(project, PIONEER, "  - zhuangpei", "  - jieneng")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:5: competitions: 「工人先锋号」只能授予自己开展了劳动和技能竞赛的集体（方案「选树典型」），"
        "但所列竞赛（jieneng）的主办单位和参赛单位里都没有「peijian/zongzhuang」。请写上它自己组织或参加的竞赛，或在该竞赛的 units 里补上它。"
    ]


def test_pioneer_team_is_not_eligible_through_a_sibling_team(project):
    # The enterprise took part through its 总装车间; its 焊接班 did not run a competition.
    edit(project, PIONEER, "unit: peijian/zongzhuang", "unit: peijian/hanjie")
    assert problems(project)[0].endswith(
        "但所列竞赛（zhuangpei）的主办单位和参赛单位里都没有「peijian/hanjie」。请写上它自己组织或参加的竞赛，或在该竞赛的 units 里补上它。"
    )


def test_whole_enterprise_is_eligible_through_its_own_workshop(project):
    edit(project, PIONEER, "unit: peijian/zongzhuang", "unit: peijian")
    assert problems(project) == []


def test_pioneer_without_competitions_is_refused(project):
    edit(project, PIONEER, "competitions:\n  - zhuangpei\n", "")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:4: competitions: 「工人先锋号」只能授予开展了劳动和技能竞赛的集体（方案「选树典型」）。"
        "请在 competitions 里写上这个集体组织或参加的竞赛编号。"
    ]


def test_other_collective_honours_do_not_need_the_rule(project):
    edit(project, PIONEER, "honour: 工人先锋号", "honour: 先进集体")
    edit(project, PIONEER, "  - zhuangpei", "  - jieneng")
    assert problems(project) == []


def test_an_exemplars_unit_must_exist(project):
    edit(project, "site_data/2023/people/huang-ceshi.yml", "unit: tangye/zhaji", "unit: tangye/zhaj")
    assert problems(project) == [
        "site_data/2023/people/huang-ceshi.yml:3: unit: 单位「测试糖业有限公司」里没有编号为「zhaj」的车间班组。是不是「tangye/zhaji」？已登记的有：zhaji（压榨车间）。写错了就改成已登记的编号；确实是新的车间班组，请在 site_data/enterprises/tangye.yml 的 units 里登记它。",
    ]
