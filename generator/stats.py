"""The campaign's statistics as tables: what the dashboard draws and the downloads hold."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from .board import Board, Item
from .compute import by_status, family_totals
from .coverage import Coverage, Rate
from .dataset import Year
from .kinds.competitions import Competition
from .tables import Cell, Table


def _held(year: Year, as_of: dt.date) -> list[Competition]:
    return [c for c in year.competitions.values() if c.start <= as_of]


def _by(year: Year, as_of: dt.date, attr: str, labels: list[str], key: str, title: str, head: str, zeros: bool = True) -> Table:
    """Held competitions counted by one of their fields; with `zeros`, every label, none held shown as 0
    (a reader looks for the plan's five streams, or for their own township)."""
    held = _held(year, as_of)
    counts = Counter(getattr(c, attr) for c in held)
    people: Counter[str] = Counter()
    for c in held:
        people[getattr(c, attr)] += c.participants
    rows: list[list[Cell]] = [[label, counts[label], people[label]] for label in labels if zeros or counts[label]]
    return Table(key, title, [head, "竞赛项数", "参赛人数"], rows, chart=1)


def status_table(year: Year, as_of: dt.date) -> Table:
    """All of the year's competitions by status, with the total: planned, ongoing and finished."""
    counted = by_status(year, as_of)
    rows: list[list[Cell]] = [[status, n, p] for status, n, p in counted]
    rows.append(["合计", sum(n for _, n, _ in counted), sum(p for _, _, p in counted)])
    return Table(
        "by-status",
        "竞赛按进展",
        ["进展", "竞赛项数", "参赛人数"],
        rows,
        note="全部竞赛（含尚未开始的）按统计日期的进展分类；未开始的竞赛，参赛人数为计划人数。",
    )


def rate_cells(rate: Rate, verdicts: bool = True) -> list[Cell]:
    """Coverage as table cells: 无数据 where the register holds no enterprise of the group; the verdict
    (达标/未达标) only with `verdicts`."""
    if not rate.has_data:
        return [rate.ran, rate.total, "无数据", *(["无数据"] if verdicts else []), ""]
    verdict = "" if rate.met is None else ("达标" if rate.met else "未达标")
    return [
        rate.ran,
        rate.total,
        f"{rate.percent:.1f}%",
        *([verdict] if verdicts else []),
        rate.needed if rate.met is False else 0,
    ]


def rate_cell(rate: Rate, verdicts: bool = True) -> str:
    """One township's coverage of one group in a single cell: 2/14 14.2% 未达标 (no verdict without `verdicts`)."""
    if not rate.has_data:
        return "无数据"
    verdict = "" if rate.met is None or not verdicts else (" 达标" if rate.met else " 未达标")
    return f"{rate.ran}/{rate.total} {rate.percent:.1f}%{verdict}"


def coverage_tables(cov: Coverage, county: str = "全县", verdicts: bool = True) -> list[Table]:
    """The county's coverage by group, and each township's. Without `verdicts` (the public site, unless the
    campaign says otherwise) no unit or township is called 未达标: the figures and the targets say it."""
    headers = ["已开展竞赛企业数", "企业总数", "覆盖率", *(["达标情况"] if verdicts else []), "还需企业数"]
    whole = Table(
        "coverage",
        f"竞赛覆盖率（{county}）",
        ["企业类别", "目标", *headers],
        [[r.group, f"{r.target}%" if r.target is not None else "", *rate_cells(r, verdicts)] for r in cov.county],
        note="覆盖率 = 开展了劳动和技能竞赛的企业数 ÷ 企业名录中的企业总数；保留一位小数，不四舍五入进位。",
    )
    townships = Table(
        "coverage-townships",
        "竞赛覆盖率（分乡镇）",
        ["乡镇", *(rate.group for rate in cov.county)],
        [[township, *(rate_cell(r, verdicts) for r in rates)] for township, rates in cov.townships],
        note="每格为：开展了竞赛的企业数/企业总数 覆盖率" + (" 达标情况。" if verdicts else "。"),
    )
    return [whole, townships]


def statistics_tables(year: Year, as_of: dt.date) -> list[Table]:
    """Competitions by stream, form, industry and township; awards; innovations; recommendations."""
    held = _held(year, as_of)
    awards = Counter(r.award for c in held for r in c.results if r.award)
    settings = year.settings
    award_order = [a for a in settings.awards if awards[a]]
    kinds = Counter(i.kind for i in year.innovations.values())
    recommended: list[list[Cell]] = [
        [
            level,
            sum(c.recommended_to == level for c in year.collectives.values()),
            sum(p.recommended_to == level for p in year.people.values()),
        ]
        for level in settings.recommended_levels
    ]
    return [
        status_table(year, as_of),
        _by(year, as_of, "stream", settings.terms("streams") or [], "by-stream", "竞赛按竞赛内容", "竞赛内容"),
        _by(year, as_of, "form", settings.terms("forms") or [], "by-form", "竞赛按竞赛形式", "竞赛形式"),
        _by(year, as_of, "industry", settings.terms("industries") or [], "by-industry", "竞赛按行业", "行业", zeros=False),
        _by(year, as_of, "township", settings.terms("townships") or [], "by-township", "竞赛按乡镇", "乡镇"),
        Table("awards", "竞赛奖项", ["奖项", "获奖人次（队）"], [[a, awards[a]] for a in award_order], chart=1),
        Table(
            "innovations",
            "创新成果按类别",
            ["类别", "项数"],
            [[k, kinds[k]] for k in settings.innovation_kinds if kinds[k]],
            chart=1,
            note="；".join(f"其中“{name}”合计 {count} 项" for name, count in family_totals(year)) + "。"
            if settings.innovation_families
            else "",
        ),
        Table("recommended", "择优推荐上级评选", ["推荐级别", "先进集体", "先进个人"], recommended),
    ]


def board_table(board: Board) -> Table:
    """The submissions board as one table: plan filing and each evidence material, dated."""

    def cell(item: Item) -> str:
        return f"{item.status} {item.filed.isoformat()}" if item.filed else item.status

    headers = ["单位", "乡镇", "竞赛方案", *[i.label for i in board.rows[0].evidence], "已交材料"] if board.rows else ["单位"]
    rows: list[list[Cell]] = [
        [row.name, row.township, cell(row.plan), *[cell(i) for i in row.evidence], f"{row.evidence_count}/{len(row.evidence)}"]
        for row in board.rows
    ]
    return Table("submissions", "基层工会报送情况", headers, rows)
