"""A number read from a CSV field whose lines were run together.

A table extractor writes a cell's lines inside one quoted field, and
:func:`..csvrows.join_quoted_breaks` runs them together (each break a
zero-width space the canonical text drops), so a label wrapped in its cell
reads as one label. Digits on both sides of such a break read as one number:
right for a number wrapped in a narrow cell, wrong where the extractor saw
no rule between two rows and put both rows' values in one cell (PyMuPDF's
``find_tables``: ``"4 保护第三方合法权益⏎5 属于三类内部事务信息","6⏎7"`` read
67 for the second row), or set a value's point on a line of its own
(``"773028⏎."`` for 7730.28). Such a value is placed, not read, until the
rules, every cell of theirs known and holding, confirm it.
"""

from __future__ import annotations

from ..cell_lines import GONE
from ..model import DIGITS_ACROSS_LINES, Table
from ..startcache import compiled
from .place import doubted

_NUMERIC = frozenset("0123456789.．")
# the rest of a quoted field opened just before the value, on the next line: its point or digits (a row of two
# fields is no CSV row :func:`..csvrows.join_quoted_breaks` runs together: ``行政事业性收费,"773028⏎."``)
_FIELD_GOES_ON = compiled(r'\r?\n[.．0-9]+"')


def joined_digits_doubted(original: str, tables: dict[str, Table]) -> None:
    """Doubt (``DIGITS_ACROSS_LINES``) each value whose digits stand on both
    sides of a line break run together in ``original``, or beside one with a
    digit or point past it, or that opens a quoted field whose next line
    holds only its point or digits."""
    if GONE not in original and '"' not in original:
        return
    for table in tables.values():
        for row in table.rows.values():
            for cid, cell in row.items():
                span = cell.span
                if cell.value is not None and span is not None and _across(original, span.start, span.end):
                    row[cid] = doubted(cell, DIGITS_ACROSS_LINES)


def _across(original: str, start: int, end: int) -> bool:
    if GONE in original[start:end] or (original[start - 1:start] == '"' and _FIELD_GOES_ON.match(original, end)):
        return True
    after = original[end:end + 3].lstrip(GONE)
    before = original[max(0, start - 3):start].rstrip(GONE)
    return (original[end:end + 1] == GONE and after[:1] in _NUMERIC) or (
        original[start - 1:start] == GONE and before[-1:] in _NUMERIC)
