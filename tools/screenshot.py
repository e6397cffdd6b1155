"""Screenshots of built pages at phone and desktop widths, for a person to look at.

.venv/bin/python -m tools.screenshot site out/ index.html 2023/people/nong-jianguo/
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.browser import browser, serve

WIDTHS = {"phone": 375, "desktop": 1280}


def main(argv: list[str]) -> int:
    site, out, *pages = argv
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, browser() as chromium:
        for label, width in WIDTHS.items():
            page = chromium.new_page(viewport={"width": width, "height": 800}, device_scale_factor=1)  # type: ignore[attr-defined]
            for path in pages or ["index.html"]:
                page.goto(base + path)
                # Lazy images load only when scrolled into view; a full-page shot needs them all.
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                page.wait_for_load_state("networkidle")
                page.evaluate("window.scrollTo(0, 0)")
                name = path.strip("/").replace("/", "_").replace(".html", "") or "index"
                page.screenshot(path=str(target / f"{name}-{label}.png"), full_page=True)
            page.close()
    print(f"screenshots in {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
