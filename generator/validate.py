"""Turn raw records into data classes and check the whole set; raise once with every problem."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .dataset import Dataset, Year
from .images import photo_facts
from .kinds import KINDS, Kind
from .kinds.common import Source
from .kinds.settings import Settings, national_settings
from .load import RawRecord, discover, display_path, read, read_bytes
from .memo import Memo, content_digest
from .photo_checks import photo_context, remember_photo
from .problems import Problem, RecordsInvalid
from .rules import privacy
from .rules.ids import identity_problems
from .rules.plan_text import read_plan
from .rules.registry import check_all
from .rules.settings import check_settings
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
        results[index] = _with_path(result, found[index][2])
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


def assemble(
    checked: list[Checked], content_dir: Path, root: Path, public: set[str], settings: Settings | None
) -> tuple[Dataset, list[Problem]]:
    """Build the dataset from each file's result, collecting their problems."""
    dataset = Dataset(settings)
    # Years are built even when the settings failed, so that their own problems are found too.
    shared = settings or national_settings()
    problems: list[Problem] = []
    pending: list[Any] = []
    for raw in checked:
        problems.extend(raw.problems)
        record = raw.record
        if record is None:
            if raw.failed_id:
                dataset.failed_ids.add(raw.failed_id)
            if raw.kind == "campaign" and raw.year is not None:
                dataset.failed_years.add(raw.year)
            continue
        if raw.kind == "campaign":
            if record.year != raw.year:
                dataset.failed_years.add(record.year if raw.year is None else raw.year)
                problems.append(
                    Problem(
                        raw.file,
                        record.src.line_of("year"),
                        "year",
                        f"年度写的是 {record.year}，但文件在 {raw.year} 文件夹里，两者应一致。",
                    )
                )
                continue
            plan, plan_problems = read_plan(record, content_dir, root, public)
            if plan is None:
                problems.extend(plan_problems)
                dataset.failed_years.add(record.year)
                continue
            dataset.years[record.year] = Year(record, shared, plan)
        else:
            pending.append((raw, record))
    for raw, record in pending:
        problems.extend(_place(dataset, raw, record))
    return dataset, problems


def _place(dataset: Dataset, raw: Checked, record: Any) -> list[Problem]:
    """Keep a record in its kind's table: the dataset's, or its year's."""
    kind = KINDS[raw.kind]
    if not kind.in_year:
        return _put(getattr(dataset, kind.table), record, raw)
    year = dataset.years.get(record.year)
    if year is None and record.year in dataset.failed_years:
        return []
    if year is None:
        field = "" if kind.per_year else "campaign"  # a story names its year; a folder's records have it
        folder = display_path(kind.path(Path("site_data"), Path("content"), record.year, record.id).parent, Path("."))
        return [
            Problem(
                raw.file,
                record.src.line_of(field or "id"),
                field,
                f"没有 {record.year} 年度的竞赛记录（site_data/{record.year}/campaign.yml），{folder} 下的记录无处归属。",
            )
        ]
    table = getattr(year, kind.table)
    if isinstance(table, list):
        table.append(record)
        return []
    return _put(table, record, raw)


def _put(table: dict[str, Any], record: Any, raw: Checked) -> list[Problem]:
    if record.id in table:
        first = table[record.id].src
        return [
            Problem(
                raw.file,
                record.src.line_of("id"),
                "id",
                f"编号「{record.id}」重复：{first.file} 第 {first.line_of('id')} 行已经用过。请换一个编号。",
            )
        ]
    table[record.id] = record
    return []


def load_dataset(
    data_dir: Path,
    content_dir: Path,
    root: Path,
    memo: Memo | None = None,
    digests: dict[str, bytes] | None = None,
) -> Dataset:
    """Read, check and assemble every record; raise `RecordsInvalid` with all problems at once.

    For example `load_dataset(Path("site_data"), Path("content"), Path("."))` for this repository.
    `memo`: each file's check as made before (`Cache.memo("check")`), files whose bytes were checked
    before are answered from it; without one every file is checked afresh. `digests`: the files'
    digests by path, from a `fingerprint` taken just before.
    """
    with collector_paused():
        return _load_dataset(data_dir, content_dir, root, memo or Memo(None, b""), digests)


def _load_dataset(data_dir: Path, content_dir: Path, root: Path, memo: Memo, digests: dict[str, bytes] | None) -> Dataset:
    found, problems = discover(data_dir, content_dir, root)
    settings_files = [(kind, year, path) for kind, year, path in found if kind.name == "settings"]
    found = [item for item in found if item[0].name != "settings"]
    campaigns: list[RawRecord] = []
    for kind, year, path in found:
        if kind.name == "campaign":
            raw, _ = read(kind, year, path, root)  # its problems are reported with the file's own
            if raw is not None:
                campaigns.append(raw)
    public = privacy.public_contacts(campaigns)
    settings, vocabulary_key, more = _settings(settings_files, data_dir, root, public)
    problems.extend(more)
    checked = check_files(found, root, public, memo, digests, settings, vocabulary_key)
    dataset, more = assemble(checked, content_dir, root, public, settings)
    problems.extend(more)
    if not dataset.years and not problems:
        problems.append(
            Problem(
                display_path(data_dir, root), 0, "", "没有任何年度的竞赛记录：请建立 site_data/2023/campaign.yml 这样的文件。"
            )
        )
    problems.extend(check_all(dataset, photo_context(memo)))
    memo.save()
    if problems:
        raise RecordsInvalid(problems)
    return dataset


def read_settings(data_dir: Path, root: Path) -> Settings | None:
    """The project's settings when they pass their own checks, else None (for tools that only need words)."""
    found, _ = discover(data_dir, data_dir / "none", root)
    settings, _, problems = _settings([item for item in found if item[0].name == "settings"], data_dir, root, set())
    return settings if not problems else None


def _settings(
    found: list[tuple[Kind, int | None, Path]], data_dir: Path, root: Path, public: set[str]
) -> tuple[Settings | None, bytes, list[Problem]]:
    """The county's settings, checked before every other record (their fields are checked against them).

    Returns the settings (None when missing or wrong), the digest of their file for the check cache's
    keys, and their problems.
    """
    if not found:
        where = display_path(data_dir / "settings.yml", root)
        return (
            None,
            b"",
            [
                Problem(
                    where,
                    0,
                    "",
                    "缺少本地设置文件：请在 site_data/ 下建立 settings.yml，写本县（市）的名称（county）、主办工会（union）"
                    "和乡镇列表（townships）。新项目可运行 python -m generator init 生成；写法见 EDITING.md「新的县（市）怎么用」。",
                )
            ],
        )
    kind, _, path = found[0]
    data = read_bytes(path)
    checked = check_file(kind, None, path, root, public, data)
    problems = list(checked.problems)
    settings = checked.record
    if settings is not None:
        problems.extend(check_settings(settings))
    return settings, content_digest(data or b""), problems
