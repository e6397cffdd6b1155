"""Ids (generator/rules/ids.py): a record's id is its file name and its address: its own, and no name the site takes."""

from __future__ import annotations

from pathlib import Path

from ..conftest import edit, problems, write
from . import PERSON


def test_id_must_match_the_file_name(project):
    write(
        project, "site_data/2023/people/copy.yml", (project / "site_data/2023/people/nong-ceshi.yml").read_text(encoding="utf-8")
    )
    assert problems(project) == [
        "site_data/2023/people/copy.yml:1: id: 编号「nong-ceshi」与文件名「copy.yml」不一致：请把文件改名为 nong-ceshi.yml，或把编号改为 copy。"
    ]


def test_competition_ids_that_index_pages_use_are_reserved(project):
    source = project / "site_data/2023/competitions/fuwu.yml"
    write(
        project,
        "site_data/2023/competitions/stream-jiangong.yml",
        source.read_text(encoding="utf-8").replace("id: fuwu", "id: stream-jiangong"),
    )
    source.unlink()
    assert problems(project) == [
        "site_data/2023/competitions/stream-jiangong.yml:1: id: 编号「stream-jiangong」是网站保留的名字（index、page-数字、search、assets、404、stream-…、form-…、township-…、industry-…），请换一个。"
    ]


def test_exemplar_ids_that_list_pages_use_are_reserved(project):
    source = project / "site_data/2023/people/nong-ceshi.yml"
    write(project, "site_data/2023/people/page-2.yml", source.read_text(encoding="utf-8").replace("id: nong-ceshi", "id: page-2"))
    source.unlink()
    assert (
        "site_data/2023/people/page-2.yml:1: id: 编号「page-2」是网站保留的名字（index、page-数字（列表和它的分页）、search、assets、404），请换一个。"
        in problems(project)
    )


def test_union_and_enterprise_may_not_share_an_id(project):
    write(project, "site_data/unions/wuliu.yml", "id: wuliu\nname: 某工会\nkind: 产业工会\n")
    assert problems(project) == [
        "site_data/enterprises/wuliu.yml:1: id: 编号「wuliu」已被工会 site_data/unions/wuliu.yml 使用，单位和工会的编号不能相同。"
    ]


def rename(root: Path, relative: str, new_id: str) -> None:
    path = root / relative
    edit(root, relative, f"id: {path.stem}", f"id: {new_id}")
    path.rename(path.with_name(f"{new_id}.yml"))


def test_a_record_may_not_take_a_lists_name(project: Path):
    rename(project, "site_data/2023/people/huang-ceshi.yml", "index")
    rename(project, "site_data/2023/collectives/zhaji.yml", "search")
    found = problems(project)
    assert (
        "site_data/2023/people/index.yml:1: id: 编号「index」是网站保留的名字（index、page-数字（列表和它的分页）、search、assets、404），请换一个。"
        in found
    )
    assert any(p.startswith("site_data/2023/collectives/search.yml:1: id: 编号「search」是网站保留的名字") for p in found)


def test_a_news_slug_may_not_take_the_lists_name(project: Path):
    edit(project, "content/news/posts/2023-06-20-launch.md", "slug: launch", "slug: index")
    assert any(
        p.startswith("content/news/posts/2023-06-20-launch.md:4: slug: 网址名「index」是网站保留的名字")
        for p in problems(project)
    )


def test_a_collective_and_a_person_of_a_year_may_not_share_an_id(project: Path):
    rename(project, "site_data/2023/people/huang-ceshi.yml", "zhaji")
    assert any(
        p.startswith(
            "site_data/2023/people/zhaji.yml:1: id: 编号「zhaji」已是先进集体 site_data/2023/collectives/zhaji.yml 的编号"
        )
        for p in problems(project)
    )


def test_a_former_id_may_not_be_another_records_address(project: Path):
    edit(project, PERSON, "id: nong-ceshi\n", "id: nong-ceshi\nformer_ids:\n  - huang-ceshi\n  - nong-ceshi\n")
    assert problems(project) == [
        f"{PERSON}:3: former_ids[1]: 曾用编号「huang-ceshi」已是 site_data/2023/people/huang-ceshi.yml 的编号或曾用编号，旧网址不能同时指向两条记录。",
        f"{PERSON}:4: former_ids[2]: 曾用编号「nong-ceshi」就是现在的编号：只写改名前的编号。",
    ]


def test_a_former_id_may_not_be_a_name_the_site_reserves(project: Path):
    edit(project, PERSON, "id: nong-ceshi\n", "id: nong-ceshi\nformer_ids:\n  - page-3\n")
    assert problems(project) == [f"{PERSON}:3: former_ids[1]: 「page-3」是网站保留的名字，不会是原来的编号。"]


def test_a_calendar_is_named_after_its_year(project):
    write(project, "site_data/calendar/2031.yml", "year: 2030\nholidays:\n  - 2030-01-01\n")
    assert problems(project) == ["site_data/calendar/2031.yml:1: year: 年份 2030 与文件名「2031.yml」不一致。"]


def test_a_submission_is_named_after_its_unit(project):
    source = project / "site_data/2023/submissions/peijian.yml"
    write(project, "site_data/2023/submissions/peijian-2.yml", source.read_text(encoding="utf-8"))
    source.unlink()
    unit = next(
        line
        for line in (project / "site_data/2023/submissions/peijian-2.yml").read_text().splitlines()
        if line.startswith("unit:")
    )
    line = (project / "site_data/2023/submissions/peijian-2.yml").read_text().splitlines().index(unit) + 1
    assert problems(project) == [
        f"site_data/2023/submissions/peijian-2.yml:{line}: unit: 编号「peijian」与文件名「peijian-2.yml」不一致："
        "请把文件改名为 peijian.yml，或把编号改为 peijian-2。"
    ]
