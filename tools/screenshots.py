"""Full-page screenshots of a built site, one per page kind, at phone and desktop widths, for a person to look at.

Builds nothing: give it a built site folder. Each page is scrolled to the bottom step by step first, so that
lazy images load as they would for a reader, and then shot whole.

    .venv/bin/python -m tools.screenshots site /tmp/shots            # every page kind found in site/
    .venv/bin/python -m tools.screenshots site /tmp/shots plan/ contact/
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tools.browser import browser, serve

WIDTHS = {"375": 375, "1280": 1280}
# The page kinds of tests/test_accessibility.py's PAGES; a record page is whichever record the site has first.
KINDS = {
    "home": "",
    "plan": "plan/",
    "competitions": "competitions/",
    "competitions-filter": "competitions/stream-*/",
    "competition": "[0-9]*/competitions/*/",
    "collectives": "collectives/",
    "collective": "[0-9]*/collectives/*/",
    "people": "people/",
    "person": "[0-9]*/people/*/",
    "innovations": "innovations/",
    "dashboard": "dashboard/",
    "news-list": "news/",
    "news": "news/*/",
    "announcement": "[0-9]*/gongshi/*/",
    "contact": "contact/",
    "archive": "archive/",
}
STEP_PX = 600


def page_kinds(site: Path) -> dict[str, str]:
    """Each page kind's address in this site: the first page that matches its pattern (none: left out)."""
    found = {}
    for name, pattern in KINDS.items():
        if "*" not in pattern:
            if (site / pattern / "index.html").is_file():
                found[name] = pattern
            continue
        # News list pages ("news/page/2/") and archive years are not a record's page.
        matches = sorted(
            p.parent.relative_to(site).as_posix() + "/"
            for p in site.glob(pattern + "index.html")
            if "/page/" not in p.as_posix() and p.parent.name != "page"
        )
        if matches:
            found[name] = matches[0]
    return found


def scroll_through(page: Any) -> None:
    """Scroll down a screen at a time, waiting for what each step loads, then back to the top."""
    position = 0
    while position < page.evaluate("document.documentElement.scrollHeight"):
        position += STEP_PX
        page.evaluate(f"window.scrollTo(0, {position})")
        page.wait_for_timeout(150)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(100)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    site, out, *chosen = argv
    site_dir, target = Path(site), Path(out)
    pages = {p.strip("/").replace("/", "_") or "home": p for p in chosen} if chosen else page_kinds(site_dir)
    target.mkdir(parents=True, exist_ok=True)
    made = []
    with serve(site_dir) as base, browser() as chromium:
        for label, width in WIDTHS.items():
            page = chromium.new_page(viewport={"width": width, "height": 800}, device_scale_factor=1)  # type: ignore[attr-defined]
            for name, path in pages.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                scroll_through(page)
                shot = target / f"{name}-{label}.png"
                page.screenshot(path=str(shot), full_page=True)
                made.append(shot)
            page.close()
    for shot in made:
        print(shot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
