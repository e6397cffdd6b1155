"""The plan's full text (generator/rules/plan_text.py): inside content/, UTF-8, no HTML, no personal data."""

from __future__ import annotations

from ..conftest import edit, problems


def test_plan_text_must_be_inside_content_and_utf8(project):
    edit(project, "site_data/2023/campaign.yml", "plan_text: plans/2023.md", "plan_text: ../../outside.md")
    (project.parent / "outside.md").write_text("外部文件", encoding="utf-8")
    assert problems(project)[0].startswith("site_data/2023/campaign.yml:11: plan_text: 找不到方案正文文件「../../outside.md」。")
    edit(project, "site_data/2023/campaign.yml", "plan_text: ../../outside.md", "plan_text: plans/2023.md")
    (project / "content/plans/2023.md").write_bytes("指导思想\n".encode("gb18030"))
    assert problems(project) == [
        "content/plans/2023.md:1: 文件看起来是 GBK/GB18030 编码保存的。请用记事本或 VS Code「另存为」，编码选 UTF-8，再保存（GBK 也存不下人名里的一些生僻字）。"
    ]


def test_the_plan_may_carry_neither_html_nor_a_mobile(project):
    edit(project, "content/plans/2023.md", "\n", "\n<div>方案</div>\n联系 13800138000\n")
    assert problems(project) == [
        "content/plans/2023.md:2: 正文里不能写网页代码（HTML 标签，如 <script>、<img>、<div>）。请只用 Markdown：空一行分段，**加粗**，- 列表。",
        "content/plans/2023.md:3: 疑似手机号「138****8000」：网站不得公开个人手机号（个人信息保护法）。请删除；需要公开的单位办公电话和邮箱，写在 campaign.yml 的 contacts 里。",
    ]
