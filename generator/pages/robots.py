"""Search engines: a published site invites them (robots.txt names its sitemap), the sample sends them away.

A build of the sample data (`sample: true` in a campaign record) is a demonstration: its invented people and
units must not be indexed as if they were a county's. It writes a robots.txt that disallows everything, no
feed (news/feed.xml, see `news.feed`) and no sitemap (theme/sitemap.xml renders nothing for it).
"""

from __future__ import annotations

from .common import Asset

ROBOTS = "robots.txt"


def robots(sample: bool, site_url: str | None) -> Asset:
    """robots.txt: read by search engines at the host's root only (at a sub-path, the host's own one counts)."""
    if sample:
        text = "# 示例数据：本站展示的单位、人物和事迹均为虚构，不应被搜索引擎收录。\nUser-agent: *\nDisallow: /\n"
    else:
        text = "User-agent: *\nAllow: /\n"
        if site_url:
            text += f"\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return Asset(ROBOTS, text.encode("utf-8"))
