"""Markdown from records and editors as safe HTML: rendered, then sanitised against one allow-list (nh3).

Records' texts (`markdown_html`), news stories (`news_html`, made inert for the blog's second Markdown pass,
their pictures' addresses fixed per page) and whole pages written in Markdown (`sanitise_page`, after MkDocs'
Markdown). What may pass is listed here once: tags, attributes and URL schemes.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Callable

import markdown as md
import nh3
from markupsafe import Markup

from .typography import join_cjk_lines

# What Markdown from a record may produce; anything else (scripts, styles, handlers) is dropped.
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# The one allow-list of URL schemes for every path (records, news, the plan, pages): plus relative URLs.
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def markdown_parser() -> md.Markdown:
    return md.Markdown(extensions=["sane_lists"], output_format="html")


def markdown_html(text: str, parser: md.Markdown | None = None) -> Markup:
    """Markdown from a record as safe HTML: rendered, then sanitised against an allow-list.

    A parser made by `markdown_parser()` may be given for reuse (making one costs more than a record's text).

    >>> str(markdown_html("**好**<script>alert(1)</script>"))
    '<p><strong>好</strong></p>'
    """
    parser = parser or markdown_parser()
    html = parser.reset().convert(join_cjk_lines(text))
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


# News may also carry headings and pictures; still no scripts, styles, frames or handlers.
NEWS_TAGS = ALLOWED_TAGS | {"h2", "img", "figure", "figcaption"}
NEWS_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"}}
MORE = "<!-- more -->"


# A tag as nh3 writes it: attribute values always in double quotes, a quote inside one as &quot;.
_TAG = re.compile(r'<[^<>"]*(?:"[^"]*"[^<>"]*)*>')
# What Markdown (and its extensions: attr_list's `{: …}`, tables' `|`, admonition's `!!!`) reads as syntax.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_{}\[\]()#!|~^]")


def inert_for_markdown(html: str) -> str:
    """HTML whose text a Markdown parser can no longer read as syntax: every character that could start a
    link, an image, an attribute list or emphasis is written as a character reference, which browsers show
    as the character itself. Tags and their attributes are left as they are.

    The blog renders post excerpts by running a post's text through the site's own Markdown (with
    `attr_list` and `md_in_html`) once more: sanitised HTML must come out of that pass as it went in.

    >>> inert_for_markdown('<p>[x](javascript:y){: onclick="z"}</p>')
    '<p>&#91;x&#93;&#40;javascript:y&#41;&#123;: onclick="z"&#125;</p>'
    """
    out = []
    last = 0
    for tag in _TAG.finditer(html):
        out.append(_MARKDOWN_SYNTAX.sub(lambda m: f"&#{ord(m.group())};", html[last : tag.start()]))
        out.append(tag.group())
        last = tag.end()
    out.append(_MARKDOWN_SYNTAX.sub(lambda m: f"&#{ord(m.group())};", html[last:]))
    return "".join(out)


def news_html(markdown_text: str, folder: str | None = None, published: Callable[[str], str] = str) -> str:
    r"""A news body as sanitised HTML, keeping the blog's excerpt separator between its parts; inert for
    the Markdown pass that MkDocs (and the blog, for excerpts) makes over it afterwards.

    `folder`: the story's folder under content/ (None: links left as written). Its pictures, written
    relative to the story's file, are marked as relative to the site's root (`from_site_root`): the story is shown on its own page and, as
    an excerpt, on the news lists, each at another depth, and MkDocs resolves no link inside raw HTML.
    `published`: where a file under content/ is published (the blog moves its posts' pictures).

    >>> news_html("第一段<script>x()</script>\n\n<!-- more -->\n\n第二段")
    '<p>第一段</p>\n\n<!-- more -->\n\n<p>第二段</p>'
    >>> news_html("![开幕](images/a.jpg)", "news/posts/")
    '<p><img alt="开幕" src="__cp_root__/news/posts/images/a.jpg"></p>'
    """
    parts = []
    for part in markdown_text.split(MORE, 1):
        clean = clean_news(part)
        if folder is not None:
            clean = _IMAGE_SRC.sub(lambda m: _rooted(m, folder, published), clean)
        parts.append(inert_for_markdown(clean))
    return f"\n\n{MORE}\n\n".join(parts)


def clean_news(markdown_text: str) -> str:
    r"""News Markdown as sanitised HTML (for the site, made inert by `news_html`; for the WeChat article, as it is).

    >>> clean_news("第一段\n第二行<script>x()</script>")
    '<p>第一段第二行</p>'
    """
    html = md.markdown(join_cjk_lines(markdown_text), extensions=["sane_lists", "tables"], output_format="html")
    clean = nh3.clean(html, tags=NEWS_TAGS, attributes=NEWS_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    return clean.strip()


SITE_ROOT = "__cp_root__/"  # a news picture's address from the site's root, until its page is known
_IMAGE_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")')


def _rooted(match: re.Match[str], folder: str, published: Callable[[str], str]) -> str:
    src = html_lib.unescape(match.group(2))
    if not src or "://" in src or src.startswith(("/", "#", "data:", "mailto:", "tel:")):
        return match.group(0)
    target = posixpath.normpath(posixpath.join(folder, src))
    if target.startswith("../"):
        return match.group(0)  # outside the site: left as written (and shown broken, as in the preview)
    return f"{match.group(1)}{SITE_ROOT}{html_lib.escape(published(target))}{match.group(3)}"


def from_site_root(html: str, page_url: str) -> str:
    """`html` with the news pictures' addresses (see `news_html`) made relative to the page at `page_url`.

    >>> from_site_root('<img src="__cp_root__/news/posts/a.jpg">', "news/page/2/")
    '<img src="../../../news/posts/a.jpg">'
    """
    if SITE_ROOT not in html:
        return html
    up = "../" * page_url.count("/")
    return html.replace(f'src="{SITE_ROOT}', f'src="{up}')


# Pages written in Markdown (the plan, news, pages under content/), as MkDocs made them: the Markdown's
# own elements and those of the plan's head (`cp/plan.html`). No scripts, styles, frames, forms or
# handlers; links and images only http(s), relative, mailto: and tel:.
PAGE_TAGS = NEWS_TAGS | {
    "h1",
    "h5",
    "h6",
    "div",
    "section",
    "span",
    "dl",
    "dt",
    "dd",
    "sup",
    "sub",
    "small",
    "abbr",
    "del",
    "ins",
    "mark",
    "time",
    "caption",
    "tfoot",
    "colgroup",
    "col",
}
PAGE_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "tabindex", "aria-label", "aria-labelledby", "aria-hidden"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
    "ol": {"start"},
    "time": {"datetime"},
}


def sanitise_page(html: str) -> str:
    """A page made from Markdown, as MkDocs rendered it, against the allow-list: whatever Markdown
    syntax or extension produced it (attribute lists, reference links, raw HTML), nothing live is left.
    Only `text-align` survives in a table cell's style (the tables extension aligns columns with it).

    >>> sanitise_page('<p class="x" onclick="y()" style="color:red"><a href="JaVa&#115;cript:z()">a</a></p>')
    '<p class="x"><a rel="noopener noreferrer">a</a></p>'
    """
    return nh3.clean(
        html,
        tags=PAGE_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )
