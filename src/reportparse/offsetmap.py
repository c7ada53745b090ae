"""The map from canonical text back to the original input, stored as runs.

Normalising leaves most characters where they were, shifted: a run of
canonical characters ``[pos, next pos)`` maps to ``orig, orig + 1, …`` (step
1), and a replacement maps every character of it to its match's first
character (step 0). A document is a few runs a line, not an integer a
character, so the map costs a small fraction of the text it maps.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator

import regex

Run = tuple[int, int, int]  # (position in the line or text, original offset there, step 0 or 1)


def push(runs: list[Run], pos: int, orig: int, step: int) -> None:
    """Append a run, merging it into the last when it only continues it."""
    while runs and runs[-1][0] == pos:  # the last run was empty
        runs.pop()
    if runs:
        p0, o0, s0 = runs[-1]
        if s0 == 1 and step == 1 and o0 + (pos - p0) == orig:
            return
    runs.append((pos, orig, step))


def _index(runs: list[Run], pos: int) -> int:
    """The index of the run that holds position ``pos``."""
    if len(runs) >= 16:
        return max(bisect_right(runs, pos, key=lambda r: r[0]) - 1, 0)
    i = 0  # a line's few runs: a scan beats a bisect with a key function
    while i + 1 < len(runs) and runs[i + 1][0] <= pos:
        i += 1
    return i


def at(runs: list[Run], pos: int) -> int:
    """The original offset of line position ``pos``."""
    p, o, s = runs[_index(runs, pos)]
    return o + s * (pos - p)


def cut(runs: list[Run], a: int, b: int, dest: int, out: list[Run]) -> None:
    """Append the runs of positions ``[a, b)`` to ``out``, moved to start at ``dest``."""
    if a >= b or not runs:
        return
    i = _index(runs, a)
    while i < len(runs) and runs[i][0] < b:
        p, o, s = runs[i]
        start = max(p, a)
        push(out, dest + start - a, o + s * (start - p), s)
        i += 1


class MappedLine:
    """A line being rewritten, with the original offset of each of its
    characters as runs (see ``offsetmap``)."""

    __slots__ = ("text", "runs", "page", "end")

    def __init__(self, text: str, start: int, page: int, end: int) -> None:
        self.text, self.runs, self.page, self.end = text, [(0, start, 1)], page, end

    def sub(self, pattern: regex.Pattern[str], repl: str | Callable[[regex.Match[str]], str]) -> int:
        """Replace matches, keeping the map: a replacement maps to its match's first character."""
        matches = [m for m in pattern.finditer(self.text) if m.start() != m.end()]
        if matches:
            self.splice([(m.start(), m.end(), repl if isinstance(repl, str) else repl(m)) for m in matches])
        return len(matches)

    def splice(self, edits: list[tuple[int, int, str]]) -> None:
        """Replace the spans ``[start, end)`` (in order, not overlapping) with
        their texts, keeping the map: a replacement maps to its span's first character."""
        text, runs = self.text, self.runs
        out_t: list[str] = []
        out_r: list[Run] = []
        last = pos = 0
        for s, e, r in edits:
            out_t.append(text[last:s])
            cut(runs, last, s, pos, out_r)
            pos += s - last
            if r:
                out_t.append(r)
                push(out_r, pos, at(runs, s), 0)
                pos += len(r)
            last = e
        out_t.append(text[last:])
        cut(runs, last, len(text), pos, out_r)
        self.text, self.runs = "".join(out_t), out_r


class OffsetMap:
    """A read-only sequence once built: the original offset of each canonical
    character (and of the end of the text, the last item). Built by ``push``
    in position order, then ``close``."""

    __slots__ = ("_pos", "_orig", "_step", "_len")

    def __init__(self, code: str = "q") -> None:
        self._pos, self._orig, self._step, self._len = array(code), array(code), array("b"), 0

    def push(self, pos: int, orig: int, step: int) -> None:
        """Add a run starting at ``pos`` (as ``push`` above, on the arrays)."""
        p, o, s = self._pos, self._orig, self._step
        while p and p[-1] == pos:
            p.pop(), o.pop(), s.pop()
        if p and s[-1] == 1 and step == 1 and o[-1] + (pos - p[-1]) == orig:
            return
        p.append(pos), o.append(orig), s.append(step)

    def close(self, length: int) -> OffsetMap:
        self._len = length
        return self

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(self._len))]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("offset map index out of range")
        return self._at(index)

    def __iter__(self) -> Iterator[int]:
        return (self._at(i) for i in range(self._len))

    def clamped(self, pos: int) -> int:
        """The original offset of ``pos``, clamped into the map (``Canonical.orig``, called for every span)."""
        return self._at(0 if pos < 0 else self._len - 1 if pos >= self._len else pos)

    def _at(self, pos: int) -> int:
        i = bisect_right(self._pos, pos) - 1
        return self._orig[i] + self._step[i] * (pos - self._pos[i])

    @property
    def runs(self) -> int:
        return len(self._pos)
