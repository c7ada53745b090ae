"""The per-file work of a corpus run: one pure function, path → result.

Every engine (in-process, process pool, Dask) calls :func:`process_file`; it
never raises: a failure becomes a result with ``status = "error"``.
"""

from __future__ import annotations

import signal
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..fileio import file_sha256

SUFFIXES = (".txt", ".text", ".md", ".markdown", ".pdf", ".html", ".htm", ".hocr")


class FileTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float | None):
    """SIGALRM-based limit; only where it can work (main thread of a process on POSIX).

    The alarm raises :class:`FileTimeout` where the parse is; an exception
    raised inside a garbage-collector callback is swallowed by Python, so the
    block also fails once it ends if the alarm went off during it."""
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return
    fired: list[bool] = []

    def on_alarm(signum, frame):  # noqa: ARG001
        fired.append(True)
        raise FileTimeout()

    try:
        old = signal.signal(signal.SIGALRM, on_alarm)
    except ValueError:  # not the main thread (e.g. a Dask worker thread): no limit here
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if fired:
        raise FileTimeout()


def process_file(path: str, options: dict[str, Any] | None = None, timeout: float | None = None,
                 text_features: bool = False) -> dict[str, Any]:
    """Parse one file. Returns a JSON-able dict: path, sha256, status
    (``ok``/``invalid``/``error``), error, flat, tree, diagnostics, seconds."""
    import reportparse
    from reportparse.options import ParseOptions

    t0 = time.perf_counter()
    result: dict[str, Any] = {"path": path, "sha256": None, "status": "error", "error": None,
                              "flat": None, "tree": None, "diagnostics": [], "seconds": 0.0}
    try:
        result["sha256"] = file_sha256(path)
    except OSError as exc:
        result["error"] = f"{path}: {exc.strerror or exc}"
        return result
    try:
        values = dict(options or {})
        split = bool(values.pop("split", False))
        html_dir = values.pop("html_dir", None)
        opts = ParseOptions.from_mapping({**values, "text_features": text_features})
        with _time_limit(timeout):
            from reportparse.pipeline import _ingest_file, parse_each, parse_source

            st, src = _ingest_file(path, opts)
            reports = parse_each(st, src, opts) if split else [parse_source(st, opts, source=src)]
            rows = [_row(report, text_features) for report in reports]
            if html_dir:
                _write_pages(html_dir, path, st.text, src.kind, reports)
        if len(rows) == 1:
            result.update(rows[0])
            result["tree"]["source"]["path"] = path
        else:  # one row per report of the file: path#1, path#2 …
            result["parts"] = [{**result, **row, "path": f"{path}#{k + 1}"} for k, row in enumerate(rows)]
            result.update(status=min((r["status"] for r in rows), key=("error", "invalid", "ok").index))
        for row in [result] + result.get("parts", []):
            multiple = any(d["code"] == "INPUT_MULTIPLE_REPORTS" for d in row.get("diagnostics") or [])
            if multiple:  # an error row: these numbers mix two reports
                row.update(status="error", error="the file holds more than one report: parse with --split")
    except FileTimeout:
        result["error"] = f"timed out after {timeout:g} s"
    except reportparse.ReportParseError as exc:
        result["error"] = str(exc)
    except MemoryError:
        result["error"] = "out of memory"
    except Exception as exc:  # a bug: recorded, the run goes on
        result["error"] = f"internal error: {type(exc).__name__}: {exc}"
    result["seconds"] = round(time.perf_counter() - t0, 4)
    return result


def _write_pages(html_dir: str, path: str, text: str, kind: str, reports: list[Any]) -> None:
    """Each report's page (``reportparse show``) under ``html_dir``, named as the index links it."""
    from reportparse.fileio import atomic_write
    from reportparse.htmlview import render, rendered_pages

    from .htmlindex import page_name

    pages, note = rendered_pages(text, path if kind == "pdf" else None)  # once for all the file's reports
    for k, report in enumerate(reports):
        name = path if len(reports) == 1 else f"{path}#{k + 1}"
        if note is not None:
            report.diagnostics.append(note)
        page = render(report, text, pages)
        atomic_write(Path(html_dir) / page_name(name), lambda fh, page=page: fh.write(page), durable=False)


def _row(report: Any, text_features: bool) -> dict[str, Any]:
    tree = report.to_dict()
    flat = report.flat()
    flat["source.origin"] = report.source.origin
    flat.update({f"{key}.valid": table.valid for key, table in report.tables.items()})
    row: dict[str, Any] = {}
    if text_features:
        from reportparse.features import feature_columns, section_rows

        flat.update(feature_columns(report))
        row["sections"] = section_rows(report)
    return {**row, "status": "ok" if report.valid else "invalid", "flat": flat, "tree": tree,
            "diagnostics": tree["diagnostics"]}


def process_file_json(path: str, options: dict[str, Any] | None = None, timeout: float | None = None,
                      text_features: bool = False) -> tuple[str, str, str]:
    """:func:`process_file`, serialised where it ran: ``(path, status, JSON text)``
    (engines ship one string back instead of a nested tree)."""
    from .outputs import part_text

    result = process_file(path, options, timeout, text_features)
    return path, result["status"], part_text(result)
