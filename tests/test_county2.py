"""A second county that shares nothing with the bundled sample, built whole and checked against figures
worked out by hand from its records (tests/fixtures/county2/).

青山县 (青山县总工会, 竞赛委员会), campaign 2024, as_of 2024-09-15 in its campaign record. Its townships:
青峰街道, 石门镇, 白溪乡, 青山工业园区. Its own industries and coverage groups:
- 规模以上工业企业 (sector 工业, above size), target 60 %;
- 规模以上建筑企业 (sector 建筑业, above size), target 80 %: no enterprise at all, 0 in every register row;
- 服务业小微企业 (sector 服务业, on the 小微 register: a condition the national groups do not have), 30 %;
- 非公企业 (民营 or 外资), 25 %.

Enterprises (2024): 青峰精工 (民营, 机械制造, above, 青峰街道) → 工业, 非公; 石门茶业 (集体, 茶叶加工, above,
石门镇) → 工业; 智联电商 (外资, 电子商务, 小微, 园区) → 服务业小微, 非公; 溪源旅游 (民营, 乡村旅游, 小微,
白溪乡) → 服务业小微, 非公; 园区农机 (国有, 机械制造, above, 园区) → 工业.

Competitions on 2024-09-15: 制茶技能比武 (石门茶业, 04-10 to 05-20, 36) finished; 数控加工劳动竞赛 (青峰精工,
06-01 to 11-30, 54) and 电商客服优质服务竞赛 (园区工会 for 智联电商's 客服班组, 07-01 to 10-31, 22) running;
乡村旅游安全知识竞赛 (溪源旅游, 10-15 to 11-15, 15) planned. So 3 held, 36 + 54 + 22 = 112 participants, and
the enterprises that ran one are 石门茶业, 青峰精工 and 智联电商 (溪源's has not started; 园区农机 runs none).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from .conftest import REPO, TESTS, as_written, build, cli, headline, product
from .test_no_county import SAMPLE_NAMES

pytestmark = pytest.mark.build

COUNTY2 = TESTS / "fixtures" / "county2"
# What the bundled sample (隆安县, 2023) and the small test fixture (测试县) are made of: none of it may
# reach county2's site. The county, its townships and zone, the officials of its committee, its people,
# and its year.
SAMPLE_WORDS = [*SAMPLE_NAMES, "华侨", "测试县", "2023"]
TEXT_SUFFIXES = {".html", ".json", ".xml", ".csv", ".txt", ".css", ".js", ".yml", ".md"}


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def county2_project(root: Path) -> Path:
    """County2's records beside the repository's product files, its own name in mkdocs.yml.

    The repository's mkdocs.yml names the sample's county; a county that adopts the generator writes its
    own name there (or, once the settings name the site, leaves it empty).
    """
    shutil.copytree(COUNTY2, root)
    product(root)
    config = root / "mkdocs.yml"
    settings = re.sub(r"^site_name:.*$", "site_name: 青山县劳动和技能竞赛", text(config), count=1, flags=re.M)
    settings = re.sub(
        r"^site_description:.*$", "site_description: 青山县总工会劳动和技能竞赛专题。", settings, count=1, flags=re.M
    )
    config.write_text(settings, encoding="utf-8")
    return root


def sample_words_in(folder: Path) -> list[str]:
    """Every text file of `folder` that holds a word of the sample, with the word."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            body = path.read_text(encoding="utf-8", errors="ignore")
            found.extend(f"{path.relative_to(folder)}: {word}" for word in SAMPLE_WORDS if word in body)
    return found


@pytest.fixture(scope="module")
def county2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """County2 built on its campaign record's as_of (2024-09-15); the office report beside it."""
    root = county2_project(tmp_path_factory.mktemp("county2") / "project")
    result = build(root, root.parent / "site")
    assert result.returncode == 0, result.stderr
    return root.parent


def test_its_name_townships_and_year_are_shown(county2: Path):
    site = county2 / "site"
    home, listing, dashboard = (as_written(text(site / p / "index.html")) for p in ("", "competitions", "dashboard"))
    assert '<h1 id="cp-banner-title" class="cp-banner__title">2024年青山县劳动和技能竞赛' in home
    assert "青山县总工会" in text(site / "plan/index.html") and "2024年" in home
    assert "<h1>2024年竞赛" in listing and "<h1>2024年数据看板" in dashboard
    for township, code in [("青峰街道", "qingfeng"), ("石门镇", "shimen"), ("白溪乡", "baixi"), ("青山工业园区", "yuanqu")]:
        assert township in listing and f'<tr><th scope="row">{township}</th>' in dashboard, township
        assert (site / f"competitions/township-{code}/index.html").is_file(), code
    # Its own committee's name, from its settings, heads the office's internal report.
    report = text(county2 / "office/index.html")
    assert "2024年青山县劳动和技能竞赛：竞赛委员会办公室内部报表" in report and "组委会" not in report


def test_its_records_share_nothing_with_the_sample():
    assert sample_words_in(COUNTY2) == []


def test_nothing_of_the_sample_appears(county2: Path):
    assert sample_words_in(county2 / "site") == []
    assert sample_words_in(county2 / "office") == []


def test_headline_figures_and_statuses(county2: Path):
    site = county2 / "site"
    home = text(site / "index.html")
    # 3 held (制茶, 数控, 客服), 36 + 54 + 22 = 112 participants; collectives 制茶车间 and 客服班组; people 甘示例
    # and 蓝示例; innovations 摊青架 and 应答库.
    assert headline(home) == {
        "已开展竞赛": 3,
        "参赛职工": 112,
        "先进集体": 2,
        "先进个人": 2,
        "创新成果": 2,
    }
    statuses = {
        "zhicha-bisai": "finished",  # ended 05-20
        "shukong-laodong": "running",  # 06-01 to 11-30
        "kefu-fuwu": "running",  # 07-01 to 10-31
        "lvyou-ankang": "planned",  # starts 10-15
    }
    for competition, status in statuses.items():
        assert f"cp-status--{status}" in text(site / f"2024/competitions/{competition}/index.html"), competition
    listing = text(site / "competitions/index.html")
    assert re.findall(r"cp-status--(\w+)", listing).count("running") == 2
    # The launch phase ended 04-30; 2024-09-15 is in 竞赛实施阶段, whose evidence is due 11-30 (76 days on).
    assert "第二阶段：竞赛实施阶段" in home and "2024年11月30日前 佐证材料报竞赛委员会办公室（还有 76 天）" in home


def test_dashboard_coverage_is_the_hand_computed_one(county2: Path):
    site = county2 / "site"
    page = as_written(text(site / "dashboard/index.html"))
    # Registers: 工业 4 + 2 + 0 + 5 = 11; 建筑 0 everywhere; 服务业小微 2 + 1 + 3 + 2 = 8; 非公 6 + 3 + 4 + 5 = 18.
    # Ran: 工业 青峰精工 and 石门茶业, 2 of 11 = 18.1 % (cut down), 60 % of 11 is 6.6 → 7 needed, 5 more;
    # 服务业小微 智联电商, 1 of 8 = 12.5 %, 30 % of 8 is 2.4 → 3, 2 more; 非公 青峰精工 and 智联电商, 2 of 18 =
    # 11.1 %, 25 % of 18 is 4.5 → 5, 3 more; 建筑: no enterprise, 无数据.
    county = [
        ("规模以上工业企业", "60%", 2, 11, "18.1%", "未达标", 5),
        ("规模以上建筑企业", "80%", 0, 0, "无数据", "无数据", None),
        ("服务业小微企业", "30%", 1, 8, "12.5%", "未达标", 2),
        ("非公企业", "25%", 2, 18, "11.1%", "未达标", 3),
    ]
    for group, target, ran, total, share, verdict, needed in county:
        numbers = "".join(f'<td class="cp-data__number">{n}</td>' for n in (ran, total))
        more = f'<td class="cp-data__number">{needed}</td>' if needed is not None else "<td></td>"
        row = f'<tr><th scope="row">{group}</th><td>{target}</td>{numbers}<td>{share}</td><td>{verdict}</td>{more}</tr>'
        assert row in page, group
    assert '规模以上建筑企业</span>\n<span class="cp-target__value">无数据</span>' in page
    assert "企业名录中没有这一类企业，目标 80% 以上" in page
    # Per township, ran/registered (建筑 无数据 everywhere): 青峰街道 工业 1/4 (精工), 小微 0/2, 非公 1/6 = 16.6 %;
    # 石门镇 工业 1/2 (茶业), 小微 0/1, 非公 0/3; 白溪乡 no 工业 registered, 小微 0/3 and 非公 0/4 (溪源's
    # competition has not started); 园区 工业 0/5 (农机 ran none), 小微 1/2 (智联) = 50 % ≥ 30 %, met,
    # 非公 1/5 = 20 % < 25 %.
    townships = {
        "青峰街道": ["1/4 25.0% 未达标", "无数据", "0/2 0.0% 未达标", "1/6 16.6% 未达标"],
        "石门镇": ["1/2 50.0% 未达标", "无数据", "0/1 0.0% 未达标", "0/3 0.0% 未达标"],
        "白溪乡": ["无数据", "无数据", "0/3 0.0% 未达标", "0/4 0.0% 未达标"],
        "青山工业园区": ["0/5 0.0% 未达标", "无数据", "1/2 50.0% 达标", "1/5 20.0% 未达标"],
    }
    for township, cells in townships.items():
        assert f'<tr><th scope="row">{township}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>" in page
    workbook = openpyxl.load_workbook(site / "downloads/2024/statistics.xlsx")
    assert [r[1:] for r in workbook["竞赛覆盖率（分乡镇）"].iter_rows(min_row=2, values_only=True)] == list(
        map(tuple, townships.values())
    )
    assert [r for r in workbook["竞赛覆盖率（全县）"].iter_rows(min_row=2, values_only=True)] == county


def test_statistics_are_the_hand_computed_ones(county2: Path):
    page = as_written(text(county2 / "site/dashboard/index.html"))
    # Held by 2024-09-15: 制茶 (技能素质提升, 技能型, 茶叶加工, 石门镇, 36), 数控 (建功立业, 生产型, 机械制造,
    # 青峰街道, 54), 客服 (建功立业, 智能型, 电子商务, 园区, 22); 建功立业 54 + 22 = 76.
    rows = [
        ("职工建功立业竞赛", 2, 76),
        ("职工技能素质提升竞赛", 1, 36),
        ("生产型", 1, 54),
        ("技能型", 1, 36),
        ("智能型", 1, 22),
        ("机械制造", 1, 54),
        ("茶叶加工", 1, 36),
        ("电子商务", 1, 22),
        ("青峰街道", 1, 54),
        ("石门镇", 1, 36),
        ("青山工业园区", 1, 22),
    ]
    for name, count, people in rows:
        cells = f'<td class="cp-data__number">{count}</td><td class="cp-data__number">{people}</td>'
        assert f'<tr><th scope="row">{name}</th>{cells}</tr>' in page, name
    # 制茶's three results; the innovations 小革新 (摊青架) and 合理化建议 (应答库).
    for award in ["一等奖", "二等奖", "三等奖"]:
        assert f'<tr><th scope="row">{award}</th><td class="cp-data__number">1</td></tr>' in page
    for kind in ["小革新", "合理化建议"]:
        assert f'<tr><th scope="row">{kind}</th><td class="cp-data__number">1</td></tr>' in page


def test_it_replaces_the_sample_in_a_project_of_the_product(tmp_path: Path):
    """The repository's product files with county2's data instead of the sample: check, build and schema
    succeed and say nothing of the sample."""
    root = tmp_path / "project"
    shutil.copytree(COUNTY2, root)
    product(root)
    shutil.copy(REPO / "EDITING.md", root / "EDITING.md")
    check = cli(root, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    # 4 competitions, 2 collectives, 2 people, 2 innovations, 1 news post; every person has consented.
    assert check.stdout == "检查通过。2024年：竞赛 4 项，先进集体 2 个，先进个人 2 名，创新成果 2 项，新闻 1 篇\n"
    built = build(root, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    schema = cli(root, "schema")
    assert schema.returncode == 0, schema.stderr
    for result in (check, built, schema):
        assert [word for word in SAMPLE_WORDS if word in result.stdout + result.stderr] == []
    schemas = "".join(text(p) for p in (root / "schemas").glob("*.json"))
    assert "青峰街道" in schemas and "隆安" not in schemas and "城厢镇" not in schemas


def test_what_it_leaves_out_leaves_no_empty_strip(county2: Path):
    # No banner picture: the drawn one, with its title and slogan. No 备案号 or co-organisers yet: no such lines.
    home = text(county2 / "site/index.html")
    assert 'class="cp-banner cp-banner--drawn"' in home and "cp-banner__image" not in home
    assert '<p class="cp-banner__slogan">比学赶超　争创一流</p>' in home
    for page in ("index.html", "contact/index.html", "404.html"):
        footer = text(county2 / "site" / page)
        footer = footer[footer.index('<div class="cp-footer">') :]
        assert '<a href="https://ghw.example.gov.cn/qingshan/" rel="noopener">青山县总工会门户网站</a>' in footer
        assert "主办：青山县总工会" in footer and "承办：" in footer
        assert "协办" not in footer and "cp-footer__marks" not in footer and "备案" not in footer
