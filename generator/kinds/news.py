"""News stories: Markdown files with front matter, published through Material's blog plugin."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fieldtypes import Date, Integer, Text
from ..schema import described, shared
from ..urls import NEWS_NAMES, Urls
from .common import STATE, Kind, Source, declared, picture, picture_alt

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@declared
class News:
    title: str = described("标题", "新闻标题。", Text(60))
    date: dt.date = described("日期", "发布日期，如 2023-06-20。", Date())
    slug: str = described(
        "网址名",
        "新闻网址的最后一段：小写英文字母、数字和连字符，如 2023-launch（可用拼音）。不能重复。",
        Text(60, SLUG, "2023-launch"),
    )
    description: str = described("摘要", "一两句话的摘要，显示在列表和分享卡片里。", Text(120))
    campaign: int | None = described(
        "所属年度",
        "报道的是哪一年的竞赛；不填则按日期的年份。次年初的总结报道请写上年份。",
        Integer(2000),
        required=False,
    )
    photo: str | None = picture(
        "配图",
        "2023-launch.jpg（与新闻的 .md 文件放在同一个文件夹）",
        "首页的图片新闻用它作缩略图；不填则只列标题和摘要。",
    )
    photo_alt: str | None = picture_alt("配图")
    state: str = shared(STATE)
    body: str  # the Markdown after the front matter
    src: Source = field(compare=False)
    year: int = 0

    @property
    def id(self) -> str:
        return self.slug


@dataclass(frozen=True)
class Stories(Kind):
    """News: Markdown pages under content/, their fields in the front matter, each named by its date and slug.

    A story belongs to the campaign it names, else to its date's year.
    """

    @property
    def front_matter(self) -> bool:
        return True

    @property
    def in_year(self) -> bool:
        return True

    def make(self, values: dict[str, Any], year: int | None, body: str, src: Source) -> Any:
        return News(**values, body=body, year=values.get("campaign") or values["date"].year, src=src)

    def path(self, data_dir: Path, content_dir: Path, year: int, record_id: str) -> Path:
        return content_dir / self.folder / f"{dt.date.today().isoformat()}-{record_id}.md"


def story_page(year: int, slug: str) -> str:
    return Urls.news_post(slug)  # stories are not filed under their year: their addresses are the blog's


KIND = Stories("news", "新闻", News, "news/posts", table="news", key="slug", reserved=NEWS_NAMES, page=story_page)
