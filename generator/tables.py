"""Tables of figures, and their downloads: an Excel workbook (one sheet per table) and CSV files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """A titled table; `chart` names the column drawn as bars, where a picture helps."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    chart: int | None = None
    note: str = ""
    links: dict[int, str] = field(default_factory=dict)  # row index → href of its first cell

    def chart_tells(self) -> bool:
        """Whether bars would show anything the table does not: not when every row has the same value
        (a chart of innovations by kind, one of each, is all full bars)."""
        if self.chart is None:
            return False
        values = {row[self.chart] for row in self.rows}
        return len(self.rows) > 1 and len(values) > 1

    def bars(self) -> list[tuple[str, Cell, int]]:
        """(label, value, percent of the largest) for each row, for a bar chart."""
        if self.chart is None:
            return []
        chart = self.chart
        values = [row[chart] for row in self.rows]
        top = max([v for v in values if isinstance(v, (int, float))] + [1])
        return [
            (str(row[0]), value, round(value * 100 / top) if isinstance(value, (int, float)) else 0)
            for row, value in zip(self.rows, values, strict=True)
        ]


# What a download of sample data says of itself: its figures travel without the site's notice.
SAMPLE_NOTE = "示例数据：本表的单位、人物和数字都是虚构的示例，不是正式统计，不得引用。"


def csv_bytes(table: Table, sample: bool = False) -> bytes:
    """UTF-8 with a BOM, so that Excel on Windows opens the Chinese right; a sample's ends with its note."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(["" if cell is None else cell for cell in row] for row in table.rows)
    if sample:
        writer.writerow([SAMPLE_NOTE])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(tables: list[Table], title: str, when: dt.date, sample: bool = False) -> bytes:
    """One sheet per table with Chinese headers; dated `when` so that equal input gives equal bytes. A
    sample's workbook opens on a first sheet that says so."""
    # openpyxl takes a tenth of a second to import, and `check` never writes a workbook.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    if sample:
        notice = book.create_sheet("示例数据")
        notice.append([SAMPLE_NOTE])
        notice["A1"].font = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(table.title[:31])  # Excel's limit for sheet names
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        for index, header in enumerate(table.headers, 1):
            width = max([len(str(header))] + [len(str(row[index - 1] or "")) for row in table.rows])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, 2 * width + 2)
    moment = dt.datetime.combine(when, dt.time(12))
    book.properties.creator = title
    book.properties.created = moment
    book.properties.modified = moment
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_zip_times(raw.getvalue(), moment)


def _fixed_zip_times(data: bytes, moment: dt.datetime) -> bytes:
    """openpyxl stamps the zip entries and the `modified` property with the time of saving; use `moment`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()
