"""The slips that editors typing Chinese with an IME really make, named in their own words.

Each function looks at the text as typed, before or beside the YAML parser, because the parser
either fails with a message about something else or, worse, reads the slip as valid data.
"""

from __future__ import annotations

import re

from ..problems import Problem

FULLWIDTH_COLON_KEY = re.compile(r"^[ \t\u3000]*(?:-[ \u3000]+)?[A-Za-z_][A-Za-z0-9_]*[ \t]*：")
FULLWIDTH_INDENT = re.compile(r"^[ \t]*\u3000")
FULLWIDTH_DIGITS = re.compile(r"[０-９]")
OTHER_DATE = re.compile(r"^\s*(\d{4})\s*(?:[./]|年)\s*(\d{1,2})\s*(?:[./]|月)\s*(\d{1,2})\s*日?\s*$")


def structural_slips(text: str, file: str) -> list[Problem]:
    """Slips that break the file's structure: a full-width colon after a key, full-width spaces as indent."""
    if "：" not in text and "\u3000" not in text:  # the common case: neither character anywhere
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        if FULLWIDTH_COLON_KEY.match(line):
            key = line.split("：", 1)[0].strip().lstrip("- ").strip()
            problems.append(
                Problem(file, number, key, "字段名后面用了中文冒号「：」。请改成英文冒号「:」，冒号后面空一格，如 name: 张明。")
            )
        elif FULLWIDTH_INDENT.match(line):
            problems.append(Problem(file, number, "", "行首用了全角空格（中文输入法的空格）缩进。请删掉，改用英文半角空格。"))
    return problems


def typed_value_hint(value: object, source: str | None) -> str:
    """Why a value the editor meant as text came out as something else, if we can tell."""
    if source is None:
        return ""
    text = source.strip()
    if isinstance(value, int) and not isinstance(value, bool) and re.fullmatch(r"0\d+", text):
        return f"开头的 0 会被 YAML 当作数字丢掉（读成了 {value}）。"
    if isinstance(value, int) and not isinstance(value, bool) and ":" in text:
        return f"「{text}」被 YAML 当作六十进制数字读成了 {value}。"
    return ""


def chinese_quotes(text: str) -> bool:
    """A whole value wrapped in “…”, meant as YAML quotes.

    >>> chinese_quotes("“张明”"), chinese_quotes("“五小”创新竞赛")
    (True, False)
    """
    return len(text) > 2 and text[0] in "“‘" and text[-1] in "”’" and not any(q in text[1:-1] for q in "“”‘’")


def date_hint(text: str) -> str:
    """Suggest the ISO form of a date written another way.

    >>> date_hint("2023年5月25日"), date_hint("２０２３-０６-１５")
    ('是不是「2023-05-25」？', '用了全角数字，请改成半角：「2023-06-15」。')
    """
    if FULLWIDTH_DIGITS.search(text):
        return f"用了全角数字，请改成半角：「{to_halfwidth(text)}」。"
    match = OTHER_DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return f"是不是「{year:04d}-{month:02d}-{day:02d}」？"
    return ""


def to_halfwidth(text: str) -> str:
    return text.translate({code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)})
