"""News stories: dated within their year, each at an address of its own."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..kinds.common import Source
from ..problems import Problem
from .common import Context
from .dates import in_window


def rule_news(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """A story's date is in its year's window, and no two stories share an address name (slug)."""
    seen: dict[str, Source] = {}
    for year in dataset.years.values():
        for story in year.news:
            src = story.src
            yield from in_window(year, story.date, src, "date")
            if story.slug in seen:
                yield Problem(
                    src.file, src.line_of("slug"), "slug", f"网址名「{story.slug}」与 {seen[story.slug].file} 重复，请换一个。"
                )
            seen[story.slug] = src
