"""The one cache: every result a build keeps for the next, and the one key they are all kept by.

The functions that make results are pure: a record file's check from its bytes (`filecheck.check_file`), a
photo's renditions from the photo (`images.process`), a poster from what it shows (`poster.draw`), a run of
Chinese cut into words (`segmentation`). They know nothing of keeping. This module decides where a result is
kept (under the project's `.cache/`) and by which key: what it was made from, the generator's own code and
the installed versions of the libraries that can change a result (`memo.code_salt`). A result made by other
code, or by another Pillow or chinesecalendar, is never taken for this one's.

Two shapes of result: values (`memo`, pickled into one file per purpose) and files (`entry`, a folder per
result, for bytes worth keeping as they are: renditions, posters, pictures). Jinja's compiled templates are
kept by Jinja itself, checked against each template's source (`templates`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .memo import Memo, code_salt

# Written last into an entry's folder: a folder without it (a build stopped halfway) is made again.
INDEX = "index.json"


@functools.cache
def _salt() -> bytes:
    # The code does not change under a running process: its digest is taken once.
    return code_salt()


@dataclass(frozen=True)
class Entry:
    """One result kept as files in a folder of its own, with a little data beside them (a photo's sizes)."""

    folder: Path | None

    @property
    def ready(self) -> bool:
        return self.folder is not None and (self.folder / INDEX).is_file()

    def read(self) -> tuple[dict[str, bytes], Any] | None:
        """The files by name and the data kept with them, or None when the result was not kept (yet)."""
        if not self.ready:
            return None
        assert self.folder is not None
        try:
            index = json.loads((self.folder / INDEX).read_text(encoding="utf-8"))
            return {name: (self.folder / name).read_bytes() for name in index["files"]}, index["data"]
        except (OSError, ValueError, KeyError, TypeError):  # damaged or cleared by hand: made again
            return None

    def write(self, files: dict[str, bytes], data: Any = None) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (self.folder / name).write_bytes(content)
        (self.folder / INDEX).write_text(json.dumps({"files": list(files), "data": data}), encoding="utf-8")


@dataclass(frozen=True)
class Cache:
    """The project's cache folder (None: nothing is kept, every result is made afresh) and its key's salt."""

    folder: Path | None
    salt: bytes

    @classmethod
    def at(cls, folder: Path | None) -> Cache:
        return cls(folder, _salt())

    def key(self, name: str, made_from: Iterable[bytes | str]) -> str:
        digest = hashlib.blake2b(self.salt, digest_size=20)
        for part in (name, *made_from):
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def memo(self, name: str) -> Memo:
        """Values kept pickled in one file: each record file's check, the search's cut runs, a check's verdict."""
        return Memo(self.folder / f"{name}-{self.salt.hex()[:16]}.pickle" if self.folder else None, self.salt)

    def entry(self, name: str, *made_from: bytes | str) -> Entry:
        """The folder of a result made of files (`name`: what it is, such as "photos"), by what it was made from."""
        if self.folder is None:
            return Entry(None)
        key = self.key(name, made_from)
        return Entry(self.folder / name / key[:2] / key)

    def templates(self, name: str) -> jinja2.BytecodeCache | None:
        """Jinja's compiled templates, checked by Jinja against each template's source."""
        if self.folder is None:
            return None
        folder = self.folder / name
        folder.mkdir(parents=True, exist_ok=True)
        return jinja2.FileSystemBytecodeCache(str(folder))
