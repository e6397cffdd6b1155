"""Scanners for a built site: anything live in its HTML, SVG and XML, and any metadata in its images."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "cite", "data"}
FRAMES = {"iframe", "object", "embed", "frame", "frameset", "applet", "base"}
# The theme's own inline scripts differ between pages only in the path to the site's root.
_BASE = re.compile(r'"(?:\.\./)*\.\.?/?"|"/"|"(?:\.\./)*assets/|"/assets/')


def _normalised(script: str) -> str:
    return _BASE.sub('"BASE', script.strip())


class LiveScanner(html.parser.HTMLParser):
    """What could run in a page: handlers, script URLs, frames, styles with URLs, and scripts other than
    the theme's (`theme_scripts`: the inline scripts of a page without any content of ours)."""

    def __init__(self, theme_scripts: set[str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.theme_scripts = theme_scripts
        self.inline: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FRAMES or (tag == "meta" and any(n == "http-equiv" and (v or "").lower() == "refresh" for n, v in attrs)):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            # Browsers ignore blanks and control characters inside a URL's scheme.
            plain = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES and plain.startswith(DANGEROUS_SCHEMES):
                self.found.append(f"{tag}[{name}={plain[:24]}]")
            if name == "style" and re.sub(r"\s", "", plain) not in (
                "",
                *(f"text-align:{a}" for a in ("left", "right", "center")),
            ):
                self.found.append(f"{tag}[style={plain[:24]}]")
        if tag == "script":
            source = dict(attrs).get("src")
            if source is not None:
                if not re.fullmatch(r"(/|(\.\./)*)assets/javascripts/[\w.-]+\.js", source):
                    self.found.append(f"<script src={source[:30]}>")
            else:
                self._script = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            script = _normalised("".join(self._script))
            self.inline.append(script)
            if self.theme_scripts is not None and script not in self.theme_scripts:
                self.found.append(f"<script>{script[:30]}")
            self._script = None


def theme_scripts(page: Path) -> set[str]:
    """The inline scripts of a page the theme alone makes (the 404 page)."""
    scanner = LiveScanner()
    scanner.feed(page.read_text(encoding="utf-8"))
    return set(scanner.inline)


def live_content(site: Path) -> dict[str, list[str]]:
    """Everything live in every HTML, SVG and XML file of a built site, by file."""
    allowed = theme_scripts(site / "404.html")
    found = {}
    for path in sorted(site.rglob("*")):
        if path.suffix.lower() not in (".html", ".htm", ".svg", ".xml", ".xhtml"):
            continue
        scanner = LiveScanner(allowed)
        scanner.feed(path.read_text(encoding="utf-8"))
        scanner.close()
        if scanner.found:
            found[path.relative_to(site).as_posix()] = scanner.found
    return found


def metadata_segments(data: bytes) -> list[str]:
    """The metadata an image holds: JPEG COM and APPn (but JFIF's APP0), WebP EXIF/XMP/ICCP chunks,
    PNG text, time, EXIF and colour-profile chunks, GIF comments and application extensions."""
    found = []
    if data[:2] == b"\xff\xd8":
        at = 2
        while at + 4 <= len(data) and data[at] == 0xFF:
            marker = data[at + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                at += 2
                continue
            if marker == 0xDA:  # start of scan: the pixels follow
                break
            length = int.from_bytes(data[at + 2 : at + 4], "big")
            if marker == 0xFE:
                found.append("COM")
            elif 0xE1 <= marker <= 0xEF:
                found.append(f"APP{marker - 0xE0}")
            at += 2 + length
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        at = 12
        while at + 8 <= len(data):
            chunk, size = data[at : at + 4], int.from_bytes(data[at + 4 : at + 8], "little")
            if chunk in (b"EXIF", b"XMP ", b"ICCP"):
                found.append(chunk.decode())
            at += 8 + size + (size & 1)
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        at = 8
        while at + 8 <= len(data):
            size, chunk = int.from_bytes(data[at : at + 4], "big"), data[at + 4 : at + 8]
            if chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP", b"tIME"):
                found.append(chunk.decode())
            at += 12 + size
    elif data[:4] == b"GIF8":
        found.extend(["GIF comment"] * data.count(b"\x21\xfe"))  # may over-count: only ever fails safe
    else:
        raise AssertionError(f"not an image this scanner reads: {data[:12]!r}")
    return found


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


def images_with_metadata(site: Path) -> dict[str, list[str]]:
    """Every published image that still holds metadata, with what it holds."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.suffix.lower() in IMAGE_SUFFIXES:
            segments = metadata_segments(path.read_bytes())
            if segments:
                found[path.relative_to(site).as_posix()] = segments
    return found
