"""Run independent jobs on every core: a process pool, or in-process when there are few jobs.

Each worker process runs `start(*start_args)` once (to build what is expensive, like the
Markdown reader), then the jobs; with the fork start method the arguments are inherited, not
pickled.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Sequence, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

# Below this many jobs per worker, starting the worker costs more than it saves.
JOBS_PER_WORKER = 16


def run_jobs(function: Callable[[Job], Result], jobs: Sequence[Job],
             start: Callable[..., None], start_args: tuple[Any, ...]) -> list[Result]:
    workers = min(os.cpu_count() or 1, len(jobs) // JOBS_PER_WORKER)
    if workers <= 1:
        start(*start_args)
        return [function(job) for job in jobs]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                             initargs=(start, *start_args)) as pool:
        # Small chunks, so that no worker is left with a long tail while the other idles.
        return list(pool.map(function, jobs, chunksize=max(1, len(jobs) // (workers * 32))))


def _start_worker(start: Callable[..., None], *start_args: Any) -> None:
    # A worker lives for one run and frees its pages by reference counting; the cyclic
    # collector's passes over millions of young objects cost a tenth of the run.
    gc.freeze()
    gc.set_threshold(200_000, 50, 100)
    start(*start_args)
