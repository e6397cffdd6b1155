"""The field reference of the editing guide, written from the schemas so it never drifts."""

from __future__ import annotations

import re
from pathlib import Path

from .kinds import KINDS
from .schema import Field, Object, YearMap, json_type_label

START, END = "<!-- fields:start -->", "<!-- fields:end -->"

WHERE = {
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


def update_guide(path: Path) -> bool:
    """Rewrite the generated part of the guide; return whether it changed."""
    text = path.read_text(encoding="utf-8")
    new = re.sub(
        re.escape(START) + r".*?" + re.escape(END),
        lambda _: f"{START}\n{field_reference()}\n{END}",
        text,
        flags=re.S,
    )
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
