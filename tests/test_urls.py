"""Links between pages: the same as posixpath.relpath gives, without asking the file system."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from generator.urls import _relpath, relative

segment = st.sampled_from(["2023", "people", "a", "b", "competitions", "assets", "cp"])
site_path = st.lists(segment, max_size=4).map(lambda parts: "/".join(parts) + ("/" if parts else ""))


@given(site_path, site_path)
def test_relative_paths_agree_with_posixpath(target: str, base: str):
    assert _relpath(target, base) == posixpath.relpath(target or ".", base or ".")


def test_links_between_pages_and_files():
    assert relative("2023/people/a.md", "2023/competitions/b.md") == "../../competitions/b/"
    assert relative("index.md", "index.md") == "./"
    assert relative("2023/people/a.md", "assets/cp/x.jpg") == "../../../assets/cp/x.jpg"
