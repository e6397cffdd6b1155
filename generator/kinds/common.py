"""What every record kind shares: where it came from, and the exemplar fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..schema import Boolean, Choice, Date, Field, FirstTerm, Identifier, ListOf, Markdown, Ref, Term, Text


@dataclass(frozen=True)
class Source:
    """The file a record was read from and the line of each of its fields."""

    file: str
    line: int = 1
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    path: Path | None = field(default=None, compare=False, hash=False)

    def __getstate__(self) -> dict[str, Any]:
        # Pickled (into the check cache, or between processes) without the path: unpickling tens of
        # thousands of Path objects costs seconds, and whoever unpickles has the path at hand
        # (validate._with_path puts it back). copy.copy goes through here too: use dataclasses.replace.
        return {**self.__dict__, "path": None}

    def line_of(self, name: str) -> int:
        """The line of a field or item (`results[2].unit`), else of its nearest enclosing field."""
        while name:
            if name in self.lines:
                return self.lines[name]
            cut = max(name.rfind("."), name.rfind("["))
            name = name[:cut] if cut > 0 else ""
        return self.line


@dataclass(frozen=True)
class Kind:
    """A record kind: its folder (per year or not), its fields and how to build its record."""

    name: str
    label: str
    folder: str
    per_year: bool
    fields: list[Field]
    build: Callable[..., Any]


def former_ids_field(example: str) -> Field:
    return Field(
        "former_ids",
        "曾用编号",
        f"改过编号（文件名）时，把原来的编号写在这里，每个一行，如 {example}：已经印出去的旧网址和二维码会自动转到新页面。",
        ListOf(Identifier(example)),
        required=False,
        default=list,
    )


def id_field(example: str) -> Field:
    return Field(
        "id",
        "编号",
        f"本条记录的编号，用于网址和相互引用：小写英文字母、数字和连字符，如 {example}。同类记录里不能重复。",
        Identifier(example),
    )


DRAFT, READY, WITHDRAWN = "草稿", "定稿", "撤回"

STATE_FIELD = Field(
    "state",
    "状态",
    "草稿：还在编辑，网站上任何地方都不出现；定稿：可以发布；撤回：已撤下，任何地方都不再出现。不填即为定稿。",
    Choice([DRAFT, READY, WITHDRAWN]),
    required=False,
    default=READY,
)

PHOTO_FIELDS = [
    Field(
        "photo",
        "照片",
        "照片文件名，照片放在本记录文件旁边，如 zhang-ming.jpg。不填则显示占位图。",
        Text(120),
        required=False,
    ),
    Field(
        "photo_alt",
        "照片说明",
        "照片的文字说明（给看不到图片的读者），如：张明在装配线上检测零件。填了照片就必须填。",
        Text(120),
        required=False,
    ),
]


# The fields that name a picture beside its record: the form editor offers an upload for each.
PICTURES: list[Field] = [PHOTO_FIELDS[0]]


def picture_fields(name: str, alt: str, label: str, example: str, without: str) -> list[Field]:
    """A picture beside its record (a file name) and its text for readers who cannot see it, checked like a
    photo: `without` says what the page shows when the picture is left out."""
    picture = Field(name, label, f"{label}的文件名，图片放在本记录文件旁边，如 {example}。{without}", Text(120), required=False)
    PICTURES.append(picture)
    return [
        picture,
        Field(
            alt,
            f"{label}说明",
            f"{label}的文字说明（给看不到图片的读者），写图片里是什么。填了{label}就必须填。",
            Text(120),
            required=False,
        ),
    ]


EXEMPLAR_FIELDS = [
    Field(
        "level",
        "荣誉级别",
        "授予荣誉的级别。不填即为本地设置 levels 的第一项（如 县级）。",
        Term("levels"),
        required=False,
        default=FirstTerm("levels"),
    ),
    Field(
        "competitions",
        "来自哪些竞赛",
        "评选依据的竞赛编号列表（本年度竞赛记录的 id）。",
        ListOf(Ref("competition", "zhuangpei-jineng")),
        required=False,
        default=list,
    ),
    Field(
        "recommended_to",
        "择优推荐",
        "表现突出、有荣誉基础、推荐参加上级评选的级别；不推荐则不填。",
        Term("recommended_levels"),
        required=False,
    ),
    Field(
        "awarded",
        "授予日期",
        "荣誉已经正式授予的日期：之前的公示已经结束，或上级已经发文表彰。填了，这项荣誉从这天起一直公开，"
        "不受本年度公示（未开始、公示中或撤回）的影响；还在公示、尚未授予的不填。",
        Date(),
        required=False,
    ),
    Field("awarded_by", "授予文件", "授予荣誉的文件名称或文号，如 某某市总工会〔2024〕12号。", Text(60), required=False),
    *PHOTO_FIELDS,
    Field("summary", "一句话简介", "一句话说明主要事迹，显示在卡片和分享摘要里，60 字以内。", Text(60)),
    Field(
        "story",
        "事迹",
        "详细事迹，可分段，可用 Markdown（空一行分段，**加粗**，- 列表）。",
        Markdown(),
        required=False,
        default="",
    ),
    Field(
        "achievements",
        "主要成绩",
        "主要成绩，每项一行。",
        ListOf(Text(120)),
        required=False,
        default=list,
    ),
    Field("featured", "首页展示", "填 true 则在首页「先进典型」中展示。", Boolean(), required=False, default=False),
    STATE_FIELD,
]
