"""The order of a table's grouped columns as its header prints them.

Rows are read in the template's column order. Table 三's columns under one
merged header (法人或其他组织: 商业企业, 科研机构, 社会公益组织, 法律服务机构,
其他) may be printed in another order in a report's own table; the column
rules and the row's total hold whatever the order, so only the header shows
where each value belongs:

* every column of the group named once before the first row, in another
  order: each row's values of the group go to the columns the header names
  (``TBL_COLUMN_ORDER``);
* two or more named, out of the template's order, the others not found: the
  group's values are placed, never read — nothing shows where each belongs.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import COLUMNS_REORDERED, Cell
from .place import doubted
from .stream import Stream, find_all, label_pattern

Rows = dict[str, dict[str, Cell]]


def printed_order(t: TableGrammar, s: Stream) -> tuple[list[str], list[str]]:
    """The grouped columns in the template's order, and those the header
    before the first row names (each once), in its order."""
    grouped = [cid for cid, col in t.columns.items() if col.group]
    if len(grouped) < 2:
        return grouped, []
    firsts = [occ[0][0] for row in t.rows if (occ := find_all(s, [label_pattern(m, row.label) for m in row.match]))]
    head = s.labels[:min(firsts)] if firsts else ""
    for name in {t.columns[c].group for c in grouped}:
        head = head.replace(name, "\u3000" * len(name))  # 法人或其他组织 holds 其他: never a column's name here
    at: dict[str, int] = {}
    for cid in grouped:
        places = [i for label in t.columns[cid].labels for i in _places(head, label)]
        if len(places) == 1:
            at[cid] = places[0]
    return grouped, sorted(at, key=at.__getitem__)


def _places(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def reorder_columns(t: TableGrammar, s: Stream, rows: Rows, path: str) -> tuple[Rows, list[Diagnostic]]:
    """``rows`` with the group's values moved to the columns the header names."""
    grouped, printed = printed_order(t, s)
    template = [c for c in grouped if c in printed]
    if len(printed) < 2 or printed == template:
        return rows, []
    names = " ".join(t.columns[c].labels[0] for c in printed)
    if len(printed) < len(grouped):
        doubted_rows = {rid: {c: doubted(cell, COLUMNS_REORDERED) if c in grouped else cell for c, cell in cells.items()}
                        for rid, cells in rows.items()}
        return doubted_rows, [Diagnostic("TBL_COLUMN_ORDER", f"the header names {names} in another order than the template, "
                                         "and not every column of the group: their values are placed, not read", None, path)]
    moved = {}
    for rid, cells in rows.items():
        out = dict(cells)
        for where, cid in zip(grouped, printed, strict=True):  # the value read as ``where`` was printed under ``cid``
            if where in cells and cid in cells:
                out[cid] = cells[where]
        moved[rid] = out
    return moved, [Diagnostic("TBL_COLUMN_ORDER", f"the header prints the columns in the order {names}: "
                              "each row's values were placed under them", None, path)]
