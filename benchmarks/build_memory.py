"""Where a full build's memory goes: the process's resident memory after each MkDocs event of one
`mkdocs build`, run inside this process.

    .venv/bin/python benchmarks/build_memory.py PROJECT [--cold] [--trace OUT]
    PYTHONPATH=<other checkout> .venv/bin/python benchmarks/build_memory.py PROJECT   # another commit's code

`scale.py` gives one figure, the build's peak; this says at which step the memory came. Unlike time,
memory does not depend on the machine's load: two checkouts compare in one run each, each on the
synthetic project its own `synthetic.py` makes. `--cold` empties PROJECT's `.cache/` first (the top
table's cold build). `--trace OUT` also saves `tracemalloc` snapshots (OUT.pre_build, OUT.post_build:
compare them with `Snapshot.compare_to`); the build then takes about four times as long.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

PAGE_EVENTS = {"pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page"}


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--cold", action="store_true", help="empty the project's .cache/ first")
    parser.add_argument("--trace", type=Path, help="save tracemalloc snapshots after pre_build and post_build")
    args = parser.parse_args()
    root = args.project.resolve()
    if args.cold:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(root)
    if args.trace:
        tracemalloc.start()
    import mkdocs.plugins
    from mkdocs.__main__ import cli

    start = time.perf_counter()
    rows: dict[str, list[float]] = {}  # event: [times run, resident MB after the last, peak MB after, seconds]
    run_event = mkdocs.plugins.PluginCollection.run_event

    def measured(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        result = run_event(self, name, item, **kwargs)
        row = rows.setdefault(name, [0, 0.0, 0.0, 0.0])
        row[:] = [row[0] + 1, resident_mb(), peak_mb(), time.perf_counter() - start]
        if args.trace and name in ("pre_build", "post_build"):
            tracemalloc.take_snapshot().dump(f"{args.trace}.{name}")
        return result

    mkdocs.plugins.PluginCollection.run_event = measured  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="build-memory-") as site:
        cli(["build", "--quiet", "--site-dir", site], standalone_mode=False)
    print(f"{'after the event':<24} {'times':>6} {'resident MB':>12} {'peak MB':>8} {'seconds':>8}")
    for name, (times, resident, peak, seconds) in rows.items():
        label = f"{name} (last)" if name in PAGE_EVENTS else name
        print(f"{label:<24} {times:>6.0f} {resident:>12.0f} {peak:>8.0f} {seconds:>8.1f}")
    print(f"peak of the build: {peak_mb():.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
