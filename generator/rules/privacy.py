"""The personal-data guard (个人信息保护法): no ID numbers, private mobiles, bank cards, home addresses or
private e-mails published; full-width digits and grouped numbers included.

Official contacts are allowed where the campaign record declares them public (`contacts`).
Matches are shown masked, so that the warning itself does not spread the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..problems import Problem
from ..yamlio import LinedDict, LinedList

if TYPE_CHECKING:
    from ..load import RawRecord

_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
# An ID number may be typed in groups: 6-8-4 (`110105 19491231 002X`) or 6-4-4-4, with spaces or dashes.
ID18 = re.compile(rf"(?<![0-9A-Za-z])[1-9]\d{{5}}[ -]?(?:18|19|20)\d{{2}}[ -]?{_DATE}[ -]?\d{{3}}[\dXx](?![0-9A-Za-z])")
ID15 = re.compile(rf"(?<![0-9A-Za-z.])[1-9]\d{{5}}\d{{2}}{_DATE}\d{{3}}(?![0-9A-Za-z.])")
# A mobile stands alone: not part of a longer number, an amount or a code; spaces, dashes or dots may
# group it (the same one throughout: 138.0013.8000, not the amount 138.0013).
MOBILE = re.compile(r"(?<![0-9A-Za-z.])(?:\+?86[ -]?)?1[3-9]\d([ .-]?)\d{4}\1\d{4}(?![0-9A-Za-z]|\.\d)")
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A bank card: 16 to 19 digits, maybe in groups of four, of a card network's range (UnionPay 62, Visa 4,
# Mastercard 5, JCB 35, the old domestic 9); told from other long numbers by its Luhn check digit.
BANK_CARD = re.compile(r"(?<![0-9A-Za-z.])(?:62|4|5[1-5]|35|9)\d*(?:[ -]?\d){12,18}(?![0-9A-Za-z]|\.\d)")
_NUMERAL = "[0-9一二三四五六七八九十零〇两]"
# A home address: a residential building (栋/幢/号楼/座) with its 单元, or a 栋/幢 with its room. An office
# ("县总工会402室", "行政中心2号楼305室") has no 单元 and no 栋.
HOME = re.compile(
    rf"{_NUMERAL}+ *(?:栋|幢|号楼|座) *{_NUMERAL}+ *单元(?: *{_NUMERAL}+ *(?:室|房|号|户)?)?"
    rf"|{_NUMERAL}+ *(?:栋|幢) *{_NUMERAL}+ *(?:室|房|户)"
)
# What every pattern above needs somewhere in a text: a text without it holds no personal data.
_ANY = re.compile(r"@|\d{3}[ .-]?\d{4}|单元|栋|幢")
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK = "10X98765432"
# Full-width digits, letters and separators, as a Chinese input method types them, read as their ASCII
# forms: one character for one, so that positions (and line numbers) stay the same.
_HALF = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "Ｘ": "X",
        "ｘ": "x",
        "\u3000": " ",
        "－": "-",
        "．": ".",
        "＋": "+",
        "＠": "@",
    }
)


def valid_id18(number: str) -> bool:
    """The check digit of a mainland ID number (GB 11643, ISO 7064 MOD 11-2).

    >>> valid_id18("11010519491231002X"), valid_id18("110105194912310021")
    (True, False)
    """
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True))
    return _CHECK[total % 11] == number[17].upper()


def luhn(number: str) -> bool:
    """The check digit of a bank card number (ISO/IEC 7812).

    >>> luhn("6222020200112345679"), luhn("6222020200112345670")
    (True, False)
    """
    total = 0
    for index, digit in enumerate(int(d) for d in reversed(number)):
        total += digit if index % 2 == 0 else (digit * 2 - 9 if digit > 4 else digit * 2)
    return total % 10 == 0


def _mask(value: str) -> str:
    return value[:3] + "*" * max(0, len(value) - 7) + value[-4:] if len(value) > 7 else "*" * len(value)


@dataclass(frozen=True)
class Finding:
    offset: int
    what: str
    shown: str


def findings(text: str, public: set[str]) -> Iterator[Finding]:
    """Personal data in a text, with its position; public contacts excepted.

    >>> [f.what for f in findings("身份证 110105 19491231 002X，住3栋2单元501室", set())]
    ['身份证号', '家庭住址']
    """
    text = text.translate(_HALF)
    ids: list[tuple[int, int]] = []
    for match in ID18.finditer(text):
        number = re.sub(r"[ -]", "", match.group())
        if valid_id18(number):
            ids.append(match.span())
            yield Finding(match.start(), "身份证号", _mask(number))
    for match in ID15.finditer(text):
        yield Finding(match.start(), "身份证号（15位）", _mask(match.group()))
    for match in MOBILE.finditer(text):
        digits = re.sub(r"\D", "", match.group())[-11:]
        if digits not in public:
            yield Finding(match.start(), "手机号", _mask(digits))
    for match in BANK_CARD.finditer(text):
        number = re.sub(r"[ -]", "", match.group())
        inside_id = any(start <= match.start() < end for start, end in ids)
        if 16 <= len(number) <= 19 and luhn(number) and not inside_id:
            yield Finding(match.start(), "银行卡号", _mask(number))
    for match in EMAIL.finditer(text):
        if match.group().lower() not in public:
            local, _, domain = match.group().partition("@")
            yield Finding(match.start(), "电子邮箱", f"{local[:1]}***@{domain}")
    for match in HOME.finditer(text):
        yield Finding(match.start(), "家庭住址", re.sub(_NUMERAL, "*", match.group()))


MESSAGE = (
    "疑似{what}「{shown}」：网站不得公开个人{what}（个人信息保护法）。请删除；"
    "需要公开的单位办公电话和邮箱，写在 campaign.yml 的 contacts 里。"
)


def public_contacts(records: Iterable[RawRecord]) -> set[str]:
    """The phone numbers (digits only) and e-mails that campaign records declare public."""
    public: set[str] = set()
    for record in records:
        if record.kind.name != "campaign" or not isinstance(record.data.get("contacts"), list):
            continue
        for contact in record.data["contacts"]:
            if not isinstance(contact, dict):
                continue
            if isinstance(contact.get("phone"), str):
                digits = re.sub(r"\D", "", contact["phone"])
                public.update({digits, digits[-11:]})
            if isinstance(contact.get("email"), str):
                public.add(contact["email"].strip().lower())
    return public


def _strings(value: object, path: str, line: int) -> Iterator[tuple[str, str, int]]:
    if isinstance(value, LinedDict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            yield from _strings(item, child, value.line_of(key))
    elif isinstance(value, LinedList):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index + 1}]", value.line_of(index))
    elif isinstance(value, str):
        yield path, value, line
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, str(value), line  # a phone typed without quotes is read as a number


def scan_text(text: str, file: str, field: str, first_line: int, public: set[str], block: bool) -> list[Problem]:
    """Problems for the personal data in one text; `block` when it starts on the line after its key."""
    return [
        Problem(
            file,
            first_line + (1 if block else 0) + text[: f.offset].count("\n"),
            field,
            MESSAGE.format(what=f.what, shown=f.shown),
        )
        for f in findings(text, public)
    ]


def texts_in(value: object) -> Iterator[str]:
    """Every text in nested mappings and lists, without its path (numbers as text too).

    >>> sorted(texts_in({"a": ["x", {"b": 7}]}))
    ['7', 'x']
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            yield item
        elif isinstance(item, int) and not isinstance(item, bool):
            yield str(item)


def scan(records: Iterable[RawRecord], public: set[str]) -> list[Problem]:
    """Every field of every record and every news body, checked for personal data."""
    problems: list[Problem] = []
    for record in records:
        # A first look at all the record's texts at once, joined by line ends (which every pattern
        # treats as the end of a text): only a record where it finds something is looked at field by field.
        joined = "\n".join(texts_in(record.data)).translate(_HALF)
        if _ANY.search(joined) and any(findings(joined, public)):
            for path, text, line in _strings(record.data, "", record.data.line):
                problems.extend(scan_text(text, record.file, path, line, public, "\n" in text.strip()))
        if record.body:
            problems.extend(scan_text(record.body, record.file, "正文", record.body_line, public, False))
    return problems
