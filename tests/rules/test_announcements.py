"""公示 (generator/rules/announcements.py): candidates exist, dates fit, at least five working days."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import announcement, edit, problems, write


@pytest.fixture
def with_announcement(project: Path) -> Path:
    """The fixture with a 公示 of 12-04 to 12-08 (five working days) of the 总装车间 and 农测试."""
    write(project, "site_data/2023/announcements/pioneer.yml", announcement("2023-12-04", "2023-12-08"))
    return project


def test_announcement_must_hold_five_working_days(with_announcement: Path):
    # 09-28 to 10-09: 国庆 and 中秋 off from 09-29 to 10-06, 10-07 and 10-08 (a weekend) worked: 4 working days.
    edit(
        with_announcement,
        "site_data/2023/announcements/pioneer.yml",
        "start: 2023-12-04\nend: 2023-12-08",
        "start: 2023-09-28\nend: 2023-10-09",
    )
    assert problems(with_announcement) == [
        "site_data/2023/announcements/pioneer.yml:4: end: 公示期 2023-09-28 至 2023-10-09 只有 4 个工作日（按国务院节假日安排，含调休），"
        "至少要 5 个工作日（本地设置 announcement_workdays）。请推迟结束日期。"
    ]
    edit(with_announcement, "site_data/2023/announcements/pioneer.yml", "end: 2023-10-09", "end: 2023-10-10")
    assert problems(with_announcement) == []


def test_a_year_the_calendar_lacks_needs_its_table(with_announcement: Path):
    edit(with_announcement, "site_data/2023/campaign.yml", "  end: 2024-03-31", "  end: 2030-12-31")
    edit(
        with_announcement,
        "site_data/2023/announcements/pioneer.yml",
        "start: 2023-12-04\nend: 2023-12-08",
        "start: 2030-01-02\nend: 2030-01-08",
    )
    assert problems(with_announcement) == [
        "site_data/2023/announcements/pioneer.yml:4: end: 日历库还没有 2030 年的节假日安排，无法核对公示期。"
        "请按国务院公布的安排建立 site_data/calendar/2030.yml。"
    ]
    # 2030-01-02 (Wed) to 01-08 (Tue): with 01-03 declared a holiday, 4 working days remain.
    write(with_announcement, "site_data/calendar/2030.yml", "year: 2030\nholidays:\n  - 2030-01-01\n  - 2030-01-03\n")
    assert problems(with_announcement)[0].startswith(
        "site_data/2023/announcements/pioneer.yml:4: end: 公示期 2030-01-02 至 2030-01-08 只有 4 个工作日"
    )
    write(with_announcement, "site_data/calendar/2030.yml", "year: 2030\nholidays:\n  - 2030-01-01\nworkdays:\n  - 2030-01-05\n")
    assert problems(with_announcement) == []


def test_candidates_must_be_exemplars_of_the_year(with_announcement: Path):
    edit(with_announcement, "site_data/2023/announcements/pioneer.yml", "  - nong-ceshi", "  - nong-cheshi")
    assert problems(with_announcement) == [
        "site_data/2023/announcements/pioneer.yml:7: candidates[2]: 2023 年度没有编号为「nong-cheshi」的先进集体或先进个人。是不是「nong-ceshi」？",
    ]


def test_an_announcement_that_ends_before_it_starts(with_announcement: Path):
    edit(with_announcement, "site_data/2023/announcements/pioneer.yml", "end: 2023-12-08", "end: 2023-12-01")
    assert problems(with_announcement) == [
        "site_data/2023/announcements/pioneer.yml:4: end: 公示结束日期 2023-12-01 早于开始日期 2023-12-04。",
    ]
