"""`new KIND`: a record file with every field, each explained in Chinese, and a fresh readable id."""

from __future__ import annotations

import re
from pathlib import Path

from .fieldtypes import Choice, ListOf, Object, Term, YearMap
from .kinds import KINDS, Kind
from .schema import Field, Vocabulary
from .validate import read_settings

INDENT = "  "


def readable_id(name: str, person: bool = False) -> str:
    """An id from a Chinese name: 张明 → zhang-ming; other names join their syllables.

    >>> readable_id("张明", person=True), readable_id("总装车间")
    ('zhang-ming', 'zongzhuangchejian')
    """
    from pypinyin import lazy_pinyin  # its dictionaries take a quarter of a second to load: only when asked

    syllables = [re.sub(r"[^a-z0-9]", "", s.lower()) for s in lazy_pinyin(name)]
    syllables = [s for s in syllables if s]
    if not syllables:
        return "jilu"
    if person and len(syllables) > 1:
        return f"{syllables[0]}-{''.join(syllables[1:])}"
    return "".join(syllables)[:40]


def unique_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _comment(f: Field, depth: int, words: Vocabulary | None) -> list[str]:
    need = "必填" if f.required else "选填"
    lines = [f"{INDENT * depth}# {f.label}（{need}）：{f.help}"]
    choices = f.type.values if isinstance(f.type, Choice) else None
    if isinstance(f.type, Term) and words is not None:
        choices = words.terms(f.type.terms)
    if choices:
        lines.append(f"{INDENT * depth}# 可选：{'、'.join(choices)}")
    return lines


def _field_lines(
    f: Field, depth: int, record_id: str, year: int, values: dict[str, str], words: Vocabulary | None = None
) -> list[str]:
    pad = INDENT * depth
    lines = _comment(f, depth, words)
    kind = f.type
    if f.name == "id" and depth == 0:
        return [*lines, f"{pad}id: {record_id}"]
    if f.name in values and depth == 0:
        return [*lines, f"{pad}{f.name}: {values[f.name]}"]
    if isinstance(kind, YearMap):
        lines += [f"{pad}{f.name}:", f"{pad}{INDENT}{year}:"]
        for inner in kind.item.fields:
            lines += _field_lines(inner, depth + 2, record_id, year, {}, words)
        return lines
    if isinstance(kind, ListOf) and isinstance(kind.item, Object):
        lines.append(f"{pad}{f.name}:")
        for index, inner in enumerate(kind.item.fields):
            inner_lines = _field_lines(inner, depth + 2, record_id, year, {}, words)
            if index == 0:  # the first key of the item carries the list's dash
                body = [line for line in inner_lines if not line.lstrip().startswith("#")]
                comments = [line for line in inner_lines if line.lstrip().startswith("#")]
                lines += [*comments, f"{pad}{INDENT}- {body[0].lstrip()}"]
            else:
                lines += inner_lines
        return lines
    if isinstance(kind, ListOf):
        return [*lines, f"{pad}{f.name}:", f"{pad}{INDENT}- "]
    if isinstance(kind, Object):
        lines.append(f"{pad}{f.name}:")
        for inner in kind.fields:
            lines += _field_lines(inner, depth + 1, record_id, year, {}, words)
        return lines
    return [*lines, f"{pad}{f.name}:"]


def template(kind: Kind, record_id: str, year: int, values: dict[str, str] | None = None, words: Vocabulary | None = None) -> str:
    """The text of a new record: every field, with what it means and how to write it (with the county's
    words where a field takes one of them)."""
    head = [
        f"# 新建的{kind.label}记录。按每行上面的说明填写；选填的可以空着或删掉。",
        "# 填好后运行 make check（或 python -m generator check）检查。",
        "",
    ]
    body: list[str] = []
    for f in kind.fields:
        body += _field_lines(f, 0, record_id, year, values or {}, words)
        body.append("")
    return "\n".join(head + body).rstrip() + "\n"


def target(root: Path, kind: Kind, year: int, record_id: str) -> Path:
    return kind.path(root / "site_data", root / "content", year, record_id)


def new_record(root: Path, kind_name: str, year: int, name: str | None = None) -> Path:
    """Write a new record file and return its path; never overwrite an existing one."""
    kind = KINDS[kind_name]
    folder = target(root, kind, year, "x").parent
    taken = {p.stem for p in folder.glob("*.yml")} if folder.is_dir() else set()
    base = readable_id(name, person=kind.personal) if name else f"new-{kind.name}"
    record_id = unique_id(base, taken)
    values = {kind.title_field: name} if name and kind.title_field in ("name", "title") else {}
    path = target(root, kind, year, record_id)
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = template(kind, record_id, year, values, read_settings(root / "site_data", root))
    if kind.front_matter:
        text = "---\n" + text + "---\n\n正文第一段。\n\n<!-- more -->\n\n正文其余部分。\n"
    path.write_text(text, encoding="utf-8")
    return path
