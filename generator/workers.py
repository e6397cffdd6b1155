"""Worker processes for work that parallelises (parsing thousands of records, processing photos)."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


def worker_count(most: int) -> int:
    return min(os.cpu_count() or 1, most)


def process_pool(workers: int) -> ProcessPoolExecutor:
    # Spawned, not forked: the live preview runs threads, and forking a threaded process is unsafe.
    return ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
