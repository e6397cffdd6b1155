"""`init` starts a county's project and `check` says what is left to fill in; `new-year` starts the next year."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.validate import load_dataset

from .conftest import FIXTURE, build, cli, edit, product


def empty_project(root: Path) -> Path:
    """A project as a union gets it: the product's config and theme, and no records."""
    root.mkdir()
    return product(root)


FILLED = {
    # settings.yml: the county's townships
    "site_data/settings.yml": [
        ("  - name:\n    code:\n", "  - name: 青山镇\n    code: qingshan\n  - name: 工业园区\n    code: yuanqu\n")
    ],
    "site_data/2024/campaign.yml": [
        ("intro:\n", "intro: 全县职工立足岗位建功立业。\n"),
        ("  title:\n", "  title: 关于印发竞赛方案的通知\n"),
        ("  date:\n", "  date: 2024-03-01\n"),
        ("  addressees:\n", "  addressees: 各乡镇（街道）工会\n"),
        ("  - id:\n", "  - id: launch\n"),
        ("    name:\n", "    name: 宣传发动阶段\n"),
        ("    start:\n", "    start: 2024-03-01\n"),
        ("    end:\n", "    end: 2024-11-30\n"),
        ("    tasks:\n", "    tasks: 制定方案、开展竞赛。\n"),
        ("  leaders:\n", "  leaders:\n    - name: 组长甲\n      title: 县总工会主席\n"),
        ("  member_units:\n", "  member_units:\n    - 县总工会\n"),
        ("  members_note:\n", "  members_note: 各1名分管领导\n"),
        ("    location:\n", "    location: 县总工会办公室\n"),
        ("    director:\n", "    director: 主任乙\n"),
        ("    director_title:\n", "    director_title: 办公室主任\n"),
        ("    duties:\n", "    duties: 日常事务\n"),
        ("contacts:\n", "contacts:\n  - name: 组委会办公室\n"),
    ],
}


@pytest.mark.build
def test_init_writes_a_project_and_check_lists_what_to_fill_in(tmp_path):
    root = empty_project(tmp_path / "qingshan")
    result = cli(root, "init", "--county", "青山县", "--year", "2024")
    assert result.returncode == 0, result.stderr
    assert "已为青山县建立 2024 年度的新项目" in result.stdout
    assert (root / "site_data/enterprises/.gitkeep").exists() and (root / "site_data/unions/.gitkeep").exists()
    settings = yaml.safe_load((root / "site_data/settings.yml").read_text(encoding="utf-8"))
    assert (settings["county"], settings["union"]) == ("青山县", "青山县总工会")
    campaign = yaml.safe_load((root / "site_data/2024/campaign.yml").read_text(encoding="utf-8"))
    assert campaign["title"] == "2024年青山县劳动和技能竞赛"
    assert campaign["committee"]["name"] == "2024年青山县劳动和技能竞赛组委会"
    assert "青山县" in (root / "content/plans/2024.md").read_text(encoding="utf-8")

    check = cli(root, "check")
    assert check.returncode == 1
    listed = check.stderr.splitlines()
    assert any(line.startswith("site_data/settings.yml:") and "townships: 至少要写 1 项" in line for line in listed)
    assert any(
        line.startswith("site_data/2024/campaign.yml:") and "intro:" in line and "首页的活动简介" in line for line in listed
    )
    assert any("committee.leaders: 至少要写 1 项" in line for line in listed)
    assert listed[-1].startswith("共发现 ")

    for relative, edits in FILLED.items():
        for old, new in edits:
            edit(root, relative, old, new)
    assert cli(root, "check").returncode == 0
    site = tmp_path / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "2024年青山县劳动和技能竞赛" in home
    assert "<title>" in home and "青山县劳动和技能竞赛" in home.split("<title>")[1].split("</title>")[0]


def test_init_leaves_existing_records_alone(project):
    before = (project / "site_data/2023/campaign.yml").read_bytes()
    result = cli(project, "init", "--county", "青山县", "--year", "2024")
    assert result.returncode == 1
    assert "site_data/ 里已经有记录" in result.stderr and "没有改动" in result.stderr
    assert (project / "site_data/2023/campaign.yml").read_bytes() == before
    assert not (project / "site_data/2024").exists()


def test_init_refuses_a_name_that_is_not_a_county(tmp_path):
    root = empty_project(tmp_path / "p")
    result = cli(root, "init", "--county", "青山", "--year", "2024")
    assert result.returncode == 1
    assert "应是县（市、区、旗）的全称" in result.stderr


def test_new_year_starts_from_this_year_and_keeps_the_old_one(project):
    result = cli(project, "new-year")
    assert result.returncode == 0, result.stderr
    assert "已从 2023 年度开始 2024 年度" in result.stdout
    campaign = yaml.safe_load((project / "site_data/2024/campaign.yml").read_text(encoding="utf-8"))
    assert campaign["year"] == 2024
    assert campaign["title"] == "2024年测试县劳动和技能竞赛"
    assert str(campaign["window"]["start"]) == "2024-01-01" and str(campaign["window"]["end"]) == "2025-03-31"
    assert str(campaign["phases"][0]["deadlines"][0]["date"]) == "2024-06-15"
    assert campaign["plan_text"] == "plans/2024.md" and "as_of" not in campaign
    assert (
        campaign["register"] == yaml.safe_load((FIXTURE / "site_data/2023/campaign.yml").read_text(encoding="utf-8"))["register"]
    )
    enterprise = yaml.safe_load((project / "site_data/enterprises/peijian.yml").read_text(encoding="utf-8"))
    assert enterprise["years"][2024] == enterprise["years"][2023]
    dataset = load_dataset(project / "site_data", project / "content", project)
    assert sorted(dataset.years) == [2023, 2024] and dataset.current_year == 2024
    assert len(dataset.years[2023].competitions) == 4 and dataset.years[2024].competitions == {}
    again = cli(project, "new-year", "--from", "2023", "--to", "2024")
    assert again.returncode == 1 and "已经存在" in again.stderr
