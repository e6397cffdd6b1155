"""How long `make serve` takes to show a changed record: edit a file, poll the page until it shows.

    .venv/bin/python benchmarks/serve_latency.py                         # the bundled data
    .venv/bin/python benchmarks/serve_latency.py --records 20000 --edits 3
    .venv/bin/python benchmarks/serve_latency.py --records 5000 --year all  # every year, not the current one

Starts the preview on the project as `make serve` does (`python -m generator serve`, --year passed on), waits for
the first build, then changes one person's summary several times and measures, each time, from the
file being written to the person's page serving the new text. Prints the median.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.synthetic import make_project, refresh_site_files

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, help="a synthetic project of about this many records (default: the bundled data)")
    parser.add_argument("--year", default="", help="the preview's --year: empty for the current year, all, or e.g. 2021")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "cp-serve")
    args = parser.parse_args()
    project = args.work / (f"project-{args.records}" if args.records else "project-bundled")
    if args.records:
        if not (project / "site_data").exists():
            make_project(project, args.records)
        refresh_site_files(project)
    else:
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(
            ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "office", "test-artifacts", "*.egg-info")
        )
    current = max(int(p.name) for p in (project / "site_data").glob("20[0-9][0-9]"))
    # A person with recorded consent: only their summary is published.
    person = next(
        p
        for p in sorted((project / "site_data" / str(current) / "people").glob("*.yml"))
        if "\nconsent:" in p.read_text(encoding="utf-8")
    )
    original = person.read_text(encoding="utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if Path("/dev/shm").is_dir():
        env["TMPDIR"] = "/dev/shm"  # as `make serve` does: the preview's site in memory
    url = f"http://127.0.0.1:{port}/{current}/people/{person.stem}/"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            *(["--year", args.year] if args.year else []),
        ],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        start = time.perf_counter()
        wait_for(url, "<html", timeout=3600)
        first = time.perf_counter() - start
        latencies = []
        for edit in range(args.edits):
            marker = f"改动标记{edit}号"
            person.write_text(original.replace("summary: ", f"summary: {marker}", 1), encoding="utf-8")
            latencies.append(wait_for(url, marker, timeout=3600))
            time.sleep(1)  # let the server settle before the next change
        print(
            f"{'bundled data' if not args.records else f'{args.records} records'}, preview of "
            f"{args.year or 'the current year'}: first build {first:.1f} s; a changed record shows after "
            f"{statistics.median(latencies):.2f} s (median of {args.edits}: {', '.join(f'{t:.2f}' for t in latencies)})"
        )
    finally:
        person.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
