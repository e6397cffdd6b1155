"""Turn raw records into data classes and check the whole set; raise once with every problem."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import privacy, rules
from .dataset import Dataset, Year
from .kinds.common import Source
from .load import RawRecord, display_path, read_all, read_text
from .problems import Problem, RecordsInvalid
from .schema import Where, check_fields
from .yamlio import field_lines

# Index pages of an archived year live beside its competition pages: these names are theirs.
RESERVED_COMPETITION_IDS = re.compile(r"^(index|stream-.*|form-.*|township-.*|industry-.*)$")
RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
MORE = "<!-- more -->"


def raw_html_problems(text: str, file: str, first_line: int = 1) -> list[Problem]:
    """Hand-written Markdown may not carry HTML: the theme would publish it unsanitised."""
    problems = []
    for number, line in enumerate(text.split("\n"), first_line):
        if RAW_HTML.search(line.replace(MORE, "")):
            problems.append(
                Problem(
                    file,
                    number,
                    "",
                    "正文里不能写网页代码（HTML 标签，如 <script>、<img>、<div>）。请只用 Markdown：空一行分段，**加粗**，- 列表。",
                )
            )
    return problems


def _identity_problems(raw: RawRecord, values: dict[str, Any]) -> list[Problem]:
    key = "unit" if raw.kind.name == "submission" else "id"
    if raw.kind.name == "news" or key not in values or "/" in str(values[key]):
        return []
    line = raw.data.line_of(key)
    if values[key] != raw.path.stem and raw.kind.name != "campaign":
        return [
            Problem(
                raw.file,
                line,
                key,
                f"编号「{values[key]}」与文件名「{raw.path.name}」不一致：请把文件改名为 {values[key]}{raw.path.suffix}，或把编号改为 {raw.path.stem}。",
            )
        ]
    if raw.kind.name == "competition" and RESERVED_COMPETITION_IDS.match(values[key]):
        return [
            Problem(
                raw.file,
                line,
                key,
                f"编号「{values[key]}」是网站保留的名字（index、stream-…、form-…、township-…、industry-…），请换一个。",
            )
        ]
    return []


def build_record(raw: RawRecord, where: Where) -> Any | None:
    """Check one record's fields; return its data class, or None after reporting why not."""
    values = check_fields(raw.data, raw.kind.fields, where)
    if values is None:
        return None
    identity = _identity_problems(raw, values)
    if identity:
        where.problems.extend(identity)
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


def assemble(records: list[RawRecord], content_dir: Path, root: Path, public: set[str]) -> tuple[Dataset, list[Problem]]:
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
            plan_path = (content_dir / record.plan_text).resolve()
            line = record.src.line_of("plan_text")
            if not plan_path.is_relative_to(content_dir.resolve()) or not plan_path.is_file():
                problems.append(
                    Problem(
                        raw.file,
                        line,
                        "plan_text",
                        f"找不到方案正文文件「{record.plan_text}」。请把方案全文放在 content/ 文件夹里，如 content/plans/{record.year}.md，这里写 plans/{record.year}.md。",
                    )
                )
                dataset.failed_years.add(record.year)
                continue
            plan, plan_problems = read_text(plan_path, root)
            plan_file = display_path(plan_path, root)
            plan_problems += raw_html_problems(plan or "", plan_file)
            plan_problems += privacy.scan_text(plan or "", plan_file, "", 1, public, False)
            if plan is None or plan_problems:
                problems.extend(plan_problems)
                dataset.failed_years.add(record.year)
                continue
            dataset.years[record.year] = Year(record, plan)
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
    if kind == "calendar":
        if record.id != raw.path.stem:
            return [
                Problem(raw.file, record.src.line_of("year"), "year", f"年份 {record.year} 与文件名「{raw.path.name}」不一致。")
            ]
        return _put(dataset.calendars, record, raw)
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
        "announcement": year.announcements,
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
    public = privacy.public_contacts(records)
    problems.extend(privacy.scan(records, public))
    dataset, more = assemble(records, content_dir, root, public)
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
