"""Chinese word segmentation for the search index: words a reader can find by any part, remembered between builds.

Material's search plugin cuts every run of Chinese characters of every page with jieba, which costs
as much as the rest of indexing; MkDocs rebuilds every page on every change, and almost all of
those runs are the same as last time. This stands in for the `jieba` module in front of it and
answers runs it has cut before from a cache keyed by the run and the words added to the dictionary.

Material's search matches a query word to the start of an index word only (明华 finds no 张明华), and
cuts a query into the words the index holds. So the index holds small words, and a query for a whole
name finds it as the run of its parts:
- a name the records hold is kept whole by jieba, then cut where it ends with another such word:
  张明华 into 张 and the given name 明华, a collective 某供电有限公司变电运维班 into the company and
  变电运维班 (`search_terms` adds the given names and the units' names);
- a word of jieba's own dictionary of four characters or more that is two of its words is cut in two:
  职业技能 into 职业 and 技能, so that 职工技能大赛 finds the 职业技能竞赛, and 劳动竞赛 the plan's
  劳动和技能竞赛. The county's own words (honours, streams, townships) are kept whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from .memo import Memo

# The shortest part a word is cut into: one character is no word a reader searches for (but a surname).
SHORTEST_PART = 2


def name_parts(words: list[str]) -> dict[str, list[str]]:
    """Each word of the records that ends with another of them (its longest), cut there, and its head again."""
    known = set(words)
    parts: dict[str, list[str]] = {}
    for word in sorted(known, key=len):
        # Its tails, longest first: a look-up each, not a pass over every word (quadratic at scale).
        tail = next((word[cut:] for cut in range(1, len(word) - SHORTEST_PART + 1) if word[cut:] in known), None)
        if tail is not None:
            head = word[: -len(tail)]
            parts[word] = [*parts.get(head, [head]), tail]
    return parts


def halves(word: str, known: Callable[[str], bool]) -> list[str]:
    """A long word of the dictionary that is two of its words, as those two (each cut again if it can be)."""
    if len(word) < 2 * SHORTEST_PART:
        return [word]
    for cut in range(SHORTEST_PART, len(word) - SHORTEST_PART + 1):
        head, tail = word[:cut], word[cut:]
        if known(head) and known(tail):
            return [*halves(head, known), *halves(tail, known)]
    return [word]


class CachedSegmenter:
    """Looks like the jieba module where Material uses it (`cut`); cuts to small words, remembers what it cut."""

    def __init__(self, jieba: Any, memo: Memo, words: list[str]) -> None:
        self.jieba = jieba
        self.memo = memo
        # The words added to the dictionary change how runs are cut: a different set, other keys.
        self.words = hashlib.blake2b("\n".join(sorted(words)).encode(), digest_size=16).digest()
        self.kept = set(words)
        self.parts = name_parts(words)
        self.cut_now = 0  # runs cut in this build (not answered from the cache)

    def _in_dictionary(self, word: str) -> bool:
        return bool(self.jieba.get_FREQ(word))

    def _small(self, word: str) -> list[str]:
        if word in self.parts:
            return self.parts[word]
        if word in self.kept:
            return [word]
        return halves(word, self._in_dictionary)

    def cut(self, text: str | bytes, *args: Any, **kwargs: Any) -> list[str]:
        if args or kwargs:  # not how Material calls it: no caching
            return list(self.jieba.cut(text, *args, **kwargs))
        data = text.encode("utf-8") if isinstance(text, str) else text
        key = self.memo.key(self.words, data)
        words = self.memo.get(key)
        if words is None:
            words = [small for word in self.jieba.cut(text) for small in self._small(word)]
            self.memo.put(key, words)
            self.cut_now += 1
        return words

    def __getattr__(self, name: str) -> Any:
        return getattr(self.jieba, name)
