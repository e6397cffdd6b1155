"""How long `check` takes on the bundled data: in-process (warm) and as a fresh command (cold).

.venv/bin/python benchmarks/check_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from generator.pipeline import Paths, check

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    paths = Paths.of_project(ROOT)
    warm = []
    for _ in range(11):
        start = time.perf_counter()
        dataset = check(paths)
        warm.append(time.perf_counter() - start)
    cold = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "check"], check=True, capture_output=True)
        cold.append(time.perf_counter() - start)
    records = (
        sum(
            len(y.competitions) + len(y.collectives) + len(y.people) + len(y.innovations) + len(y.submissions) + len(y.news) + 1
            for y in dataset.years.values()
        )
        + len(dataset.enterprises)
        + len(dataset.unions)
    )
    print(f"bundled data: {records} records")
    print(f"check in-process, median of 11: {statistics.median(warm) * 1000:.0f} ms")
    print(f"python -m generator check (cold, with interpreter start-up), median of 5: {statistics.median(cold) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
