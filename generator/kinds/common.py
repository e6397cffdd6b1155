"""What every record kind shares: where it came from, and the exemplar fields."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, dataclass_transform

from ..fieldtypes import Boolean, Choice, Date, Identifier, ListOf, Markdown, Picture, Ref, Term, Text
from ..schema import DECLARED, Field, FirstTerm, described, fields_of, shared
from ..urls import Reserved, Urls


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
        # (filecheck._with_path puts it back). copy.copy goes through here too: use dataclasses.replace.
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
    """A record kind, declared once: its data class (whose `described` attributes are its fields), where its
    files live and what they are named after, the names they may not take, and where its records are kept.

    The checks, the guide, the JSON Schema, the form editor and `new` read everything they need from here.
    """

    name: str
    label: str
    record: type  # a `declared` data class
    # Its files' folder: under site_data/ (inside the year's folder when `per_year`), or under content/.
    folder: str = ""
    per_year: bool = False
    # The attribute of `Year` (per-year kinds) or `Dataset` (the others) that holds its records.
    table: str = ""
    # The field a record is known by on the site; its file is named after it.
    key: str = "id"
    # Names the key may not take: the site's own pages beside the record's.
    reserved: Reserved | None = None
    # A kind of one file (the settings, a year's campaign): the file's name, without its suffix.
    file: str = ""
    # How a record is made from its checked values and its source (the data class itself by default).
    build: Callable[..., Any] | None = None
    # Records of a person: ids like zhang-ming, marked in sample data, counted in 名.
    personal: bool = False
    # Its record's own page, and the list of a year's records, as source paths.
    page: Callable[[int, str], str] | None = None
    listing: Callable[[Urls, int], str] | None = None

    @functools.cached_property
    def fields(self) -> list[Field]:
        return fields_of(self.record)

    @functools.cached_property
    def field_names(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields)

    @functools.cached_property
    def pictures(self) -> tuple[str, ...]:
        """The fields that name a picture beside the record (a photo, a banner)."""
        return tuple(f.name for f in self.fields if isinstance(f.type, Picture))

    @property
    def title_field(self) -> str:
        """The field a record is listed by: its name, else its title, else its key."""
        return next((name for name in ("name", "title") if name in self.field_names), self.key)

    def make(self, values: dict[str, Any], year: int | None, body: str, src: Source) -> Any:
        """The record of checked values; a record filed under a year's folder belongs to that year."""
        if self.per_year and "year" not in self.field_names:
            values["year"] = year
        return (self.build or self.record)(**values, src=src)

    def path(self, data_dir: Path, content_dir: Path, year: int, record_id: str) -> Path:
        """Where a record of this kind is filed (`new` writes it there)."""
        folder = data_dir / str(year) if self.per_year else data_dir
        if self.file:
            return folder / f"{self.file}.yml"
        stem = str(year) if self.key == "year" else record_id  # a calendar is named after its year
        return folder / self.folder / f"{stem}.yml"

    @property
    def front_matter(self) -> bool:
        """Whether its files are Markdown pages whose front matter holds the fields."""
        return False

    @property
    def in_year(self) -> bool:
        """Whether its records belong to a campaign year (kept in the year's table, not the dataset's)."""
        return self.per_year


def previous_ids(example: str) -> Any:
    return described(
        "曾用编号",
        f"改过编号（文件名）时，把原来的编号写在这里，每个一行，如 {example}：已经印出去的旧网址和二维码会自动转到新页面。",
        ListOf(Identifier(example)),
        required=False,
        blank=list,
    )


def record_id(example: str) -> Any:
    return described(
        "编号",
        f"本条记录的编号，用于网址和相互引用：小写英文字母、数字和连字符，如 {example}。同类记录里不能重复。",
        Identifier(example),
    )


DRAFT, READY, WITHDRAWN = "草稿", "定稿", "撤回"

STATE = described(
    "状态",
    "草稿：还在编辑，网站上任何地方都不出现；定稿：可以发布；撤回：已撤下，任何地方都不再出现。不填即为定稿。",
    Choice([DRAFT, READY, WITHDRAWN]),
    required=False,
    blank=READY,
)

PHOTO = described(
    "照片", "照片文件名，照片放在本记录文件旁边，如 zhang-ming.jpg。不填则显示占位图。", Picture(120), required=False
)
PHOTO_ALT = described(
    "照片说明",
    "照片的文字说明（给看不到图片的读者），如：张明在装配线上检测零件。填了照片就必须填。",
    Text(120),
    required=False,
)


def picture(label: str, example: str, without: str) -> Any:
    """A picture beside its record (a file name), checked like a photo: `without` says what the page shows
    when the picture is left out. The form editor offers an upload for it (`PICTURE`)."""
    return described(label, f"{label}的文件名，图片放在本记录文件旁边，如 {example}。{without}", Picture(120), required=False)


def picture_alt(label: str) -> Any:
    """The text of a `picture` for readers who cannot see it."""
    return described(
        f"{label}说明",
        f"{label}的文字说明（给看不到图片的读者），写图片里是什么。填了{label}就必须填。",
        Text(120),
        required=False,
    )


class Exemplar:
    """The fields of the two exemplar kinds (先进集体, 先进个人), declared once for both; each takes them
    with `shared(Exemplar.level)`, in the order its form shows them."""

    photo = PHOTO
    photo_alt = PHOTO_ALT
    state = STATE
    level = described(
        "荣誉级别",
        "授予荣誉的级别。不填即为本地设置 levels 的第一项（如 县级）。",
        Term("levels"),
        required=False,
        blank=FirstTerm("levels"),
    )
    competitions = described(
        "来自哪些竞赛",
        "评选依据的竞赛编号列表（本年度竞赛记录的 id）。",
        ListOf(Ref("competition", "zhuangpei-jineng")),
        required=False,
        blank=list,
    )
    recommended_to = described(
        "择优推荐",
        "表现突出、有荣誉基础、推荐参加上级评选的级别；不推荐则不填。",
        Term("recommended_levels"),
        required=False,
    )
    awarded = described(
        "授予日期",
        "荣誉已经正式授予的日期：之前的公示已经结束，或上级已经发文表彰。填了，这项荣誉从这天起一直公开，"
        "不受本年度公示（未开始、公示中或撤回）的影响；还在公示、尚未授予的不填。",
        Date(),
        required=False,
    )
    awarded_by = described("授予文件", "授予荣誉的文件名称或文号，如 某某市总工会〔2024〕12号。", Text(60), required=False)
    summary = described("一句话简介", "一句话说明主要事迹，显示在卡片和分享摘要里，60 字以内。", Text(60))
    story = described(
        "事迹",
        "详细事迹，可分段，可用 Markdown（空一行分段，**加粗**，- 列表）。",
        Markdown(),
        required=False,
        blank="",
    )
    achievements = described("主要成绩", "主要成绩，每项一行。", ListOf(Text(120)), required=False, blank=list)
    featured = described("首页展示", "填 true 则在首页「先进典型」中展示。", Boolean(), required=False, blank=False)


Record = TypeVar("Record")


@dataclass_transform(
    frozen_default=True, field_specifiers=(described, shared, record_id, previous_ids, picture, picture_alt, dataclasses.field)
)
def declared(cls: type[Record]) -> type[Record]:
    """A frozen data class whose `described` attributes are also its fields' declarations, in their order.

    The one place a record kind (or a group of fields inside one) is written down: `fields_of` reads the
    declarations back for the checks, the guide, the JSON Schema and the form editor.
    """
    for name, value in list(vars(cls).items()):
        if isinstance(value, Field):
            setattr(cls, name, dataclasses.field(metadata={DECLARED: dataclasses.replace(value, name=name)}))
    return dataclass(frozen=True)(cls)
