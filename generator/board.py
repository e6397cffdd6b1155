"""The submissions board: what each grassroots union has filed, on time or late, on `as_of`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dataset import Dataset
from .kinds.campaign import Campaign

ON_TIME, LATE, MISSING, NOT_DUE = "按时", "逾期", "未报送", "未到期"


def deadline_for(campaign: Campaign, duty: str) -> dt.date | None:
    """The date the campaign record sets for a duty ("plan" or "evidence")."""
    return next((d.date for p in campaign.phases for d in p.deadlines if d.duty == duty), None)


def status(filed: dt.date | None, deadline: dt.date | None, as_of: dt.date) -> str:
    """按时 / 逾期 / 未报送 / 未到期 for one item.

    >>> status(dt.date(2023, 6, 16), dt.date(2023, 6, 15), dt.date(2023, 7, 1))
    '逾期'
    >>> status(None, dt.date(2023, 6, 15), dt.date(2023, 6, 15))
    '未到期'
    """
    if filed is not None and filed <= as_of:
        return ON_TIME if deadline is None or filed <= deadline else LATE
    if deadline is not None and as_of <= deadline:
        return NOT_DUE
    return MISSING


@dataclass(frozen=True)
class Item:
    label: str
    filed: dt.date | None
    status: str


@dataclass(frozen=True)
class Row:
    """One grassroots union's line on the board."""

    unit: str
    name: str
    township: str
    plan: Item
    evidence: list[Item]

    @property
    def evidence_count(self) -> int:
        return sum(item.status in (ON_TIME, LATE) for item in self.evidence)


@dataclass(frozen=True)
class Board:
    plan_deadline: dt.date | None
    evidence_deadline: dt.date | None
    rows: list[Row]

    def count(self, state: str) -> int:
        return sum(row.plan.status == state for row in self.rows)


def board(dataset: Dataset, number: int, as_of: dt.date) -> Board:
    """Every enterprise of the year, with its plan filing and each of its evidence materials."""
    year = dataset.years[number]
    plan_deadline = deadline_for(year.campaign, "plan")
    evidence_deadline = deadline_for(year.campaign, "evidence")
    evidence_kinds = year.settings.evidence_kinds
    rows = []
    for enterprise in sorted(dataset.enterprises.values(), key=lambda e: (e.years.get(number) is None, e.id)):
        facts = enterprise.years.get(number)
        if facts is None:
            continue
        submission = year.submissions.get(enterprise.id)
        filed = submission.plan_filed if submission else None
        evidence = submission.evidence if submission else {}
        rows.append(
            Row(
                enterprise.id,
                enterprise.name,
                facts.township,
                Item("竞赛方案", filed, status(filed, plan_deadline, as_of)),
                [
                    Item(kind.name, evidence.get(kind.code), status(evidence.get(kind.code), evidence_deadline, as_of))
                    for kind in evidence_kinds
                ],
            )
        )
    return Board(plan_deadline, evidence_deadline, rows)
