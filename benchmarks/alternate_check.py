"""`check` of two or more checkouts in turn, run by run, so that each sees the same load: the fair way
to compare code on a shared machine.

    .venv/bin/python benchmarks/alternate_check.py --rounds 5 \\
        old=/work/wt-old:/tmp/p-old new=.:/tmp/p-new

Each `LABEL=CHECKOUT:PROJECT` runs `python -m generator check` with the checkout on PYTHONPATH in the
project (made by that checkout's `benchmarks/synthetic.py`): cold (no `.cache/`), warm (nothing
changed), then after one person's summary changed (as `scale.py`; the change is undone the next round).
Prints wall and CPU seconds (the command's and its workers'), medians and bests, and each checkout's
ratios to the first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

FIGURES = ("cold", "warm", "one record changed")


def run(checkout: Path, project: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one check (CPU of the process and the workers it waited for)."""
    start = os.times().elapsed
    env = {**os.environ, "PYTHONPATH": str(checkout), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "generator", "check"], cwd=project, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"check failed in {project} with {checkout}")
    return os.times().elapsed - start, usage.ru_utime + usage.ru_stime


def toggle_one_record(project: Path) -> None:
    person = sorted((project / "site_data").glob("20*/people/*.yml"))[-1]
    text = person.read_text(encoding="utf-8")
    changed = (
        text.replace("summary: 改", "summary: ", 1) if "summary: 改" in text else text.replace("summary: ", "summary: 改", 1)
    )
    person.write_text(changed, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("specs", nargs="+", help="LABEL=CHECKOUT:PROJECT")
    args = parser.parse_args()
    specs = [
        (label, Path(rest.split(":")[0]).resolve(), Path(rest.split(":")[1]))
        for label, rest in (s.split("=", 1) for s in args.specs)
    ]
    runs: dict[str, list[list[tuple[float, float]]]] = {label: [] for label, _, _ in specs}
    for _ in range(args.rounds):
        for label, checkout, project in specs:
            shutil.rmtree(project / ".cache", ignore_errors=True)
            cold, warm = run(checkout, project), run(checkout, project)
            toggle_one_record(project)
            runs[label].append([cold, warm, run(checkout, project)])
            load = os.getloadavg()[0]
            print(
                label,
                "  ".join(f"{name} {w:.2f} s (CPU {c:.2f})" for name, (w, c) in zip(FIGURES, runs[label][-1], strict=True)),
                f"load {load:.1f}",
            )
    medians = {
        label: [statistics.median(r[i][j] for r in rounds) for i in range(3) for j in range(2)] for label, rounds in runs.items()
    }
    for label, rounds in runs.items():
        best = [min(r[i][0] for r in rounds) for i in range(3)]
        cells = [
            f"{name} {medians[label][2 * i]:.2f} s (CPU {medians[label][2 * i + 1]:.2f}, best {best[i]:.2f})"
            for i, name in enumerate(FIGURES)
        ]
        print(f"{label} medians:", " | ".join(cells))
    base = specs[0][0]
    for label in list(runs)[1:]:
        ratios = [
            f"{name} {medians[label][2 * i] / medians[base][2 * i]:.2f} (CPU {medians[label][2 * i + 1] / medians[base][2 * i + 1]:.2f})"
            for i, name in enumerate(FIGURES)
        ]
        print(f"{label} ÷ {base}:", " | ".join(ratios))


if __name__ == "__main__":
    main()
