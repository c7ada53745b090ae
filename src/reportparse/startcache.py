"""A start-up cache: what every run builds the same way, kept between runs.

A one-file ``reportparse parse`` used to spend most of its time compiling the
same regular expressions (``regex`` parses a pattern in Python, about 0.6 ms
each; the code and the grammars have about 150) and loading the grammars and
the region table. Those are pickled to the user's cache folder and read back
in a few milliseconds (a compiled ``regex`` pattern unpickles without being
parsed again).

* :func:`compiled` gives a compiled pattern; patterns of the code and of the
  grammars go through it, never a pattern made from the input.
* :func:`cached` gives an object built by a function, kept under a key that
  names everything it was built from (for the grammars: the hash of every
  TOML file), so a changed file is a new key, never a stale object.

The folder is ``$REPORTPARSE_CACHE``, else ``$XDG_CACHE_HOME/reportparse``,
else ``~/.cache/reportparse``; ``REPORTPARSE_CACHE=off`` turns it off. An
unwritable folder or a damaged file only means building again: the cache
never changes a result and never raises.
"""

from __future__ import annotations

import atexit
import os
import pickle
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import regex

T = TypeVar("T")
_MAX_PATTERNS = 4000  # far above what the code and grammars use: a bound, not a budget
_FORMAT = "1"
_KEEP_KEYS = 3  # files kept of one name (grammars, regions): the newest

_patterns: dict[tuple[str, int], regex.Pattern[str]] | None = None
_used: set[tuple[str, int]] = set()  # the patterns this run asked for
_added = 0


def folder() -> Path | None:
    """The cache folder, or None when the cache is off."""
    env = os.environ.get("REPORTPARSE_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "false") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportparse"


def _file(name: str) -> Path | None:
    where = folder()
    if where is None:
        return None
    tag = f"{_FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}-regex{regex.__version__}"
    return where / f"{name}-{tag}.pickle"


def _read(path: Path | None) -> Any:
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, damaged, written by another version: build again
        return None


def _write(path: Path | None, obj: object) -> None:
    if path is None:
        return
    import tempfile  # only when writing (its import costs a few ms of every start-up)

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except Exception:  # read-only home, full disk: the cache is only a speed-up
        return


def compiled(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, from the cache when an earlier run compiled it."""
    global _patterns, _added
    if _patterns is None:
        loaded = _read(_file("patterns"))
        _patterns = loaded if isinstance(loaded, dict) else {}
    key = (source, flags)
    _used.add(key)
    hit = _patterns.get(key)
    if hit is None:
        hit = _patterns[key] = regex.compile(source, flags)
        if _added == 0:
            atexit.register(_save_patterns)
        _added += 1
    return hit


def _save_patterns() -> None:
    """Write the patterns back: every one an earlier run kept and this run's new
    ones, or, past the bound, only those this run used (the file never grows
    without end, and a run past the bound still keeps its own)."""
    if not _patterns:
        return
    keep = _patterns if len(_patterns) <= _MAX_PATTERNS else {k: v for k, v in _patterns.items() if k in _used}
    _write(_file("patterns"), keep)


def digest(data: bytes) -> str:
    """A 64-bit hash of ``data`` (CRC-32 and Adler-32: zlib's, which imports in
    no time, where hashlib's OpenSSL costs milliseconds of every start-up)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or the object an earlier run built under the same name and key."""
    path = _file(f"{name}-{digest(key.encode('utf-8'))}")
    hit = _read(path)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    obj = build()
    _write(path, obj)
    _prune(name, path)
    return obj


def _prune(name: str, kept: Path | None) -> None:
    """Past :data:`_KEEP_KEYS` files of one name (each grammar or data change
    is a new key), the oldest are deleted: the folder does not grow with every
    upgrade, and two installs of different versions still keep one each."""
    if kept is None:
        return
    tail = kept.name[kept.name.index("-", len(name) + 1):]  # the key's end: the format, Python's and regex's versions
    try:
        same = [p for p in kept.parent.iterdir()
                if p.name.startswith(f"{name}-") and p.name.endswith(tail) and p.name[len(name) + 1:-len(tail)].isalnum()]
        for old in sorted(same, key=lambda p: p.stat().st_mtime, reverse=True)[_KEEP_KEYS:]:
            old.unlink()
    except OSError:  # a file another process removed, a read-only folder: only a tidy-up
        return
