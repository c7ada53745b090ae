"""A table printed twice in its section: which of the two is the report's the
text does not say.

A section can hold a second table of the same template — a department's
beside the body's own, last year's for comparison, a page copied twice — and
either may be read as the report's: each is whole and every rule holds over
it, so the rules cannot tell. A second print is a second run of the table's
row labels in the template's order (:func:`second_print`), as long as two
thirds of the first; each print is then read on its own
(:func:`reconcile`): where they give the same value, it stands; where they
differ, the cell is left empty (``TBL_TWO_PRINTS``, naming the cells), and a
value only one print gives is placed, not read. Two prints that agree
everywhere (a page saved twice) change nothing.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import Cell
from ..span import Span
from .anchors import longest_chain
from .place import doubted
from .stream import Stream, find_all, label_pattern

Rows = dict[str, dict[str, Cell]]
MIN_ROWS = 3  # a run of fewer row labels is no table
FULL = 0.8  # a print whose values fill less than this share of the cells is not a table (a sentence naming rows)

TWO_PRINTS = ("the section prints the table twice, and the other print gives this row's values only in part: "
              "which print is the report's the text does not say")


def second_print(t: TableGrammar, s: Stream) -> int | None:
    """The compact offset of the line where the later of two prints of the
    table starts, or None: the row labels found make two runs in the
    template's order, one after the other, the shorter at least two thirds
    of the longer's length and at least :data:`MIN_ROWS` rows."""
    places = {}
    for row in t.rows:
        if not row.optional and (occ := find_all(s, [label_pattern(m, row.label) for m in row.match + row.exact])):
            places[row.id] = occ
    first = longest_chain(places)
    if len(first) < MIN_ROWS:
        return None
    lo, hi = min(a for a, _ in first.values()), max(b for _, b in first.values())
    need = max(MIN_ROWS, -(-2 * len(first) // 3))
    for later in (True, False):
        side = {rid: [o for o in occ if (o[0] >= hi if later else o[1] <= lo)] for rid, occ in places.items()}
        other = longest_chain({rid: occ for rid, occ in side.items() if occ})
        if len(other) >= need:
            at = min(a for a, _ in (other if later else first).values())
            start = s.label_span(at, at + 1)[0]
            return s.text.rfind("\n", 0, start) + 1
    return None


def reconcile(t: TableGrammar, first: Rows, second: Rows, path: str, where: Span | None) -> tuple[Rows, Diagnostic] | None:
    """The cells of two prints read apart, or None when one of them is no
    table (values in less than :data:`FULL` of the cells) or they agree on
    every value both give. Cells with two different values are left empty; a
    value one print gives and the other does not is placed. ``where``: the
    later print, for the diagnostic."""
    required = t.cell_keys()
    if not required or min(sum(rows[r][c].value is not None for r, c in required) for rows in (first, second)) < FULL * len(required):
        return None
    differ = [(r, c) for r, cols in first.items() for c, cell in cols.items()
              if cell.value is not None and second[r][c].value is not None and cell.value != second[r][c].value]
    if not differ:
        return None
    out: Rows = {}
    for r, cols in first.items():
        out[r] = {}
        for c, cell in cols.items():
            other = second[r][c]
            if (r, c) in differ:
                out[r][c] = Cell(None, cell.raw, "missing", cell.span)
            elif cell.value is None and other.value is not None:
                out[r][c] = doubted(other, TWO_PRINTS)
            elif cell.value is not None and other.value is None:
                out[r][c] = doubted(cell, TWO_PRINTS)
            else:
                out[r][c] = cell
    names = ", ".join(f"{r}.{c}" for r, c in differ[:8]) + (f" and {len(differ) - 8} more" if len(differ) > 8 else "")
    return out, Diagnostic("TBL_TWO_PRINTS", f"table {t.title!r} is printed twice in its section with different values "
                           f"(a department's or last year's beside the report's own?): which is the report's the text does "
                           f"not say, so the {len(differ)} cell(s) where they differ are left empty: {names}", where, path)
