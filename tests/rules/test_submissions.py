"""Submissions (generator/rules/submissions.py): by a whole enterprise that exists, dated within the year."""

from __future__ import annotations

from ..conftest import edit, problems, write


def test_submission_for_a_workshop_is_refused(project):
    edit(project, "site_data/2023/submissions/peijian.yml", "unit: peijian", "unit: peijian/zongzhuang")
    assert problems(project) == [
        "site_data/2023/submissions/peijian.yml:1: unit: 报送材料的是整个单位的工会：只写企业编号，不写车间班组。"
    ]


def test_a_submission_by_an_unknown_enterprise(project):
    write(project, "site_data/2023/submissions/wuliou.yml", "unit: wuliou\nplan_filed: 2023-06-10\n")
    assert problems(project) == [
        "site_data/2023/submissions/wuliou.yml:1: unit: 找不到编号为「wuliou」的单位。是不是「wuliu」？请检查拼写，或先在 site_data/enterprises/ 建立 wuliou.yml。",
    ]


def test_evidence_dated_outside_the_window(project):
    edit(project, "site_data/2023/submissions/peijian.yml", "  roster: 2023-11-02", "  roster: 2025-11-02")
    assert problems(project) == [
        "site_data/2023/submissions/peijian.yml:5: evidence.roster: 日期 2025-11-02 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。",
    ]
