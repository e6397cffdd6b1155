"""The register (企业名录) in the campaign record: one entry per township, and no fewer enterprises than recorded."""

from __future__ import annotations

from collections.abc import Iterator

from ..coverage import groups_of
from ..dataset import Dataset
from ..problems import Problem
from .common import Context


def rule_register_totals(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """A group may not hold more enterprise records than the register says the township has."""
    settings = dataset.settings
    if settings is None:
        return
    for number, year in dataset.years.items():
        campaign = year.campaign
        if not campaign.register:
            continue
        src = campaign.src
        declared = {r.township: r for r in campaign.register}
        seen: set[str] = set()
        for index, register in enumerate(campaign.register, 1):
            if register.township in seen:
                yield Problem(
                    src.file,
                    src.line_of(f"register[{index}]"),
                    f"register[{index}].township",
                    f"「{register.township}」重复登记了。",
                )
            seen.add(register.township)
        counts: dict[tuple[str, str], int] = {}
        for enterprise in dataset.enterprises.values():
            if number in enterprise.years:
                for group in groups_of(enterprise, number, settings):
                    key = (enterprise.years[number].township, group.code)
                    counts[key] = counts.get(key, 0) + 1
        names = {g.code: g.name for g in settings.groups}
        for (township, code), count in sorted(counts.items()):
            name = names[code]
            found = declared.get(township)
            total = found.total(code) if found else 0
            if count > total:
                where = f"register[{campaign.register.index(found) + 1}]" if found else "register"
                yield Problem(
                    src.file,
                    src.line_of(where),
                    where,
                    f"{township}的{name}登记为 {total} 家，但单位记录里已有 {count} 家属于这一类。"
                    "覆盖率的分母应是企业名录里的总数：请按名录改正数字，或检查单位记录的性质、行业、是否规模以上。",
                )
