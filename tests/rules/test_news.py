"""News (generator/rules/news.py): dated within the year, each at an address of its own."""

from __future__ import annotations

from ..conftest import edit, problems, write


def test_news_slug_must_be_unique_and_subfolders_are_checked(project):
    story = (project / "content/news/posts/2023-06-20-launch.md").read_text(encoding="utf-8")
    write(project, "content/news/posts/2023/again.md", story.replace("date: 2023-06-20", "date: 2023-06-20\nauthor: 某人"))
    assert problems(project) == [
        "content/news/posts/2023/again.md:4: author: 未知字段「author」。可用的字段：title、date、slug、description、campaign、photo、photo_alt、state。",
    ]
    write(project, "content/news/posts/2023/again.md", story)
    assert problems(project) == [
        "content/news/posts/2023-06-20-launch.md:4: slug: 网址名「launch」与 content/news/posts/2023/again.md 重复，请换一个。"
    ]


def test_a_story_dated_outside_its_year(project):
    edit(project, "content/news/posts/2023-09-15-zhuangpei.md", "date: 2023-09-15", "date: 2024-09-15\ncampaign: 2023")
    assert problems(project) == [
        "content/news/posts/2023-09-15-zhuangpei.md:3: date: 日期 2024-09-15 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。",
    ]
