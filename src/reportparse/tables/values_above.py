"""Each row's values printed on the line above its label.

Ghostscript's ``txtwrite`` device (and ``ps2ascii``, which runs it) writes a
page's text runs in the order of their baselines. Where a table's values are
set in another font than its labels, a row's values can stand a line above
its label, or between the lines of a label that wraps (values centred in a
cell two lines high)::

    信息内容    本年新制作数量   本年新公开数量   对外公开总数量
                 19        0        0
    规章
                  0        0        0
    规范性文件

Read as printed, the first values stand before any label and every row takes
the next row's. Such a text is read again with each line of values moved
after the line of text that follows it (the label it stands above, or the
rest of the label it stands inside). The reading is kept for a table whose
every cell its rules check only when it reads every cell with every rule
holding and the text as printed does not; then a table of the same text
that no rule checks (二) is read so too, when that reads every cell.

Only a text whose lines are all either values or text: a line of values
followed by another or by nothing, or a line of text that holds a value (a
label and values run together by a lost line break), makes no such text —
which label a line of values belongs to would be a guess the rules cannot
check, since rows moved within a group keep every sum. (A few characters of
a group's label printed down its cell before a row's values are part of
that line of values.) Where the lines are as such a text prints them but
the table is not read whole (a cell printed as nothing, a line lost, no
rule to prove it), every value standing on a line of values of its own is
placed (:data:`ABOVE_OR_BELOW`): read after their labels, rows would take
the next rows' values, each row's sum still holding.
"""

from __future__ import annotations

from ..model import Cell
from ..startcache import compiled
from ..textutil import lines_of
from .place import doubted
from .stream import NUMERIC_LINE

# a value standing alone on a line of text (not an item's number, ``1.属于``)
_VALUE_IN_TEXT = compiled(r"(?:^|\s)[-+]?\d+(?:\.\d+)?(?:万元|元)?(?=\s|$)")
# a few characters of a group's label printed down its cell, then a row's values (``（五）不  0  2  0``): a
# line of values
_FRAGMENT = 4


def moved_parts(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The pieces of ``text[start:end]`` in the order that puts each line of
    values after the line of text below it: each a line with its line break,
    blank lines left out. None when the region holds no line of values or no
    line of text, when a line of values stands before another or at the end
    (where it would not be above a label), or when a line holds text and a
    value."""
    lines: list[tuple[int, int, bool]] = []
    for pos, nl in lines_of(text, start, end):
        stop = nl + 1 if nl < end else end  # with its line break
        line = text[pos:stop]
        if line.strip():
            value = bool(NUMERIC_LINE.match(line.rstrip("\n")))
            if not value and (first := _VALUE_IN_TEXT.search(line)):
                lead = "".join(line[:first.start()].split())
                if len(lead) > _FRAGMENT or any(ch.isdigit() for ch in lead) or not NUMERIC_LINE.match(line[first.start():].rstrip("\n")):
                    return None
                value = True
            lines.append((pos, stop, value))
    if {value for *_, value in lines} != {True, False}:
        return None
    parts: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        a, b, value = lines[i]
        if not value:
            parts.append((a, b))
            i += 1
            continue
        if i + 1 >= len(lines) or lines[i + 1][2]:
            return None
        parts += [lines[i + 1][:2], (a, b)]
        i += 2
    return parts


ABOVE_OR_BELOW = ("the value stands on a line of values of its own, in a table whose lines are as a text that prints each "
                  "row's values above its label prints them, and the table is read whole with its rules holding neither "
                  "with its values above nor below their labels: which label the line belongs to is a choice")


def doubt_value_lines(original: str, rows: dict[str, dict[str, Cell]]) -> dict[str, dict[str, Cell]]:
    """Every value read from a line of the ``original`` text that holds only values, placed (:data:`ABOVE_OR_BELOW`)."""
    def alone(cell: Cell) -> bool:
        if cell.span is None or cell.value is None:
            return False
        a = original.rfind("\n", 0, cell.span.start) + 1
        b = original.find("\n", cell.span.start)
        return bool(NUMERIC_LINE.match(original[a:b if b >= 0 else len(original)].rstrip("\r\f")))

    return {rid: {cid: doubted(cell, ABOVE_OR_BELOW) if alone(cell) else cell for cid, cell in cols.items()}
            for rid, cols in rows.items()}
