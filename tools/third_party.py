"""Find everything in a built site that would make a browser load something from another host.

Readers in mainland China cannot rely on Google Fonts or foreign CDNs: the site must load nothing
from a third party. Usage: .venv/bin/python -m tools.third_party site/
"""

from __future__ import annotations

import html.parser
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# Literal URLs inside Material's JavaScript bundle that it only fetches in cases this site never has.
# Each entry: the URL, and why it is never fetched here (a test holds each reason true).
ALLOWED_IN_JS = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only loaded for Mermaid diagrams; no page has one",
    "https://api.github.com/repos/": "only used when repo_url names a GitHub repository; mkdocs.yml sets none",
    "https://api.github.com/users/": "only used when repo_url names a GitHub repository; mkdocs.yml sets none",
    "https://unpkg.com/resize-observer-polyfill": "only for browsers without ResizeObserver (before 2020); the page works without it",
}

ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
LOADING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "preconnect",
    "dns-prefetch",
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+(?:url\()?\s*['\"]?([^'\");]+)", re.I)
JS_LOAD = re.compile(
    r"(?:import\s*\(|importScripts\s*\(|fetch\s*\(|\bimport\s+[^'\"]*?from\s+|\.src\s*=\s*)\s*['\"`]((?:https?:)?//[^'\"`]+)"
)
JS_URL = re.compile(r"['\"`]((?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^'\"`\s]*)", re.I)


@dataclass(frozen=True)
class Load:
    file: str
    what: str
    url: str


class _HTMLLoads(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.in_style = tag == "style"
        for name in ("src", "data", "poster"):
            if name in values:
                self.urls.append((f"<{tag} {name}>", values[name]))
        for name in ("srcset", "imagesrcset"):
            for candidate in values.get(name, "").split(","):
                if candidate.strip():
                    self.urls.append((f"<{tag} {name}>", candidate.strip().split()[0]))
        if tag == "link" and set(values.get("rel", "").lower().split()) & LOADING_RELS:
            self.urls.append(("<link href>", values.get("href", "")))
        if "style" in values:
            self.urls.extend(("style=", m[0] or m[1]) for m in CSS_URL.findall(values["style"]))

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.urls.extend(("<style>", m[0] or m[1]) for m in CSS_URL.findall(data))

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False


def is_third_party(url: str, own_host: str | None) -> bool:
    if not ABSOLUTE.match(url.strip()):
        return False
    host = re.sub(r"^(?:[a-z][a-z0-9+.-]*:)?//", "", url.strip(), flags=re.I).split("/")[0].split(":")[0].lower()
    return host != (own_host or "")


def scan_text(name: str, text: str, own_host: str | None = None) -> list[Load]:
    """Loads from other hosts in one file's text, by the file's kind."""
    loads: list[Load] = []
    if name.endswith(".html"):
        parser = _HTMLLoads()
        parser.feed(text)
        loads += [Load(name, what, url) for what, url in parser.urls if is_third_party(url, own_host)]
    elif name.endswith(".css"):
        for match in CSS_URL.findall(text):
            url = match[0] or match[1]
            if is_third_party(url, own_host):
                loads.append(Load(name, "css url()/@import", url))
    elif name.endswith((".js", ".mjs")):
        for url in dict.fromkeys(JS_LOAD.findall(text) + JS_URL.findall(text)):
            if is_third_party(url, own_host) and not any(url.startswith(allowed) for allowed in ALLOWED_IN_JS):
                loads.append(Load(name, "js", url))
    return loads


def scan_site(site: Path, own_host: str | None = None) -> list[Load]:
    loads: list[Load] = []
    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".css", ".js", ".mjs"}:
            loads += scan_text(path.relative_to(site).as_posix(), path.read_text(encoding="utf-8", errors="ignore"), own_host)
    return loads


def main(argv: list[str]) -> int:
    loads = scan_site(Path(argv[0]))
    for load in loads:
        print(f"{load.file}: {load.what}: {load.url}")
    print(f"{len(loads)} third-party loads")
    return 1 if loads else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
