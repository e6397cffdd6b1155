"""An RSS 2.0 feed of the news, newest first, for readers and the union's portal to follow."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from xml.etree import ElementTree

from .asof import CHINA
from .dataset import Dataset
from .urls import Urls, url_of

FEED = "feed.xml"


def rss(dataset: Dataset, site_url: str, title: str, limit: int = 30) -> bytes:
    """The feed's bytes; dated by the stories themselves, so that equal input gives equal bytes."""
    base = site_url.rstrip("/") + "/"
    stories = sorted((n for y in dataset.years.values() for n in y.news), key=lambda n: (n.date, n.slug), reverse=True)[:limit]
    root = ElementTree.Element("rss", version="2.0")
    channel = ElementTree.SubElement(root, "channel")
    ElementTree.SubElement(channel, "title").text = title
    ElementTree.SubElement(channel, "link").text = base
    ElementTree.SubElement(channel, "description").text = f"{title}：新闻动态"
    ElementTree.SubElement(channel, "language").text = "zh-CN"
    for story in stories:
        item = ElementTree.SubElement(channel, "item")
        link = base + url_of(Urls.news_post(story.slug))
        ElementTree.SubElement(item, "title").text = story.title
        ElementTree.SubElement(item, "link").text = link
        ElementTree.SubElement(item, "guid", isPermaLink="true").text = link
        ElementTree.SubElement(item, "description").text = story.description
        published = dt.datetime.combine(story.date, dt.time(12), CHINA)
        ElementTree.SubElement(item, "pubDate").text = format_datetime(published)
    data: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return data
