"""How well search finds what readers type: the mean reciprocal rank of the query set made from the records.

    .venv/bin/python benchmarks/search_mrr.py                     # the bundled sample, built into site/
    .venv/bin/python benchmarks/search_mrr.py --project tests/fixtures/site --site /tmp/fixture-site --as-of 2023-12-01

The queries (`tools/search_queries.py`) are typed into Material's search box in headless Chromium; each
scores 1/rank of its first right page among the first ten (0 when none is right). Prints the mean, the
mean per kind of query, and every query whose right page is not first.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.pipeline import Paths, as_of_for, check
from tools.browser import browser, serve
from tools.search_queries import mean_reciprocal_rank, ranks, search_queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--as-of", help="the build's date (default: the campaign record's)")
    args = parser.parse_args()
    root = args.project
    dataset = check(Paths(root, root / "site_data", root / "content", root / "theme"))
    as_of = as_of_for(dataset, args.as_of, {})
    queries = search_queries(dataset, as_of)
    with browser() as chromium, serve(args.site) as url:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        page.goto(url)
        found = ranks(page, url, queries)
    kinds: dict[str, list[int | None]] = defaultdict(list)
    for query, rank in found.items():
        kinds[query.kind].append(rank)
    print(f"MRR {mean_reciprocal_rank(found):.3f} over {len(found)} queries ({args.site})")
    for kind, ranked in kinds.items():
        print(f"  {kind}: {sum(1 / r for r in ranked if r) / len(ranked):.3f} ({len(ranked)})")
    for query, rank in found.items():
        if rank != 1:
            print(f"  {query.kind} {query.text!r}: {rank or '—'}")


if __name__ == "__main__":
    main()
