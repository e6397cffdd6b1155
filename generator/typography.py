"""Chinese typography of hand-written text: a line break inside a Chinese sentence is no space.

Editors wrap long Chinese lines in YAML blocks and Markdown as they type. Markdown turns a line break
inside a paragraph into a space, which Latin text needs and Chinese does not: "战略，\n在职工" would
show as "战略， 在职工". CJK typesetting joins such lines; a break next to Latin text stays a space.
"""

from __future__ import annotations

import re

# Han characters, CJK punctuation and full-width forms: what is set without spaces between.
CJK = "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_ENDS_CJK = re.compile(f"[{CJK}]$")
_STARTS_CJK = re.compile(f"^[{CJK}]")
# A line that starts a block of its own (heading, list item, quote, table row, fence, rule, HTML, a
# separator such as the excerpt mark) is never joined to the line before it; a heading or a table row
# is never joined to the line after (a list item's or a quote's next line continues it, and is).
_BLOCK = re.compile(r"^\s*(#|[-*+]\s|\d+[.)]\s|>|\||```|~~~|<|---|\*\*\*|___)")
_WHOLE_LINE = re.compile(r"^\s*(#|\||```|~~~|<)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def join_cjk_lines(text: str) -> str:
    """Join the lines of a paragraph where both sides of the break are Chinese; code stays as written.

    >>> join_cjk_lines("围绕“一园（区）一城一基地”战略，\\n在职工中开展竞赛。\\n\\n第二段")
    '围绕“一园（区）一城一基地”战略，在职工中开展竞赛。\\n\\n第二段'
    >>> join_cjk_lines("使用 MkDocs\\n生成网站")  # Latin before the break: the space stays
    '使用 MkDocs\\n生成网站'
    >>> join_cjk_lines("## 一、指导思想\\n以习近平新时代")  # a heading is a line of its own
    '## 一、指导思想\\n以习近平新时代'
    >>> join_cjk_lines("- 第一项，\\n  接着写\\n- 第二项")
    '- 第一项，接着写\\n- 第二项'
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    fenced = bool(_FENCE.match(lines[0]))
    for line in lines[1:]:
        before = out[-1]
        stripped = line.lstrip()
        if _FENCE.match(line):
            fenced = not fenced
        if (
            not fenced
            and before.strip()
            and stripped
            and _ENDS_CJK.search(before)
            and _STARTS_CJK.match(stripped)
            and not _BLOCK.match(line)
            and not _WHOLE_LINE.match(before)
            and not before.endswith("  ")  # two spaces: the writer asked for a line break
        ):
            out[-1] = before + stripped
        else:
            out.append(line)
    return "\n".join(out)
