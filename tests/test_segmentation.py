"""Chinese segmentation for the search index: cut once, answered from the cache after."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from generator.memo import Memo
from generator.segmentation import CachedSegmenter

from .conftest import REPO, build


class Counting:
    """jieba, counting how often it is asked to cut."""

    def __init__(self) -> None:
        self.calls = 0

    def cut(self, text: bytes) -> list[str]:
        self.calls += 1
        return list(jieba.cut(text))


def test_runs_are_cut_once_and_remembered_across_builds(tmp_path: Path):
    counting = Counting()
    text = "工人先锋号创建活动".encode()
    first = CachedSegmenter(counting, Memo(tmp_path / "words.pickle", b"salt"), ["工人先锋号"])
    words = first.cut(text)
    assert first.cut(text) == words == list(jieba.cut(text)) and counting.calls == 1
    first.memo.save()

    again = CachedSegmenter(counting, Memo(tmp_path / "words.pickle", b"salt"), ["工人先锋号"])
    assert again.cut(text) == words and counting.calls == 1 and again.cut_now == 0

    # Other dictionary words may cut the same run differently: not answered from the cache.
    other = CachedSegmenter(counting, Memo(tmp_path / "words.pickle", b"salt"), ["先锋号创建"])
    other.cut(text)
    assert counting.calls == 2


@pytest.mark.build
def test_a_rebuild_answers_segmentation_from_the_cache_and_the_index_is_the_same(project: Path, tmp_path: Path):
    import shutil

    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    assert build(project, tmp_path / "first").returncode == 0
    cached = list((project / ".cache").glob("search-words-*.pickle"))
    assert len(cached) == 1
    assert build(project, tmp_path / "second").returncode == 0
    first = (tmp_path / "first/search/search_index.json").read_text(encoding="utf-8")
    assert first == (tmp_path / "second/search/search_index.json").read_text(encoding="utf-8")
    assert "\\u200b" in first  # segmented (the index is JSON with escapes)
