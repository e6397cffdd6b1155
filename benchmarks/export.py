"""Build times of the exported site with ProperDocs and Zensical, beside our own build.

    .venv/bin/python benchmarks/export.py                   # the bundled sample, 5 runs of each
    .venv/bin/python benchmarks/export.py --records 5000    # a synthetic project (benchmarks/synthetic.py)

In one session, run by run in turn so that every builder sees the same machine:
- "our build": `python -m generator build` (what `make site` runs: MkDocs with our plugin, and the office report);
- "export": `python -m generator export DIR` (our stage, and the tree written);
- "ProperDocs": `properdocs build` of the exported tree;
- "Zensical, cold" and "Zensical, warm": `zensical build --clean` (its cache emptied first), then `zensical
  build` again with its cache; the exported tree with the one template change Zensical needs (README).
Our build runs with its caches warm (photos and segmentation remembered, as `make site` on a working copy);
figures are medians of wall-clock seconds, each command a fresh process.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.scale import timed
from benchmarks.synthetic import make_project

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BUILDERS = ["our build", "export", "ProperDocs", "Zensical, cold", "Zensical, warm"]


def project_at(work: Path, records: int | None) -> Path:
    project = work / f"project-{records or 'bundled'}"
    if records:
        make_project(project, records)
        return project
    shutil.rmtree(project, ignore_errors=True)
    # Built things at the top only: theme/office/ holds the office report's templates.
    built = {".venv", ".git", "site", ".cache", "office", "test-artifacts", ".build.lock"}
    shutil.copytree(ROOT, project, ignore=lambda folder, names: [n for n in names if Path(folder) == ROOT and n in built])
    return project


def for_zensical(tree: Path, copy: Path) -> None:
    """The exported tree as Zensical can build it: replace(…, 1) in main.html without its count."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(tree, copy)
    main = copy / "overrides/main.html"
    main.write_text(re.sub(r"(replace\('[^']*', '[^']*'), 1\)", r"\1)", main.read_text(encoding="utf-8")), encoding="utf-8")


def measure(project: Path, work: Path, runs: int) -> dict[str, list[float]]:
    python = sys.executable
    tree, zensical_tree = work / "tree", work / "tree-zensical"
    build = [python, "-m", "generator", "build", "--site-dir", str(work / "ours"), "--office-dir", str(work / "office")]
    timed(build, project)  # warms our caches, as on a working copy
    figures: dict[str, list[float]] = {name: [] for name in BUILDERS}
    for run in range(runs):
        figures["our build"].append(timed(build, project).seconds)
        figures["export"].append(timed([python, "-m", "generator", "export", str(tree)], project).seconds)
        for_zensical(tree, zensical_tree)
        properdocs = [str(BIN / "properdocs"), "build", "--quiet", "-f", "mkdocs.yml", "-d", str(work / "properdocs")]
        figures["ProperDocs"].append(timed(properdocs, tree).seconds)
        figures["Zensical, cold"].append(timed([str(BIN / "zensical"), "build", "--clean"], zensical_tree).seconds)
        figures["Zensical, warm"].append(timed([str(BIN / "zensical"), "build"], zensical_tree).seconds)
        print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in figures.items()), file=sys.stderr)
    return figures


def pages_of(tree: Path) -> int:
    return sum(1 for _ in (tree / "docs").rglob("*.md"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, help="a synthetic project of about this many records (default: the sample)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "cp-export-bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    project = project_at(args.work, args.records)
    figures = measure(project, args.work, args.runs)
    medians = {name: statistics.median(values) for name, values in figures.items()}
    size = f"{args.records} records (synthetic)" if args.records else "bundled sample"
    header = "| project | pages | " + " | ".join(BUILDERS) + " |"
    row = f"| {size} | {pages_of(args.work / 'tree')} | " + " | ".join(f"{medians[n]:.2f} s" for n in BUILDERS) + " |"
    print(
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, Python {sys.version.split()[0]}: "
        f"`{' '.join(['benchmarks/export.py', *sys.argv[1:]])}`. Medians of {args.runs} runs; seconds of wall time.\n\n"
        f"{header}\n|{' ---: |' * (len(BUILDERS) + 2)}\n{row}"
    )


if __name__ == "__main__":
    main()
