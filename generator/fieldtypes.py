"""The field types a record's fields are declared with (`described(…, Text(20))`): each checks and
normalises one value, says in Chinese what is wrong and how to write it, and gives its JSON Schema.

A new kind of value (a phone number, a score) is a new class here.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any

from .rules.mistakes import FULLWIDTH_DIGITS, chinese_quotes, date_hint, typed_value_hint
from .schema import Field, FieldType, Where, check_fields, fields_json, fields_of
from .yamlio import LinedDict, LinedList

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A reference to a unit inside an enterprise: "enterprise-id/unit-id".
UNIT_REF_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$")


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "是非值（true/false）"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, dt.date):
        return "日期"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "一组字段"
    if value is None:
        return "空值"
    return "文字"


def _subset(data: dict[str, Any], keep: Callable[[str], bool]) -> LinedDict:
    """The keys of a mapping that `keep` accepts, with their lines."""
    out = LinedDict(data.line if isinstance(data, LinedDict) else 0)
    out.update({k: v for k, v in data.items() if keep(k)})
    if isinstance(data, LinedDict):
        out.key_lines = {k: v for k, v in data.key_lines.items() if keep(k)}
        out.scalars = {k: v for k, v in data.scalars.items() if keep(k)}
    return out


def _blank(item: Any) -> bool:
    return item is None or (isinstance(item, dict) and all(v is None for v in item.values()))


class Text(FieldType):
    def __init__(self, max_length: int = 200, pattern: re.Pattern[str] | None = None, example: str = "") -> None:
        self.max_length = max_length
        self.pattern = pattern
        self.example = example
        self.json = {"type": "string", "maxLength": max_length}
        if pattern:
            self.json["pattern"] = pattern.pattern

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if not isinstance(value, str):
            shown = source if source is not None else value
            example = f'- "{shown}"' if name.endswith("]") else f'{name}: "{shown}"'
            hint = typed_value_hint(value, source)
            where.add(line, name, f"应为文字，却读到了{_describe(value)}「{shown}」。{hint}请给值加上英文引号，如 {example}。")
            return None
        text = value.strip()
        if not text:
            where.add(line, name, "不能为空。")
            return None
        if chinese_quotes(text):
            where.add(
                line, name, f'值两边用了中文引号：{text}。中文引号会原样显示出来；YAML 的引号要用英文 "，不需要时可以不加引号。'
            )
            return None
        if len(text) > self.max_length:
            where.add(line, name, f"太长了（{len(text)} 字），最多 {self.max_length} 字。")
            return None
        if self.pattern and not self.pattern.match(text):
            where.add(line, name, f"「{text}」的写法不对，应写成如「{self.example}」的形式。")
            return None
        return text


class Markdown(Text):
    """Free text that may use Markdown (paragraphs, lists, bold)."""

    def __init__(self, max_length: int = 5000) -> None:
        super().__init__(max_length)
        self.json = {"type": "string", "maxLength": max_length, "contentMediaType": "text/markdown"}


class Picture(Text):
    """The file name of a picture beside its record: checked like a photo; the form editor offers an upload."""


class Identifier(Text):
    def __init__(self, example: str = "zhang-ming") -> None:
        super().__init__(60, ID_PATTERN, example)

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if isinstance(value, str) and value.strip() and not ID_PATTERN.match(value.strip()):
            where.add(
                line,
                name,
                f"「{value}」不能用作编号：只能用小写英文字母、数字和连字符「-」，如「{self.example}」（可用姓名拼音）。",
            )
            return None
        return super().check(value, where, line, name, source)


class Ref(Identifier):
    """The id of another record; whether it exists is checked once all records are read."""

    def __init__(self, target: str, example: str, allow_unit: bool = False) -> None:
        super().__init__(example)
        self.target = target
        self.allow_unit = allow_unit
        if allow_unit:
            self.pattern = UNIT_REF_PATTERN
            self.json = {"type": "string", "pattern": UNIT_REF_PATTERN.pattern}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if not self.allow_unit:
            return super().check(value, where, line, name, source)
        if isinstance(value, str) and value.strip() and not UNIT_REF_PATTERN.match(value.strip()):
            where.add(
                line,
                name,
                f"「{value}」不是有效的单位编号：写企业编号，如「{self.example.split('/')[0]}」；"
                f"写企业内的车间、班组时用「企业编号/班组编号」，如「{self.example}」。",
            )
            return None
        return Text.check(self, value, where, line, name, source)


class Choice(FieldType):
    def __init__(self, values: Sequence[str]) -> None:
        self.values = list(values)
        self.json = {"type": "string", "enum": self.values}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if value not in self.values:
            shown = source if source is not None else value
            where.add(line, name, f"「{shown}」不在允许范围内；可选：{'、'.join(self.values)}。")
            return None
        return value


# Where each vocabulary list is declared, for the message when a value is not in it.
TERM_LISTS = {
    "townships": "乡镇（townships）",
    "industries": "行业（industries）",
    "ownerships": "单位性质（ownerships）",
    "groups": "覆盖率企业类别（groups）",
    "streams": "竞赛内容（streams）",
    "forms": "竞赛形式（forms）",
    "union_kinds": "工会类别（union_kinds）",
    "sub_unit_kinds": "车间班组类别（sub_unit_kinds）",
    "collective_honours": "集体荣誉（collective_honours）",
    "person_honours": "个人荣誉（person_honours）",
    "levels": "荣誉级别（levels）",
    "recommended_levels": "推荐级别（recommended_levels）",
    "innovation_kinds": "创新成果类别（innovation_kinds）",
    "awards": "奖项（awards）",
    "evidence_kinds": "佐证材料（evidence_kinds）",
    "sectors": "产业（sectors）",
}


class Term(FieldType):
    """A word from one of the county's lists in `site_data/settings.yml` (or the national defaults).

    Its JSON Schema names the list (`x-terms`); `jsonschema.py` and the guide put the words in.
    """

    def __init__(self, terms: str) -> None:
        self.terms = terms
        self.json = {"type": "string", "x-terms": terms}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        allowed = where.vocabulary.terms(self.terms) if where.vocabulary is not None else None
        if allowed is None:
            if not isinstance(value, str) or not value.strip():
                where.add(line, name, f"应为{TERM_LISTS[self.terms]}中的一项。")
                return None
            return value.strip()
        if value not in allowed:
            shown = source if source is not None else value
            close = difflib.get_close_matches(str(shown), allowed, n=1, cutoff=0.5)
            hint = f"是不是想写「{close[0]}」？" if close else ""
            where.add(
                line,
                name,
                f"「{shown}」不在允许范围内。{hint}可选：{'、'.join(allowed)}。"
                f"这个列表是本地设置的{TERM_LISTS[self.terms]}：确实需要新的一项，请加在 site_data/settings.yml 里。",
            )
            return None
        return value


class TermMap(FieldType):
    """Values keyed by the codes of one of the county's lists (`evidence.roster: 2023-10-20`)."""

    def __init__(self, terms: str, item: FieldType, label: str) -> None:
        self.terms = terms
        self.item = item
        self.label = label
        self.json = {"type": "object", "x-term-keys": terms, "additionalProperties": item.json}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if not isinstance(value, dict):
            where.add(line, name, f"应为一组字段（下一行缩进写「{self.label}: 值」），却读到了{_describe(value)}。")
            return None
        codes = where.vocabulary.terms(f"{self.terms}.codes") if where.vocabulary is not None else None
        lines = value.key_lines if isinstance(value, LinedDict) else {}
        scalars = value.scalars if isinstance(value, LinedDict) else {}
        out: dict[str, Any] = {}
        ok = True
        for key, item in value.items():
            key_line = lines.get(key, line)
            if codes is not None and key not in codes:
                close = difflib.get_close_matches(str(key), codes, n=1)
                hint = f"是不是想写「{close[0]}」？" if close else ""
                where.add(
                    key_line,
                    f"{name}.{key}",
                    f"未知字段「{key}」。{hint}可用的字段：{'、'.join(codes)}（本地设置的{TERM_LISTS[self.terms]}）。",
                )
                ok = False
                continue
            if item is None:
                continue
            checked = self.item.check(item, where, key_line, f"{name}.{key}", scalars.get(key))
            ok = ok and checked is not None
            out[str(key)] = checked
        return out if ok else None


class Date(FieldType):
    def __init__(self) -> None:
        self.json = {"type": "string", "format": "date"}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        shown = source if source is not None else value
        if isinstance(value, dt.datetime):
            where.add(line, name, f"「{shown}」带了时间：这里只写日期，如「2023-06-15」。")
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())  # a date in quotes is still a date
            except ValueError:
                where.add(line, name, f"「{shown}」这一天不存在，请检查月份和日期。")
                return None
        hint = date_hint(str(shown))
        where.add(line, name, f"「{shown}」不是有效日期。请写成「2023-06-15」这样的格式（年-月-日，用半角连字符）。{hint}")
        return None


class Integer(FieldType):
    def __init__(self, minimum: int = 0) -> None:
        self.minimum = minimum
        self.json = {"type": "integer", "minimum": minimum}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            shown = source if source is not None else value
            hint = "用了全角数字，请改成半角。" if FULLWIDTH_DIGITS.search(str(shown)) else ""
            where.add(line, name, f"应为整数，却读到了{_describe(value)}「{shown}」。{hint}请写成如 {name}: 86。")
            return None
        if value < self.minimum:
            where.add(line, name, f"不能小于 {self.minimum}，现在是 {value}。")
            return None
        return value


class Number(FieldType):
    def __init__(self) -> None:
        self.json = {"type": "number"}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            shown = source if source is not None else value
            where.add(line, name, f"应为数字，却读到了{_describe(value)}「{shown}」，如 {name}: 95.5。")
            return None
        return value


class Boolean(FieldType):
    def __init__(self) -> None:
        self.json = {"type": "boolean"}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if not isinstance(value, bool):
            shown = source if source is not None else value
            where.add(line, name, f"应为 true（是）或 false（否），却读到了「{shown}」。")
            return None
        return value


class ListOf(FieldType):
    def __init__(self, item: FieldType, min_items: int = 0) -> None:
        self.item = item
        self.min_items = min_items
        self.json = {"type": "array", "items": item.json, "minItems": min_items}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if not isinstance(value, list):
            hint = ""
            if isinstance(value, str) and ("、" in value or "，" in value or "," in value):
                hint = "看起来是用顿号或逗号写在了一行里；"
            where.add(
                line,
                name,
                f"应为列表，却读到了{_describe(value)}。{hint}请每项单独一行，以「- 」开头，如：\n"
                f"    {name}:\n      - 第一项\n      - 第二项",
            )
            return None
        lines = value.item_lines if isinstance(value, LinedList) else [line] * len(value)
        # A blank `- ` line (or an item whose fields are all blank) is a slot left empty, as in `new` forms.
        kept = [(item, lines[i]) for i, item in enumerate(value) if not _blank(item)]
        value, lines = [item for item, _ in kept], [number for _, number in kept]
        if len(value) < self.min_items:
            where.add(line, name, f"至少要写 {self.min_items} 项。")
            return None
        out = []
        ok = True
        for index, item in enumerate(value):
            checked = self.item.check(item, where, lines[index], f"{name}[{index + 1}]", None)
            ok = ok and checked is not None
            out.append(checked)
        return out if ok else None


class Object(FieldType):
    """A nested group of fields (a result row, a phase, an office), declared as a `declared` data class."""

    def __init__(self, record: type, more: tuple[str, TermMap] | None = None, fields: Sequence[Field] | None = None) -> None:
        # `fields`: the record's declared fields, with help of their own for this use (examples of its words).
        self.fields = list(fields) if fields is not None else fields_of(record)
        self.build = record
        # Further keys, named by the codes of a vocabulary list, gathered under one field (a register
        # row's count per coverage group).
        self.more = more
        self.json = fields_json(self.fields)
        if more is not None:
            self.json = {**self.json, "additionalProperties": more[1].item.json, "x-term-keys": more[1].terms}

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if not isinstance(value, dict):
            where.add(line, name, f"应为一组字段（下一行缩进写「字段: 值」），却读到了{_describe(value)}。")
            return None
        extra: Any = {}
        if self.more is not None:
            own = {f.name for f in self.fields}
            extra = self.more[1].check(_subset(value, lambda key: key not in own), where, line, name, None)
            value = _subset(value, lambda key: key in own)
        values = check_fields(value, self.fields, where, prefix=f"{name}.")
        if values is None or extra is None:
            return None
        if self.more is not None:
            values[self.more[0]] = extra
        return self.build(**values)


class YearMap(FieldType):
    """Facts that belong to a campaign year, keyed by the year: `2023: {…}`."""

    def __init__(self, item: Object) -> None:
        self.item = item
        self.json = {
            "type": "object",
            "propertyNames": {"pattern": "^20[0-9]{2}$"},
            "additionalProperties": item.json,
        }

    def check(self, value: Any, where: Where, line: int, name: str, source: str | None) -> Any:
        if not isinstance(value, dict):
            where.add(line, name, f"应按年份分组，如：\n    {name}:\n      2023:\n        …")
            return None
        out: dict[int, Any] = {}
        ok = True
        for key, item in value.items():
            key_line = value.line_of(key) if isinstance(value, LinedDict) else line
            if not re.fullmatch(r"20[0-9]{2}", str(key)):
                where.add(key_line, f"{name}.{key}", f"「{key}」不是年份，应写四位数年份，如 2023。")
                ok = False
                continue
            checked = self.item.check(item, where, key_line, f"{name}.{key}", None)
            ok = ok and checked is not None
            out[int(key)] = checked
        return out if ok else None
