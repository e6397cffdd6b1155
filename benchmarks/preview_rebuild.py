"""One rebuild of the live preview, measured inside the process: wall and processor time, the cycle
collector's share, and the objects it has to walk.

    .venv/bin/python benchmarks/preview_rebuild.py PROJECT [--edits 5] [--profile out.prof]
    PYTHONPATH=<other checkout> .venv/bin/python benchmarks/preview_rebuild.py PROJECT   # another commit's code

Builds PROJECT as `make serve` does (MkDocs' `build` with the serve address, the plugin kept between
builds, the site in /dev/shm where there is one), then changes one person's summary `--edits` times and
rebuilds after each. `serve_latency.py` measures the same from outside (polling the page), which adds the
file watcher's delay and the machine's noise; processor time measured here, with two checkouts run in
turn, compares code on a shared machine. PROJECT: a synthetic project (`synthetic.py`) or a copy of one.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--profile", type=Path, help="also profile one more rebuild into this file (pstats)")
    args = parser.parse_args()
    root = args.project.resolve()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(root)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    try:
        from generator.plugin import configured

        configured(str(root / "mkdocs.yml"))
    except ImportError:  # an older checkout, whose plugin takes its options otherwise
        pass
    collecting = {"since": 0.0, "total": 0.0}

    def timed(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collecting["since"] = time.perf_counter()
        else:
            collecting["total"] += time.perf_counter() - collecting["since"]

    gc.callbacks.append(timed)
    shm = Path("/dev/shm")
    site = tempfile.mkdtemp(dir=shm if shm.is_dir() else None)
    address = "http://127.0.0.1:8000/"

    def rebuild() -> None:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site, dev_addr="127.0.0.1:8000")
        config.site_url = address
        build(config, serve_url=address)

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site, dev_addr="127.0.0.1:8000")
    config.plugins.on_startup(command="serve", dirty=False)
    start = time.perf_counter()
    config.site_url = address
    build(config, serve_url=address)
    print(f"first build {time.perf_counter() - start:.1f} s", flush=True)
    current = max(int(p.name) for p in (root / "site_data").glob("20[0-9][0-9]"))
    person = next(
        p
        for p in sorted((root / "site_data" / str(current) / "people").glob("*.yml"))
        if "\nconsent:" in p.read_text(encoding="utf-8")
    )
    original = person.read_text(encoding="utf-8")
    walls, cpus, collected = [], [], []
    try:
        for edit in range(args.edits):
            person.write_text(original.replace("summary: ", f"summary: 改动{edit}号", 1), encoding="utf-8")
            collecting["total"] = 0.0
            wall, cpu = time.perf_counter(), time.process_time()
            rebuild()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            collected.append(collecting["total"])
        if args.profile:
            person.write_text(original.replace("summary: ", "summary: 改动P号", 1), encoding="utf-8")
            profile = cProfile.Profile()
            profile.enable()
            rebuild()
            profile.disable()
            profile.dump_stats(args.profile)
    finally:
        person.write_text(original, encoding="utf-8")
    tracked = len(gc.get_objects())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

    def listed(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} s ({', '.join(f'{v:.2f}' for v in values)})"

    print(f"rebuild wall {listed(walls)}")
    print(f"rebuild CPU  {listed(cpus)}")
    print(f"of it, the cycle collector {listed(collected)}")
    print(f"objects tracked after the last rebuild: {tracked:,}; peak memory {peak} MB")


if __name__ == "__main__":
    sys.exit(main())
