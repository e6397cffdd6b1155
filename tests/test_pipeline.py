"""The pipeline as adapters call it: a preview scoped to some years, and synthetic data at scale."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from benchmarks.synthetic import make_project
from generator.pipeline import PREVIEW_SOURCE, Paths, check, generate
from generator.problems import RecordsInvalid

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled campaign as 2022 and 2023: the same records, a year apart."""
    root = tmp_path_factory.mktemp("two-years") / "project"
    make_project(root, 250, years=2, pattern_root=FIXTURE)
    return root


def _years_of(pages: list[str]) -> set[str]:
    return {uri.split("/")[0] for uri in pages if uri[:2] == "20"}


def test_synthetic_data_is_valid_and_the_same_for_the_same_seed(two_years: Path, tmp_path: Path):
    dataset = check(Paths.of_project(two_years))
    assert sorted(dataset.years) == [2022, 2023]
    assert len(dataset.years[2022].people) == len(dataset.years[2023].people) > 10
    make_project(tmp_path / "again", 250, years=2, pattern_root=FIXTURE)
    comparison = filecmp.dircmp(two_years / "site_data", tmp_path / "again" / "site_data")
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only


def test_a_preview_builds_the_current_year_and_says_so(two_years: Path):
    paths = Paths.of_project(two_years)
    everything = generate(paths)
    assert _years_of([p.src_uri for p in everything.pages]) == {"2022", "2023"}
    assert everything.context["preview_note"] is None

    current = generate(paths, scope="current")
    assert _years_of([p.src_uri for p in current.pages]) == {"2023"}
    assert len(current.pages) < len(everything.pages)
    assert "2023" in current.context["preview_note"] and "2022 年度不在预览里" in current.context["preview_note"]
    assert any(uri.startswith("news/posts/2022") for uri in current.consumed)  # other years' news left out
    # (its pictures are taken too, but to be published as re-encoded copies)
    assert not any(uri.startswith("news/posts/2023") and uri.endswith(".md") for uri in current.consumed)
    assert {"plans/2022.md", "plans/2023.md"} <= set(current.consumed)  # no plan published raw, either year

    asked = generate(paths, scope="2022")
    assert {p.src_uri for p in asked.pages} == {p.src_uri for p in everything.pages}


def test_a_preview_of_an_unknown_year_says_which_years_there_are(two_years: Path):
    with pytest.raises(RecordsInvalid) as error:
        generate(Paths.of_project(two_years), scope="2019")
    assert error.value.problems[0].file == PREVIEW_SOURCE
    assert "「2019」不是已有的年度（2022、2023）" in error.value.problems[0].message


def test_earlier_years_can_stay_out_of_the_search_index(two_years: Path):
    pages = generate(Paths.of_project(two_years), search_archive=False).pages
    excluded = {p.src_uri for p in pages if p.meta.get("search", {}).get("exclude")}
    assert {p.src_uri for p in pages if p.src_uri.startswith("2022/")} <= excluded
    person = next(p for p in pages if p.src_uri.startswith("2023/people/"))
    assert person.src_uri not in excluded
    everything = generate(Paths.of_project(two_years)).pages
    assert not any(p.meta.get("search", {}).get("exclude") for p in everything if p.src_uri.startswith("2022/people/"))
