"""The county's settings agree with themselves: each word and code once, and words taken from their own lists."""

from __future__ import annotations

from collections.abc import Iterator

from ..kinds.settings import Settings
from ..problems import Problem


def _repeated(settings: Settings, list_name: str, attr: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(getattr(settings, list_name), 1):
        value = item if isinstance(item, str) else getattr(item, attr)
        if value in seen:
            where = f"{list_name}[{index}]"
            yield Problem(
                settings.src.file, settings.src.line_of(where), where, f"「{value}」重复了：同一个列表里每项只能写一次。"
            )
        seen.add(value)


def check_settings(settings: Settings) -> list[Problem]:
    """What the settings' lists must agree on: unique words and codes, and words taken from other lists."""
    src = settings.src
    problems: list[Problem] = []
    for list_name in ("townships", "industries", "streams", "forms", "groups", "evidence_kinds", "innovation_families"):
        problems.extend(_repeated(settings, list_name, "name"))
        if list_name != "innovation_families":
            problems.extend(_repeated(settings, list_name, "code"))
    for list_name in ("ownerships", "union_kinds", "sub_unit_kinds", "collective_honours", "person_honours", "levels"):
        problems.extend(_repeated(settings, list_name, ""))
    problems.extend(_repeated(settings, "innovation_kinds", ""))
    problems.extend(_repeated(settings, "awards", ""))

    def outside(values: list[str], allowed: list[str], where: str, what: str) -> None:
        for value in values:
            if value not in allowed:
                problems.append(
                    Problem(src.file, src.line_of(where), where, f"「{value}」不在{what}里；可选：{'、'.join(allowed)}。")
                )

    for g, group in enumerate(settings.groups, 1):
        for c, condition in enumerate(group.when, 1):
            where = f"groups[{g}].when[{c}].ownership"
            outside(condition.ownership, settings.ownerships, where, "单位性质（ownerships）")
    outside(settings.recommended_levels, settings.levels, "recommended_levels", "荣誉级别（levels）")
    for f, family in enumerate(settings.innovation_families, 1):
        outside(family.kinds, settings.innovation_kinds, f"innovation_families[{f}].kinds", "创新成果类别（innovation_kinds）")
    return problems
