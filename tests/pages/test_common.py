"""Long lists come in pages of about 50, linked as plain links, every record on exactly one page."""

from __future__ import annotations

import re

import pytest

from benchmarks.synthetic import make_project
from generator.pages import PER_PAGE
from generator.pages.common import LIST_BOOST
from generator.pipeline import Paths, generate

from ..conftest import FIXTURE


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    """Two years of the fixture campaign, each copied into enough groups that its lists run over a page."""
    root = tmp_path_factory.mktemp("long-lists") / "project"
    make_project(root, 800, years=2, pattern_root=FIXTURE)
    return generate(Paths.of_project(root))


def _bodies(site, prefix: str) -> dict[str, str]:
    return {p.src_uri: p.body for p in site.pages if p.src_uri == f"{prefix}.md" or p.src_uri.startswith(f"{prefix}/page-")}


def test_people_come_in_pages_with_every_person_once(site):
    pages = _bodies(site, "people")
    people = [p for p in site.pages if p.src_uri.startswith("2023/people/")]
    assert len(people) > PER_PAGE  # the fixture's list does run over
    assert list(pages) == ["people.md"] + [f"people/page-{n}.md" for n in range(2, len(pages) + 1)]
    cards = [re.findall(r'href="[./]*2023/people/([a-z0-9-]+)/"', body) for body in pages.values()]
    assert [len(c) for c in cards[:-1]] == [PER_PAGE] * (len(pages) - 1)
    assert sorted(i for c in cards for i in c) == sorted(p.src_uri.split("/")[2][:-3] for p in people)


def test_pages_link_to_each_other_and_say_which_they_are(site):
    pages = _bodies(site, "people")
    first, second = pages["people.md"], pages["people/page-2.md"]
    assert 'href="page-2/" rel="next"' in first and 'rel="prev"' not in first
    assert 'href="../../people/" rel="prev"' in second or 'href="../" rel="prev"' in second
    assert '<span class="cp-pagination__current" aria-current="page">第 2 页</span>' in second
    titles = {p.src_uri: p.title for p in site.pages if p.src_uri in pages}
    assert titles["people/page-2.md"] == "2023年先进个人（第 2 页）" and titles["people.md"] == "2023年先进个人"


def test_competition_lists_and_filters_paginate_too(site):
    lists = [
        p
        for p in site.pages
        if re.match(
            r"(2022/)?competitions/(index|page-\d+|(stream|form|township|industry)-[a-z0-9-]+(/page-\d+)?)\.md$", p.src_uri
        )
    ]
    uris = {p.src_uri for p in lists}
    assert "competitions/page-2.md" in uris and "2022/competitions/page-2.md" in uris
    for page in lists:
        # A township's or a stream's list is found by its name (its first page); lists are otherwise left out.
        found = re.match(r"(2022/)?competitions/(stream|township)-[a-z0-9-]+\.md$", page.src_uri)
        assert page.meta["search"] == ({"boost": LIST_BOOST} if found else {"exclude": True}), page.src_uri
        assert page.body.count('class="cp-competition"') <= PER_PAGE
