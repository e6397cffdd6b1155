"""The submissions board, against the fixture: 测试配件 filed its plan 06-10 (on time) and two
materials; 测试糖业 filed 06-20 (late), nothing else; 测试物流 has filed nothing."""

import datetime as dt

import pytest

from generator.board import board
from generator.validate import load_dataset

from .conftest import FIXTURE, edit, problems


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURE / "site_data", FIXTURE / "content", FIXTURE)


def statuses(dataset, day: str) -> dict[str, tuple[str, list[str]]]:
    result = board(dataset, 2023, dt.date.fromisoformat(day))
    return {row.unit: (row.plan.status, [i.status for i in row.evidence]) for row in result.rows}


def test_before_the_plan_deadline_nothing_is_overdue(dataset):
    rows = statuses(dataset, "2023-06-15")
    assert rows["peijian"][0] == "按时"
    assert rows["tangye"][0] == "未到期"  # filed 06-20, after as_of: not yet known
    assert rows["wuliu"][0] == "未到期"
    assert set(rows["peijian"][1]) == {"未到期"}


def test_after_the_plan_deadline(dataset):
    rows = statuses(dataset, "2023-07-01")
    assert {unit: plan for unit, (plan, _) in rows.items()} == {"peijian": "按时", "tangye": "逾期", "wuliu": "未报送"}


def test_after_the_evidence_deadline(dataset):
    rows = statuses(dataset, "2023-11-15")
    # 活动方案 10-30 on time, 人员名单 11-02 late, the other six missing.
    assert rows["peijian"][1] == ["按时", "未报送", "逾期", "未报送", "未报送", "未报送", "未报送", "未报送"]
    assert rows["wuliu"][1] == ["未报送"] * 8
    result = board(dataset, 2023, dt.date(2023, 11, 15))
    assert [r.evidence_count for r in result.rows] == [2, 0, 0]
    assert (result.count("按时"), result.count("逾期"), result.count("未报送")) == (1, 1, 1)


def test_unknown_evidence_kind_lists_the_eight(project):
    edit(project, "site_data/2023/submissions/peijian.yml", "  roster:", "  rosters:")
    assert problems(project) == [
        "site_data/2023/submissions/peijian.yml:5: evidence.rosters: 未知字段「rosters」。是不是想写「roster」？"
        "可用的字段：activity_plan、notice、roster、photos、summary、statistics、score_sheets、award_notice"
        "（本地设置的佐证材料（evidence_kinds））。"
    ]
