"""Atomic file writes: a temporary file in the same folder, fsync, rename.
A reader (or a re-run after a kill) never sees half a file."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

UMASK = os.umask(0)
os.umask(UMASK)


@contextmanager
def atomic_open(target: str | Path, *, encoding: str = "utf-8", newline: str | None = None,
                durable: bool = True) -> Iterator[IO[str]]:
    """A text file written under a temporary name and renamed into place when
    the block ends without error. ``durable=False`` skips the fsync: after a
    power loss the file may be empty, which callers that can redo the work
    (corpus parts) detect."""
    import tempfile  # here, not at import: it costs milliseconds of every one-file run's start-up

    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~UMASK)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(target: str | Path, write: Callable[[IO[str]], object], *, newline: str | None = None,
                 encoding: str = "utf-8", durable: bool = True) -> None:
    with atomic_open(target, encoding=encoding, newline=newline, durable=durable) as fh:
        write(fh)


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
