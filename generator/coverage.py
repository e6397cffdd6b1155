"""Coverage against the plan's targets (目标任务): which enterprises ran competitions, per group.

The denominator is each group's total from the county's registers, declared per township in
the campaign record, never the number of enterprise records (editors enter the ones that competed).
The groups themselves, and which enterprises count in each, are the county's settings (`groups`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from .dataset import Dataset, Year
from .kinds.enterprises import Enterprise
from .kinds.settings import Group, Settings


def groups_of(enterprise: Enterprise, year: int, settings: Settings) -> list[Group]:
    """The target groups an enterprise counts in that year; one enterprise may count in several.

    A private construction firm above designated size may count both as 规模以上建筑企业 and as
    非公企业, if the county's groups say so.
    """
    facts = enterprise.years[year]
    return settings.groups_of(enterprise.ownership, enterprise.industry, facts.above_designated_size, facts.small_or_micro)


def enterprises_that_ran(year: Year, as_of: dt.date) -> set[str]:
    """The enterprises that organised or took part in (themselves or through a 车间/班组) a competition
    that has started by `as_of`: each competition is looked at once, not once per enterprise."""
    return {
        ref.partition("/")[0]
        for c in year.competitions.values()
        if c.start <= as_of
        for ref in (c.organiser, *c.co_organisers, *c.units)
    }


@dataclass(frozen=True)
class Rate:
    """One group's coverage in one place (a township, or the county)."""

    group: str
    target: int | None
    ran: int
    total: int

    @property
    def has_data(self) -> bool:
        return self.total > 0

    @property
    def percent(self) -> float | None:
        """To one decimal, cut down, never rounded up to reach the target: 79.96 → 79.9."""
        return math.floor(self.ran * 1000 / self.total) / 10 if self.total else None

    @property
    def met(self) -> bool | None:
        if not self.total or self.target is None:
            return None
        return self.ran * 100 >= self.target * self.total

    @property
    def needed(self) -> int:
        """How many more enterprises must run a competition to meet the target."""
        if not self.total or self.target is None:
            return 0
        return max(0, math.ceil(self.target * self.total / 100) - self.ran)


@dataclass(frozen=True)
class Coverage:
    county: list[Rate]
    townships: list[tuple[str, list[Rate]]]
    has_register: bool


def coverage(dataset: Dataset, number: int, as_of: dt.date) -> Coverage:
    """Coverage of every target group, for the county and for each township in the register."""
    year = dataset.years[number]
    campaign = year.campaign
    settings = year.settings
    targets = {t.group: t.percent for t in campaign.targets}
    ran: dict[tuple[str, str], int] = {}
    ran_any = enterprises_that_ran(year, as_of)
    for enterprise in dataset.enterprises.values():
        if number not in enterprise.years or enterprise.id not in ran_any:
            continue
        township = enterprise.years[number].township
        for group in groups_of(enterprise, number, settings):
            ran[(township, group.name)] = ran.get((township, group.name), 0) + 1
    townships = []
    order = settings.terms("townships") or []
    for register in sorted(campaign.register, key=lambda r: order.index(r.township)):
        rates = [
            Rate(g.name, targets.get(g.name), ran.get((register.township, g.name), 0), register.total(g.code))
            for g in settings.groups
        ]
        townships.append((register.township, rates))
    county = [
        Rate(
            g,
            targets.get(g),
            sum(rates[i].ran for _, rates in townships),
            sum(rates[i].total for _, rates in townships),
        )
        for i, g in enumerate(g.name for g in settings.groups)
    ]
    return Coverage(county, townships, bool(campaign.register))
