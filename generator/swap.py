"""Output folders that are replaced whole or not at all: a build writes into a temporary folder beside
`site/` (or `office/`) and swaps it in only when the whole build succeeded, so a failed or interrupted
build never leaves a half-written site. Builds of one project exclude each other (`build_lock`): a
second one would clear the first one's temporary folders; what a killed one left is cleared by the next.
"""

from __future__ import annotations

import ctypes
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".build.lock"


class BuildRunning(Exception):
    """Another build of the same project holds the lock."""


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the project's build lock, or raise `BuildRunning` with the holder's process id.

    An advisory `flock`: the system lets go of it when its process ends in any way, killed included,
    so a stale lock file never blocks the next build.
    """
    try:
        import fcntl
    except ImportError:  # Windows: builds are not made there; run without the lock
        yield
        return
    with (root / LOCK_NAME).open("a+", encoding="utf-8") as stream:
        try:
            fcntl.flock(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            stream.seek(0)
            raise BuildRunning(stream.read().strip() or "?") from None
        stream.seek(0)
        stream.truncate()
        stream.write(f"{os.getpid()}\n")
        stream.flush()
        try:
            yield
        finally:
            stream.truncate(0)


def running_message(holder: str) -> str:
    return (
        f"另一个网站生成正在进行（进程号 {holder}），这次没有开始。同时生成两次会互相删掉对方的临时文件夹，"
        "发布出残缺的网站。请等它结束后再运行（make site 或 python -m generator build）。"
    )


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`); False where not supported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done: int = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


def _leftovers(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.parent.glob(f".{folder.name}.{kind}-*"))


def clear_leftovers(folder: Path) -> None:
    """What a killed build left beside `folder`: its temporary folders, and the old copy of a swap
    that stopped halfway (put back when the folder itself is missing). Call under `build_lock`."""
    old = _leftovers(folder, "old")
    if old and not folder.exists():
        newest = max(old, key=lambda p: p.stat().st_mtime)
        newest.rename(folder)
        old.remove(newest)
    for stale in [*old, *_leftovers(folder, "tmp")]:
        shutil.rmtree(stale, ignore_errors=True)


def swap_in(built: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `built` so that readers never see a half site, and the project is never
    without one: one atomic exchange where the system has it, else two renames (a kill between them
    is repaired by `clear_leftovers` at the next build)."""
    if site_dir.exists() and _exchange(built, site_dir):
        shutil.rmtree(built, ignore_errors=True)  # now the old site
        return
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    built.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
