"""One press kit (新闻宣传资料包) per published exemplar, in the office's folder (office/presskit/), never in the site.

A kit is what a reporter or a county media centre asks for: the share poster, the 公众号 article, the photo at
full size without metadata (no EXIF, no GPS) and a text file of the facts. A person who did not consent to
their photo and story being published gets a kit of the facts the site shows (name, unit, honour) only.
"""

from __future__ import annotations

from dataclasses import replace

from .cache import Cache
from .dataset import Dataset, Year
from .images import full_size
from .kinds import collectives, people
from .kinds.collectives import Collective
from .kinds.people import Person
from .pages.photos import consented
from .pages.share import exemplar_facts
from .poster import find_fonts, poster
from .render import date_cn
from .urls import url_of
from .wechat import article_for, page_of

FOLDER = "presskit"


def facts_text(dataset: Dataset, year: Year, record: Collective | Person, url: str | None) -> str:
    """The record's facts as plain text, one per line, as a reporter copies them."""
    number = year.campaign.year
    unit = dataset.unit_name(record.unit)
    lines = [
        f"{'姓名' if isinstance(record, Person) else '名称'}：{record.name}",
        f"荣誉：{number}年{record.honour}（{record.level}）",
    ]
    lines.append(f"单位：{unit}")
    if isinstance(record, Person):
        lines.append(f"岗位：{record.post}")
    if record.awarded:
        lines.append(f"授予日期：{date_cn(record.awarded)}" + (f"（{record.awarded_by}）" if record.awarded_by else ""))
    if record.recommended_to:
        lines.append(f"推荐至：{record.recommended_to}")
    competitions = [year.competitions[c].title for c in record.competitions if c in year.competitions]
    if competitions:
        lines.append(f"参加的竞赛：{'、'.join(competitions)}")
    if consented(record):
        lines += ["", f"简介：{record.summary}", "", "事迹：", record.story.strip()]
        if record.achievements:
            lines += ["", "主要成绩：", *(f"- {a}" for a in record.achievements)]
    else:
        lines += ["", "本人没有同意公开照片和事迹：只可报道姓名、单位和荣誉。"]
    lines += ["", f"来源：{year.campaign.issuer}，{year.campaign.title}"]
    if url:
        lines.append(f"网页：{url}")
    return "\n".join(lines) + "\n"


def press_kits(dataset: Dataset, site_url: str | None, cache: Cache | None) -> tuple[dict[str, bytes], list[str]]:
    """Every published exemplar's kit as files by name under presskit/, and notes on what the kits lack.

    `dataset`: what the public site shows (published). Posters need site_url and a CJK font, as on the site.
    """
    fonts = find_fonts() if site_url else None
    files: dict[str, bytes] = {}
    count = 0
    for number, year in sorted(dataset.years.items()):
        for kind in (collectives.KIND, people.KIND):
            for record in getattr(year, kind.table).values():
                count += 1
                folder = f"{FOLDER}/{number}-{record.id}/"
                page = page_of(kind, year, record)
                url = site_url + url_of(page) if site_url else None
                files[folder + "facts.txt"] = facts_text(dataset, year, record, url).encode("utf-8")
                if not consented(record):
                    continue
                article = article_for(dataset, kind, year, record, site_url, cache)
                files[folder + "article/article.html"] = article.html.encode("utf-8")
                files.update({f"{folder}article/{name}": data for name, data in article.pictures.items()})
                if record.photo and record.src.path is not None:
                    files[folder + "photo-full.jpg"] = full_size(record.src.path.parent / record.photo, cache)
                if fonts is not None and url is not None:
                    facts = exemplar_facts(year, record, kind, dataset.unit_name(record.unit))
                    drawn = poster(replace(facts, url=url), fonts, cache)
                    files[folder + "poster.png"] = drawn.png
    notes = []
    if count and site_url is None:
        notes.append("mkdocs.yml 没有填写 site_url：资料包里没有分享海报，也没有网页地址。")
    elif count and fonts is None:
        notes.append("没有找到中文字体（apt-get install fonts-noto-cjk）：资料包里没有分享海报。")
    return files, notes
