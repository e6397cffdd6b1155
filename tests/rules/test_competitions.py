"""Competitions (generator/rules/competitions.py): dates, organisers, co-organisers, units and results."""

from __future__ import annotations

from ..conftest import edit, problems
from . import COMP


def test_unknown_enterprise_and_person(project):
    edit(project, COMP, "organiser: peijian", "organiser: peijain")
    edit(project, COMP, "person: nong-ceshi", "person: nong-cheshi")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:7: organiser: 找不到编号为「peijain」的单位。是不是「peijian」？"
        "请检查拼写，或先在 site_data/enterprises/ 建立 peijain.yml。",
        "site_data/2023/competitions/zhuangpei.yml:25: results[2].person: 2023 年度没有编号为「nong-cheshi」的先进个人。是不是「nong-ceshi」？",
    ]


def test_end_before_start(project):
    edit(project, COMP, "end: 2023-09-30", "end: 2023-06-01")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:11: end: 结束日期 2023-06-01 早于开始日期 2023-06-10。"
    ]


def test_result_unit_and_innovation_competition_must_exist(project):
    edit(project, COMP, "    unit: peijian/zongzhuang\n    score: 91.5", "    unit: peijian/zz\n    score: 91.5")
    edit(project, "site_data/2023/innovations/jiaju.yml", "competition: zhuangpei", "competition: zhuangpai")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:19: results[1].unit: 单位「测试配件有限公司」里没有编号为「zz」的车间班组。"
        "已登记的有：zongzhuang（总装车间）、hanjie（焊接班）。"
        "写错了就改成已登记的编号；确实是新的车间班组，请在 site_data/enterprises/peijian.yml 的 units 里登记它。",
        "site_data/2023/innovations/jiaju.yml:7: competition: 2023 年度没有编号为「zhuangpai」的竞赛。是不是「zhuangpei」？请检查拼写，竞赛记录在 site_data/2023/competitions/。",
    ]


def test_co_organisers_are_neither_the_organiser_nor_units_and_must_exist(project):
    edit(
        project,
        COMP,
        "organiser: peijian",
        "organiser: peijian\nco_organisers:\n  - peijian\n  - peijian/zongzhuang\n  - wuliu\n  - wuliou",
    )
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:9: co_organisers[1]: 「peijian」已经是主办单位（organiser），这里不用再写。",
        "site_data/2023/competitions/zhuangpei.yml:10: co_organisers[2]: 「peijian/zongzhuang」既写成联合主办单位，又写在参赛单位（units）里。联合主办不是参赛：只组织竞赛的，从 units 里删去；也参赛的，从 co_organisers 里删去。",
        "site_data/2023/competitions/zhuangpei.yml:12: co_organisers[4]: 找不到编号为「wuliou」的单位。是不是「wuliu」？请检查拼写，或先在 site_data/enterprises/ 建立 wuliou.yml。",
    ]
