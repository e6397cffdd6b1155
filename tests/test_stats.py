"""Statistics tables from the fixture, counted by hand, and their downloads."""

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from generator.stats import statistics_tables
from generator.tables import SAMPLE_NOTE, Table, csv_bytes, xlsx_bytes
from generator.validate import load_dataset

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def tables():
    year = load_dataset(FIXTURE / "site_data", FIXTURE / "content", FIXTURE).years[2023]
    return {t.key: t for t in statistics_tables(year, dt.date(2023, 12, 1))}


def test_competitions_by_stream_form_industry_and_township(tables):
    # 节能 (建功立业, 生产型, 食品加工, 那桐镇, 25), 优质服务 (建功立业, 智能型, 物流配送, 城厢镇, 12),
    # 装配 (技能素质提升, 技能型, 新能源汽车, 城厢镇, 40), 五小 (创新, 智能型, 新能源汽车, 城厢镇, 18).
    # 建功立业 25 + 12 = 37; 智能型 12 + 18 = 30; 城厢镇 12 + 40 + 18 = 70; 新能源汽车 40 + 18 = 58.
    # Every stream of the plan and every township is a row, none held shown as 0 (a reader looks for theirs);
    # industries are too many: only those with competitions.
    assert tables["by-stream"].rows == [
        ["职工建功立业竞赛", 2, 37],
        ["群众性创新竞赛", 1, 18],
        ["职工技能素质提升竞赛", 1, 40],
        ["安康杯竞赛", 0, 0],
        ["班组创先争优竞赛", 0, 0],
    ]
    assert tables["by-form"].rows == [["生产型", 1, 25], ["技能型", 1, 40], ["智能型", 2, 30]]
    assert tables["by-township"].rows == [["城厢镇", 3, 70], ["那桐镇", 1, 25], ["南圩镇", 0, 0]]
    assert tables["by-industry"].rows == [["新能源汽车", 2, 58], ["食品加工", 1, 25], ["物流配送", 1, 12]]


def test_competitions_by_status_with_their_total(tables):
    # On 2023-12-01: 节能 (05-01 to 12-31, 25 people) runs; 装配 (06-10 to 09-30, 40), 五小 (08-01 to 10-31, 18)
    # and 优质服务 (11-01 to 11-30, 12) have ended: 40 + 18 + 12 = 70; none is still to start. All 4: 25 + 70 = 95.
    assert tables["by-status"].rows == [["未开始", 0, 0], ["进行中", 1, 25], ["已结束", 3, 70], ["合计", 4, 95]]


def test_awards_innovations_and_recommendations(tables):
    assert tables["awards"].rows == [["一等奖", 1], ["二等奖", 1], ["三等奖", 1]]  # 装配's three results
    assert tables["innovations"].rows == [["小革新", 1]]
    assert tables["innovations"].note == "其中“五小”合计 1 项。"  # 小革新 is one of the 五小
    assert tables["recommended"].rows == [["市级", 0, 1], ["自治区级", 0, 0]]


def test_competitions_not_yet_started_are_not_counted():
    year = load_dataset(FIXTURE / "site_data", FIXTURE / "content", FIXTURE).years[2023]
    july = {t.key: t for t in statistics_tables(year, dt.date(2023, 7, 1))}
    assert [row for row in july["by-stream"].rows if row[1]] == [["职工建功立业竞赛", 1, 25], ["职工技能素质提升竞赛", 1, 40]]
    # 优质服务 (from 11-01, 12) and 五小 (from 08-01, 18) are planned: 30; 装配 (06-10, 40) and 节能 (05-01, 25) run.
    assert july["by-status"].rows == [["未开始", 2, 30], ["进行中", 2, 65], ["已结束", 0, 0], ["合计", 4, 95]]


def test_bars_scale_to_the_largest_value():
    table = Table("t", "表", ["类别", "项数"], [["甲", 4], ["乙", 1]], chart=1)
    assert table.bars() == [("甲", 4, 100), ("乙", 1, 25)]
    assert table.chart_tells()


def test_a_chart_of_equal_values_tells_nothing():
    # Innovations by kind with one of each: every bar would be full; the table says it all.
    assert not Table("t", "表", ["类别", "项数"], [["小革新", 1], ["小发明", 1]], chart=1).chart_tells()
    assert not Table("t", "表", ["类别", "项数"], [["小革新", 3]], chart=1).chart_tells()
    assert not Table("t", "表", ["类别", "项数"], [["甲", 4], ["乙", 1]]).chart_tells()  # no chart column


def test_a_samples_csv_ends_with_its_note():
    data = csv_bytes(Table("t", "表", ["类别", "项数"], [["小革新", 1]]), sample=True)
    assert data.decode("utf-8-sig") == f"类别,项数\r\n小革新,1\r\n{SAMPLE_NOTE}\r\n"


def test_csv_has_a_bom_for_excel_and_chinese_headers():
    data = csv_bytes(Table("t", "表", ["类别", "项数"], [["小革新", 1], ["空", None]]))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == "类别,项数\r\n小革新,1\r\n空,\r\n"


def test_workbook_opens_with_one_sheet_per_table_and_is_dated_as_of(tables):
    data = xlsx_bytes(list(tables.values()), "测试", dt.date(2023, 12, 1))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [t.title for t in tables.values()]
    sheet = book["竞赛按竞赛内容"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["竞赛内容", "竞赛项数", "参赛人数"],
        ["职工建功立业竞赛", 2, 37],
        ["群众性创新竞赛", 1, 18],
        ["职工技能素质提升竞赛", 1, 40],
        ["安康杯竞赛", 0, 0],
        ["班组创先争优竞赛", 0, 0],
    ]
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {info.date_time for info in archive.infolist()} == {(2023, 12, 1, 12, 0, 0)}
    assert b"<dcterms:modified" in archive.read("docProps/core.xml")
    assert b"2023-12-01T12:00:00Z</dcterms:modified>" in archive.read("docProps/core.xml")
