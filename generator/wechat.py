"""The 公众号 article of a news story or an exemplar: HTML that survives a paste into the WeChat Official
Accounts editor, and its pictures as separate files.

The editor drops classes, `<style>`, scripts and external stylesheets on paste, and keeps inline styles: so
every element carries its own `style`, and nothing else. Pictures are files beside the article, each with
its width and height (the editor uploads them; a pasted local picture does not travel). Only what the
public site shows is exported: published records, and a person's photo and story only with their consent.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image

from .cache import Cache
from .dataset import Dataset, Year
from .images import news_picture, renditions
from .kinds import Kind, collectives, news, people
from .kinds.collectives import Collective
from .kinds.news import News
from .kinds.people import Person
from .render import date_cn
from .sanitise import clean_news, markdown_html
from .urls import url_of

RED = "#b22222"
BODY = "font-size:16px;line-height:1.8;color:#333333;letter-spacing:0.5px;text-align:justify;"
# Each element's inline style, as WeChat's own article styles look on a phone.
STYLES = {
    "p": "margin:0 0 16px;font-size:16px;line-height:1.8;color:#333333;",
    "h1": "margin:0 0 12px;font-size:22px;font-weight:bold;line-height:1.4;color:#222222;",
    "h2": f"margin:24px 0 12px;padding-left:10px;border-left:4px solid {RED};font-size:18px;font-weight:bold;line-height:1.5;color:{RED};",
    "h3": "margin:20px 0 10px;font-size:17px;font-weight:bold;line-height:1.5;color:#333333;",
    "h4": "margin:16px 0 8px;font-size:16px;font-weight:bold;color:#333333;",
    "ul": "margin:0 0 16px;padding-left:24px;",
    "ol": "margin:0 0 16px;padding-left:24px;",
    "li": "margin:0 0 8px;font-size:16px;line-height:1.8;color:#333333;",
    "strong": "font-weight:bold;",
    "em": "font-style:italic;",
    "blockquote": "margin:0 0 16px;padding:10px 14px;border-left:3px solid #dddddd;background-color:#f7f7f7;color:#666666;",
    "img": "display:block;width:100%;height:auto;margin:0 auto;",
    "figure": "margin:0 0 16px;",
    "figcaption": "margin:6px 0 0;font-size:14px;line-height:1.6;color:#888888;text-align:center;",
    "table": "width:100%;border-collapse:collapse;margin:0 0 16px;font-size:14px;",
    "th": "border:1px solid #dddddd;padding:6px 8px;background-color:#f7f7f7;font-weight:bold;",
    "td": "border:1px solid #dddddd;padding:6px 8px;",
    "thead": "",
    "tbody": "",
    "tr": "",
    "hr": "margin:24px 0;border:0;border-top:1px solid #dddddd;",
    "br": "",
    "span": "",
}
VOID = {"img", "hr", "br"}
CAPTION = "margin:-8px 0 16px;font-size:14px;line-height:1.6;color:#888888;text-align:center;"
NOTE = "margin:24px 0 0;font-size:14px;line-height:1.6;color:#888888;"


class ArticleError(Exception):
    """What stops an export, in Chinese, naming the identifier and what to do."""


@dataclass
class Article:
    """An article: its title, its HTML (a whole document with inline styles only) and its pictures by file name."""

    title: str
    html: str
    pictures: dict[str, bytes] = field(default_factory=dict)


class _Inline(HTMLParser):
    """Rewrites sanitised HTML with inline styles only: every attribute but a picture's src, alt, width and
    height is dropped; other elements keep only their text (a link among them: in a 公众号 article only
    other articles may be linked)."""

    def __init__(self, picture: dict[str, tuple[str, int, int]]) -> None:
        super().__init__(convert_charrefs=True)
        self.picture = picture  # a picture's src in the text → its file name and size
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in STYLES:
            return
        extra = ""
        if tag == "img":
            src = dict(attrs).get("src") or ""
            if src not in self.picture:
                return  # a picture that is not a file of the story's (the sanitiser let only http(s) and relative ones through)
            name, width, height = self.picture[src]
            alt = html.escape(dict(attrs).get("alt") or "")
            extra = f' src="{name}" alt="{alt}" width="{width}" height="{height}"'
        style = f' style="{STYLES[tag]}"' if STYLES[tag] else ""
        self.out.append(f"<{tag}{extra}{style}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in STYLES and tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))


def inline(fragment: str, pictures: dict[str, tuple[str, int, int]] | None = None) -> str:
    """Sanitised HTML with inline styles instead of classes; links become their text.

    >>> inline('<p class="x">好<a href="https://a.cn">链接</a></p>')
    '<p style="margin:0 0 16px;font-size:16px;line-height:1.8;color:#333333;">好链接</p>'
    """
    parser = _Inline(pictures or {})
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


def document(title: str, body: str) -> str:
    """The article as a file to open in a browser and copy from: the body in one styled section."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
        f'<section style="{BODY}">\n{body}\n</section>\n</body>\n</html>\n'
    )


def _p(text: str, style: str = STYLES["p"]) -> str:
    return f'<p style="{style}">{html.escape(text)}</p>'


def _size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def _source_note(year: Year, url: str | None) -> str:
    note = f"来源：{year.campaign.issuer} · {year.campaign.title}"
    return _p(note + (f"。原文：{url}" if url else "。"), NOTE)


def exemplar_article(year: Year, record: Collective | Person, unit: str, url: str | None, cache: Cache | None) -> Article:
    """A collective's or a person's article: honour, unit, photo, summary, story and achievements."""
    if isinstance(record, Person) and record.consent is None:
        raise ArticleError(
            f"{record.name}（{record.src.file}）没有记录本人同意（consent）：网站不公开其照片和事迹，也不能写成公众号文章。"
            "取得本人同意后在记录里填写 consent 日期再导出。"
        )
    parts = [_p(f"{year.campaign.year}年{record.honour}", f"margin:0 0 8px;font-size:15px;font-weight:bold;color:{RED};")]
    parts.append(f'<h1 style="{STYLES["h1"]}">{html.escape(record.name)}</h1>')
    parts.append(
        _p(f"{unit} · {record.post}" if isinstance(record, Person) else unit, "margin:0 0 16px;font-size:15px;color:#888888;")
    )
    pictures: dict[str, bytes] = {}
    if record.photo and record.src.path is not None:
        photo = renditions(record.src.path.parent / record.photo, cache)[0][-1]  # upright, without metadata
        pictures["photo.jpg"] = photo.jpeg
        alt = html.escape(record.photo_alt or record.name)
        parts.append(
            f'<p style="{STYLES["p"]}"><img src="photo.jpg" alt="{alt}" width="{photo.width}" height="{photo.height}" style="{STYLES["img"]}"></p>'
        )
        if record.photo_alt:
            parts.append(_p(record.photo_alt, CAPTION))
    parts.append(f'<p style="{STYLES["p"]}"><strong style="{STYLES["strong"]}">{html.escape(record.summary)}</strong></p>')
    parts.append(inline(markdown_html(record.story)))
    if record.achievements:
        parts.append(f'<h2 style="{STYLES["h2"]}">主要成绩</h2>')
        items = "".join(f'<li style="{STYLES["li"]}">{html.escape(a)}</li>' for a in record.achievements)
        parts.append(f'<ul style="{STYLES["ul"]}">{items}</ul>')
    parts.append(_source_note(year, url))
    title = f"{record.name}：{record.summary}" if len(record.name + record.summary) < 64 else record.name
    return Article(title, document(title, "\n".join(parts)), pictures)


# A picture in a news story's Markdown: ![说明](images/a.jpg)
PICTURE_SRC = re.compile(r'<img[^>]*\ssrc="([^"]+)"')


def news_article(year: Year, story: News, url: str | None, cache: Cache | None) -> Article:
    """A news story's article: its title, date and body, its pictures as files (re-encoded without metadata)."""
    body = clean_news(story.body.replace("<!-- more -->", ""))
    files: dict[str, bytes] = {}
    sources: dict[str, tuple[str, int, int]] = {}
    folder = story.src.path.parent if story.src.path is not None else None
    for src in PICTURE_SRC.findall(body):
        path = (folder / html.unescape(src)) if folder is not None and "://" not in src else None
        if path is None or not path.is_file() or src in sources:
            continue
        data = news_picture(path, cache)
        name = f"picture-{len(sources) + 1}{path.suffix.lower()}"
        files[name] = data
        sources[src] = (name, *_size(data))
    parts = [
        f'<h1 style="{STYLES["h1"]}">{html.escape(story.title)}</h1>',
        _p(f"{date_cn(story.date)} · {year.campaign.issuer}", "margin:0 0 16px;font-size:14px;color:#888888;"),
        inline(body, sources),
        _source_note(year, url),
    ]
    return Article(story.title, document(story.title, "\n".join(parts)), files)


def find(dataset: Dataset, ident: str, year: int | None = None) -> tuple[Kind, Year, Collective | Person | News]:
    """The published exemplar or news story called `ident` (its id, or a story's slug), with its kind:
    collectives, people or news. Raises `ArticleError` naming what is wrong."""
    years = [dataset.years[year]] if year is not None and year in dataset.years else list(dataset.years.values())
    if year is not None and year not in dataset.years:
        raise ArticleError(f"没有 {year} 年度的记录；已有年度：{'、'.join(str(y) for y in sorted(dataset.years))}。")
    found: list[tuple[Kind, Year, Collective | Person | News]] = []
    for y in years:
        for kind in (collectives.KIND, people.KIND):
            if ident in getattr(y, kind.table):
                found.append((kind, y, getattr(y, kind.table)[ident]))
        found.extend((news.KIND, y, story) for story in y.news if story.slug == ident)
    if len(found) > 1:
        where = "、".join(f"{y.campaign.year}年{kind.label}" for kind, y, _ in found)
        raise ArticleError(f"编号「{ident}」有 {len(found)} 条记录（{where}）：请用 --year 指明年度。")
    if not found:
        raise ArticleError(
            f"没有找到编号为「{ident}」的已发布先进集体、先进个人或新闻。编号是记录文件名（不带 .yml），"
            "新闻是 slug（网址名）；草稿、撤回的记录和公示未结束的对象不能导出。"
        )
    return found[0]


def write(article: Article, folder: Path) -> list[Path]:
    """Write the article (article.html) and its pictures into `folder`; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "article.html"]
    written[0].write_text(article.html, encoding="utf-8")
    for name, data in sorted(article.pictures.items()):
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


def page_of(kind: Kind, year: Year, record: Collective | Person | News) -> str:
    """The source path of the record's page on the site."""
    assert kind.page is not None
    return kind.page(year.campaign.year, record.id)


def article_for(
    dataset: Dataset, kind: Kind, year: Year, record: Collective | Person | News, site_url: str | None, cache: Cache | None
) -> Article:
    """The article of a record `find` returned; it names the page's address where the site has one."""
    url = site_url + url_of(page_of(kind, year, record)) if site_url else None
    if isinstance(record, News):
        return news_article(year, record, url, cache)
    return exemplar_article(year, record, dataset.unit_name(record.unit), url, cache)
