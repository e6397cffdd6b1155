"""The plan's full text (方案正文): a Markdown file inside content/, in UTF-8, without HTML or personal data."""

from __future__ import annotations

import re
from pathlib import Path

from ..kinds.campaign import Campaign
from ..load import display_path, read_text
from ..problems import Problem
from .privacy import scan_text

RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
MORE = "<!-- more -->"


def raw_html_problems(text: str, file: str, first_line: int = 1) -> list[Problem]:
    """Hand-written Markdown may not carry HTML: the theme would publish it unsanitised."""
    problems = []
    for number, line in enumerate(text.split("\n"), first_line):
        if RAW_HTML.search(line.replace(MORE, "")):
            problems.append(
                Problem(
                    file,
                    number,
                    "",
                    "正文里不能写网页代码（HTML 标签，如 <script>、<img>、<div>）。请只用 Markdown：空一行分段，**加粗**，- 列表。",
                )
            )
    return problems


def read_plan(campaign: Campaign, content_dir: Path, root: Path, public: set[str]) -> tuple[str | None, list[Problem]]:
    """The campaign's plan text, or None with the problems that stop it (its year is then not built)."""
    plan_path = (content_dir / campaign.plan_text).resolve()
    if not plan_path.is_relative_to(content_dir.resolve()) or not plan_path.is_file():
        return None, [
            Problem(
                campaign.src.file,
                campaign.src.line_of("plan_text"),
                "plan_text",
                f"找不到方案正文文件「{campaign.plan_text}」。请把方案全文放在 content/ 文件夹里，如 content/plans/{campaign.year}.md，这里写 plans/{campaign.year}.md。",
            )
        ]
    plan, problems = read_text(plan_path, root)
    plan_file = display_path(plan_path, root)
    problems += raw_html_problems(plan or "", plan_file)
    problems += scan_text(plan or "", plan_file, "", 1, public, False)
    return (None, problems) if plan is None or problems else (plan, [])
