"""Each record file checked on its own: read, parsed, its fields checked and its data class built, or its
problems listed. Results are kept in the check's cache by the file's bytes (`Memo`), and thousands of files
new to it are checked in worker processes; `validate` assembles the dataset from them.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .images import photo_facts
from .kinds import KINDS, Kind
from .kinds.common import Source
from .kinds.settings import Settings
from .load import RawRecord, display_path, read, read_bytes
from .memo import Memo, content_digest
from .photo_checks import remember_photo
from .problems import Problem
from .rules import privacy
from .rules.ids import identity_problems
from .schema import Where, check_fields
from .workers import collector_paused, process_pool, worker_count
from .yamlio import field_lines

T = TypeVar("T")

# Below this many files to check afresh, starting worker processes costs more than it saves.
PARALLEL_FROM = 2000


def build_record(raw: RawRecord, where: Where) -> Any | None:
    """Check one record's fields; return its data class, or None after reporting why not."""
    values = check_fields(raw.data, raw.kind.fields, where)
    if values is None:
        return None
    identity = identity_problems(raw, values)
    if identity:
        where.problems.extend(identity)
        return None
    return raw.kind.make(values, raw.year, raw.body, Source(raw.file, raw.data.line, field_lines(raw.data), raw.path))


@dataclass(frozen=True)
class Checked:
    """What one record file gives on its own: its record, or the problems that stopped it.

    Depends only on the file (its bytes and place) and the published contacts, so it is cached.
    """

    kind: str
    year: int | None
    file: str
    path: Path | None  # None in the cache
    record: Any | None
    problems: list[Problem]
    failed_id: str | None  # the id a record that failed its checks would have had

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "path": None}  # see `Source.__getstate__`


def check_file(
    kind: Kind,
    year: int | None,
    path: Path,
    root: Path,
    public: set[str],
    data: bytes | None = None,
    vocabulary: Settings | None = None,
) -> Checked:
    """Read one record file, scan it for personal data and check its fields against the county's words."""
    raw, problems = read(kind, year, path, root, data)
    if raw is None:
        # Records are named after their id: references to this one are not reported on top.
        return Checked(kind.name, year, display_path(path, root), path, None, problems, path.stem)
    problems.extend(privacy.scan([raw], public))
    where = Where(raw.file, vocabulary=vocabulary)
    record = build_record(raw, where)
    problems.extend(where.problems)
    failed = raw.data.get("id") if record is None and isinstance(raw.data.get("id"), str) else None
    return Checked(kind.name, year, raw.file, path, record, problems, failed)


def _read_and_check(
    kind: Kind, year: int | None, path: Path, root: Path, public: set[str], data: bytes | None, vocabulary: Settings | None
) -> tuple[Checked, bytes | None]:
    """Check one file; with its `content_digest`, unless it is too big to be a record (not cached)."""
    data = read_bytes(path) if data is None else data
    return check_file(kind, year, path, root, public, data, vocabulary), content_digest(data) if data is not None else None


def _check_batch(
    batch: list[tuple[str, int | None, Path]], root: Path, public: set[str], vocabulary: Settings | None
) -> tuple[list[tuple[bytes, bytes | None]], list[tuple[Path, tuple[str, bool, bool]]]]:
    """Check files in a worker process; judge their pictures there too (`images.photo_facts`), which is
    the slow part of the rules and of the check's GPS note.

    Each result comes back pickled on its own, as the memo keeps it (pickled once, not twice), with
    the digest of the file as read.
    """
    with collector_paused():
        checked = [_read_and_check(KINDS[kind], year, path, root, public, None, vocabulary) for kind, year, path in batch]
    photos = [
        path.parent / name
        for (result, _), (_, _, path) in zip(checked, batch, strict=True)
        if result.record is not None
        for name in (getattr(result.record, field) for field in KINDS[result.kind].pictures)
        if isinstance(name, str)
    ]
    blobs = [(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), digest) for result, digest in checked]
    # Links are left to the rules, which refuse them afresh each time.
    return blobs, [(photo, photo_facts(photo)) for photo in photos if photo.is_file() and not photo.is_symlink()]


def check_files(
    found: list[tuple[Kind, int | None, Path]],
    root: Path,
    public: set[str],
    memo: Memo,
    digests: dict[str, bytes] | None = None,
    vocabulary: Settings | None = None,
    vocabulary_key: bytes = b"",
) -> list[Checked]:
    """Every file's result: from the memo when its bytes were checked before, else checked now.

    `vocabulary`: the county's settings the fields are checked against; `vocabulary_key` the digest
    of their file, part of every key (a new township changes what a record's check gives).

    `digests`: the files' `content_digest`s by path where the caller has them already; the digests
    of the files read here are added.
    """
    results: list[Checked | None] = []
    todo: list[tuple[int, str | None, bytes | None]] = []  # with the key and bytes where known
    public_key = "\n".join(sorted(public)) + "\0" + vocabulary_key.hex()

    def file_key(index: int, digest: bytes) -> str:
        kind, year, path = found[index]
        return memo.key(kind.name, str(year), str(path), str(root), public_key, digest)

    # With nothing in the memo, nothing can be found there: reading and hashing are left to the checking,
    # in the worker processes.
    look = not memo.empty
    for kind, year, path in found:
        seen = None
        cached = None
        key: str | None = None
        if memo.seen is not None:  # a memo kept between checks knows unchanged files by their time
            stat = path.stat()
            seen = (str(path), stat.st_size, stat.st_mtime_ns, public_key)
            key = memo.seen.get(seen)
            cached = memo.get(key) if key is not None else None
        if cached is None:
            data = None
            digest = digests.get(str(path)) if digests is not None else None
            if digest is None and look:
                data = read_bytes(path)
                if data is None:  # too big to be a record: say so, do not cache
                    results.append(check_file(kind, year, path, root, public, None, vocabulary))
                    continue
                digest = content_digest(data)
                if digests is not None:
                    digests[str(path)] = digest
            key = file_key(len(results), digest) if digest is not None else None
            if key is not None:
                if seen is not None and memo.seen is not None:
                    memo.seen[seen] = key
                cached = memo.get(key)
            if cached is None:
                todo.append((len(results), key, data))
        if cached is not None:
            placed = _with_path(cached, path)
            if placed is not cached and key is not None:
                # Kept with its path for the next check in this process (the preview's rebuilds): no
                # second copy of every record alive beside the dataset's, and no copying again.
                memo.replace(key, placed)
            cached = placed
        results.append(cached)

    def keep(index: int, key: str | None, digest: bytes | None, result: Checked, blob: bytes | None) -> None:
        if digest is None:  # too big: not cached
            return
        if digests is not None:
            digests[str(found[index][2])] = digest
        key = key or file_key(index, digest)
        if blob is None:
            memo.put(key, result)
        else:
            memo.put_pickled(key, blob, result)

    done: list[Checked] = []
    workers = worker_count(4)
    if len(todo) >= PARALLEL_FROM and workers > 1:
        chunk = -(-len(todo) // (workers * 4))
        batches = [
            [(found[i][0].name, found[i][1], found[i][2]) for i, _, _ in todo[start : start + chunk]]
            for start in range(0, len(todo), chunk)
        ]
        with process_pool(workers) as pool:
            count = len(batches)
            for blobs, photos in pool.map(_check_batch, batches, [root] * count, [public] * count, [vocabulary] * count):
                for blob, digest in blobs:
                    index, key, _ = todo[len(done)]
                    # With its path before it is kept: the memo and the dataset then share one copy.
                    result = _with_path(pickle.loads(blob), found[index][2])
                    keep(index, key, digest, result, blob)
                    done.append(result)
                for path, facts in photos:
                    if path.is_file():
                        remember_photo(path, facts, memo)
    else:
        for index, key, data in todo:
            kind, year, path = found[index]
            result, digest = _read_and_check(kind, year, path, root, public, data, vocabulary)
            keep(index, key, digest, result, None)
            done.append(result)
    for (index, _, _), result in zip(todo, done, strict=True):
        results[index] = result  # with its path: checked here, or given it as it came back
    return [r for r in results if r is not None]


def _with_path(checked: Checked, path: Path) -> Checked:
    # Pickled without their paths (see `Source`): a copy with the path the caller has just made.
    if checked.path == path:
        return checked  # checked in this process: it has it
    record = checked.record
    if record is not None:
        record = _copy(record, src=_copy(record.src, path=path))
    return _copy(checked, path=path, record=record)


def _copy(value: T, **changes: Any) -> T:
    """`dataclasses.replace` as unpickling builds an object: its fields set at once, no `__init__` run on
    values checked already. A new object; the one copied is left as it is. At 5,000 records, 0.1 s less."""
    copy = object.__new__(type(value))
    copy.__dict__.update(value.__dict__, **changes)
    return copy
