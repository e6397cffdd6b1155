"""Renamed records keep their old addresses: printed links and QR codes lead to the new page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import generate

from .conftest import REPO, build, edit, paths, problems

PERSON = "site_data/2023/people/nong-ceshi.yml"


def rename(project: Path) -> None:
    """nong-ceshi becomes nong-ce-shi, with its old id kept."""
    edit(project, PERSON, "id: nong-ceshi\n", "id: nong-ce-shi\nformer_ids:\n  - nong-ceshi\n")
    (project / PERSON).rename(project / "site_data/2023/people/nong-ce-shi.yml")
    edit(project, "site_data/2023/competitions/zhuangpei.yml", "person: nong-ceshi", "person: nong-ce-shi")


@pytest.mark.build
def test_the_old_address_leads_to_the_renamed_record(project: Path, tmp_path: Path):
    rename(project)
    assert problems(project) == []
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    assert build(project, tmp_path / "site").returncode == 0
    old = (tmp_path / "site/2023/people/nong-ceshi/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../nong-ce-shi/">' in old
    assert '<meta name="robots" content="noindex">' in old and "农测试" in old
    assert (tmp_path / "site/2023/people/nong-ce-shi/index.html").is_file()


def test_with_site_url_the_old_address_names_the_canonical_page(project: Path):
    rename(project)
    site = generate(paths(project), site_url="https://example.org/zhuanti/")
    page = next(a for a in site.assets if a.dest_uri == "2023/people/nong-ceshi/index.html").data.decode()
    assert '<link rel="canonical" href="https://example.org/zhuanti/2023/people/nong-ce-shi/">' in page


def test_a_former_id_may_not_be_another_records_address(project: Path):
    edit(project, PERSON, "id: nong-ceshi\n", "id: nong-ceshi\nformer_ids:\n  - huang-ceshi\n  - nong-ceshi\n")
    assert problems(project) == [
        f"{PERSON}:3: former_ids[1]: 曾用编号「huang-ceshi」已是 site_data/2023/people/huang-ceshi.yml 的编号或曾用编号，旧网址不能同时指向两条记录。",
        f"{PERSON}:4: former_ids[2]: 曾用编号「nong-ceshi」就是现在的编号：只写改名前的编号。",
    ]
