"""`import`: a roster spreadsheet (.xlsx, or .csv as Excel saves it, GBK included) into records.

Columns are matched by the Chinese names people use. ID-number and phone columns are dropped and
never written. Rows that cannot become a record are reported by their row number, every problem of
each; a person (or collective) already imported, by name and unit, is updated in place: the
sheet's fields change, what an editor added by hand (photo, consent, state…) stays. New records are
drafts (`state: 草稿`) until an editor has checked them and sets them ready.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

from .dataset import Dataset
from .fieldtypes import Term
from .kinds import KINDS
from .kinds.common import DRAFT
from .rules.privacy import findings
from .scaffold import readable_id, unique_id

COLUMNS = {
    "name": ("姓名", "名字", "集体名称", "名称", "班组名称"),
    "unit": ("单位", "工作单位", "所在单位", "单位名称", "企业", "企业名称"),
    "sub_unit": ("车间班组", "车间", "班组", "部门", "科室", "工段"),
    "post": ("岗位", "工种", "岗位工种", "岗位/工种", "职务"),
    "honour": ("荣誉", "荣誉称号", "称号", "拟授予荣誉"),
    "level": ("级别", "荣誉级别"),
    "summary": ("简介", "一句话简介", "事迹简介", "主要事迹"),
    "story": ("事迹", "先进事迹", "详细事迹"),
}
PRIVATE = (
    "身份证",
    "身份证号",
    "身份证号码",
    "证件号",
    "证件号码",
    "手机",
    "手机号",
    "手机号码",
    "电话",
    "联系电话",
    "联系方式",
    "住址",
    "家庭住址",
)


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)  # new records
    updated: list[Path] = field(default_factory=list)  # records imported before, matched by name and unit
    skipped: list[str] = field(default_factory=list)  # one message per row, every problem of the row in it
    notes: list[str] = field(default_factory=list)


def read_rows(path: Path) -> list[list[str]]:
    """The sheet's rows as text; CSV in UTF-8 (with or without BOM) or GBK/GB18030."""
    if path.suffix.lower() == ".xlsx":
        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = [["" if cell is None else str(cell).strip() for cell in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
        return rows
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError("表格文件既不是 UTF-8 也不是 GBK 编码，请在 Excel 里另存为“CSV UTF-8”。")
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]


def _normal(header: str) -> str:
    """A header as compared: no spaces, nothing in brackets, no separators (车间/班组 → 车间班组)."""
    plain = header.replace(" ", "").replace("\u3000", "").replace("（", "(").split("(")[0]
    for separator in "/／、\\|":
        plain = plain.replace(separator, "")
    return plain


def map_headers(headers: list[str]) -> tuple[dict[str, int], list[str], list[str]]:
    """Field → column index; the private columns dropped; the columns nobody asked for."""
    mapping: dict[str, int] = {}
    private, unknown = [], []
    for index, header in enumerate(headers):
        plain = _normal(header)
        if not plain:
            continue
        if any(plain.startswith(p) or plain == p for p in PRIVATE):
            private.append(header)
            continue
        key = next((k for k, names in COLUMNS.items() if plain in {_normal(n) for n in names}), None)
        if key and key not in mapping:
            mapping[key] = index
        else:
            unknown.append(header)
    return mapping, private, unknown


def find_unit(dataset: Dataset, unit: str, sub_unit: str) -> str | None:
    """The reference of a unit named in a roster: by full or short name, with its 车间/班组 if named."""
    for enterprise in sorted(dataset.enterprises.values(), key=lambda e: -len(e.name)):
        names = [enterprise.name, *([enterprise.short_name] if enterprise.short_name else [])]
        named = next((n for n in names if unit.startswith(n)), None)
        if named is None:
            continue
        rest = (unit[len(named) :] + sub_unit).strip()
        if not rest:
            return enterprise.id
        sub = next((u for u in enterprise.units if u.name == rest), None)
        return f"{enterprise.id}/{sub.id}" if sub else None
    return None


def unit_hint(dataset: Dataset, unit: str, sub_unit: str) -> str:
    """The registered unit a roster's spelling is closest to, as a question (or nothing)."""
    for enterprise in dataset.enterprises.values():
        names = [enterprise.name, *([enterprise.short_name] if enterprise.short_name else [])]
        named = next((n for n in names if unit.startswith(n)), None)
        if named is not None:  # the enterprise is known: its 车间/班组 is not
            rest = (unit[len(named) :] + sub_unit).strip()
            close = difflib.get_close_matches(rest, [u.name for u in enterprise.units], n=1, cutoff=0.4)
            known = "、".join(u.name for u in enterprise.units) or "还没有登记车间班组"
            return f"是不是「{enterprise.name}{close[0]}」？" if close else f"{enterprise.name}已登记的车间班组：{known}。"
    names = [n for e in dataset.enterprises.values() for n in (e.name, e.short_name) if n]
    close = difflib.get_close_matches(unit, names, n=1, cutoff=0.4)
    return f"是不是「{close[0]}」？" if close else ""


def _same_unit(registered: str, unit: str) -> bool:
    """The same unit, or the same enterprise where one side named no 车间/班组 (a sheet corrected later)."""
    if registered == unit:
        return True
    return registered.split("/")[0] == unit.split("/")[0] and ("/" not in registered or "/" not in unit)


def update_fields(text: str, values: dict[str, object]) -> str:
    """A record's text with some top-level fields set, keeping every other line (comments too) as it was.

    >>> update_fields("# 说明\\nname: 甲\\npost: 旧\\nconsent: 2023-01-01\\n", {"post": "新", "summary": "一句话。"})
    '# 说明\\nname: 甲\\npost: 新\\nconsent: 2023-01-01\\nsummary: 一句话。\\n'
    """
    lines = text.splitlines()
    for key, value in values.items():
        dumped = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=1000).splitlines()
        start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if start is None:
            lines += dumped
            continue
        end = start + 1  # the field's own lines: its key line and what is indented under it
        while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1  # blank lines after the field stay
        lines[start:end] = dumped
    return "\n".join(lines) + "\n"


def _dump(record: dict[str, object]) -> str:
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000)


def import_roster(path: Path, dataset: Dataset, root: Path, folder_name: str, year: int, force: bool = False) -> ImportResult:
    """Write one record per usable row of the roster into site_data/YEAR/people (or collectives: `folder_name`).

    A row naming a person (or collective) imported before, by name and unit, updates that record:
    the sheet's fields are set, the rest of the record is kept (`force`: written anew from the sheet).
    """
    kind = next(kind for kind in KINDS.values() if kind.per_year and kind.folder == folder_name)
    result = ImportResult()
    rows = [row for row in read_rows(path) if any(row)]
    if not rows:
        result.notes.append("表格是空的。")
        return result
    mapping, private, unknown = map_headers(rows[0])
    if private:
        result.notes.append(f"已丢弃 {'、'.join(private)} 列：个人信息不写进记录，也不进入网站。")
    if unknown:
        result.notes.append(f"这些列没有对应的字段，已忽略：{'、'.join(unknown)}。")
    needed = [name for name in ("name", "unit", "honour", "post") if name in kind.field_names]
    missing = [COLUMNS[k][0] for k in needed if k not in mapping]
    if missing:
        result.notes.append(f"表格缺少必需的列：{'、'.join(missing)}。第一行应是列名，如 姓名、单位、岗位、荣誉。")
        return result
    folder = kind.path(root / "site_data", root / "content", year, "x").parent
    folder.mkdir(parents=True, exist_ok=True)
    taken = {p.stem for p in folder.glob("*.yml")}
    existing_year = dataset.years.get(year)
    records: dict[str, Any] = getattr(existing_year, kind.table) if existing_year else {}
    # Who is there already, by name: the same name and unit is the same person, not a namesake.
    by_name: dict[str, list[tuple[str, Path]]] = {}
    for known in records.values():
        by_name.setdefault(known.name, []).append((known.unit, root / known.src.file))
    settings = dataset.settings
    honour_words = next(f.type for f in kind.fields if f.name == "honour")
    assert isinstance(honour_words, Term)
    honours = (settings.terms(honour_words.terms) or []) if settings else []
    levels = settings.levels if settings else []
    seen: dict[tuple[str, str], int] = {}  # rows of this sheet: (name, unit) → row number
    for number, row in enumerate(rows[1:], 2):

        def cell(key: str, row: list[str] = row) -> str:
            return row[mapping[key]].strip() if key in mapping and mapping[key] < len(row) else ""

        name, honour = cell("name"), cell("honour")
        problems: list[str] = []
        if not name:
            problems.append(f"没有{COLUMNS['name'][0]}")
        unit = find_unit(dataset, cell("unit"), cell("sub_unit")) if cell("unit") else None
        if not cell("unit"):
            problems.append(f"没有{COLUMNS['unit'][0]}")
        elif unit is None:
            written = f"{cell('unit')}{cell('sub_unit')}"
            problems.append(
                f"找不到单位「{written}」。{unit_hint(dataset, cell('unit'), cell('sub_unit'))}"
                "写错了请改表格；是新单位请先在 site_data/enterprises/ 登记这个单位和车间班组"
            )
        if honour not in honours:
            problems.append(f"荣誉「{honour}」不在允许范围内；可选：{'、'.join(honours)}")
        record: dict[str, object] = {"name": name, "unit": unit or ""}
        if "post" in kind.field_names:
            record["post"] = cell("post")
        record["honour"] = honour
        if cell("level") in levels:
            record["level"] = cell("level")
        record["summary"] = cell("summary") or f"{year}年{honour}。"
        if cell("story"):
            record["story"] = cell("story")
        leaks = [f for value in record.values() for f in findings(str(value), set())]
        problems.extend(f"内容里有疑似{leak.what}「{leak.shown}」，请删掉" for leak in leaks)
        if unit is not None and (name, unit) in seen:
            problems.append(f"与第 {seen[(name, unit)]} 行是同一{'人' if kind.personal else '集体'}（姓名和单位相同）")
        label = f"第 {number} 行（{name}）" if name else f"第 {number} 行"
        if problems:
            result.skipped.append(f"{label}：{'；'.join(problems)}。这一行没有导入。")
            continue
        assert unit is not None
        seen[(name, unit)] = number
        matches = [file for registered, file in by_name.get(name, []) if _same_unit(registered, unit)]
        if matches and not force:
            target = matches[0]
            target.write_text(update_fields(target.read_text(encoding="utf-8"), record), encoding="utf-8")
            result.updated.append(target)
            continue
        record_id = matches[0].stem if matches else unique_id(readable_id(name, person=kind.personal), taken)
        target = folder / f"{record_id}.yml"
        taken.add(record_id)
        # New records are drafts: nobody has checked them yet, and they have no photo or consent.
        target.write_text(_dump({"id": record_id, **record, "state": DRAFT}), encoding="utf-8")
        result.written.append(target)
    return result
