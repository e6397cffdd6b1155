"""News stories: Markdown files with front matter, published through Material's blog plugin."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..schema import Date, Field, Integer, Text
from .common import STATE_FIELD, Kind, Source, picture_fields

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class News:
    title: str
    date: dt.date
    slug: str
    description: str
    campaign: int | None
    photo: str | None
    photo_alt: str | None
    body: str
    state: str
    src: Source = field(compare=False)
    year: int = 0

    @property
    def id(self) -> str:
        return self.slug


FIELDS = [
    Field("title", "标题", "新闻标题。", Text(60)),
    Field("date", "日期", "发布日期，如 2023-06-20。", Date()),
    Field(
        "slug",
        "网址名",
        "新闻网址的最后一段：小写英文字母、数字和连字符，如 2023-launch（可用拼音）。不能重复。",
        Text(60, SLUG, "2023-launch"),
    ),
    Field("description", "摘要", "一两句话的摘要，显示在列表和分享卡片里。", Text(120)),
    Field(
        "campaign",
        "所属年度",
        "报道的是哪一年的竞赛；不填则按日期的年份。次年初的总结报道请写上年份。",
        Integer(2000),
        required=False,
    ),
    *picture_fields(
        "photo",
        "photo_alt",
        "配图",
        "2023-launch.jpg（与新闻的 .md 文件放在同一个文件夹）",
        "首页的图片新闻用它作缩略图；不填则只列标题和摘要。",
    ),
    STATE_FIELD,
]

KIND = Kind("news", "新闻", "news/posts", False, FIELDS, News)
