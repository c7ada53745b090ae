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
value only one print gives is placed, not read. Where one print is read
only in part (digits run together that no rule splits, a sentence naming
the rows), the section read as one is kept with every value placed — also
where one print gives no value at all but prints numbers right after its
row labels (``规章29518``: its digits run together and no rule splits them,
or its line was left out): only a print with no such number (a sentence
naming the rows with counts in 件) is no table. Two prints that read the
same in every cell (a page saved twice) are read as the table printed once;
two that agree on the few cells both read, one giving values where the
other's cells are unread, are not taken as alike.
"""

from __future__ import annotations

from typing import NamedTuple

from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import Cell
from ..span import Span
from ..startcache import compiled
from .anchors import longest_chain
from .place import doubted
from .stream import Stream, find_all, label_pattern

Rows = dict[str, dict[str, Cell]]
MIN_ROWS = 3  # a run of fewer row labels is no table (of a table with fewer rows, one fewer than it has)
FULL = 0.8  # a print whose values fill less than this share of the cells cannot be compared cell by cell
_DIGIT = compiled(r"\d")
# a number right after a row label, as a table prints it (not a count in a sentence: 规章2件, 2023年)
_VALUE_AFTER = compiled(r"[\t ]*[-+]?\d+(?:\.\d+)?(?![\d.件个项条次份年月日名人%])")

TWO_PRINTS = ("the section prints the table twice, and the other print gives this row's values only in part: "
              "which print is the report's the text does not say")
PART_PRINT = ("the section prints the table twice with different values, one print read only in part: which print "
              "the values are from, and which is the report's, the text does not say")


class Reconciled(NamedTuple):
    rows: Rows
    note: Diagnostic | None  # None: the prints read alike, the first taken as the table printed once
    whole: bool  # the section read as one kept (its values placed), not the prints merged


def second_print(t: TableGrammar, s: Stream, text: str) -> int | None:
    """The canonical offset where the later of two prints of the table starts,
    or None: the row labels found make two runs in the template's order, one
    after the other, the shorter at least two thirds of the longer's length
    and at least :data:`MIN_ROWS` rows (one fewer than the table has, if
    fewer: 四's labels of a group lost to a garbled header). The later print
    starts at the line of its first label, taken back over the lines before
    it that hold no digit (its header, a sub-heading) to the earlier print's
    last line with one. ``text``: the canonical text the stream was made of."""
    places = {}
    for row in t.rows:
        if not row.optional and (occ := find_all(s, [label_pattern(m, row.label) for m in row.match + row.exact])):
            places[row.id] = occ
    first = longest_chain(places)
    least = _least_rows(t)
    if len(first) < least:
        return None
    lo, hi = min(a for a, _ in first.values()), max(b for _, b in first.values())
    need = max(least, -(-2 * len(first) // 3))
    for later in (True, False):
        side = {rid: [o for o in occ if (o[0] >= hi if later else o[1] <= lo)] for rid, occ in places.items()}
        other = longest_chain({rid: occ for rid, occ in side.items() if occ})
        if len(other) >= need:
            earlier, late = (first, other) if later else (other, first)
            floor = s.cmap[s.label_span(*max(earlier.values()))[1] - 1]
            at = min(a for a, _ in late.values())
            return _print_start(text, s.cmap[s.label_span(at, at + 1)[0]], floor)
    return None


def _least_rows(t: TableGrammar) -> int:
    """The rows a print names at least: :data:`MIN_ROWS`, or one fewer than
    the table has (四's three groups: two of them)."""
    return min(MIN_ROWS, sum(not r.optional for r in t.rows) - 1)


def holds_values(t: TableGrammar, s: Stream) -> bool:
    """A print prints numbers right after the labels of at least
    :data:`MIN_ROWS` of its rows (one fewer than the table has, if fewer),
    whether or not its reading took them."""
    least = _least_rows(t)
    found = 0
    for row in t.rows:
        occ = find_all(s, [label_pattern(m, row.label) for m in row.match + row.exact])
        if any(_VALUE_AFTER.match(s.text, s.label_span(a, b)[1]) for a, b in occ):
            found += 1
            if found >= least:
                return True
    return False


def _print_start(text: str, label: int, floor: int) -> int:
    """The start of the line of ``label``, taken back over lines with no digit after ``floor``."""
    cut = text.rfind("\n", 0, label) + 1
    while cut > floor + 1:
        prev = text.rfind("\n", 0, cut - 1) + 1
        if prev <= floor or _DIGIT.search(text, prev, cut - 1):
            break
        cut = prev
    return cut


def _alike(first: Rows, second: Rows) -> bool:
    """Two prints read to the same values, cell for cell (a page saved twice)."""
    return all(cell.value == second[r][c].value for r, cols in first.items() for c, cell in cols.items())


def reconcile(t: TableGrammar, whole: Rows, first: Rows, second: Rows, path: str,
              where: Span | None, printed: tuple[bool, bool] = (True, True)) -> Reconciled | None:
    """The cells of two prints read apart (``whole``: the section read as
    one): the first print, no note, when both are prints of the table and
    read the same in every cell (a page saved twice); or None when they
    agree on every value both give (and give one in
    common, and, both being prints of the table, neither gives a value where
    the other's cell is unread), or
    one of them gives none and prints no number after its row
    labels (``printed``, :func:`holds_values`: a sentence naming the rows
    with counts in 件, which are no cell values). Where each print fills at least
    :data:`FULL` of the cells, cells with two different values are left
    empty and a value one print gives and the other does not is placed.
    Where one fills less (digits run together with no rule to split them, a
    sentence stating other numbers), and they differ or give no value in
    common to compare, the section read as one is kept, every value placed.
    ``where``: the later print, for the diagnostic."""
    required = t.cell_keys()
    common = [(r, c) for r, cols in first.items() for c, cell in cols.items()
              if cell.value is not None and second[r][c].value is not None]
    differ = [(r, c) for r, c in common if first[r][c].value != second[r][c].value]
    given = [sum(rows[r][c].value is not None for r, c in required) for rows in (first, second)]
    no_table = any(not n and not p for n, p in zip(given, printed, strict=True))
    # two prints of the table (numbers after their row labels, not a sentence naming a few rows), one giving a
    # value where the other's cell is unread: nothing shows the prints alike there
    one_sided = all(printed) and any((first[r][c].value is None) != (second[r][c].value is None) for r, c in required)
    if not required or not differ and (no_table or common and not one_sided):
        return Reconciled(first, None, whole=False) if required and all(printed) and _alike(first, second) else None
    names = ", ".join(f"{r}.{c}" for r, c in differ[:8]) + (f" and {len(differ) - 8} more" if len(differ) > 8 else "")
    head = (f"table {t.title!r} is printed twice in its section{' with different values' if differ else ''} (a department's "
            "or last year's beside the report's own?): which is the report's the text does not say, so ")
    if min(given) < FULL * len(required):
        how = (f"they differ in {names}" if differ else
               f"they agree on the {len(common)} cell(s) both give, and one gives values the other does not read"
               if common else "they give no value for the same cell, so nothing shows them alike")
        placed = {r: {c: doubted(cell, PART_PRINT) for c, cell in cols.items()} for r, cols in whole.items()}
        note = Diagnostic("TBL_TWO_PRINTS", head + f"with one print read only in part, every value is placed ({how})", where, path)
        return Reconciled(placed, note, whole=True)
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
    note = Diagnostic("TBL_TWO_PRINTS", head + f"the {len(differ)} cell(s) where they differ are left empty: {names}", where, path)
    return Reconciled(out, note, whole=False)
