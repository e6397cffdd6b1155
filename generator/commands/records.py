"""`init`, `new-year`, `new` and `import`: a new county's project, the next year, a new record, a roster."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..pipeline import Paths, check
from ..problems import RecordsInvalid
from ..project import ProjectError, Start, init_project, new_year


def _ask(value: str | None, question: str) -> str:
    """A value given on the command line, else asked for at the terminal."""
    if value:
        return value.strip()
    if not sys.stdin.isatty():
        raise ProjectError(f"请给出{question}（见 python -m generator init --help）。")
    return input(f"{question}：").strip()


def run_init(root: Path, county: str | None, union: str | None, year: int | None) -> int:
    try:
        county = _ask(county, "县（市、区）名称，如 青山县")
        if not union and sys.stdin.isatty():
            union = input(f"主办工会全称（直接回车即为 {county}总工会）：").strip()
        given = str(year) if year else _ask(None, "竞赛年度，如 2024")
        if not given.isdigit():
            raise ProjectError(f"年度「{given}」应是四位数年份，如 2024。")
        year = int(given)
        start = Start(county, union or f"{county}总工会", year)
        written = init_project(root, start)
    except ProjectError as error:
        print(f"没有建立新项目：{error}", file=sys.stderr)
        return 1
    print(f"已为{start.county}建立 {start.year} 年度的新项目：")
    for path in written:
        print(f"  {path.relative_to(root).as_posix()}")
    print("下一步：运行 make check（或 python -m generator check），按列出的问题逐项填写；全部填好后 make site 生成网站。")
    return 0


def run_new_year(root: Path, old: int | None, new: int | None) -> int:
    old = old or _latest_year(root) or 0
    new = new or old + 1
    try:
        written = new_year(root, old, new)
    except ProjectError as error:
        print(f"没有开始新年度：{error}", file=sys.stderr)
        return 1
    print(f"已从 {old} 年度开始 {new} 年度（{old} 年度保留为往年归档）：")
    for path in written:
        print(f"  {path.relative_to(root).as_posix()}")
    print(
        f"下一步：核对 site_data/{new}/campaign.yml 里顺延的日期、阶段和目标，更新 content/plans/{new}.md 的方案全文，再运行 make check。"
    )
    return 0


def run_import(root: Path, kind: str, file: Path, year: int | None, force: bool) -> int:
    try:
        dataset = check(Paths.of_project(root))
    except RecordsInvalid as error:
        print(error.report(building=False), file=sys.stderr)
        print("请先改好现有记录再导入。", file=sys.stderr)
        return 1
    from ..roster import import_roster  # pinyin's dictionaries take a while to load: only when importing

    try:
        result = import_roster(file, dataset, root, kind, year or dataset.current_year, force)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"提示：{note}")
    # Every problem of every row, in row order, before the summary: what to fix in the sheet.
    for message in result.skipped:
        print(message)
    for path in result.written:
        print(f"已导入 {path.relative_to(root).as_posix()}（新建，草稿）")
    for path in result.updated:
        print(f"已更新 {path.relative_to(root).as_posix()}（姓名和单位与已有记录相同，按表格更新了这些字段，其余内容保留）")
    print(
        f"共导入 {len(result.written) + len(result.updated)} 条（新建 {len(result.written)} 条，更新 {len(result.updated)} 条），"
        f"跳过 {len(result.skipped)} 行。"
    )
    if result.written:
        print(
            "新建的记录是草稿（state: 草稿），网站上不出现：补上照片和本人同意日期（consent）、核对内容后，"
            "把 state 改成 定稿，再运行 check。"
        )
    if result.skipped:
        print("有的行没有导入：按上面列出的问题改好表格，再导入一次（已导入的人会更新，不会重复）。")
    return 1 if result.skipped or (not result.written and not result.updated) else 0


def run_new(root: Path, kind: str, year: int | None, name: str | None) -> int:
    """A new record of `kind` with every field and its Chinese help, in the latest year unless given."""
    from ..scaffold import new_record

    chosen = year or _latest_year(root) or dt.date.today().year
    try:
        path = new_record(root, kind, chosen, name)
    except FileExistsError as error:
        print(f"文件已存在，没有覆盖：{error}", file=sys.stderr)
        return 1
    print(f"已新建 {path.relative_to(root).as_posix()}，请按文件里的说明填写，然后运行 check。")
    return 0


def _latest_year(root: Path) -> int | None:
    years = [int(p.name) for p in (root / "site_data").glob("20[0-9][0-9]") if p.is_dir()]
    return max(years, default=None)
