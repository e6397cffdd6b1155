"""Chinese typography: a line break inside a Chinese sentence, in YAML or Markdown, shows as no space."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate
from generator.sanitise import markdown_html, news_html
from generator.typography import join_cjk_lines

from .conftest import edit, paths


def test_lines_of_a_chinese_paragraph_join_without_a_space():
    assert join_cjk_lines("围绕战略，\n在职工中\n开展竞赛。") == "围绕战略，在职工中开展竞赛。"
    assert join_cjk_lines("第一段。\n\n第二段。") == "第一段。\n\n第二段。"  # paragraphs stay apart


def test_a_break_next_to_latin_text_stays_a_space():
    assert join_cjk_lines("用 MkDocs\n生成") == "用 MkDocs\n生成"
    assert join_cjk_lines("生成\nMkDocs 网站") == "生成\nMkDocs 网站"


def test_blocks_keep_their_lines():
    text = "## 一、总体要求\n坚持以人民为中心。\n- 第一项\n- 第二项\n| 列 |\n| 值 |\n```\n代码\n照写\n```"
    assert join_cjk_lines(text) == text


def test_record_text_and_news_show_no_stray_space():
    assert str(markdown_html("战略，\n在职工")) == "<p>战略，在职工</p>"
    assert news_html("战略，\n在职工") == "<p>战略，在职工</p>"


def test_the_stray_space_is_gone_from_the_home_page(project: Path):
    edit(
        project,
        "site_data/2023/campaign.yml",
        "intro: 测试用的竞赛简介。",
        "intro: |\n  围绕“一园（区）一城一基地”战略，\n  在职工中开展劳动和技能竞赛。",
    )
    home = next(p.body for p in generate(paths(project), "2023-12-01", {}).pages if p.src_uri == "index.md")
    assert "战略，在职工中开展劳动和技能竞赛。" in home
    assert "战略， 在职工" not in home and "战略，\n在职工" not in home
