"""How far each page of a built site overflows a phone's screen, in headless Chromium.

    python -m tools.overflow SITE_DIR [PATH …]

For each page at 320, 375 and 1280 px, with normal text and with 大字 on (reader.js's `cp-large`), prints
the page's sideways overflow (document scrollWidth beyond the viewport), its table cells whose content is
cut (a cell's scrollWidth beyond its clientWidth) and how far its widest table runs past the screen inside
its scroller. Without PATHs, every page kind of the fixture site (tests/test_accessibility.py's PAGES and
the 404).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TypedDict

WIDTHS = (320, 375, 1280)
TEXT = {"普通": "", "大字": "localStorage.setItem('cp-large', '1')"}

# Run in the page: what a reader would have to scroll sideways for, or could not see at all.
MEASURE = """() => {
  const root = document.documentElement;
  // A cell in a visually hidden header (a stacked table's, read by screen readers only) is not cut.
  const hidden = c => { for (let e = c; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return true; return false; };
  const cells = [...document.querySelectorAll('.md-content td, .md-content th')]
    .filter(c => c.scrollWidth > c.clientWidth + 1 && !hidden(c))
    .map(c => c.textContent.trim().replace(/\\s+/g, ' ').slice(0, 24));
  const tables = [...document.querySelectorAll('.md-content table')]
    .map(t => Math.round(t.getBoundingClientRect().width - root.clientWidth));
  return {overflow: root.scrollWidth - root.clientWidth, clipped: cells, table: Math.max(0, ...tables)};
}"""


class Measure(TypedDict):
    overflow: int
    clipped: list[str]
    table: int


def measure(browser: Any, base: str, paths: list[str], width: int, text: str) -> dict[str, Measure]:
    """Each path's overflow at `width` px with the reader's text setting `text` (a key of TEXT)."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.add_init_script(TEXT[text])
    found: dict[str, Measure] = {}
    for path in paths:
        page.goto(base + path)
        page.wait_for_load_state("load")
        found[path] = page.evaluate(MEASURE)
    page.close()
    return found


def default_paths() -> list[str]:
    from tests.test_accessibility import PAGES

    return [*PAGES.values(), "404.html"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    from tools.browser import browser, serve

    paths = args.paths or default_paths()
    with serve(args.site) as base, browser() as instance:
        for width in WIDTHS:
            for text in TEXT:
                for path, found in measure(instance, base, paths, width, text).items():
                    print(f"{width}\t{text}\t/{path}\t{found['overflow']}\t{found['table']}\t{' | '.join(found['clipped'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
