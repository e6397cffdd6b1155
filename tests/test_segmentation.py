"""Chinese segmentation for the search index: cut once, answered from the cache after."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from generator.memo import Memo
from generator.search_terms import given_name
from generator.segmentation import CachedSegmenter, name_parts

from .conftest import REPO, build


class Counting:
    """jieba, counting how often it is asked to cut."""

    def __init__(self) -> None:
        self.calls = 0

    def cut(self, text: bytes) -> list[str]:
        self.calls += 1
        return list(jieba.cut(text))

    def get_FREQ(self, word: str) -> int | None:  # jieba's name
        return jieba.get_FREQ(word)


def test_runs_are_cut_once_and_remembered_across_builds(tmp_path: Path):
    counting = Counting()
    text = "工人先锋号创建活动".encode()
    first = CachedSegmenter(counting, Memo(tmp_path / "words.pickle", b"salt"), ["工人先锋号"])
    words = first.cut(text)
    assert first.cut(text) == words and "".join(words) == text.decode() and "活动" in words and counting.calls == 1
    first.memo.save()

    again = CachedSegmenter(counting, Memo(tmp_path / "words.pickle", b"salt"), ["工人先锋号"])
    assert again.cut(text) == words and counting.calls == 1 and again.cut_now == 0

    # Other dictionary words may cut the same run differently: not answered from the cache.
    other = CachedSegmenter(counting, Memo(tmp_path / "words.pickle", b"salt"), ["先锋号创建"])
    other.cut(text)
    assert counting.calls == 2


def test_names_are_indexed_as_the_parts_a_reader_types_alone(tmp_path: Path):
    words = ["陆测明", "测明", "测试糖业有限公司", "压榨车间", "测试糖业有限公司压榨车间", "工人先锋号"]
    for word in words:
        jieba.add_word(word, freq=100_000)
    segmenter = CachedSegmenter(Counting(), Memo(tmp_path / "words.pickle", b"salt"), words)
    # A person's name: the surname, and the given name a reader may type alone.
    assert segmenter.cut("陆测明荣获工人先锋号".encode()) == ["陆", "测明", "荣获", "工人先锋号"]
    # A collective: its company, and its unit's short name.
    assert segmenter.cut("测试糖业有限公司压榨车间".encode()) == ["测试糖业有限公司", "压榨车间"]
    # A long word of jieba's own is two words a reader types alone (职工技能大赛 finds 职业技能竞赛).
    assert segmenter.cut("职工职业技能竞赛".encode()) == ["职工", "职业", "技能", "竞赛"]


def test_a_name_is_cut_where_it_ends_with_another_name():
    assert name_parts(["欧阳测明", "测明", "压榨车间", "测试糖业有限公司压榨车间", "测试糖业有限公司"]) == {
        "欧阳测明": ["欧阳", "测明"],
        "测试糖业有限公司压榨车间": ["测试糖业有限公司", "压榨车间"],
    }
    assert [given_name(name) for name in ("陆测明", "欧阳测明", "何明", "Anna")] == ["测明", "测明", None, None]


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
