"""A cache of what checking one file gave, keyed by the file's content and by the generator's code.

`check` reads every record on every run; with tens of thousands of records, parsing and checking
them again costs seconds although almost none changed. Results are kept in one file under the
project's `.cache/`, which only this project writes (it is pickled, so it is trusted like `.venv`).
Any change to a file's bytes, to its place, or to the generator's own code makes a new key.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import sys
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent


# What can change a result besides our own code: the libraries that read, check, count and render
# (a new chinesecalendar can move a working day, a new PyYAML can read a value differently).
DEPENDENCIES = (
    "PyYAML",
    "chinesecalendar",
    "Jinja2",
    "MarkupSafe",
    "Markdown",
    "nh3",
    "Pillow",
    "jieba",
    "pypinyin",
    "segno",
    "openpyxl",
)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@functools.cache
def _metadata_folders() -> dict[str, str]:
    """Installed distributions' versions by normalised name, from the names of their metadata folders
    (`pyyaml-6.0.3.dist-info`), the first on the path winning as in importlib.metadata. Importing that
    (and email, csv, zipfile with it) and asking it name by name cost every command a tenth of a second."""
    versions: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = sorted(os.listdir(folder or "."))
        except OSError:
            continue
        for entry in entries:
            stem, _, suffix = entry.rpartition(".")
            parts = stem.split("-")
            if suffix in ("dist-info", "egg-info") and len(parts) > 1:
                versions.setdefault(_normal(parts[0]), parts[1])
    return versions


@functools.cache
def installed_versions() -> str:
    """The installed version of each dependency that can change a result, as one line."""
    found = []
    for name in DEPENDENCIES:
        version = _metadata_folders().get(_normal(name))
        if version is None:  # installed some other way (a zip, an import hook): importlib.metadata knows
            from importlib import metadata

            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                found.append(f"{name} missing")
                continue
        found.append(f"{name}=={version}")
    return " ".join(found)


@functools.cache
def _source_digest() -> bytes:
    """The generator's source and national defaults, read once a process: the code running does not
    change while it runs."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.yml")]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.digest()


def code_salt() -> bytes:
    """A digest of the generator's source, its national defaults and its dependencies' versions:
    results made by other code are never reused."""
    digest = hashlib.blake2b(_source_digest(), digest_size=16)
    digest.update(installed_versions().encode())
    return digest.digest()


# Files whose bytes decide a check (records, the plan, news); other files (photos) count by size and time.
TEXT_SUFFIXES = (".yml", ".yaml", ".md")


def content_digest(data: bytes) -> bytes:
    """What a file's bytes count as, in fingerprints and in the keys of each file's check."""
    return hashlib.blake2b(data, digest_size=20).digest()


def fingerprint(*folders: Path, digests: dict[str, bytes] | None = None) -> bytes:
    """A digest of everything under the folders: a different digest whenever any input changed.

    Each text file's `content_digest` is put in `digests` by path, so that a check that follows need
    not read and hash the files a second time; a digest there already (from a check just made) is
    taken as it is.
    """
    digest = hashlib.blake2b(digest_size=20)
    for folder in folders:
        for top, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(top, name)
                digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
                if name.lower().endswith(TEXT_SUFFIXES):
                    content = digests.get(path) if digests is not None else None
                    if content is None:
                        with open(path, "rb") as stream:
                            content = content_digest(stream.read())
                    digest.update(content)
                    if digests is not None:
                        digests[path] = content
                else:
                    stat = os.stat(path)
                    digest.update(f"{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return digest.digest()


class Memo:
    """Values by key, kept in a file: a base of everything and a small file of what is new since.

    A run that changes a few entries writes only those (the base can be tens of megabytes); the
    base is rewritten, without entries no run asked for since, once the new ones grow large.
    Each value is kept pickled on its own: a worker process that made it pickles it once, for the
    memo and for the way back alike (`put_pickled`), and reading the file unpickles nothing else.
    """

    def __init__(self, path: Path | None, salt: bytes) -> None:
        self.path = path
        self.folder = path.parent if path else None
        self.salt = salt
        self.base: dict[str, bytes] = self._load(path) if path else {}
        self.delta: dict[str, bytes] = self._load(self._delta_path) if path else {}
        self.used: set[str] = set()
        self.new: dict[str, bytes] = {}
        self._values: dict[str, Any] = {}  # unpickled already
        # For a memo kept between checks (the live preview's rebuilds), a file's key by its path, size
        # and time: unchanged files are then not read again. Never saved: a time can repeat elsewhere.
        self.seen: dict[tuple[str, int, int, str], str] | None = None

    @property
    def empty(self) -> bool:
        return not (self.base or self.delta or self.new)

    @property
    def _delta_path(self) -> Path:
        assert self.path is not None
        return self.path.with_suffix(".new.pickle")

    @staticmethod
    def _load(path: Path) -> dict[str, bytes]:
        try:
            with path.open("rb") as stream:
                entries = pickle.load(stream)
        except Exception:  # missing, damaged or foreign: simply made again
            return {}
        return entries if isinstance(entries, dict) else {}

    def key(self, *parts: bytes | str) -> str:
        digest = hashlib.blake2b(self.salt, digest_size=20)
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        value = self._values.get(key)
        if value is None:
            blob = self.new.get(key) or self.delta.get(key) or self.base.get(key)
            if blob is None:
                return None
            try:
                value = pickle.loads(blob)
            except Exception:  # damaged or foreign: made again
                return None
            self._values[key] = value
        self.used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self.put_pickled(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), value)

    def put_pickled(self, key: str, blob: bytes, value: Any) -> None:
        """Keep a value pickled elsewhere already (`blob`), with the value it unpickles to."""
        self.used.add(key)
        self.new[key] = blob
        self._values[key] = value

    def replace(self, key: str, value: Any) -> None:
        """Keep `value` in memory in place of what `key`'s entry unpickled to, the entry itself as it is:
        the same result with what the pickle leaves out (a path) put back."""
        self._values[key] = value

    def save(self) -> None:
        """Write what is new: into the small file, or, once that is large, into a fresh base.

        The memo stays usable: the live preview keeps one for all its rebuilds.
        """
        if self.path is None or not self.new:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for old in self.path.parent.glob(f"{self.path.name.split('-')[0]}-*.pickle"):
            if not old.name.startswith(self.path.stem):
                old.unlink(missing_ok=True)  # made by other code: never read again
        delta = {**self.delta, **self.new}
        self.new = {}
        if len(delta) * 10 < len(self.base):
            self._write(self._delta_path, delta)
            self.delta = delta
            return
        merged = {**self.base, **delta}
        self.base = {key: merged[key] for key in self.used if key in merged}
        self._write(self.path, self.base)
        self._delta_path.unlink(missing_ok=True)
        self.delta = {}

    @staticmethod
    def _write(path: Path, entries: dict[str, bytes]) -> None:
        temporary = path.with_suffix(f".tmp-{os.getpid()}")
        with temporary.open("wb") as stream:
            pickle.dump(entries, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
