"""Dates (generator/rules/dates.py): the window runs forwards, phases follow one another, dates fall in the window."""

from __future__ import annotations

from pathlib import Path

from ..conftest import edit, problems, write
from . import COMP


def test_dates_outside_the_window_and_not_dates(project):
    edit(project, COMP, "end: 2023-09-30", "end: 2033-09-30")
    edit(project, "site_data/2023/innovations/jiaju.yml", "date: 2023-08-20", "date: 2023年8月20日")
    edit(project, "content/news/posts/2023-06-20-launch.md", "date: 2023-06-20", "date: 2022-06-20\ncampaign: 2023")
    assert problems(project) == [
        "content/news/posts/2023-06-20-launch.md:3: date: 日期 2022-06-20 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。"
        "请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。",
        "site_data/2023/competitions/zhuangpei.yml:11: end: 日期 2033-09-30 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。"
        "请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。",
        "site_data/2023/innovations/jiaju.yml:8: date: 「2023年8月20日」不是有效日期。请写成「2023-06-15」这样的格式（年-月-日，用半角连字符）。是不是「2023-08-20」？",
    ]


def test_campaign_window_and_phase_order(project):
    edit(project, "site_data/2023/campaign.yml", "  end: 2024-03-31", "  end: 2022-03-31")
    edit(project, "site_data/2023/campaign.yml", "    start: 2023-06-01", "    start: 2023-05-01")
    assert problems(project) == [
        "site_data/2023/campaign.yml:14: window.end: 日期范围的结束日期 2022-03-31 早于开始日期 2023-01-01。",
        "site_data/2023/campaign.yml:25: phases[2]: 阶段「全面开展阶段」与上一阶段重叠：各阶段应按时间先后排列、互不重叠。",
    ]


def test_deadline_outside_the_window(project):
    edit(project, "site_data/2023/campaign.yml", "      - date: 2023-10-31", "      - date: 2024-10-31")
    assert problems(project) == [
        "site_data/2023/campaign.yml:31: phases[2].deadlines[1].date: 日期 2024-10-31 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。"
        "请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。"
    ]


def test_a_holiday_table_may_not_override_a_year_the_calendar_package_knows(project: Path):
    # chinesecalendar has 2023: a table of our own would silently replace the State Council's days.
    write(project, "site_data/calendar/2023.yml", "year: 2023\nholidays:\n  - 2023-10-02\n")
    assert any(
        p.startswith("site_data/calendar/2023.yml:1: year: 日历库已有 2023 年国务院公布的节假日安排") for p in problems(project)
    )


def test_a_phase_that_ends_before_it_starts(project: Path):
    edit(project, "site_data/2023/campaign.yml", "    end: 2023-05-31", "    end: 2023-03-31")
    assert problems(project) == [
        "site_data/2023/campaign.yml:16: phases[1]: 阶段「宣传发动阶段」开始日期 2023-04-01 晚于结束日期 2023-03-31。"
    ]
