"""The one cache (generator/cache.py): every kept result keyed by what it was made from and by the code and
libraries that made it; a result another version made, or a build left half-written, is made again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.cache import Cache
from generator.images import full_size, renditions
from generator.pipeline import check

from .conftest import paths
from .test_images import phone_photo


def test_renditions_made_by_other_code_or_libraries_are_made_again(tmp_path: Path):
    source = tmp_path / "p.jpg"
    phone_photo(source)
    old, new = Cache(tmp_path / "cache", b"generator 1, Pillow 11"), Cache(tmp_path / "cache", b"generator 2, Pillow 12")
    made, hit = renditions(source, old)
    assert hit is False and [image.width for image in made] == [480, 960]
    assert renditions(source, old) == (made, True)
    assert renditions(source, new)[1] is False


def test_the_salt_is_the_code_and_the_installed_versions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    from generator import cache, memo

    before = Cache.at(tmp_path).salt
    assert before == memo.code_salt()
    cache._salt.cache_clear()
    monkeypatch.setattr(memo, "installed_versions", lambda: "Pillow==99.0")
    try:
        assert Cache.at(tmp_path).salt != before
    finally:
        cache._salt.cache_clear()


def test_a_result_left_half_written_is_made_again(tmp_path: Path):
    source = tmp_path / "p.jpg"
    phone_photo(source)
    kept = Cache.at(tmp_path / "cache")
    first = full_size(source, kept)
    [index] = list((tmp_path / "cache" / "full-pictures").rglob("index.json"))
    (index.parent / "picture").write_bytes(b"cut short")
    assert full_size(source, kept) == b"cut short"  # kept: read as it was written
    index.unlink()  # a build stopped before the index: the files beside it are not trusted
    assert full_size(source, kept) == first
    (index.parent / "picture").unlink()  # a file cleared by hand: made again, not a crash
    assert full_size(source, kept) == first


def test_without_a_folder_nothing_is_kept(tmp_path: Path):
    source = tmp_path / "p.jpg"
    phone_photo(source)
    nowhere = Cache.at(None)
    assert renditions(source, nowhere)[1] is False
    assert renditions(source, nowhere)[1] is False
    assert nowhere.templates("templates") is None and nowhere.memo("check").path is None


def test_each_checked_file_is_kept_under_the_same_salt(project: Path):
    kept = replace(paths(project), cache_dir=project / ".cache")
    check(kept)
    [memo] = list((project / ".cache").glob("check-*.pickle"))
    assert memo.name == f"check-{kept.cache.salt.hex()[:16]}.pickle"
