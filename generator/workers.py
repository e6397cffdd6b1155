"""Work on many records at once: worker processes, and building many objects without pauses."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_all_start_methods, get_context


def worker_count(most: int) -> int:
    return min(os.cpu_count() or 1, most)


def process_pool(workers: int) -> ProcessPoolExecutor:
    # Forked where that is safe: a fork starts at once with the generator imported, a spawned worker
    # spends half a second importing it again. The live preview runs threads, and forking a threaded
    # process is unsafe: there, spawned.
    method = "fork" if threading.active_count() == 1 and "fork" in get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(workers, mp_context=get_context(method))


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
