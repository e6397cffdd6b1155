"""Check the whole set of records: each file (`filecheck`), then the dataset they make and every rule over it;
raise once with every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .dataset import Dataset, Year
from .filecheck import Checked, check_file, check_files
from .kinds import KINDS, Kind
from .kinds.settings import Settings, national_settings
from .load import RawRecord, discover, display_path, read, read_bytes
from .memo import Memo, content_digest
from .photo_checks import photo_context
from .problems import Problem, RecordsInvalid
from .rules import privacy
from .rules.plan_text import read_plan
from .rules.registry import check_all
from .rules.settings import check_settings
from .workers import collector_paused


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
