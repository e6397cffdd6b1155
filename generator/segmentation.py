"""Chinese word segmentation for the search index, remembered between builds.

Material's search plugin cuts every run of Chinese characters of every page with jieba, which costs
as much as the rest of indexing; MkDocs rebuilds every page on every change, and almost all of
those runs are the same as last time. This stands in for the `jieba` module in front of it and
answers runs it has cut before from a cache keyed by the run and the words added to the dictionary.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .memo import Memo


class CachedSegmenter:
    """Looks like the jieba module where Material uses it (`cut`); remembers what it cut."""

    def __init__(self, jieba: Any, memo: Memo, words: list[str]) -> None:
        self.jieba = jieba
        self.memo = memo
        # The words added to the dictionary change how runs are cut: a different set, other keys.
        self.words = hashlib.blake2b("\n".join(sorted(words)).encode(), digest_size=16).digest()
        self.cut_now = 0  # runs cut in this build (not answered from the cache)

    def cut(self, text: str | bytes, *args: Any, **kwargs: Any) -> list[str]:
        if args or kwargs:  # not how Material calls it: no caching
            return list(self.jieba.cut(text, *args, **kwargs))
        data = text.encode("utf-8") if isinstance(text, str) else text
        key = self.memo.key(self.words, data)
        words = self.memo.get(key)
        if words is None:
            words = list(self.jieba.cut(text))
            self.memo.put(key, words)
            self.cut_now += 1
        return words

    def __getattr__(self, name: str) -> Any:
        return getattr(self.jieba, name)
