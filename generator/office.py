"""The committee office's internal report, built beside the site (office/), never into it.

Which unions are late is an internal matter; so are candidates whose 公示 has not begun.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .board import board
from .coverage import coverage
from .dataset import Dataset
from .publish import announcement_status
from .render import Renderer
from .rules.exemplars import ran_competition
from .stats import board_table, coverage_tables
from .tables import Cell, Table, csv_bytes, xlsx_bytes


def eligibility_table(dataset: Dataset, number: int) -> Table:
    """Each 工人先锋号 candidate with the competitions that make it eligible."""
    year = dataset.years[number]
    rows: list[list[Cell]] = []
    for collective in sorted(year.collectives.values(), key=lambda c: c.id):
        if collective.honour != "工人先锋号":
            continue
        qualifying = [year.competitions[c].title for c in collective.competitions if ran_competition(year, collective.unit, c)]
        rows.append(
            [collective.name, dataset.unit_name(collective.unit), "、".join(qualifying), "符合" if qualifying else "不符合"]
        )
    return Table(
        "pioneer-eligibility", "工人先锋号推荐对象资格", ["集体", "单位", "据以推荐的竞赛（本单位组织或参加）", "资格"], rows
    )


def announcements_table(dataset: Dataset, number: int, as_of: dt.date) -> Table:
    """Every 公示 with its status and candidates, those not yet announced included."""
    year = dataset.years[number]
    rows: list[list[Cell]] = []
    for a in sorted(year.announcements.values(), key=lambda a: a.start):
        names = [(year.collectives.get(c) or year.people[c]).name for c in a.candidates]
        rows.append([a.title, f"{a.start.isoformat()} 至 {a.end.isoformat()}", announcement_status(a, as_of), "、".join(names)])
    return Table("announcements", "公示安排", ["公示", "公示期", "状态", "公示对象"], rows)


def office_files(dataset: Dataset, theme_dir: Path, as_of: dt.date) -> dict[str, bytes]:
    """The report's files by name: index.html, report.css, office.xlsx and one CSV per table."""
    number = dataset.current_year
    campaign = dataset.years[number].campaign
    the_board = board(dataset, number, as_of)
    cov = coverage(dataset, number, as_of)
    tables = [
        board_table(the_board),
        eligibility_table(dataset, number),
        announcements_table(dataset, number, as_of),
        *(coverage_tables(cov) if cov.has_register else []),
    ]
    files = {f"{t.key}.csv": csv_bytes(t) for t in tables}
    files["office.xlsx"] = xlsx_bytes(tables, f"{campaign.title}（内部）", as_of)
    html = Renderer(theme_dir).render(
        "office/report.html",
        page={
            "campaign": campaign,
            "committee": dataset.years[number].settings.committee,  # the county's word: 组委会, 竞赛委员会, …
            "as_of": as_of,
            "board": the_board,
            "tables": tables,
            "downloads": ["office.xlsx", *(f"{t.key}.csv" for t in tables)],
        },
    )
    files["index.html"] = html.encode("utf-8")
    files["report.css"] = (theme_dir / "office" / "report.css").read_bytes()
    return files
