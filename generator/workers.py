"""Work on many records at once: worker processes, and building many objects without pauses."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context


def worker_count(most: int) -> int:
    return min(os.cpu_count() or 1, most)


def process_pool(workers: int) -> ProcessPoolExecutor:
    # Spawned, not forked: the live preview runs threads, and forking a threaded process is unsafe.
    return ProcessPoolExecutor(workers, mp_context=get_context("spawn"))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while tens of thousands of records are built or unpickled.

    Each collection walks every object alive, so with the records piling up it runs ever longer:
    unpickling the check cache of 50,000 records took three times as long with it on. Records hold
    no cycles; whatever garbage does is collected once the collector resumes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
