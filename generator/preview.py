"""The live preview's memory of the pages it has rendered, so that a change re-renders only what it changed.

`mkdocs serve` rebuilds the whole site on every change. Most of that time goes into wrapping each page
in the theme (Material's base.html: header, navigation, footer) and indexing it for search, although
one edited record changes one page and the lists it appears on. Across the rebuilds of one preview, a
record page whose source and surroundings are the same as last time is handed to MkDocs as the HTML
it became last time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

Entries = list[dict[str, Any]]  # what a page adds to Material's search index


def surroundings(extra: Mapping[str, Any], nav: str, config_file: str | None, theme_dirs: Iterable[str]) -> bytes:
    """A digest of everything besides its own source that goes into every page: the site's settings
    and campaign context (`extra`, with the preview's problem banner), the navigation, and the
    project's own templates and styles (`theme_dirs`: the installed themes do not change meanwhile)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps(extra, sort_keys=True, ensure_ascii=False, default=str).encode())
    digest.update(nav.encode())
    files = [config_file] if config_file else []
    for folder in theme_dirs:
        for top, dirs, names in os.walk(folder):
            dirs.sort()
            files.extend(os.path.join(top, name) for name in sorted(names))
    for path in files:
        stat = os.stat(path)
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.digest()


class RenderedPages:
    """The HTML each record page became in the last build, with the key it was made under and the
    entries it added to the search index (a page handed over as HTML is not indexed again)."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[bytes, str, Entries]] = {}
        self._expected: dict[str, bytes] = {}
        self.reused = 0  # pages handed over as they were, in the current build

    @staticmethod
    def key(around: bytes, source: bytes) -> bytes:
        return hashlib.blake2b(around + source, digest_size=16).digest()

    def reuse(self, src_uri: str, key: bytes) -> tuple[str, Entries] | None:
        """The page's HTML and search entries if it was made under this key; otherwise expect it to be made now."""
        made = self._made.get(src_uri)
        if made is not None and made[0] == key:
            self.reused += 1
            return made[1], made[2]
        self._expected[src_uri] = key
        return None

    def made(self, src_uri: str, html: str, entries: Entries) -> None:
        key = self._expected.pop(src_uri, None)
        if key is not None:
            self._made[src_uri] = (key, html, entries)

    def begin(self, pages: set[str]) -> None:
        """Start a build of these pages: forget pages it no longer has (a deleted record)."""
        self._made = {uri: made for uri, made in self._made.items() if uri in pages}
        self._expected.clear()
        self.reused = 0
