"""Turn raw records into data classes and check the whole set; raise once with every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import rules
from .dataset import Dataset, Year
from .kinds.common import Source
from .load import RawRecord, display_path, read_all
from .problems import Problem, RecordsInvalid
from .schema import Where, check_fields
from .yamlio import field_lines


def build_record(raw: RawRecord, where: Where) -> Any | None:
    """Check one record's fields; return its data class, or None after reporting why not."""
    values = check_fields(raw.data, raw.kind.fields, where)
    if values is None:
        return None
    source = Source(raw.file, raw.data.line, field_lines(raw.data), raw.path)
    if raw.kind.name == "news":
        values["body"] = raw.body
    if raw.kind.name == "campaign":
        return raw.kind.build(**values, src=source)
    record = raw.kind.build(**values, src=source)
    if raw.kind.per_year:
        object.__setattr__(record, "year", raw.year)
    elif raw.kind.name == "news":
        object.__setattr__(record, "year", record.campaign or record.date.year)
    return record


def assemble(records: list[RawRecord], content_dir: Path, root: Path) -> tuple[Dataset, list[Problem]]:
    """Build the dataset from raw records, collecting problems of single records."""
    dataset = Dataset()
    problems: list[Problem] = []
    pending: list[Any] = []
    for raw in records:
        where = Where(raw.file)
        record = build_record(raw, where)
        problems.extend(where.problems)
        if record is None:
            if isinstance(raw.data.get("id"), str):
                dataset.failed_ids.add(raw.data["id"])
            if raw.kind.name == "campaign" and raw.year is not None:
                dataset.failed_years.add(raw.year)
            continue
        if raw.kind.name == "campaign":
            if record.year != raw.year:
                dataset.failed_years.add(raw.year)
                problems.append(
                    Problem(
                        raw.file,
                        record.src.line_of("year"),
                        "year",
                        f"年度写的是 {record.year}，但文件在 {raw.year} 文件夹里，两者应一致。",
                    )
                )
                continue
            plan_path = content_dir / record.plan_text
            if not plan_path.is_file():
                problems.append(
                    Problem(
                        raw.file,
                        record.src.line_of("plan_text"),
                        "plan_text",
                        f"找不到方案正文文件「{display_path(plan_path, root)}」。请把方案全文放在 content/{record.plan_text}。",
                    )
                )
                dataset.failed_years.add(record.year)
                continue
            dataset.years[record.year] = Year(record, plan_path.read_text(encoding="utf-8-sig"))
        else:
            pending.append((raw, record))
    for raw, record in pending:
        problems.extend(_place(dataset, raw, record))
    return dataset, problems


def _place(dataset: Dataset, raw: RawRecord, record: Any) -> list[Problem]:
    kind = raw.kind.name
    if kind == "union":
        return _put(dataset.unions, record, raw)
    if kind == "enterprise":
        return _put(dataset.enterprises, record, raw)
    year = dataset.years.get(record.year)
    if year is None and record.year in dataset.failed_years:
        return []
    if year is None:
        folder = "content/news/posts" if kind == "news" else f"site_data/{record.year}"
        return [
            Problem(
                raw.file,
                record.src.line_of("campaign" if kind == "news" else "id"),
                "campaign" if kind == "news" else "",
                f"没有 {record.year} 年度的竞赛记录（site_data/{record.year}/campaign.yml），{folder} 下的记录无处归属。",
            )
        ]
    if kind == "news":
        year.news.append(record)
        return []
    folder = {
        "competition": year.competitions,
        "collective": year.collectives,
        "person": year.people,
        "innovation": year.innovations,
        "submission": year.submissions,
    }
    return _put(folder[kind], record, raw)


def _put(table: dict[str, Any], record: Any, raw: RawRecord) -> list[Problem]:
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


def load_dataset(data_dir: Path, content_dir: Path, root: Path) -> Dataset:
    """Read, check and assemble every record; raise `RecordsInvalid` with all problems at once.

    For example `load_dataset(Path("site_data"), Path("content"), Path("."))` for this repository.
    """
    records, problems, unreadable = read_all(data_dir, content_dir, root)
    dataset, more = assemble(records, content_dir, root)
    dataset.failed_ids |= unreadable
    problems.extend(more)
    if not dataset.years and not problems:
        problems.append(
            Problem(
                display_path(data_dir, root), 0, "", "没有任何年度的竞赛记录：请建立 site_data/2023/campaign.yml 这样的文件。"
            )
        )
    problems.extend(rules.check_all(dataset, data_dir))
    if problems:
        raise RecordsInvalid(problems)
    return dataset
