"""Small text helpers shared by the segmenters: canonical lines, numerals, dates, label keys."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from .startcache import compiled

_NUMERALS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_KEY_DROP = compiled(r"[\s\p{P}\p{S}]+")
_PUNCT_END = "。！？；：:;!?…）」』”"


def lines_of(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``text[start:end]`` (without the newline)."""
    end = len(text) if end is None else end
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            yield pos, end
            return
        yield pos, nl
        pos = nl + 1


def line_chunks(text: str, start: int, size: int) -> Iterator[str]:
    """``text[start:]`` in pieces of about ``size`` characters, each ending at a line break."""
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def lines_from_end(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``text``, last line first."""
    end = len(text)
    while end >= 0:
        nl = text.rfind("\n", 0, end)
        yield nl + 1, end
        end = nl


def chinese_int(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 三千零五 → 3005, 二〇二三 → 2023 (digit by digit);
    Arabic digits pass through."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if len(s) >= 3 and all(ch in _NUMERALS for ch in s):
        return int("".join(str(_NUMERALS[ch]) for ch in s))
    total, current = 0, None
    for ch in s.replace("两", "二"):
        if ch in _NUMERALS:
            current = _NUMERALS[ch]
        elif ch in _UNITS:
            total += (1 if current is None else current) * _UNITS[ch]
            current = None
        else:
            return None
    return total + (current or 0)


def iso_date(s: str) -> str | None:
    m = compiled(r"([\d〇○零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日").match(s)
    if not m:
        return None
    y, mo, d = (chinese_int(x) for x in m.groups())
    if y is None or mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def label_key(s: str) -> str:
    """A label reduced for comparison: no spaces, punctuation or symbols."""
    return _KEY_DROP.sub("", s)


_KEY_CHAR = compiled(r"[^\s\p{P}\p{S}]")


def key_positions(s: str) -> list[int]:
    """Where the characters :func:`label_key` keeps stand in ``s``."""
    return [m.start() for m in _KEY_CHAR.finditer(s)]


def ends_sentence(s: str) -> bool:
    s = s.rstrip()
    return bool(s) and s[-1] in _PUNCT_END


def join_lines(parts: Iterable[str]) -> str:
    """Rejoin lines broken mid-sentence; a new paragraph starts only after a
    sentence end (blank lines between every line are common in converted text)."""
    out: list[str] = []
    for part in parts:
        p = part.strip()
        if not p:
            continue
        if out and ends_sentence(out[-1]):
            out.append("\n")
        out.append(p)
        if len(out) >= 4096:  # joined as it goes: no string per line outlives a few thousand lines
            out[:] = ["".join(out)]
    return "".join(out)


class LineStream:
    """Lines ``(start, end)`` read one at a time, with a look ahead that can
    be consumed (``drop``) or given a line back (``push``): memory is the look
    ahead, not a list of every line."""

    def __init__(self, lines: Iterator[tuple[int, int]]) -> None:
        self._lines, self._ahead = lines, deque[tuple[int, int]]()

    def _fill(self, n: int) -> bool:
        while len(self._ahead) < n:
            nxt = next(self._lines, None)
            if nxt is None:
                return False
            self._ahead.append(nxt)
        return True

    def next(self) -> tuple[int, int] | None:
        return self._ahead.popleft() if self._fill(1) else None

    def peek(self, j: int = 1) -> tuple[int, int] | None:
        """The ``j``-th line after the current one."""
        return self._ahead[j - 1] if self._fill(j) else None

    def drop(self, j: int = 1) -> None:
        """Consume the next ``j`` lines (seen with ``peek``)."""
        for _ in range(j):
            self._ahead.popleft()

    def push(self, line: tuple[int, int]) -> None:
        """Make ``line`` the next one."""
        self._ahead.appendleft(line)
