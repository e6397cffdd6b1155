"""Renamed records keep their old addresses: printed links and QR codes lead to the new page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import generate

from ..conftest import REPO, build, edit, paths, problems

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
