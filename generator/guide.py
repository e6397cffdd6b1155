"""The field reference of the editing guide, written from the schemas so it never drifts."""

from __future__ import annotations

import re
from pathlib import Path

from .fieldtypes import Object, YearMap
from .kinds import KINDS
from .load import discover
from .schema import Field, json_type_label

START, END = "<!-- fields:start -->", "<!-- fields:end -->"
EXAMPLES_START, EXAMPLES_END = "<!-- examples:start -->", "<!-- examples:end -->"

# The kinds shown whole in the guide, each by one of the project's own records (the campaign record is
# long, and the settings are shown in their own section).
EXAMPLE_KINDS = ("union", "enterprise", "competition", "collective", "person", "innovation", "submission", "announcement", "news")

WHERE = {
    "settings": "site_data/settings.yml",
    "union": "site_data/unions/编号.yml",
    "enterprise": "site_data/enterprises/编号.yml",
    "campaign": "site_data/年份/campaign.yml",
    "competition": "site_data/年份/competitions/编号.yml",
    "collective": "site_data/年份/collectives/编号.yml",
    "person": "site_data/年份/people/编号.yml",
    "innovation": "site_data/年份/innovations/编号.yml",
    "submission": "site_data/年份/submissions/单位编号.yml",
    "announcement": "site_data/年份/announcements/编号.yml",
    "calendar": "site_data/calendar/年份.yml（仅在日历库还没有该年时）",
    "news": "content/news/posts/日期-网址名.md（文件头）",
}


def _rows(fields: list[Field], prefix: str = "") -> list[str]:
    rows = []
    for f in fields:
        need = "必填" if f.required else "选填"
        text = f.help.replace("|", "\\|")
        rows.append(f"| `{prefix}{f.name}` | {f.label} | {need} | {json_type_label(f.type.json)} | {text} |")
        inner = f.type
        if isinstance(inner, YearMap):
            inner = inner.item
            rows.extend(_rows(inner.fields, f"{prefix}{f.name}.年份."))
            continue
        item = getattr(inner, "item", None)
        if isinstance(item, Object):
            rows.extend(_rows(item.fields, f"{prefix}{f.name}[]."))
        elif isinstance(inner, Object):
            rows.extend(_rows(inner.fields, f"{prefix}{f.name}."))
    return rows


def field_reference() -> str:
    """Markdown tables of every field of every record kind, in Chinese."""
    parts = []
    for kind in KINDS.values():
        parts.append(f"### {kind.label}（`{WHERE[kind.name]}`）\n")
        parts.append("| 字段 | 含义 | 必填 | 写法 | 说明 |\n| --- | --- | --- | --- | --- |")
        parts.extend(_rows(kind.fields))
        parts.append("")
    return "\n".join(parts)


def examples(root: Path) -> str:
    """Each kind's full example, taken from the project's own records so it is valid for its settings.

    Of each kind, the longest record of the newest year is shown (it shows the most fields); a kind
    with no record yet is left out, and a project with no records at all gets a pointer to `init`.
    """
    found, _ = discover(root / "site_data", root / "content", root)
    first: dict[str, Path] = {}
    for kind, _, record in sorted(found, key=lambda item: (-(item[1] or 0), -item[2].stat().st_size, str(item[2]))):
        first.setdefault(kind.name, record)
    parts = []
    for name in EXAMPLE_KINDS:
        path = first.get(name)
        if path is None:
            continue
        relative = path.relative_to(root).as_posix()
        language = "markdown" if relative.endswith(".md") else "yaml"
        parts.append(f"### {KINDS[name].label}：`{relative}`\n\n```{language}\n{path.read_text(encoding='utf-8').strip()}\n```\n")
    campaign = first.get("campaign")
    if campaign is not None:
        parts.append(f"年度竞赛记录（内容较长）请直接看 `{campaign.relative_to(root).as_posix()}`。\n")
    if not parts:
        parts.append("还没有任何记录：先运行 `python -m generator init` 建立新项目，再用 `make new` 添加记录。\n")
    return "\n".join(parts)


def _replace(text: str, start: str, end: str, body: str) -> str:
    return re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: f"{start}\n{body}\n{end}", text, flags=re.S)


def update_guide(path: Path) -> bool:
    """Rewrite the generated parts of the guide; return whether it changed."""
    text = path.read_text(encoding="utf-8")
    new = _replace(text, START, END, field_reference())
    new = _replace(new, EXAMPLES_START, EXAMPLES_END, examples(path.parent))
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
