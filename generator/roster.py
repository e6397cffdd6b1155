"""`import`: a roster spreadsheet (.xlsx, or .csv as Excel saves it, GBK included) into records.

Columns are matched by the Chinese names people use. ID-number and phone columns are dropped and
never written. Rows that cannot become a record are reported by their row number; existing records
are not overwritten unless asked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl import load_workbook

from .dataset import Dataset
from .privacy import findings
from .scaffold import readable_id, unique_id

COLUMNS = {
    "name": ("姓名", "名字", "集体名称", "名称", "班组名称"),
    "unit": ("单位", "工作单位", "所在单位", "单位名称", "企业", "企业名称"),
    "sub_unit": ("车间", "班组", "车间班组", "部门", "科室"),
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
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # row messages
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
    return header.replace(" ", "").replace("\u3000", "").replace("（", "(").split("(")[0]


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
        key = next((k for k, names in COLUMNS.items() if plain in names), None)
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


def import_roster(path: Path, dataset: Dataset, root: Path, kind: str, year: int, force: bool = False) -> ImportResult:
    """Write one record per usable row of the roster into site_data/YEAR/people (or collectives)."""
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
    needed = ["name", "unit", "honour"] + (["post"] if kind == "people" else [])
    missing = [COLUMNS[k][0] for k in needed if k not in mapping]
    if missing:
        result.notes.append(f"表格缺少必需的列：{'、'.join(missing)}。第一行应是列名，如 姓名、单位、岗位、荣誉。")
        return result
    folder = root / "site_data" / str(year) / kind
    folder.mkdir(parents=True, exist_ok=True)
    taken = {p.stem for p in folder.glob("*.yml")}
    existing_year = dataset.years.get(year)
    records = (existing_year.people if kind == "people" else existing_year.collectives) if existing_year else {}
    # The same person (name and unit) imported again is the same record, not a namesake.
    existing = {(r.name, r.unit): r.id for r in records.values()}
    settings = dataset.settings
    honours = (settings.person_honours if kind == "people" else settings.collective_honours) if settings else []
    levels = settings.levels if settings else []
    for number, row in enumerate(rows[1:], 2):

        def cell(key: str, row: list[str] = row) -> str:
            return row[mapping[key]].strip() if key in mapping and mapping[key] < len(row) else ""

        name, honour = cell("name"), cell("honour")
        if not name:
            result.skipped.append(f"第 {number} 行：没有{COLUMNS['name'][0]}，跳过。")
            continue
        unit = find_unit(dataset, cell("unit"), cell("sub_unit"))
        if unit is None:
            result.skipped.append(
                f"第 {number} 行（{name}）：找不到单位「{cell('unit')}{cell('sub_unit')}」。请先在 site_data/enterprises/ 登记这个单位和车间班组。"
            )
            continue
        if honour not in honours:
            result.skipped.append(f"第 {number} 行（{name}）：荣誉「{honour}」不在允许范围内；可选：{'、'.join(honours)}。")
            continue
        record: dict[str, object] = {}
        known = existing.get((name, unit))
        if known and not force:
            result.skipped.append(f"第 {number} 行（{name}）：{known}.yml 已存在，没有覆盖（需要覆盖时加 --force）。")
            continue
        record_id = known or unique_id(readable_id(name, person=kind == "people"), taken)
        record.update({"id": record_id, "name": name, "unit": unit})
        if kind == "people":
            record["post"] = cell("post")
        record["honour"] = honour
        if cell("level") in levels:
            record["level"] = cell("level")
        record["summary"] = cell("summary") or f"{year}年{honour}。"
        if cell("story"):
            record["story"] = cell("story")
        leaks = [f for value in record.values() for f in findings(str(value), set())]
        if leaks:
            result.skipped.append(
                f"第 {number} 行（{name}）：内容里有疑似{leaks[0].what}「{leaks[0].shown}」，没有导入。请删掉后再导入。"
            )
            continue
        target = folder / f"{record_id}.yml"
        taken.add(record_id)
        target.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        result.written.append(target)
    return result
