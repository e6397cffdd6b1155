"""What is wrong with a YAML file that does not parse, said in Chinese where the editor made the slip.

PyYAML's errors name what the parser met, in English, often a line after the slip (a missing space after
a colon is read as text and fails on the next line; an unclosed quote runs on to the end of the file).
These find the slip's own line and say how to write it; `yamlio.load_yaml` reports them.
"""

from __future__ import annotations

import re

import yaml

from .problems import Problem

# PyYAML's words for the usual slips, in the words of the people who make them.
_SYNTAX_HINTS = [
    ("found character '\\t'", "用了 Tab 键缩进。YAML 只能用空格缩进，请把 Tab 换成空格"),
    ("mapping values are not allowed here", "这一行多了一个冒号「:」，或者上一行的缩进不对。值里有冒号时，请给整个值加英文引号"),
    ("could not find expected ':'", "缺少冒号「:」：每行应写成「字段: 值」，冒号是英文半角，后面空一格"),
    ("did not find expected key", "缩进没有对齐，或列表项前缺少「- 」"),
    ("did not find expected ',' or ']'", "方括号「[ ]」没有配对"),
    ("did not find expected ',' or '}'", "花括号「{ }」没有配对"),
    ("found unexpected end of stream", "引号没有配对：开头有引号，结尾没有"),
    ("found undefined alias", "用了未定义的「*」引用"),
    ("did not find expected '-' indicator", "列表的缩进没有对齐"),
    ("found unknown escape character", "双引号里的反斜杠「\\」写法不对，请改用单引号或去掉反斜杠"),
]


def syntax_hint(detail: str) -> str:
    for english, chinese in _SYNTAX_HINTS:
        if english in detail:
            return chinese
    return f"格式不对（{detail}）。请检查冒号是否为英文半角「:」且后面有空格、缩进是否用空格对齐、引号是否成对"


# A key, its colon and a value with no space between them (`name:张明`): YAML reads the whole line as
# text and fails a line later. Not a web address (`https://…`), which has `//` after its colon.
NO_SPACE_AFTER_COLON = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_]*):(?!//)([^ \t\r].*)$")
# What YAML refuses to read: control characters, which Word and web pages put into copied text.
CONTROL_CHARACTER = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
CONTROL_NAMES = {
    "\x0b": "Word 里的手动换行（Shift+回车）",
    "\x0c": "Word 里的分页符",
    "\x07": "响铃符",
    "\x08": "退格符",
}


def control_characters(text: str, file: str) -> list[Problem]:
    """Every invisible control character, on its own line: pasted from Word or a web page.

    >>> [p.line for p in control_characters("a: 1\\nb: x\\x0by\\n", "f.yml")]
    [2]
    """
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for match in CONTROL_CHARACTER.finditer(line):
            char = match.group()
            name = CONTROL_NAMES.get(char, "看不见的控制字符")
            problems.append(
                Problem(
                    file,
                    number,
                    "",
                    f"第 {match.start() + 1} 列有一个{name}（U+{ord(char):04X}），多是从 Word 或网页复制文字时带进来的，"
                    "YAML 不能读取。请删掉它：把这一行的文字删掉重新输入，或粘贴时选择“只保留文本”。",
                )
            )
    return problems or [Problem(file, 0, "", "文件里有 YAML 不能读取的特殊字符，请删掉从 Word 或网页复制来的格式后重新粘贴。")]


def syntax_problems(error: yaml.MarkedYAMLError, text: str, file: str) -> list[Problem]:
    """PyYAML's syntax error, said where the editor made the slip and how to fix it."""
    mark = error.problem_mark or error.context_mark
    line = int(mark.line) + 1 if mark else 0
    column = int(mark.column) + 1 if mark else 0
    detail = error.problem or error.context or ""
    lines = text.split("\n")
    # An unclosed quote: YAML reads on to the end of the file (or the next quote) before it gives up.
    if error.context and "quoted scalar" in error.context and error.context_mark is not None:
        opened = int(error.context_mark.line) + 1
        quote = lines[opened - 1][error.context_mark.column] if opened <= len(lines) else '"'
        return [
            Problem(
                file,
                opened,
                "",
                f"这一行的引号「{quote}」没有配对：值的开头有引号，结尾没有。请在值的末尾补上同样的英文引号 {quote}，或去掉开头的引号。",
            )
        ]
    # `name:张明` is read as text; the parser stops at the next line, asking for a colon.
    slips = [
        Problem(
            file,
            number,
            match.group(1),
            f"冒号「:」后面缺少空格，YAML 把整行「{row.strip()}」当成了文字。请在冒号后面空一格：{match.group(1)}: {match.group(2).strip()}",
        )
        for number, row in enumerate(lines[:line], 1)
        if (match := NO_SPACE_AFTER_COLON.match(row))
    ]
    if slips:
        return slips
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        detail = "found character '\\t'"  # libyaml does not name the tab; the line shows it
    return [Problem(file, line, "", f"YAML 格式错误（第 {column} 列）：{syntax_hint(detail)}。")]
