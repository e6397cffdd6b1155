"""`python -m generator wechat ID`: a 公众号 article that survives a paste into the WeChat editor
(inline styles only, pictures as files with their sizes), with the record's own text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image

from .conftest import cli, edit
from .test_images import phone_photo


class Parsed(HTMLParser):
    """The text a reader sees, and every tag with its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def pastes_into_wechat(folder: Path) -> Parsed:
    """The article in `folder`, checked as the WeChat editor would take it: no class, <style>, <script> or
    stylesheet, and every picture a file beside it, of the width and height the article gives."""
    html = (folder / "article.html").read_text(encoding="utf-8")
    assert not re.search(r"\sclass=|<style|<script|<link|\son\w+=", html, re.I)
    parsed = Parsed(html)
    for tag, attrs in parsed.tags:
        assert set(attrs) <= {"style", "src", "alt", "width", "height", "charset", "lang"}, (tag, attrs)
        if tag == "img":
            with Image.open(folder / str(attrs["src"])) as picture:
                assert picture.size == (int(str(attrs["width"])), int(str(attrs["height"])))
                assert not picture.getexif() and "exif" not in picture.info
    return parsed


def test_an_exemplar_article_carries_its_record_and_photo(project: Path, tmp_path: Path):
    out = tmp_path / "lu"
    result = cli(project, "wechat", "lu-ceshi", "--out", str(out), "--as-of", "2023-12-01")
    assert result.returncode == 0, result.stderr
    assert "已导出公众号文章" in result.stdout and "article.html" in result.stdout
    parsed = pastes_into_wechat(out)
    text = "".join(parsed.text)
    for shown in (
        "陆测试",
        "2023年创新能手",
        "焊工",
        "提出焊接工装改进建议。",
        "陆测试在焊接班工作八年，带头开展岗位练兵。",
        "他提出的焊接工装改进建议被车间采纳。",
        "焊接一次合格率 99.5%",
        "示意图：陆测试在焊接工位",
    ):
        assert shown in text, shown
    assert [attrs["src"] for tag, attrs in parsed.tags if tag == "img"] == ["photo.jpg"]
    assert sorted(p.name for p in out.iterdir()) == ["article.html", "photo.jpg"]


def test_a_news_article_keeps_its_pictures_as_files_without_gps(project: Path, tmp_path: Path):
    (project / "content/news/posts/images").mkdir()
    phone_photo(project / "content/news/posts/images/site.jpg")
    edit(
        project,
        "content/news/posts/2023-09-15-zhuangpei.md",
        "决出一、二、三等奖。",
        "决出一、二、三等奖。\n\n![比赛现场](images/site.jpg)\n\n[详情](https://example.cn/)见附件。",
    )
    out = tmp_path / "news"
    result = cli(project, "wechat", "zhuangpei-closing", "--out", str(out), "--as-of", "2023-12-01")
    assert result.returncode == 0, result.stderr
    parsed = pastes_into_wechat(out)
    text = "".join(parsed.text)
    assert "装配技能竞赛圆满落幕" in text and "装配技能竞赛决出一、二、三等奖。" in text and "详情见附件。" in text
    assert [attrs["src"] for tag, attrs in parsed.tags if tag == "img"] == ["picture-1.jpg"]
    assert "逐张上传" in result.stdout


def test_wechat_export_names_what_is_wrong(project: Path, tmp_path: Path):
    result = cli(project, "wechat", "nobody", "--out", str(tmp_path / "x"))
    assert result.returncode == 1
    assert "没有找到编号为「nobody」的已发布先进集体、先进个人或新闻" in result.stderr
    # 黄测试 did not consent: the site shows no story of hers, nor may an article.
    result = cli(project, "wechat", "huang-ceshi", "--out", str(tmp_path / "y"), "--as-of", "2023-12-01")
    assert result.returncode == 1
    assert "site_data/2023/people/huang-ceshi.yml" in result.stderr and "consent" in result.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()
