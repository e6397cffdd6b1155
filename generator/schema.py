"""A small declarative schema: a record kind's data class declares its fields with `described` (in
`kinds/`), each with a field type (`fieldtypes`) and Chinese help.

The same declarations check the records (every problem with its line), document the fields
in the editing guide, and can be exported as JSON Schema for editors' tools.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .problems import Problem
from .yamlio import LinedDict


class Vocabulary(Protocol):
    """The county's word lists (`kinds.settings.Settings`): what a `Term` field may hold."""

    def terms(self, name: str) -> list[str] | None: ...


@dataclass
class Where:
    """The file and the problems list a check writes into, and the county's vocabulary it checks against.

    Without a vocabulary (or with a list the settings failed to give), `Term` fields are not checked:
    the settings' own problems are reported instead of one per record.
    """

    file: str
    problems: list[Problem] = field(default_factory=list)
    vocabulary: Vocabulary | None = None

    def add(self, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, name, message))


class FieldType:
    """Checks and normalises one value; returns None after reporting a problem."""

    json: dict[str, Any]  # the JSON Schema of the values this type accepts

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class FirstTerm:
    """A default that is the first word of a vocabulary list (the lowest honour level)."""

    terms: str


@dataclass(frozen=True)
class Field:
    """One field of a record: its key, what it means, and what it may hold."""

    name: str
    label: str
    help: str
    type: FieldType
    required: bool = True
    default: Any = None

    def describe_type(self) -> str:
        return json_type_label(self.type.json)


# Where a declared data class keeps each field's declaration (`dataclasses.Field.metadata`).
DECLARED = "campaign_site.field"


def described(label: str, help: str, type: FieldType, required: bool = True, blank: Any = None) -> Any:
    """One field, declared on its data class: `name: str = described("姓名", "姓名。", Text(20))`.

    `blank` is what the record holds when the field is left out (a value, a factory such as `list`,
    or a `FirstTerm`); it is not the data class's default: every record is built with all its fields.
    """
    return Field("", label, help, type, required, blank)


def shared(declaration: Field) -> Any:
    """A field several kinds declare alike (`state: str = shared(STATE)`), from one declaration."""
    return declaration


def fields_of(record: type) -> list[Field]:
    """The declared fields of a `declared` data class, in their order (its other attributes are not fields)."""
    return [f.metadata[DECLARED] for f in dataclasses.fields(record) if DECLARED in f.metadata]


def json_type_label(schema: dict[str, Any]) -> str:
    kind = schema.get("type")
    if "enum" in schema:
        return "可选值：" + "、".join(schema["enum"])
    if "x-terms" in schema:
        return f"本地设置 {schema['x-terms']} 里的一项"
    if "x-term-keys" in schema:
        return f"一组字段，字段名是本地设置 {schema['x-term-keys']} 的 code"
    if schema.get("format") == "date":
        return "日期，如 2023-06-15"
    if kind == "array":
        return "列表（" + json_type_label(schema["items"]) + "）"
    return {
        "string": "文字",
        "integer": "整数",
        "number": "数字",
        "boolean": "true 或 false",
        "object": "一组字段",
    }.get(str(kind), str(kind))


def fields_json(fields: Sequence[Field]) -> dict[str, Any]:
    """The JSON Schema of a group of fields, with Chinese titles and descriptions."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: {"title": f.label, "description": f.help, **f.type.json} for f in fields},
    }


def check_fields(data: dict[str, Any], fields: Sequence[Field], where: Where, prefix: str = "") -> dict[str, Any] | None:
    """Check a mapping against its fields: unknown, missing and wrong values, all reported.

    Returns the values by field name, defaults filled in, or None when anything was wrong.
    """
    lined = data if isinstance(data, LinedDict) else None
    known = {f.name: f for f in fields}
    ok = True
    for key in data:
        if key not in known:
            line = lined.line_of(key) if lined else 0
            close = difflib.get_close_matches(str(key), list(known), n=1)
            hint = f"是不是想写「{close[0]}」？" if close else ""
            where.add(line, f"{prefix}{key}", f"未知字段「{key}」。{hint}可用的字段：{'、'.join(known)}。")
            ok = False
    # Read once: this runs for every record and every row of its tables.
    lines: dict[str, int] = lined.key_lines if lined else {}
    scalars: dict[str, str] = lined.scalars if lined else {}
    line_of_record = lined.line if lined else 0
    values: dict[str, Any] = {}
    for f in fields:
        name = f.name
        value = data.get(name)
        # An optional field left empty is not filled in, however it is written: `photo:`, or `photo: ""`
        # and `achievements: []` as the form editor writes a field it has cleared.
        if not f.required and (value == "" or value == []):
            value = None
        if value is None:
            if f.required:
                if name in data:
                    where.add(lines.get(name, line_of_record), prefix + name, f"「{name}」（{f.label}）没有填写内容：{f.help}")
                else:
                    where.add(line_of_record, prefix + name, f"缺少必填字段「{name}」（{f.label}）：{f.help}")
                ok = False
            if isinstance(f.default, FirstTerm):
                words = where.vocabulary.terms(f.default.terms) if where.vocabulary is not None else None
                values[name] = words[0] if words else None
            else:
                values[name] = f.default() if callable(f.default) else f.default
            continue
        checked = f.type.check(value, where, lines.get(name, line_of_record), prefix + name, scalars.get(name))
        if checked is None:
            ok = False
        values[name] = checked
    return values if ok else None
