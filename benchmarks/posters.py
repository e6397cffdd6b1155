"""What share posters cost a build: `python benchmarks/posters.py [--project DIR] [--work DIR]`.

Copies the project (the bundled sample by default) with a site_url, so that posters are made, and times
`python -m generator build` (site and office, press kits included):

- cold: no `.cache/` at all (photos, posters, segmentation: everything made afresh);
- cached: the same build again, everything answered from `.cache/`;
- posters afresh: only `.cache/posters/` removed, so the difference to "cached" is what drawing them costs;
- no posters: the same project without site_url (no QR codes, posters or share images), cached.

Then counts the posters and reports their sizes.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://ghw.example.gov.cn/jingsai/"


def build(project: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the build's and its workers', user and system) of one build. On a shared
    machine the CPU time is the steadier figure: the wall clock counts the time other processes took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "build"],
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def copy_project(source: Path, dest: Path, site_url: str | None) -> Path:
    dest.mkdir(parents=True)
    for name in ("site_data", "content", "theme"):
        shutil.copytree(source / name, dest / name)
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    if site_url:
        config = config.replace("site_name:", f"site_url: {site_url}\nsite_name:", 1)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def kb(size: float) -> str:
    return f"{size / 1024:.0f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--work", type=Path, help="where to copy the project (default: a temporary folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="posters-"))
    with_url = copy_project(args.project, work / "with-url", SITE_URL)
    without = copy_project(args.project, work / "without-url", None)
    times = {"cold": build(with_url), "cached": build(with_url)}
    shutil.rmtree(with_url / ".cache" / "posters")
    times["posters afresh"] = build(with_url)
    build(without)
    times["no posters (cached)"] = build(without)
    site = with_url / "site"
    posters = sorted(site.rglob("poster.png"))
    sizes = [p.stat().st_size for p in posters]
    shares = [p.stat().st_size for p in site.rglob("share.jpg")]
    kits = len(list((with_url / "office" / "presskit").iterdir()))
    print("| build (site and office) | wall s | CPU s |\n| --- | --- | --- |")
    for name, (wall, cpu) in times.items():
        print(f"| {name} | {wall:.1f} | {cpu:.1f} |")
    kinds = {"people": 0, "collectives": 0, "competitions": 0, "news": 0}
    for poster in posters:
        kind = next(k for k in kinds if f"/{k}/" in poster.as_posix())
        kinds[kind] += 1
    print(f"\nposters: {len(posters)} ({', '.join(f'{k} {n}' for k, n in kinds.items())}); press kits: {kits}")
    if sizes:
        print(
            f"poster PNG: min {kb(min(sizes))}, median {kb(statistics.median(sizes))}, max {kb(max(sizes))}, "
            f"all {sum(sizes) / 1024 / 1024:.1f} MB; share images: {len(shares)}, median {kb(statistics.median(shares or [0]))}"
        )
    cost = times["posters afresh"][1] - times["cached"][1]
    print(f"drawing the posters costs {cost:.1f} CPU s, {cost / max(len(posters), 1):.2f} s each (work folder: {work})")


if __name__ == "__main__":
    main()
