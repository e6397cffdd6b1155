"""Importing rosters: real .xlsx written by openpyxl and GBK CSV as Excel exports it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from openpyxl import Workbook

from generator.roster import import_roster
from generator.validate import load_dataset

from .conftest import BUILD_ENV, problems

HEADERS = ["序号", "姓名", "身份证号", "单位", "车间", "岗位/工种", "荣誉称号", "手机号码", "主要事迹"]
ID_NUMBER, MOBILE = "450123199003071234", "13800138000"
ROWS = [
    [1, "韦测试", ID_NUMBER, "测试配件有限公司", "总装车间", "装配钳工", "工人先锋岗", MOBILE, "装配标兵。"],
    [2, "", ID_NUMBER, "测试配件有限公司", "", "焊工", "技术能手", MOBILE, ""],
    [3, "陆测试", ID_NUMBER, "不存在的公司", "", "焊工", "技术能手", MOBILE, ""],
    [4, "蒙测试", ID_NUMBER, "测试糖业有限公司", "压榨车间", "压榨工", "工人先锋", MOBILE, ""],
    [5, "谢测试", ID_NUMBER, "测试糖业有限公司", "", "化验员", "先进个人", MOBILE, "电话13900139000联系"],
]


def dataset(project: Path):
    return load_dataset(project / "site_data", project / "content", project)


def xlsx(path: Path) -> Path:
    book = Workbook()
    book.active.append(HEADERS)
    for row in ROWS:
        book.active.append(row)
    book.save(path)
    return path


def test_xlsx_roster_becomes_records_without_private_columns(project: Path, tmp_path: Path):
    result = import_roster(xlsx(tmp_path / "名单.xlsx"), dataset(project), project, "people", 2023)
    assert [p.name for p in result.written] == ["wei-ceshi.yml"]
    assert result.notes[0] == "已丢弃 身份证号、手机号码 列：个人信息不写进记录，也不进入网站。"
    assert result.skipped == [
        "第 3 行：没有姓名。这一行没有导入。",
        "第 4 行（陆测试）：找不到单位「不存在的公司」。写错了请改表格；是新单位请先在 site_data/enterprises/ 登记这个单位和车间班组。这一行没有导入。",
        "第 5 行（蒙测试）：荣誉「工人先锋」不在允许范围内；可选：工人先锋岗、技术能手、先进个人、创新能手、安全生产标兵、岗位练兵能手。这一行没有导入。",
        "第 6 行（谢测试）：内容里有疑似手机号「139****9000」，请删掉。这一行没有导入。",
    ]
    record = yaml.safe_load(result.written[0].read_text(encoding="utf-8"))
    assert record == {
        "id": "wei-ceshi",
        "name": "韦测试",
        "unit": "peijian/zongzhuang",
        "post": "装配钳工",
        "honour": "工人先锋岗",
        "summary": "装配标兵。",
        "state": "草稿",  # a draft until an editor has checked it
    }
    for path in result.written + result.updated:
        text = path.read_text(encoding="utf-8")
        assert ID_NUMBER not in text and MOBILE not in text
    assert problems(project) == []  # what was imported passes the check


def test_every_problem_of_a_row_is_told(project: Path, tmp_path: Path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,单位,岗位,荣誉\n,测式配件有限公司,焊工,工人先锋\n", encoding="utf-8")
    result = import_roster(path, dataset(project), project, "people", 2023)
    assert result.skipped == [
        "第 2 行：没有姓名；找不到单位「测式配件有限公司」。是不是「测试配件有限公司」？写错了请改表格；"
        "是新单位请先在 site_data/enterprises/ 登记这个单位和车间班组；"
        "荣誉「工人先锋」不在允许范围内；可选：工人先锋岗、技术能手、先进个人、创新能手、安全生产标兵、岗位练兵能手。这一行没有导入。"
    ]


def test_the_workshop_slash_team_column_of_the_guide(project: Path, tmp_path: Path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,单位,车间/班组,岗位/工种,荣誉\n韦测试,测试配件有限公司,焊接班,焊工,技术能手\n", encoding="utf-8")
    result = import_roster(path, dataset(project), project, "people", 2023)
    assert result.skipped == []
    assert yaml.safe_load(result.written[0].read_text(encoding="utf-8"))["unit"] == "peijian/hanjie"


def test_gbk_csv_as_excel_exports_it(project: Path, tmp_path: Path):
    path = tmp_path / "名单.csv"
    lines = [",".join(HEADERS), ",".join(str(c) for c in ROWS[0])]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    result = import_roster(path, dataset(project), project, "people", 2023)
    assert [p.name for p in result.written] == ["wei-ceshi.yml"]


def test_importing_again_updates_the_same_person_and_keeps_what_editors_added(project: Path, tmp_path: Path):
    # The first sheet named the company only; the corrected sheet names the 车间 too, and a new post.
    first = tmp_path / "名单.csv"
    first.write_text("姓名,单位,岗位,荣誉\n韦测试,测试配件有限公司,装配工,工人先锋岗\n", encoding="utf-8")
    import_roster(first, dataset(project), project, "people", 2023)
    record = project / "site_data/2023/people/wei-ceshi.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("state: 草稿", "state: 定稿") + "# 本人已同意\nconsent: 2023-12-01\n",
        encoding="utf-8",
    )
    corrected = tmp_path / "名单2.csv"
    corrected.write_text("姓名,单位,车间,岗位,荣誉\n韦测试,测试配件有限公司,总装车间,装配钳工,工人先锋岗\n", encoding="utf-8")
    again = import_roster(corrected, dataset(project), project, "people", 2023)
    assert again.written == [] and again.updated == [record]
    assert sorted(p.name for p in record.parent.glob("wei-ceshi*.yml")) == ["wei-ceshi.yml"]
    text = record.read_text(encoding="utf-8")
    assert "# 本人已同意\nconsent: 2023-12-01" in text  # what the editor added stays, comment and all
    data = yaml.safe_load(text)
    assert (data["unit"], data["post"], data["state"]) == ("peijian/zongzhuang", "装配钳工", "定稿")
    assert problems(project) == []


def test_force_writes_the_record_anew(project: Path, tmp_path: Path):
    roster = xlsx(tmp_path / "名单.xlsx")
    import_roster(roster, dataset(project), project, "people", 2023)
    (project / "site_data/2023/people/wei-ceshi.yml").open("a", encoding="utf-8").write("consent: 2023-12-01\n")
    forced = import_roster(roster, dataset(project), project, "people", 2023, force=True)
    assert [p.name for p in forced.written] == ["wei-ceshi.yml"]
    assert "consent" not in (project / "site_data/2023/people/wei-ceshi.yml").read_text(encoding="utf-8")


def test_import_command(project: Path, tmp_path: Path):
    roster = xlsx(tmp_path / "名单.xlsx")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "import", "people", str(roster)],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        check=False,
    )
    assert result.returncode == 1  # rows were skipped
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    skipped = [line for line in lines if line.startswith("第 ")]
    assert [line.split("行")[0] for line in skipped] == ["第 3 ", "第 4 ", "第 5 ", "第 6 "]  # in row order
    assert lines.index(skipped[-1]) < lines.index("共导入 1 条（新建 1 条，更新 0 条），跳过 4 行。")
    assert "已导入 site_data/2023/people/wei-ceshi.yml（新建，草稿）" in lines
    assert any("state: 草稿" in line for line in lines)
