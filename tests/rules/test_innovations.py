"""Innovations (generator/rules/innovations.py): their unit and competition exist, their date is in the window."""

from __future__ import annotations

from ..conftest import edit, problems

INNOVATION = "site_data/2023/innovations/jiaju.yml"


def test_an_innovations_unit_must_exist_and_its_date_be_in_the_window(project):
    edit(project, INNOVATION, "unit: peijian/zongzhuang", "unit: peijain")
    edit(project, INNOVATION, "date: 2023-08-20", "date: 2025-08-20")
    assert problems(project) == [
        "site_data/2023/innovations/jiaju.yml:6: unit: 找不到编号为「peijain」的单位。是不是「peijian」？请检查拼写，或先在 site_data/enterprises/ 建立 peijain.yml。",
        "site_data/2023/innovations/jiaju.yml:8: date: 日期 2025-08-20 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。",
    ]
