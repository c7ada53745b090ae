"""A table region as one compact string: wrapped labels rejoined, cells kept apart.

Whitespace between two text characters is dropped (so ``只计这一情\\n形`` reads
as one label); whitespace next to a digit stays as a separator. Each compact
character maps back to its canonical offset.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_DROP = regex.compile(r"(?<=[^\d\s])\s+(?=[^\d\s])")


@dataclass
class Stream:
    text: str
    cmap: list[int]  # compact index -> canonical offset

    def canon(self, i: int) -> int:
        return self.cmap[min(max(i, 0), len(self.cmap) - 1)] if self.cmap else 0


def make_stream(canon_text: str, start: int, end: int) -> Stream:
    src = canon_text[start:end]
    out: list[str] = []
    cmap: list[int] = []
    last = 0
    for m in _DROP.finditer(src):
        out.append(src[last:m.start()])
        cmap.extend(range(start + last, start + m.start()))
        last = m.end()
    out.append(src[last:])
    cmap.extend(range(start + last, start + len(src)))
    cmap.append(end)
    return Stream("".join(out), cmap)


_PREFIX = r"(?:[一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）|[1-9][.、．])?"


def label_pattern(match: str) -> str:
    """A regex for one label form: item numbers keep their digit but accept 、 or ．."""
    m = regex.match(r"^(\d{1,2})[.、．]", match)
    if m:
        return regex.escape(m.group(1)) + r"[.、．]" + regex.escape(match[m.end():])
    if match.startswith(("（", "一", "二", "三", "四")) and regex.match(r"^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)", match):
        return regex.escape(match)
    return _PREFIX + regex.escape(match)


def find_all(stream: Stream, patterns: list[str], start: int = 0) -> list[tuple[int, int]]:
    """Every exact occurrence of any pattern (leftmost-longest per position)."""
    pat = regex.compile("|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)))
    return [m.span() for m in pat.finditer(stream.text, start)]


def find_fuzzy(stream: Stream, match: str, max_errors: int, timeout: float) -> tuple[int, int, int] | None:
    """Best fuzzy occurrence ``(start, end, errors)`` of a long label, or None."""
    if len(match) < 6 or max_errors <= 0:
        return None
    k = min(max_errors, len(match) // 5)
    pat = regex.compile(f"(?:{regex.escape(match)}){{e<={k}}}", regex.BESTMATCH)
    try:
        m = pat.search(stream.text, timeout=timeout)
    except TimeoutError:
        return None
    if not m:
        return None
    errors = sum(m.fuzzy_counts)
    return m.start(), m.end(), errors
