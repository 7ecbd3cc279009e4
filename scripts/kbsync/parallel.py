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
             start: Callable[..., None], start_args: tuple[Any, ...],
             workers: Workers | None = None) -> list[Result]:
    """`function` over `jobs`, on `workers` when they were started ahead, else as many as pay off."""
    if workers is None or workers.pool is None:
        workers = Workers(start, start_args, len(jobs))
    with workers:
        if workers.pool is None:
            if not jobs:
                return []  # nothing changed since the cached run: no Markdown reader to build
            start(*start_args)
            return [function(job) for job in jobs]
        # Small chunks, so that no worker is left with a long tail while the other idles.
        return list(workers.pool.map(function, jobs, chunksize=max(1, len(jobs) // (workers.count * 32))))


class Workers:
    """Worker processes for about `expected` jobs, started (forked, `start` run in each) at once:
    a caller that starts them before it reads its input lets them get ready meanwhile. With too
    few jobs to pay for a process, there is no pool and run_jobs works in-process."""

    def __init__(self, start: Callable[..., None], start_args: tuple[Any, ...], expected: int):
        self.count = min(cores(), expected // JOBS_PER_WORKER)
        self.pool: ProcessPoolExecutor | None = None
        if self.count > 1:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self.pool = ProcessPoolExecutor(max_workers=self.count, mp_context=context,
                                            initializer=_start_worker, initargs=(start, *start_args))
            self.pool.submit(_ready)  # the first job starts every process of the pool

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container or under taskset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ready() -> None:
    """The job that starts a pool's processes."""


def _start_worker(start: Callable[..., None], *start_args: Any) -> None:
    # A worker lives for one run and frees its pages by reference counting; the cyclic
    # collector's passes over millions of young objects cost a tenth of the run.
    gc.freeze()
    gc.set_threshold(200_000, 50, 100)
    start(*start_args)
