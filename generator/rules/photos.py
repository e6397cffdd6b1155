"""Records' pictures (exemplars' photos, news stories' pictures, the campaign's banner): a file beside the
record, of a format the site takes, whole, and described."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..dataset import Dataset
from ..images import HEIC_SUFFIXES
from ..problems import Problem
from .common import Context
from .exemplars import exemplars

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def _unsafe(name: str) -> bool:
    # Only a file name: a path could reach outside the record's folder.
    return "/" in name or "\\" in name or name in (".", "..")


def pictures(dataset: Dataset) -> Iterator[tuple[Any, str, str]]:
    """Every picture a record names, as (record, field, its alt field): exemplars' photos, news stories'
    pictures and the campaign's banner, all checked and processed alike."""
    for year in dataset.years.values():
        yield year.campaign, "banner", "banner_alt"
        for record in exemplars(year):
            yield record, "photo", "photo_alt"
        for story in year.news:
            yield story, "photo", "photo_alt"


def rule_photo_refusals(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """Pictures refused before any decoding: symlinks, and more pixels than `images.MAX_PIXELS`."""
    for record, field, _ in pictures(dataset):
        name = getattr(record, field)
        if not name or record.src.path is None or _unsafe(name):
            continue
        path = record.src.path.parent / name
        if not (path.is_symlink() or path.is_file()):
            continue
        refusal = context.refusal(path)
        if refusal:
            yield Problem(record.src.file, record.src.line_of(field), field, refusal)


def rule_photos(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """The picture's name, format, presence and wholeness, and its description (photo_alt, banner_alt)."""
    for record, field, alt in pictures(dataset):
        yield from _photo(record, context, field, alt)


def _photo(record: Any, context: Context, field: str, alt: str) -> Iterator[Problem]:
    src = record.src
    name = getattr(record, field)
    if name is None:
        return
    assert src.path is not None
    path = src.path.parent / name
    line = src.line_of(field)
    if _unsafe(name):
        yield Problem(src.file, line, field, f"「{name}」：只写文件名，照片放在本记录文件旁边。")
        return
    if path.suffix.lower() in HEIC_SUFFIXES:
        yield Problem(
            src.file,
            line,
            field,
            f"「{name}」是苹果手机的 HEIC 格式，网站用不了。请转成 JPG：已拍的照片可以在 iPhone 上“共享→存储到文件”时选 JPG，"
            "或用微信发给自己后保存（会变成 JPG）；以后拍照可在 设置→相机→格式 选“兼容性最佳”。",
        )
        return
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        yield Problem(src.file, line, field, f"「{name}」不是支持的照片格式；请用 {'、'.join(PHOTO_SUFFIXES)}。")
    elif not path.is_file():
        yield Problem(
            src.file,
            line,
            field,
            f"找不到照片「{name}」。请把照片放在 {Path(src.file).parent.as_posix()}/ 里，文件名与这里一致。",
        )
    # A refused photo is not decoded at all: it is not called broken on top of its refusal.
    elif not context.refusal(path) and not context.readable(path):
        yield Problem(src.file, line, field, f"照片「{name}」打不开：文件已损坏，或不是图片。请重新从手机或相机导出这张照片。")
    if not getattr(record, alt):
        yield Problem(src.file, line, alt, f"有照片就要写照片说明（{alt}），告诉看不到图片的读者照片里是什么。")
