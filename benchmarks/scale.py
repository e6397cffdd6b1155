"""Our cost next to the builder's, at scale: check, our own stage, the full build, and plain MkDocs.

    .venv/bin/python benchmarks/scale.py                       # bundled, 5,000, 20,000, 50,000 records
    .venv/bin/python benchmarks/scale.py --sizes bundled 5000  # some of them
    .venv/bin/python benchmarks/scale.py --out benchmarks/RESULTS.md
    .venv/bin/python benchmarks/scale.py --check-only               # `check` alone, medians at every size

For each size it writes a synthetic project (benchmarks/synthetic.py), then measures, each in a
fresh process so that peak memory is that command's own:
- `check`, cold (no cache) and warm (nothing changed), and after one record changed;
- our own stage alone: load, validate, compute and render the pages (`pipeline.generate`);
- the full build (`mkdocs build` with our plugin), and the plain build: the same MkDocs, theme and
  mkdocs.yml minus our plugin, fed our pages as Markdown files written once, exactly as the plugin
  hands them over (front matter with the title, template and context the templates read);
- a warm rebuild (nothing changed) and a rebuild after one record changed;
- pages, output size, and the search index a reader downloads (raw and gzip-compressed).
Full and plain builds alternate run by run, so that both see the same machine; medians of
`--runs` runs (3) at up to 20,000 records, one run above. Results go to a Markdown table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.synthetic import make_project

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "campaign"


@dataclass
class Run:
    seconds: float
    peak_mb: float


@dataclass
class Row:
    size: str
    records: int = 0
    pages: int = 0
    figures: dict[str, list[Run]] = field(default_factory=dict)
    output_mb: float = 0.0
    index_mb: float = 0.0
    index_gzip_mb: float = 0.0

    def add(self, name: str, run: Run) -> None:
        self.figures.setdefault(name, []).append(run)

    def median(self, name: str) -> float:
        return statistics.median(r.seconds for r in self.figures[name]) if name in self.figures else float("nan")

    def peak(self, name: str) -> float:
        return max(r.peak_mb for r in self.figures[name]) if name in self.figures else float("nan")


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Wall time and peak resident memory of one command (its own, from wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


OUR_STAGE = """
import sys
from pathlib import Path
from generator.pipeline import Paths, generate
site = generate(Paths.of_project(Path(sys.argv[1])))
print(len(site.pages))
"""

EXPORT = """
import json, sys
from pathlib import Path
from generator.pipeline import Paths, generate
site = generate(Paths.of_project(Path(sys.argv[1])))
docs = Path(sys.argv[2])
for uri in site.consumed:
    (docs / uri).unlink(missing_ok=True)
for item in [*((p.src_uri, p.markdown().encode()) for p in site.pages), *((a.dest_uri, a.data) for a in site.assets)]:
    (docs / item[0]).parent.mkdir(parents=True, exist_ok=True)
    (docs / item[0]).write_bytes(item[1])
json.dump({"pages": len(site.pages), "context": site.context}, sys.stdout)
"""


PLAIN_HOOK = """from generator import material


def on_env(env, config, files):
    material.add_to_templates(env)
    return env
"""


def export_plain(project: Path, plain: Path) -> int:
    """Our pages and files, exactly as the plugin hands them to MkDocs, written beside the hand-written
    content; and our mkdocs.yml without the plugin. Returns the number of generated pages."""
    if plain.exists():
        shutil.rmtree(plain)
    shutil.copytree(project / "content", plain / "content")
    shutil.copytree(project / "theme", plain / "theme")
    result = subprocess.run(
        [sys.executable, "-c", EXPORT, str(project), str(plain / "content")],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    exported = json.loads(result.stdout)
    # Our mkdocs.yml as it is, minus the plugin, plus the context the templates read from `extra.cp`.
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"  - {PLUGIN}\n" in text and "\nextra:\n" in text
    text = text.replace(f"  - {PLUGIN}\n", "", 1)
    text = text.replace("\nextra:\n", "\nextra:\n  cp: " + json.dumps(exported["context"], ensure_ascii=False) + "\n", 1)
    # The theme's main.html runs Material's blocks through three small filters of ours (material.py): a
    # hook gives them to the plain build too, and nothing else of the plugin.
    (plain / "hooks.py").write_text(PLAIN_HOOK, encoding="utf-8")
    text += "\nhooks:\n  - hooks.py\n"
    (plain / "mkdocs.yml").write_text(text, encoding="utf-8")
    return int(exported["pages"])


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def touch_one_record(project: Path) -> None:
    person = sorted((project / "site_data").glob("20*/people/*.yml"))[-1]
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace("summary: ", "summary: 改", 1), encoding="utf-8")


def measure(size: str, runs: int, work: Path, check_only: bool = False) -> Row:
    project = work / f"project-{size}"
    row = Row(size)
    if size == "bundled":
        if project.exists():
            shutil.rmtree(project)
        shutil.copytree(
            ROOT,
            project,
            ignore=shutil.ignore_patterns(".venv", ".git", "site", ".cache", "office", "test-artifacts", "*.egg-info"),
        )
        row.records = sum(1 for _ in (project / "site_data").rglob("*.yml")) + sum(
            1 for _ in (project / "content" / "news").rglob("posts/*.md")
        )
    else:
        counts = make_project(project, int(size))
        row.records = counts["total"]
    python = sys.executable
    mkdocs = [python, "-m", "mkdocs", "build", "--quiet"]
    print(f"[{size}] {row.records} records", file=sys.stderr)

    for _ in range(runs if check_only else 1):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        row.add("check cold", timed([python, "-m", "generator", "check"], project))
        row.add("check warm", timed([python, "-m", "generator", "check"], project))
        touch_one_record(project)
        row.add("check, one record changed", timed([python, "-m", "generator", "check"], project))
    if check_only:
        return row

    ours_site, plain_site = work / f"site-ours-{size}", work / f"site-plain-{size}"
    # First full build: photos processed, caches filled (reported as the cold build).
    shutil.rmtree(project / ".cache", ignore_errors=True)
    row.add("full build, cold caches", timed([*mkdocs, "-d", str(ours_site)], project))
    plain = work / f"plain-{size}"
    row.pages = export_plain(project, plain)
    for _ in range(runs):
        row.add("our stage", timed([python, "-c", OUR_STAGE, str(project)], ROOT))
        touch_one_record(project)
        row.add("full build, one record changed", timed([*mkdocs, "-d", str(ours_site)], project))
        row.add("full build, nothing changed", timed([*mkdocs, "-d", str(ours_site)], project))
        row.add("plain MkDocs build", timed([*mkdocs, "-d", str(plain_site)], plain))
    row.output_mb = size_mb(ours_site)
    index = ours_site / "search" / "search_index.json"
    row.index_mb = index.stat().st_size / 1e6
    row.index_gzip_mb = len(gzip.compress(index.read_bytes(), 6)) / 1e6
    print(f"[{size}] done: {row.figures}", file=sys.stderr)
    return row


COLUMNS = [
    "check cold",
    "check warm",
    "check, one record changed",
    "our stage",
    "full build, cold caches",
    "full build, nothing changed",
    "full build, one record changed",
    "plain MkDocs build",
]


def table(rows: list[Row]) -> str:
    lines = [
        "| records | pages | "
        + " | ".join(COLUMNS)
        + " | full ÷ plain (nothing changed) | full ÷ plain (one record changed) | peak memory, full build | output | search index (gzip) |",
        "| ---: | ---: | " + " | ".join("---:" for _ in COLUMNS) + " | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        plain = row.median("plain MkDocs build")
        cells = [f"{row.median(c):.2f} s" for c in COLUMNS]
        lines.append(
            f"| {row.records:,} ({row.size}) | {row.pages:,} | "
            + " | ".join(cells)
            + f" | {row.median('full build, nothing changed') / plain:.2f} | {row.median('full build, one record changed') / plain:.2f}"
            + f" | {max(row.peak('full build, cold caches'), row.peak('full build, nothing changed')):.0f} MB"
            + f" | {row.output_mb:.0f} MB | {row.index_mb:.1f} MB ({row.index_gzip_mb:.1f} MB) |"
        )
    return "\n".join(lines)


CHECK_COLUMNS = ["check cold", "check warm", "check, one record changed"]


def check_table(rows: list[Row]) -> str:
    lines = [
        "| records | " + " | ".join(CHECK_COLUMNS) + " | peak memory, cold check |",
        "| ---: | " + " | ".join("---:" for _ in CHECK_COLUMNS) + " | ---: |",
    ]
    for row in rows:
        cells = [f"{row.median(c):.2f} s" for c in CHECK_COLUMNS]
        lines.append(f"| {row.records:,} ({row.size}) | " + " | ".join(cells) + f" | {row.peak('check cold'):.0f} MB |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["bundled", "5000", "20000", "50000"])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure up to 20,000 records (one above)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "cp-scale")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    parser.add_argument("--check-only", action="store_true", help="measure `check` alone, `--runs` times at every size")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    render = check_table if args.check_only else table
    for size in args.sizes:
        runs = args.runs if args.check_only or size == "bundled" or int(size) <= 20_000 else 1
        rows.append(measure(size, runs, args.work, args.check_only))
        print(render(rows), file=sys.stderr)
    result = (
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, Python {sys.version.split()[0]}: "
        f"`{' '.join(['benchmarks/scale.py', *sys.argv[1:]])}`. Medians; seconds of wall time.\n\n" + render(rows) + "\n"
    )
    print(result)
    if args.out:
        args.out.write_text(result, encoding="utf-8")


if __name__ == "__main__":
    main()
