"""Text tables whose columns a line of dashes marks: pandoc's simple and
multiline tables (``pandoc -t plain`` or ``-t markdown`` of a web page or a
Word document; a multiline table has a rule across it above and below, and
its rows apart) and tabulate's ``simple`` format::

      ---------------- --------- ---- ----
      规章             0         0    24
      行政许可         0
      ---------------- --------- ---- ----

Each run of dashes is a column; a cell's text lies within its run, and an
empty cell prints as nothing but spaces — which space-aligned text cannot
tell from a gap between two cells (the rules then choose where it was, or
cannot). Here the rule says: each line of the table is cut at its columns
into tab-separated fields, an empty cell an empty field, and the rules of
dashes become blank lines. A line with text across the gap between two
runs is no line of such a table: then nothing of the table is cut. The
label columns (from the left, no cell of theirs a number, a mark or an
``&nbsp;``) give only their printed fields: a label spanning them prints
in one and leaves the others empty, which are no cells of the row's.

Widths are counted as the tools count them: pandoc as a terminal shows the
text (a Chinese character two columns), tabulate in characters when wcwidth
is not installed; a table is cut by the count all its lines fit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from itertools import pairwise

import regex

from .startcache import compiled

_RULE = compiled(r"^ *-+(?: +-+)+ *$")  # a run of dashes per column
_ANY_RULE = compiled(_RULE.pattern, regex.M)
_FULL = compiled(r"^ *-{3,} *$")  # a multiline table's top and bottom
_RUN = compiled(r"-+")
_NUMBER = compiled(r"[-+]?\d[\d,.]*%?")
_WORD = compiled(r"[^ ]+")
_MARKS = " \xa0\u3000-—–/／－无"  # a cell of these alone prints none: no label's

Edit = tuple[int, int, str]


def _wide(text: str) -> int:
    """The width of ``text`` as a terminal shows it (pandoc's count): a
    Chinese character two columns."""
    if text.isascii():
        return len(text)
    return sum(2 if ch > "\u10ff" and unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


Spans = list[tuple[int, int]]  # each column's first and last character on a line, (-1, -1) where it is empty


def _cells(line: str, runs: list[tuple[int, int]], width: Callable[[str], int]) -> Spans | None:
    """Where each column's text stands on ``line`` (``runs``: each column's
    start and end), or None when text stands outside every run or off where a
    tool prints a cell (:func:`_placed_as_printed`)."""
    ncols = len(runs)
    spans = [(-1, -1)] * ncols
    x_first = [0] * ncols  # the columns each cell's text begins and ends at
    x_end = [0] * ncols
    x = pos = k = 0
    for m in _WORD.finditer(line):
        s, e = m.span()
        x += s - pos  # the spaces before
        w = width(m.group())
        while k < ncols - 1 and x >= runs[k + 1][0]:
            k += 1
        if x < runs[k][0] or k < ncols - 1 and x + w > runs[k][1]:
            return None  # before the first column, or across a gap
        if spans[k][0] < 0:
            spans[k], x_first[k] = (s, s), x
        spans[k], x_end[k] = (spans[k][0], e - 1), x + w
        x, pos = x + w, e
    if not all(_placed_as_printed(line[a:b + 1], x_first[c], x_end[c], runs[c]) for c, (a, b) in enumerate(spans) if a >= 0):
        return None
    return spans


def _label_columns(lines: list[str], spans: list[Spans]) -> int:
    """How many columns from the left hold the rows' labels: no cell of
    theirs a number, a mark or a ``&nbsp;`` (三's three: 三、本年度办理结果,
    （三）不予公开, 1.属于国家秘密). A label spanning them prints in one and leaves
    the others empty — no cells of the row's."""
    ncols = len(spans[0]) if spans else 0
    for c in range(ncols):
        for line, cols in zip(lines, spans, strict=True):
            a, b = cols[c]
            if a >= 0 and (_NUMBER.fullmatch(text := line[a:b + 1]) or not text.strip(_MARKS)):
                return c
    return ncols


def _edits(line: str, spans: Spans, labels: int) -> list[Edit]:
    """The edits that make ``line`` tab-separated fields: a field per column,
    an empty cell an empty field, but the label columns' empty ones none."""
    filled = [c for c, (a, _) in enumerate(spans) if a >= 0]
    if not filled:
        return []
    ncols = len(spans)

    def fields(lo: int, hi: int) -> int:  # the fields of columns lo..hi-1 that are printed
        return sum(1 for c in range(lo, hi) if c >= labels or spans[c][0] >= 0)

    first, last = filled[0], filled[-1]
    edits = [(0, spans[first][0], "\t" * fields(0, first))]  # a margin, or the empty cells before the first text
    edits += [(spans[a][1] + 1, spans[b][0], "\t" * (fields(a + 1, b) + 1)) for a, b in pairwise(filled)]
    edits.append((spans[last][1] + 1, len(line), "\t" * fields(last + 1, ncols)))  # the empty cells after
    return [e for e in edits if e[0] != e[1] or e[2]]


def _placed_as_printed(text: str, start: int, end: int, run: tuple[int, int]) -> bool:
    """Whether a cell's ``text``, from column ``start`` to ``end``, stands in
    its column as a tool prints a cell: flush with the column's start or
    end, or centred, and one value at most. A line whose spaces were
    collapsed or its indentation stripped moves its text off its columns:
    into one, values with a space between (``规章 0 4193 0``), or off every
    column's edge."""
    words = text.split(" ")
    if len(words) > 1 and any(_NUMBER.fullmatch(w) for w in words):
        return False
    return start == run[0] or end == run[1] or abs((start - run[0]) - (run[1] - end)) <= 1


def _body_ends(lines: list[str], at: int) -> list[int]:
    """Where the table whose column rule is line ``at`` may end: after the
    next line of dashes, or (a simple table with a header has no closing
    rule) at the first blank line."""
    ends = []
    end = at + 1
    while end < len(lines) and not _is_rule(lines[end]):
        end += 1
    if end < len(lines):
        ends.append(end + 1)
    end = at + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    return ends + [end]


def _is_rule(line: str) -> bool:
    return bool(_RULE.match(line) or _FULL.match(line))


def any_rule(text: str) -> bool:
    """Whether ``text`` has a line that may be a table's column rule (the
    cheap test before :func:`dash_ruled` reads its lines)."""
    return "--" in text and bool(_ANY_RULE.search(text))


def dash_ruled(bodies: list[str]) -> dict[int, list[Edit]]:
    """For each line of a dash-ruled table (its index in ``bodies``), the
    edits that make it tab-separated fields; a rule line's edit blanks it.
    A table's lines between its rules are all cut or none is; the lines just
    above its column rule (a header) are cut as far up as each fits."""
    out: dict[int, list[Edit]] = {}
    n = 0
    while n < len(bodies):
        body = bodies[n]
        if "-" not in body or not _RULE.match(body) or body.count("-") < 6:
            n += 1
            continue
        runs = [(m.start(), m.end()) for m in _RUN.finditer(body)]
        for end, width in ((e, w) for e in _body_ends(bodies, n) for w in (_wide, len)):  # (len: tabulate counts characters)
            read = {i: _cells(bodies[i], runs, width) for i in range(n + 1, end) if not _is_rule(bodies[i])}
            cells = {i: c for i, c in read.items() if c is not None}
            if not cells or len(cells) < len(read):
                continue  # (a rule with no line under it is none of a table's)
            rows = list(cells)
            top = n
            while top > 0 and bodies[top - 1].strip() and not _is_rule(bodies[top - 1]):
                head = _cells(bodies[top - 1], runs, width)
                if head is None:
                    break
                top -= 1
                cells[top] = head
            if top > 0 and _FULL.match(bodies[top - 1]):
                top -= 1  # a multiline table's top rule
            labels = _label_columns([bodies[i] for i in rows], [cells[i] for i in rows])  # (not the header's)
            out.update({i: e for i, c in cells.items() if (e := _edits(bodies[i], c, labels))})
            out.update({i: [(0, len(bodies[i]), "")] for i in range(top, end) if _is_rule(bodies[i])})
            n = end
            break
        else:
            n += 1
    return out
