"""Corpus runs: many reports into one table, in parallel, resumable.

    from reportparse.corpus import run_corpus, load
    summary = run_corpus(["reports/"], "out", jobs=2)
    df = load("out")                       # pandas DataFrame (needs reportparse[parquet])
"""

from __future__ import annotations

import glob
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from ..errors import OptionsError, OutputError
from ..fileio import file_sha256
from .engines import ENGINES
from .outputs import assemble, read_part, write_part
from .panel import panel
from .tabular import load
from .worker import SUFFIXES

__all__ = ["expand_inputs", "load", "panel", "run_corpus"]


def expand_inputs(inputs: list[str], warn: TextIO | None = None) -> list[str]:
    """Files, directories (recursive) and globs → a sorted list of report files.

    An existing path is always literal (``r[12].txt`` that exists is that
    file); a pattern is a glob only when no such path exists. A named file is
    kept whatever its suffix (it gets a row, even if it fails); directories and
    globs contribute files with a known suffix, and links among them that
    lead nowhere (dangling or looping) too, so they get an error row.
    """
    return sorted(_expand(inputs, warn)[0])


def _expand(inputs: list[str], warn: TextIO | None) -> tuple[set[str], set[str]]:
    """(every input found, the ones named on their own)."""
    found: set[str] = set()
    named: set[str] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found.update(os.path.normpath(f) for f in p.rglob("*") if _listed(f))
        elif os.path.lexists(item) or not any(ch in item for ch in "*?["):
            named.add(os.path.normpath(item))
        else:
            matches = [m for m in glob.glob(item, recursive=True) if _listed(Path(m), GLOB_ONLY)]
            if not matches and warn:
                print(f"reportparse: warning: {item!r} matches no file", file=warn)
            found.update(os.path.normpath(m) for m in matches)
    return found | named, named


GLOB_ONLY = (".xml",)  # pdftohtml -xml files: taken when a glob names them, not from a folder (sitemaps, feeds)


def _listed(f: Path, also: tuple[str, ...] = ()) -> bool:
    """A file a folder scan or a glob takes: a known suffix (``also``: more
    suffixes a glob takes), and a regular file or a link (a broken link gets
    an error row)."""
    return f.suffix.lower() in SUFFIXES + also and (f.is_file() or f.is_symlink())


class Progress:
    """One status line on a terminal: done/total, rate, ETA and counts by status."""

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total, self.stream, self.done = total, stream, 0
        self.counts = {"ok": 0, "invalid": 0, "error": 0}
        self.t0 = time.monotonic()
        self.last = 0.0

    def update(self, status: str) -> None:
        self.done += 1
        self.counts[status] = self.counts.get(status, 0) + 1
        now = time.monotonic()
        if self.stream and (now - self.last > 0.2 or self.done == self.total):
            self.last = now
            rate = self.done / max(now - self.t0, 1e-9)
            eta = (self.total - self.done) / rate if rate else 0
            c = self.counts
            self.stream.write(f"\r[{self.done:>{len(str(self.total))}}/{self.total}] {rate:6.1f} files/s  ETA {int(eta) // 60}:{int(eta) % 60:02d}"
                              f"  ok {c['ok']}  invalid {c['invalid']}  error {c['error']}  ")
            self.stream.flush()

    def close(self) -> None:
        if self.stream and self.total:
            self.stream.write("\n")


def run_corpus(inputs: list[str], outdir: str | Path, *, jobs: int | None = None, engine: str = "local",
               scheduler: Any = None, options: dict[str, Any] | None = None, timeout: float | None = 120.0,
               parquet: bool = False, text_features: bool = False, cells: bool = False, progress: TextIO | None = None,
               warn: TextIO | None = sys.stderr, html: bool = False) -> dict[str, Any]:
    """Parse every input into ``outdir``; skip inputs already done (same path and
    content). ``cells``: also ``cells.csv``, one row per table cell (long format).
    ``html``: also ``index.html`` and a page per report under ``html/`` (as ``reportparse show``).
    Returns the summary (also written to ``summary.json``)."""
    if engine not in ENGINES:
        raise OptionsError(f"engine: {engine!r} is not one of {', '.join(ENGINES)}")
    if engine == "dask" and scheduler is None:
        raise OptionsError("engine dask needs a scheduler address (--scheduler tcp://host:8786)")
    jobs = jobs or os.cpu_count() or 1
    out = Path(outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / ".parts").mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    if html:
        options = {**(options or {}), "html_dir": str((out / "html").resolve())}
        (out / "html").mkdir(exist_ok=True)
    found, named = _expand(inputs, warn)
    paths = sorted(found)
    todo = []
    for p in paths:
        try:
            sha = file_sha256(p)
        except OSError:
            sha = None
        part = read_part(out, p)
        if (part is None or part[0][0].get("sha256") != sha or sha is None
                or html and part[0][0].get("status") != "error" and not _has_pages(out, part)):
            todo.append(p)
    bar = Progress(len(todo), progress)
    run = ENGINES[engine]
    args = (todo, scheduler if engine == "dask" else jobs, options or {}, timeout, text_features)
    try:
        for path, status, text in run(*args):
            write_part(out, path, text)
            bar.update(status)
        bar.close()
        features = ("keywords",) if text_features else ()
        summary = assemble(out, paths, features, parquet=parquet, sections=text_features, named=named, cells=cells, html=html)
    except OSError as exc:  # the output folder: a full disk, a lost mount
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc}") from None
    return {**summary, "skipped_already_done": len(paths) - len(todo)}


def _has_pages(out: Path, part: list[tuple[dict[str, Any], str]]) -> bool:
    from .htmlindex import page_name

    return all((out / "html" / page_name(meta["path"])).is_file() for meta, _ in part)
