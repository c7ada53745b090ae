"""Engines only schedule :func:`~reportparse.corpus.worker.process_file`:
in-process (``--jobs 1``), a local process pool, or a Dask cluster."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Any

from .outputs import part_text
from .worker import process_file_json

Result = tuple[str, str, str]  # (path, status, JSON text)


def run_local(paths: list[str], jobs: int, options: dict, timeout: float | None,
              text_features: bool) -> Iterator[Result]:
    if jobs <= 1:
        for p in paths:
            yield process_file_json(p, options, timeout, text_features)
        return
    window = jobs * 4  # results stream out; at most this many are in flight
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm, initargs=(text_features,)) as pool:
        pending: dict[Any, str] = {}
        it = iter(paths)

        def fill() -> None:
            for p in it:
                pending[pool.submit(process_file_json, p, options, timeout, text_features)] = p
                if len(pending) >= window:
                    break

        fill()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield _result(fut, pending.pop(fut))
            fill()


def _result(fut: Any, path: str) -> Result:
    try:
        return fut.result()
    except Exception as exc:  # the worker process died (e.g. killed by the OOM killer)
        failed = {"path": path, "sha256": None, "status": "error", "error": f"worker failed: {type(exc).__name__}: {exc}",
                  "flat": None, "tree": None, "diagnostics": []}
        return path, "error", part_text(failed)


def _warm(text_features: bool) -> None:
    """Load grammars (and jieba, when needed) once per worker process."""
    from reportparse.grammar import load_grammars

    load_grammars()
    if text_features:
        from reportparse.features import tokenizer

        tokenizer()


def run_dask(paths: list[str], scheduler: str | Any, options: dict, timeout: float | None,
             text_features: bool) -> Iterator[Result]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        from ..errors import ReportParseError

        raise ReportParseError("dask is not installed: pip install 'reportparse[dask]'") from None
    client = scheduler if hasattr(scheduler, "submit") else Client(scheduler)
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
