"""Render page bodies from the templates in `theme/`, escaping every value from a record."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .cache import Cache
from .sanitise import markdown_html, markdown_parser


def date_cn(value: dt.date | None) -> str:
    """A date as Chinese readers write it.

    >>> date_cn(dt.date(2023, 6, 15))
    '2023年6月15日'
    """
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def number(value: float | int | None) -> str:
    """Scores without a trailing `.0`.

    >>> number(96.0), number(95.5), number(None)
    ('96', '95.5', '')
    """
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def keep(value: object) -> Markup:
    """Text the line breaker keeps whole where it can (a date, an award, a name: never 9月22|日).

    >>> keep("2023年9月22日")
    Markup('<span class="cp-keep">2023年9月22日</span>')
    """
    text = str(value) if value is not None else ""
    return Markup('<span class="cp-keep">{}</span>').format(text) if text else Markup("")


_BLANK_LINES = re.compile(r"\n\s*\n+")


class Renderer:
    """A Jinja environment over the project's `theme/` folder, strict and autoescaping."""

    def __init__(self, theme_dir: Path, cache: Cache | None = None, markdown: dict[str, Markup] | None = None) -> None:
        """`markdown`: record texts already rendered, by text, kept by the caller between builds."""
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(theme_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            # The environment lives for one build: templates need not be checked for changes at every
            # use (a stat of the file each time a partial is included, thousands of times a build).
            auto_reload=False,
            # Compiled once and kept (checked against each template's source): not on every build and rebuild.
            bytecode_cache=cache.templates("templates") if cache is not None else None,
        )
        parser = markdown_parser()

        def rendered(text: str) -> Markup:
            if markdown is None:
                return markdown_html(text, parser)
            html = markdown.get(text)
            if html is None:
                html = markdown[text] = markdown_html(text, parser)
            return html

        self.env.filters["markdown"] = rendered
        self.env.filters["date_cn"] = date_cn
        self.env.filters["number"] = number
        self.env.filters["keep"] = keep

    def render(self, template: str, **params: Any) -> str:
        """Render one page body. Blank lines are folded so that Markdown keeps the HTML as one block."""
        html = self.env.get_template(template).render(**params)
        return _BLANK_LINES.sub("\n", html).strip() + "\n"
