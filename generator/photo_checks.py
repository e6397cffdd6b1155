"""What the check learns of each picture (refused, whole, with a GPS position), kept in its cache.

Pictures can be megabytes each: they are known by their path, size and time rather than hashed on every run.
The worker processes judge each picture once as they check its record (`images.photo_facts`) and the main
process keeps their answers (`remember_photo`); the rules, the content check and the GPS notes then ask here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .images import has_gps, photo_refusal, readable_image
from .memo import Memo
from .rules.common import Context


def photo_context(memo: Memo) -> Context:
    """The rules' context, with photos judged from the cache: once per file and version."""
    refusals: dict[Path, str] = {}

    def refusal(path: Path) -> str:
        if path not in refusals:
            refusals[path] = _refusal(path, memo)
        return refusals[path]

    return Context(refusal, lambda path: bool(_asked(memo, _photo_key(path, memo), readable_image, path)))


def cached_refusal(path: Path, memo: Memo) -> str | None:
    """`images.photo_refusal`, from the check's cache when it has it."""
    return _refusal(path, memo) or None


def photo_gps(path: Path, memo: Memo) -> bool:
    """Whether a photo carries a GPS position (`images.has_gps`), from the check's cache when it has it."""
    return bool(_asked(memo, memo.key("photo-gps", _photo_key(path, memo)), has_gps, path))


def remember_photo(path: Path, facts: tuple[str, bool, bool], memo: Memo) -> None:
    """Keep what a worker found of a photo, as the questions here would have found it."""
    refusal, readable, gps = facts
    key = _photo_key(path, memo)
    memo.put(memo.key("photo-refusal", key), refusal)
    if not refusal:  # a refused photo is never decoded
        memo.put(key, readable)
    if readable:  # what an unreadable photo carries is not known: asked again if ever needed
        memo.put(memo.key("photo-gps", key), gps)


def _refusal(path: Path, memo: Memo) -> str:
    # A link is looked at afresh each time: its size and time are the link's, not the photo's.
    if path.is_symlink():
        return photo_refusal(path) or ""
    return str(_asked(memo, memo.key("photo-refusal", _photo_key(path, memo)), lambda p: photo_refusal(p) or "", path))


def _asked(memo: Memo, key: str, ask: Callable[[Path], Any], path: Path) -> Any:
    """The answer kept under `key`, else `ask`'s, kept."""
    answer = memo.get(key)
    if answer is None:
        answer = ask(path)
        memo.put(key, answer)
    return answer


def _photo_key(path: Path, memo: Memo) -> str:
    stat = path.stat()
    return memo.key("photo", str(path), str(stat.st_size), str(stat.st_mtime_ns))
