"""Words that Chinese search must know: names, units, honours and the plan's own terms.

jieba's general dictionary splits 五小, 工人先锋号 and most people's names; these words are added
to it at build time, from the records, so that searching for them finds the right page. With a full
name go its parts a reader types alone: a person's given name, a collective's unit (`segmentation`
cuts the full name into them in the index).
"""

from __future__ import annotations

from .dataset import Dataset

# Common two-character surnames: the given name is what follows them.
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "令狐",
)


def given_name(name: str) -> str | None:
    """The given name of a Chinese name (明华 of 张明华); None where it is one character, or no Chinese name."""
    surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s)), name[:1])
    given = name[len(surname) :]
    return given if len(given) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in name) else None


# Terms of the plan (DOMAIN.md) that readers search for.
# Phrases jieba cuts into words a reader also types alone (劳动和技能竞赛: 劳动竞赛, 技能竞赛) are not here.
PLAN_TERMS = (
    "工人先锋号",
    "工人先锋岗",
    "五小",
    "小发明",
    "小创造",
    "小革新",
    "小设计",
    "小建议",
    "八比",
    "安康杯",
    "节能减排",
    "零违章",
    "零隐患",
    "零事故",
    "五个一流",
    "职工创新成果库",
    "技术能手",
    "合理化建议",
    "网上练兵",
    "以赛促学",
    "以赛促训",
    "以赛促练",
    "班组创先争优",
    "建功立业",
    "公示",
)


def search_terms(dataset: Dataset) -> list[str]:
    """Every term to keep whole, sorted so that the dictionary is the same from build to build."""
    terms: set[str] = set(PLAN_TERMS)
    settings = dataset.settings
    if settings is not None:
        for words in ("streams", "forms", "townships", "industries", "collective_honours", "person_honours", "innovation_kinds"):
            terms.update(settings.terms(words) or [])
    for enterprise in dataset.enterprises.values():
        terms.add(enterprise.name)
        if enterprise.short_name:
            terms.add(enterprise.short_name)
        terms.update(unit.name for unit in enterprise.units)
    for union in dataset.unions.values():
        terms.add(union.name)
    names: set[str] = set()
    for year in dataset.years.values():
        names.update(person.name for person in year.people.values())
        terms.update(collective.name for collective in year.collectives.values())
        names.update(author for innovation in year.innovations.values() for author in innovation.authors)
        names.update(row.name for competition in year.competitions.values() for row in competition.results)
    terms |= names | {given for name in names if (given := given_name(name))}
    return sorted(term for term in terms if len(term) > 1)
