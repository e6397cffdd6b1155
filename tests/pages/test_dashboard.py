"""The dashboard and the office report in the built fixture site."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from generator.tables import SAMPLE_NOTE

from ..conftest import as_written, build, edit, product

pytestmark = pytest.mark.build


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_dashboard_shows_coverage_schedule_statistics_and_downloads(fixture_site: Path):
    page = as_written(text(fixture_site / "dashboard/index.html"))
    for heading in ["目标任务完成情况", "竞赛安排", "竞赛统计", "下载数据"]:
        assert heading in page
    # Each group's bar carries its share to one decimal, its target, and its target line. On 2023-12-01
    # (tests/test_coverage.py has the fixture's register): state-owned 测试糖业 1 of 3 = 33.3 %; no
    # construction enterprise registered (无数据, no share); services 0 of 1; non-public 测试配件 and
    # 测试物流, 2 of 9 = 22.2 %. Only the state-owned and non-public groups have a target: two lines.
    shares = re.findall(r'cp-target__group">(.*?)</span>\s*<span class="cp-target__value">(.*?)</span>', page)
    assert shares == [
        ("规模以上国有企业", "已覆盖 33.3%，目标 80%"),
        ("规模以上建筑企业", "无数据"),
        ("规模以上服务业", "已覆盖 0.0%"),
        ("非公企业及小微企业", "已覆盖 22.2%，目标 20%"),
    ]
    # The campaign leaves public_verdicts off: no group or township is called 未达标 on the public site,
    # nor in its downloads; the office report says it (tests/test_county2.py has a campaign that shows them).
    assert "未达标" not in page and "达标情况" not in page
    office = text(fixture_site.parent / "office" / "index.html")
    assert "达标情况" in office and "未达标" in office  # 测试糖业 1 of 3 is short of 80 %
    assert '规模以上建筑企业</span>\n<span class="cp-target__value">无数据</span>' in page
    assert page.count('class="cp-target__line"') == 2
    assert "None" not in page  # a group without a target names none
    # The same numbers are in the table and in the workbook.
    workbook = openpyxl.load_workbook(io.BytesIO((fixture_site / "downloads/2023/statistics.xlsx").read_bytes()))
    # The fixture is sample data: its downloads say so where their figures travel without the site.
    assert workbook.sheetnames[0] == "示例数据" and workbook["示例数据"]["A1"].value == SAMPLE_NOTE
    csv_text = (fixture_site / "downloads/2023/coverage.csv").read_bytes().decode("utf-8-sig")
    assert csv_text.startswith("企业类别,目标,") and csv_text.rstrip("\r\n").endswith(SAMPLE_NOTE)
    sheet = workbook["竞赛覆盖率（全县）"]
    rows = {row[0].value: row[4].value for row in sheet.iter_rows(min_row=2)}
    percent = {group: re.sub(r"已覆盖 ([\d.]+%).*", r"\1", shown) for group, shown in shares}
    assert (
        percent
        == rows
        == {
            "规模以上国有企业": "33.3%",
            "规模以上建筑企业": "无数据",
            "规模以上服务业": "0.0%",
            "非公企业及小微企业": "22.2%",
        }
    )
    assert [c.value for c in sheet[1]] == ["企业类别", "目标", "已开展竞赛企业数", "企业总数", "覆盖率", "还需企业数"]
    for group, share in percent.items():
        assert f'<th scope="row">{group}</th><td>' in page and f"<td>{share}</td>" in page
    assert "基层工会报送情况" not in page  # the board stays internal by default


def test_home_shows_coverage_against_targets(fixture_site: Path):
    home = text(fixture_site / "index.html")
    # The fixture's campaign sets two targets (规模以上国有企业, 非公企业及小微企业).
    assert "目标任务：竞赛覆盖率" in home and home.count('class="cp-target__line"') == 2


def test_office_report_is_beside_the_site_never_in_it(project: Path, tmp_path: Path):
    out = tmp_path / "site"
    office = tmp_path / "office"
    # On 2023-12-01 测试糖业 filed its plan late (06-20 for 06-15) and 测试配件 its roster (11-02 for 10-31).
    result = build(product(project), out, "--as-of", "2023-12-01", "--office-dir", str(office))
    assert result.returncode == 0, result.stderr
    report = text(office / "index.html")
    assert "内部资料，不对外公开" in report and "工人先锋号推荐对象资格" in report
    assert "<h1>2023年测试县劳动和技能竞赛：组委会办公室内部报表</h1>" in report  # the committee's word: national default
    assert "逾期" in report
    workbook = openpyxl.load_workbook(office / "office.xlsx")
    assert workbook.sheetnames[0] == "基层工会报送情况"
    assert (office / "submissions.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    # Nothing of the board reaches the public site.
    for page in out.rglob("*"):
        if page.is_file() and page.suffix in {".html", ".csv", ".json", ".xml"}:
            body = page.read_text(encoding="utf-8", errors="ignore")
            assert "逾期" not in body and "未报送" not in body, page
    # Nor anything of the report's own: its templates and stylesheet live in theme/office/.
    assert not (out / "office").exists()


def test_public_submissions_puts_the_board_on_the_dashboard(project: Path, tmp_path: Path):
    product(project)
    (project / "site_data/2023/campaign.yml").open("a", encoding="utf-8").write("public_submissions: true\n")
    result = build(project, tmp_path / "site", "--as-of", "2023-07-01", "--office-dir", str(tmp_path / "office"))
    assert result.returncode == 0, result.stderr
    page = as_written(text(tmp_path / "site/dashboard/index.html"))
    assert "基层工会报送情况" in page
    assert '<th scope="row">测试糖业有限公司</th><td>那桐镇</td><td>逾期 2023-06-20</td>' in page


def test_empty_group_shows_no_data(project: Path, tmp_path: Path):
    product(project)
    edit(
        project,
        "site_data/2023/campaign.yml",
        "  - group: 非公企业及小微企业\n    percent: 20\n",
        "  - group: 规模以上建筑企业\n    percent: 80\n  - group: 非公企业及小微企业\n    percent: 20\n",
    )
    result = build(project, tmp_path / "site", "--as-of", "2023-07-01", "--office-dir", str(tmp_path / "office"))
    assert result.returncode == 0, result.stderr
    page = text(tmp_path / "site/dashboard/index.html")
    assert '规模以上建筑企业</span>\n<span class="cp-target__value">无数据</span>' in page
