"""Exemplars' photos: a file beside the record, of a format the site takes, whole, and described."""

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


def rule_photo_refusals(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """Photos refused before any decoding: symlinks, and more pixels than `images.MAX_PIXELS`."""
    for year in dataset.years.values():
        for record in exemplars(year):
            name = record.photo
            if not name or record.src.path is None or _unsafe(name):
                continue
            path = record.src.path.parent / name
            if not (path.is_symlink() or path.is_file()):
                continue
            refusal = context.refusal(path)
            if refusal:
                yield Problem(record.src.file, record.src.line_of("photo"), "photo", refusal)


def rule_photos(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """The photo's name, format, presence and wholeness, and its description (photo_alt)."""
    for year in dataset.years.values():
        for record in exemplars(year):
            yield from _photo(record, context)


def _photo(record: Any, context: Context) -> Iterator[Problem]:
    src = record.src
    if record.photo is None:
        return
    name = record.photo
    assert src.path is not None
    folder = src.path.parent
    path = folder / name
    if _unsafe(name):
        yield Problem(src.file, src.line_of("photo"), "photo", f"「{name}」：只写文件名，照片放在本记录文件旁边。")
        return
    if path.suffix.lower() in HEIC_SUFFIXES:
        yield Problem(
            src.file,
            src.line_of("photo"),
            "photo",
            f"「{name}」是苹果手机的 HEIC 格式，网站用不了。请转成 JPG：已拍的照片可以在 iPhone 上“共享→存储到文件”时选 JPG，"
            "或用微信发给自己后保存（会变成 JPG）；以后拍照可在 设置→相机→格式 选“兼容性最佳”。",
        )
        return
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        yield Problem(
            src.file, src.line_of("photo"), "photo", f"「{name}」不是支持的照片格式；请用 {'、'.join(PHOTO_SUFFIXES)}。"
        )
    elif not path.is_file():
        yield Problem(
            src.file,
            src.line_of("photo"),
            "photo",
            f"找不到照片「{name}」。请把照片放在 {Path(src.file).parent.as_posix()}/ 里，文件名与这里一致。",
        )
    # A refused photo is not decoded at all: it is not called broken on top of its refusal.
    elif not context.refusal(path) and not context.readable(path):
        yield Problem(
            src.file,
            src.line_of("photo"),
            "photo",
            f"照片「{name}」打不开：文件已损坏，或不是图片。请重新从手机或相机导出这张照片。",
        )
    if not record.photo_alt:
        yield Problem(
            src.file, src.line_of("photo"), "photo_alt", "有照片就要写照片说明（photo_alt），告诉看不到图片的读者照片里是什么。"
        )
