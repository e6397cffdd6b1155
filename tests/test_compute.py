"""Figures derived on the `as_of` date, checked against numbers worked out by hand from the fixture."""

import datetime as dt

import pytest

from generator.compute import competition_status, headline, honoured_from, schedule
from generator.validate import load_dataset

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def year():
    return load_dataset(FIXTURE / "site_data", FIXTURE / "content", FIXTURE).years[2023]


@pytest.mark.parametrize(
    ("day", "state", "label", "deadline", "days_left", "percent"),
    [
        # Before the first phase: nothing has started; the first deadline is 2023-06-15.
        ("2023-03-01", "before", "尚未开始", "2023-06-15", 106, 0),
        # First day of the launch phase; 4-01 to 10-31 spans 213 days.
        ("2023-04-01", "phase", "第一阶段：宣传发动阶段", "2023-06-15", 75, 0),
        ("2023-05-31", "phase", "第一阶段：宣传发动阶段", "2023-06-15", 15, 28),
        # Full operation; the plan is due 06-15 although the launch phase ended 05-31.
        ("2023-06-01", "phase", "第二阶段：全面开展阶段", "2023-06-15", 14, 29),
        ("2023-06-16", "phase", "第二阶段：全面开展阶段", "2023-10-31", 137, 36),
        ("2023-10-31", "phase", "第二阶段：全面开展阶段", "2023-10-31", 0, 100),
        # After the last phase: nothing is due any more.
        ("2023-11-01", "after", "各阶段已结束", None, None, 100),
    ],
)
def test_schedule_on_dates_before_during_and_after_each_phase(year, day, state, label, deadline, days_left, percent):
    s = schedule(year.campaign, dt.date.fromisoformat(day))
    assert (s.state, s.label, s.days_left, s.percent) == (state, label, days_left, percent)
    assert (s.next_deadline.date.isoformat() if s.next_deadline else None) == deadline


def test_schedule_between_phases(year):
    from dataclasses import replace

    launch, full = year.campaign.phases
    gap = replace(year.campaign, phases=[launch, replace(full, start=dt.date(2023, 6, 10))])
    assert schedule(gap, dt.date(2023, 6, 5)).label == "即将进入全面开展阶段"


def test_competition_status_turns_on_its_dates(year):
    zhuangpei = year.competitions["zhuangpei"]  # 2023-06-10 to 2023-09-30
    assert competition_status(zhuangpei, dt.date(2023, 6, 9)) == "未开始"
    assert competition_status(zhuangpei, dt.date(2023, 6, 10)) == "进行中"
    assert competition_status(zhuangpei, dt.date(2023, 9, 30)) == "进行中"
    assert competition_status(zhuangpei, dt.date(2023, 10, 1)) == "已结束"


def test_headline_counts_competitions_held_by_as_of(year):
    # On 2023-07-01: 节能减排 (from 05-01, 25 people) and 装配 (from 06-10, 40 people) have started;
    # 五小 (from 08-01, 18 people) and 优质服务 (from 11-01, 12 people) have not.
    h = headline(year, dt.date(2023, 7, 1))
    assert (h.held, h.participants, h.planned) == (2, 65, 2)
    assert dict(h.held_by_stream) == {
        "职工建功立业竞赛": 1,
        "群众性创新竞赛": 0,
        "职工技能素质提升竞赛": 1,
        "安康杯竞赛": 0,
        "班组创先争优竞赛": 0,
    }
    assert (h.collectives, h.people, h.innovations) == (2, 3, 1)  # 陆测试 is honoured from the records, not by a date
    later = headline(year, dt.date(2023, 12, 1))
    assert (later.held, later.participants, later.planned) == (4, 95, 0)  # 25 + 40 + 18 + 12


def test_honoured_from_links_competitions_to_exemplars(year):
    table = honoured_from(year)
    assert [c.id for c in table["zhuangpei"].collectives] == ["zongzhuang"]
    assert [p.id for p in table["zhuangpei"].people] == ["nong-ceshi"]
    assert [c.id for c in table["jieneng"].collectives] == ["zhaji"]
    assert [p.id for p in table["wuxiao"].people] == ["lu-ceshi"] and table["wuxiao"].collectives == []
    assert table["fuwu"].collectives == [] and table["fuwu"].people == []
