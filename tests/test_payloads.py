"""Script payloads in every text field of every record kind, and in news Markdown: the build succeeds
and nothing executes, checked in the HTML and in headless Chromium.

The fields come from the schemas (every Text and Markdown field, nested ones included), not from a
hand-picked list: a new field is covered the day it is declared.
"""

from __future__ import annotations

import html.parser
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.fieldtypes import Identifier, ListOf, Object, Ref, Text, YearMap
from generator.kinds import KINDS
from tools.browser import serve

from .conftest import REPO, build

pytestmark = pytest.mark.build  # every test here reads a whole built site

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<a href="javascript:alert(1)">点我</a>',
    "[点我](javascript:alert(1))",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<details open ontoggle=alert(1)>",
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{ 7*7 }}{% raw %}",
    "<b><i>未闭合",
    "<b onclick=alert(1)>",  # 20 characters: fits the shortest fields (names)
]
SKIP = {"plan_text", "photo", "banner"}  # file names, checked as paths
# The settings' words must match what records say (a township's name); their names are shown everywhere.
SETTINGS_TEXT = {"county", "union", "committee"}
FILES = {
    "settings": "site_data/settings.yml",
    "union": "site_data/unions/chengxiang.yml",
    "enterprise": "site_data/enterprises/peijian.yml",
    "campaign": "site_data/2023/campaign.yml",
    "competition": "site_data/2023/competitions/zhuangpei.yml",
    "collective": "site_data/2023/collectives/zongzhuang.yml",
    "person": "site_data/2023/people/nong-ceshi.yml",
    "innovation": "site_data/2023/innovations/jiaju.yml",
    "submission": "site_data/2023/submissions/peijian.yml",
    "announcement": "site_data/2023/announcements/pioneer.yml",
    "news": "content/news/posts/2023-06-20-launch.md",
}
ANNOUNCEMENT = {
    "id": "pioneer",
    "start": "2023-12-04",
    "end": "2023-12-08",
    "candidates": ["zhaji"],
    "objection": {},
}


def text_fields(fields: list, prefix: str = "") -> Iterator[tuple[str, Text]]:
    """Every free-text field of a kind, as a path: `results[].name`, `years.2023.…`."""
    for f in fields:
        path, kind = f"{prefix}{f.name}", f.type
        if f.name in SKIP:
            continue
        if isinstance(kind, YearMap):
            yield from text_fields(kind.item.fields, f"{path}.2023.")
        elif isinstance(kind, ListOf) and isinstance(kind.item, Object):
            yield from text_fields(kind.item.fields, f"{path}[].")
        elif isinstance(kind, ListOf):
            if isinstance(kind.item, Text) and not isinstance(kind.item, (Identifier, Ref)) and kind.item.pattern is None:
                yield f"{path}[]", kind.item
        elif isinstance(kind, Object):
            yield from text_fields(kind.fields, f"{path}.")
        elif isinstance(kind, Text) and not isinstance(kind, (Identifier, Ref)) and kind.pattern is None:
            yield path, kind


def fill(limit: int) -> list[str]:
    """As many payloads as fit in `limit` characters, at least the shortest."""
    chosen, used = [], 0
    for payload in sorted(PAYLOADS, key=len):
        if used + len(payload) + 1 <= limit:
            chosen.append(payload)
            used += len(payload) + 1
    return chosen


def put(data: dict[str, Any], path: str, value: str) -> None:
    """Set a field by path, making the containers it needs; list paths set the first item."""
    parts = path.replace("[]", ".[]").split(".")
    node: Any = data
    for index, part in enumerate(parts[:-1]):
        following = parts[index + 1]
        if part == "[]":
            continue
        if isinstance(node, list):
            node = node[0]
        default: Any = [{}] if following == "[]" and index + 2 < len(parts) else ([] if following == "[]" else {})
        key: Any = int(part) if part.isdigit() else part
        node = node.setdefault(key, default)
    last = parts[-1]
    if last == "[]":
        if node:
            node[0] = value
        else:
            node.append(value)
    else:
        (node[0] if isinstance(node, list) else node)[last] = value


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    root = tmp_path_factory.mktemp("payloads") / "project"
    shutil.copytree(REPO / "tests/fixtures/site", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    placed = 0
    for kind in KINDS.values():
        if kind.name not in FILES:
            continue
        path = root / FILES[kind.name]
        if kind.name == "news":
            _, front, body = path.read_text(encoding="utf-8").split("---", 2)
            data = yaml.safe_load(front)
        else:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else dict(ANNOUNCEMENT)
        for field_path, text in text_fields(kind.fields):
            if kind.name == "settings" and field_path not in SETTINGS_TEXT:
                continue
            payloads = fill(text.max_length)
            put(data, field_path, "\n\n".join(payloads) if text.max_length >= 1000 else " ".join(payloads))
            placed += len(payloads)
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind.name == "news":
            body = body + "\n\n" + "\n\n".join(PAYLOADS) + "\n"
            placed += len(PAYLOADS)
            path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")
        else:
            path.write_text(dumped, encoding="utf-8")
    out = root.parent / "site"
    result = build(root, out, "--as-of", "2023-12-05", "--office-dir", str(root.parent / "office"))
    assert result.returncode == 0, result.stderr
    return root.parent, placed


class Scanner(html.parser.HTMLParser):
    """Finds what could run: scripts that are not the theme's, handlers, script URLs, frames."""

    DANGEROUS_URL = ("javascript:", "data:text", "vbscript:")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"iframe", "object", "embed", "frame"}:
            self.found.append(f"<{tag}>")
        self.in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in {"href", "src", "action", "formaction", "xlink:href", "srcset"} and value.startswith(self.DANGEROUS_URL):
                self.found.append(f"{tag}[{name}={value[:20]}]")
            if name == "style" and ("javascript" in value or "expression(" in value):
                self.found.append(f"{tag}[style]")

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.found.append("<script>alert")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def test_payloads_were_placed_in_every_text_field(payload_site):
    _, placed = payload_site
    kinds_with_text = [k for k in KINDS.values() if list(text_fields(k.fields))]
    assert {k.name for k in kinds_with_text} <= set(FILES)
    assert placed > 300


def test_no_payload_survives_in_the_html(payload_site):
    base, _ = payload_site
    pages = [p for p in (base / "site").rglob("*.html")] + [p for p in (base / "office").rglob("*.html")]
    found = {}
    for page in pages:
        scanner = Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        if scanner.found:
            found[str(page.relative_to(base))] = scanner.found
    assert found == {}
    # The payloads' text is there, harmlessly escaped, where the fields are shown.
    person = (base / "site/2023/people/nong-ceshi/index.html").read_text(encoding="utf-8")
    assert "&lt;b onclick=alert(1)&gt;" in person


def test_the_scanner_catches_a_planted_script():
    scanner = Scanner()
    scanner.feed('<p>ok</p><img src="x" onerror="alert(1)"><a href=" JavaScript:alert(1)">x</a><script>alert(2)</script>')
    assert scanner.found == ["img[onerror]", "a[href=javascript:alert(1)]", "<script>alert"]


@pytest.mark.browser
def test_nothing_executes_in_chromium(chromium, payload_site):
    base, _ = payload_site
    pages = sorted((base / "site").rglob("*.html"))
    dialogs: list[str] = []
    with serve(base / "site") as url:
        page = chromium.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for path in pages:
            page.goto(url + path.relative_to(base / "site").as_posix())
            page.wait_for_load_state("load")
            # Open every <details>, hover and click every element a payload could hide behind.
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            page.evaluate("document.querySelectorAll('.md-content b, .md-content i').forEach(e => e.click())")
    assert dialogs == []
    assert len(pages) > 20
