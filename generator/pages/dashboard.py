"""The 数据看板 page: coverage against targets, the schedule, statistics and their downloads."""

from __future__ import annotations

from typing import Any

from ..board import board
from ..compute import schedule
from ..coverage import Coverage, Rate, coverage
from ..dataset import Year
from ..stats import board_table, coverage_tables, statistics_tables
from ..tables import Table, csv_bytes, xlsx_bytes
from ..urls import relative
from .common import Asset, Page
from .context import Context


def target_bar(rate: Rate, verdicts: bool = True) -> dict[str, Any]:
    """Params of one coverage bar with its target line; without `verdicts`, no 达标/未达标 (`met` is None)."""
    if not rate.has_data:
        return {"label": rate.group, "has_data": False, "target": rate.target}
    return {
        "label": rate.group,
        "has_data": True,
        "ran": rate.ran,
        "total": rate.total,
        "percent": rate.percent,
        "width": min(100.0, rate.percent or 0.0),
        "target": rate.target,
        "met": rate.met if verdicts else None,
        "needed": rate.needed,
    }


def coverage_bars(cov: Coverage, verdicts: bool) -> list[dict[str, Any]]:
    return [target_bar(rate, verdicts) for rate in cov.county] if cov.has_register else []


def table_params(table: Table, page: str) -> dict[str, Any]:
    return {"key": table.key, "title": table.title, "headers": table.headers, "rows": table.rows, "note": table.note}


def dashboard(ctx: Context, year: Year) -> tuple[Page, list[Asset]]:
    """The dashboard page of one year, and its downloads: a workbook of every table, and each table as CSV."""
    number = year.campaign.year
    as_of = ctx.as_of
    page = ctx.urls.dashboard(number)
    cov = coverage(ctx.data, number, as_of)
    stats = statistics_tables(year, as_of)
    verdicts = year.campaign.public_verdicts
    tables = [*coverage_tables(cov, verdicts=verdicts), *stats] if cov.has_register else stats
    public_board = board(ctx.data, number, as_of) if year.campaign.public_submissions else None
    if public_board:
        tables.append(board_table(public_board))
    downloads = []
    workbook = ctx.urls.download(number, "statistics.xlsx")
    sample = year.campaign.sample
    assets = [Asset(workbook, xlsx_bytes(tables, year.campaign.title, as_of, sample))]
    downloads.append({"label": "全部统计表（Excel）", "href": relative(page, workbook)})
    for table in tables:
        dest = ctx.urls.download(number, f"{table.key}.csv")
        assets.append(Asset(dest, csv_bytes(table, sample)))
        downloads.append({"label": f"{table.title}（CSV）", "href": relative(page, dest)})
    params = {
        "year": number,
        "campaign": year.campaign,
        "schedule": schedule(year.campaign, as_of),
        "coverage": coverage_bars(cov, verdicts),
        "coverage_tables": [table_params(t, page) for t in coverage_tables(cov, verdicts=verdicts)] if cov.has_register else [],
        "register_source": year.campaign.register_source,
        "charts": [{**table_params(t, page), "bars": t.bars() if t.chart_tells() else []} for t in stats],
        "board": table_params(board_table(public_board), page) if public_board else None,
        "downloads": downloads,
    }
    title = f"{number}年数据看板"
    made = ctx.page(
        page, title, "cp/dashboard.html", params, description=f"{year.campaign.title}：目标任务完成情况、竞赛安排和统计数据。"
    )
    return made, assets
