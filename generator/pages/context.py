"""What each room is handed: the dataset, the date, the addresses, the templates, photos and QR codes.

A room reads the context and returns what it made; the context holds nothing a room adds to, except
the photos, which several rooms show and which are processed once (see `photos`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import segno
from markupsafe import Markup

from ..dataset import Dataset
from ..render import Renderer
from ..urls import Urls, url_of
from .common import LIST_BOOST, PER_PAGE, Page
from .photos import Photos
from .share import Sharing


@dataclass
class Context:
    """The build's shared inputs, the same for every room and every year."""

    data: Dataset
    renderer: Renderer
    as_of: dt.date
    urls: Urls
    photos: Photos
    site_url: str | None = None  # with a trailing slash; none in the preview, which must not print its own address
    per_page: int = PER_PAGE
    sharing: Sharing = field(default_factory=lambda: Sharing(None, None, look=False))  # posters and share images

    def unit(self, ref: str) -> str:
        return self.data.unit_name(ref)

    def qr(self, page: str, label: str) -> dict[str, Any] | None:
        """A QR code of the page's canonical URL, for posters; none without site_url to point at."""
        if self.site_url is None:
            return None
        url = self.site_url + url_of(page)
        svg = segno.make(url, error="m").svg_inline(scale=4, omitsize=True, svgclass="cp-qr__code", title=f"扫码打开：{label}")
        return {"svg": Markup(svg), "url": url}  # segno's own markup: no record text inside but the escaped title

    def page(self, src_uri: str, title: str, template: str, params: dict[str, Any], **meta: Any) -> Page:
        """A page whose body is one of the theme's page templates (`theme/cp/…`) rendered with `params`."""
        source = meta.pop("source", None)
        meta.setdefault("hide", ["navigation", "toc"])
        body = self.renderer.render(template, page=params)
        return Page(src_uri, title, body, meta, source)

    def list_page(
        self, uri: str, title: str, index: int, template: str, params: dict[str, Any], description: str, found: bool = False
    ) -> Page:
        """One page of a paginated list. Lists repeat what the records' own pages say: they stay out of the
        search index, which holds each record once. `found`: the list's first page is found by its title
        alone (a township's competitions, by the township's name; its items stay out)."""
        numbered = title + (f"（第 {index + 1} 页）" if index else "")
        if found and not index:
            return self.page(uri, numbered, template, params, description=description, search={"boost": LIST_BOOST})
        return self.page(uri, numbered, template, params, description=description, search={"exclude": True})
