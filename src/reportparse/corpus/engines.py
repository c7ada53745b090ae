"""Engines only schedule :func:`~reportparse.corpus.worker.process_file`:
in-process (``--jobs 1``), a local process pool, or a Dask cluster."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .outputs import part_text
from .worker import process_file_json

Result = tuple[str, str, str]  # (path, status, JSON text)
CONNECT_TIMEOUT = "10s"  # how long to try to reach a Dask scheduler
WATCH_EVERY = 2.0  # seconds between checks that no worker of a pool has died unseen


def run_local(paths: list[str], jobs: int, options: dict, timeout: float | None,
              text_features: bool) -> Iterator[Result]:
    """In-process for one job; else a process pool. A worker that dies (the
    OOM killer, a crash) breaks the pool: the files it had in flight are run
    again one at a time in a fresh pool, so only the file that kills its
    worker again gets an error row ("worker died"), and the run goes on."""
    if jobs <= 1:
        for p in paths:
            yield process_file_json(p, options, timeout, text_features)
        return
    queue = deque(paths)
    while queue:
        suspects = yield from _pool_run(queue, jobs, options, timeout, text_features)
        for p in suspects:  # each alone: the one that breaks its own pool is the one that kills workers
            alone = deque([p])
            if (yield from _pool_run(alone, 1, options, timeout, text_features)):
                yield p, "error", part_text(_failed(p, "worker died (killed or crashed) while parsing this file"))


def _pool_run(queue: deque[str], jobs: int, options: dict, timeout: float | None,
              text_features: bool) -> Generator[Result, None, list[str]]:
    """Run ``queue`` (consumed) in one pool; returns the files in flight when the pool broke."""
    window = jobs * 4  # results stream out; at most this many are in flight
    pending: dict[Any, str] = {}
    # spawned, not forked: a pool is rebuilt while the broken one's threads may still hold locks, and a
    # forked child inherits them locked (and hangs); a spawned worker starts clean, a child of this process
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_warm,
                               initargs=(text_features, os.getpid()))
    try:
        while queue or pending:
            while queue and len(pending) < window:
                p = queue.popleft()
                try:
                    pending[pool.submit(process_file_json, p, options, timeout, text_features)] = p
                except BrokenProcessPool:
                    queue.appendleft(p)
                    return _broken(pending)
            done, _ = wait(pending, timeout=WATCH_EVERY, return_when=FIRST_COMPLETED)
            if not done and _worker_died(pool):
                return _broken(pending)  # the pool missed it: see _worker_died
            for fut in done:
                if isinstance(fut.exception(), BrokenProcessPool):
                    return _broken(pending)
                yield _result(fut, pending.pop(fut))
        return []
    finally:
        _close(pool)


def _close(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down without waiting. A pool a worker died in has its
    other workers ended too (nothing of them is waited for), and its result
    pipe closed on this side: a worker killed while it wrote a result leaves
    the pool's manager thread reading the rest of that message for ever,
    and Python joins that thread at exit (the run finished, the process
    never ended: ``tests/test_faults.py`` on a loaded machine). With every
    writer closed the read ends, and the thread with it."""
    died = _worker_died(pool)
    procs = _workers(pool)  # shutdown forgets them
    results = getattr(pool, "_result_queue", None)
    pool.shutdown(wait=False, cancel_futures=True)
    if not died:
        return
    for proc in procs:
        if proc.exitcode is None:
            proc.terminate()
    for proc in procs:
        proc.join(timeout=5)
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()


def _workers(pool: ProcessPoolExecutor) -> list[Any]:
    return list((getattr(pool, "_processes", None) or {}).values())


def _worker_died(pool: ProcessPoolExecutor) -> bool:
    """A worker of the pool has ended. Workers end only with their pool, so
    this is a kill or a crash that the pool itself did not notice: a worker
    killed while it starts can leave Python 3.11's pool waiting for ever
    (seen once in ``tests/test_faults.py`` on a loaded machine). A pool that
    did notice (broken, its workers dropped) counts too."""
    return bool(getattr(pool, "_broken", False)) or any(proc.exitcode is not None for proc in _workers(pool))


def _broken(pending: dict[Any, str]) -> list[str]:
    """The files a broken pool had in flight (none of them has a result)."""
    return sorted(pending.values())


def _failed(path: str, error: str) -> dict[str, Any]:
    return {"path": path, "sha256": None, "status": "error", "error": error, "flat": None, "tree": None, "diagnostics": []}


def _result(fut: Any, path: str) -> Result:
    try:
        return fut.result()
    except Exception as exc:  # the task failed outside process_file (it never raises itself)
        return path, "error", part_text(_failed(path, f"worker failed: {type(exc).__name__}: {exc}"))


def _warm(text_features: bool, parent: int | None = None) -> None:
    """Load grammars (and jieba, when needed) once per worker process, and
    end the worker when its parent dies (``kill -9`` of a corpus run)."""
    from reportparse.grammar import load_grammars

    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()

    load_grammars()
    if text_features:
        from reportparse.features import tokenizer

        tokenizer()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)  # the parent is gone: a reparented worker has no one to report to


def run_dask(paths: list[str], scheduler: str | Any, options: dict, timeout: float | None,
             text_features: bool) -> Iterator[Result]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        from ..errors import ReportParseError

        raise ReportParseError("dask is not installed: pip install 'reportparse[dask]'") from None
    try:
        client = scheduler if hasattr(scheduler, "submit") else Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        from ..errors import EngineError

        raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        futures = client.map(process_file_json, paths, options=options, timeout=timeout, text_features=text_features,
                             pure=False, batch_size=64)
        path_of = {f.key: p for f, p in zip(futures, paths, strict=True)}
        for fut in as_completed(futures):
            yield _result(fut, path_of[fut.key])
            fut.release()
    finally:
        if client is not scheduler:
            client.close()


ENGINES: dict[str, Callable[..., Iterator[Result]]] = {"local": run_local, "dask": run_dask}
