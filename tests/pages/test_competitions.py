"""A competition's page and rules: several organisers, results of people or teams, ties, and coverage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.coverage import coverage
from generator.pipeline import generate
from generator.validate import load_dataset

from ..conftest import as_written, edit, paths, problems

ZHUANGPEI = "site_data/2023/competitions/zhuangpei.yml"
TEAM_AND_TIE = """results:
  - rank: 1
    name: 总装一队
    members:
      - 农测试
      - 黄测试
    entry: 快速定位夹具
    unit: peijian/zongzhuang
    award: 一等奖
  - rank: 2
    name: 乙选手
    award: 二等奖
  - rank: 2
    name: 甲选手
    award: 二等奖
  - rank: 4
    name: 丙选手
"""


def page(site, src_uri: str) -> str:
    return next(p.body for p in site.pages if p.src_uri == src_uri)


def test_co_organisers_are_shown_beside_the_organiser(project: Path):
    edit(project, ZHUANGPEI, "units:", "co_organisers:\n  - xianzong\n  - tangye\nunits:")
    body = page(generate(paths(project), "2023-12-01", {}), "2023/competitions/zhuangpei.md")
    assert "<dt>主办单位</dt><dd>测试配件有限公司</dd>" in body
    assert "<dt>联合主办</dt><dd>测试县总工会、测试糖业有限公司</dd>" in body
    assert "<dt>参赛单位</dt><dd>测试配件有限公司总装车间</dd>" in body


def test_a_co_organiser_is_not_a_participant_nor_the_organiser_and_must_exist(project: Path):
    edit(project, ZHUANGPEI, "units:", "co_organisers:\n  - peijian/zongzhuang\n  - peijian\n  - nosuch\nunits:")
    found = problems(project)
    assert any(
        p.startswith(f"{ZHUANGPEI}:9: co_organisers[1]: 「peijian/zongzhuang」既写成联合主办单位，又写在参赛单位（units）里")
        for p in found
    )
    assert f"{ZHUANGPEI}:10: co_organisers[2]: 「peijian」已经是主办单位（organiser），这里不用再写。" in found
    assert any(p.startswith(f"{ZHUANGPEI}:11: co_organisers[3]: ") and "nosuch" in p for p in found)


def test_an_enterprise_that_co_organises_counts_as_running_a_competition(project: Path):
    # 测试物流 takes part in 优质服务 (from 11-01), the only competition it is in. Made a co-organiser of
    # 装配 (from 06-10) instead, it ran one by July: 非公企业及小微企业 goes from 1 to 2 of 9.
    before = coverage(load_dataset(project / "site_data", project / "content", project), 2023, dt.date(2023, 7, 1))
    edit(project, ZHUANGPEI, "units:", "co_organisers:\n  - wuliu\nunits:")
    after = coverage(load_dataset(project / "site_data", project / "content", project), 2023, dt.date(2023, 7, 1))
    assert [(r.group, r.ran) for r in before.county][-1] == ("非公企业及小微企业", 1)
    assert [(r.group, r.ran) for r in after.county][-1] == ("非公企业及小微企业", 2)


def test_results_of_teams_with_entries_and_ties_in_the_stored_order(project: Path):
    text = (project / ZHUANGPEI).read_text(encoding="utf-8")
    (project / ZHUANGPEI).write_text(text[: text.index("results:")] + TEAM_AND_TIE, encoding="utf-8")
    body = as_written(page(generate(paths(project), "2023-12-01", {}), "2023/competitions/zhuangpei.md"))
    rows = body[body.index('<table class="cp-results cp-stack">') : body.index("</table>")]
    assert '<td class="cp-results__rank">1</td>' in rows
    assert (
        '总装一队</span><span class="cp-results__members">（农测试、黄测试）</span><span class="cp-results__entry">作品：快速定位夹具</span>'
        in rows
    )
    # 乙 and 甲 share the 2nd place: both 并列2, in the order written (乙 first), then the 4th.
    ranks = [cell.split("</td>")[0] for cell in rows.split('<td class="cp-results__rank">')[1:]]
    assert ranks == ["1", "并列2", "并列2", "4"]
    assert rows.index("乙选手") < rows.index("甲选手")
