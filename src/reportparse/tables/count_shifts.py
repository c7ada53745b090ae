"""Values placed by their count, in a text that prints an empty cell as
nothing: which of them another reading the rules allow would put elsewhere.

A table read one value a line, its count right, may still be one place off
between two damages that undo each other's count: a cell printed as nothing
and a line printed twice. A rule over several rows (三's columns) sees such a
shift; a table whose rules each hold one row (四's groups: parts and their
总计) does not, since a shift within a row keeps its sum (BeautifulSoup's
``get_text("\\n")``: 0 · 24 0 24 with a ``0`` line printed twice read as 0 24
0 0 24, 24 one place off, the group balancing). Every reading with one of
two lines alike dropped and a cell printed as nothing put back is tried; a
cell to which a reading every rule allows gives another value is one the
count does not decide.
"""

from __future__ import annotations

from ..arith import CellRef, Equation
from ..model import Table


def undecided_by_count(eqs: list[Equation], order: list[CellRef], table: Table) -> set[CellRef]:
    """The cells (of ``order``, the table's cells in the template's order)
    whose value another reading the rules allow changes (see the module's
    docstring). Empty when a cell has no value, or the values do not stand
    in the text in that order (the count did not place them)."""
    cells = [table.rows[rid][cid] for rid, cid in order]
    if any(c.value is None or c.span is None for c in cells):
        return set()
    starts = [c.span.start for c in cells]  # type: ignore[union-attr]
    if starts != sorted(starts):
        return set()
    read = [c.value for c in cells]
    lines = [c.span.line for c in cells]  # type: ignore[union-attr]
    out: set[CellRef] = set()
    for twice in range(1, len(read)):
        if read[twice] != read[twice - 1] or lines[twice] == lines[twice - 1]:
            continue  # a line printed twice leaves two lines alike, one after the other
        rest = read[:twice] + read[twice + 1:]
        for blank in range(len(read)):
            values = dict(zip(order, [*rest[:blank], None, *rest[blank:]], strict=True))
            filled = _filled(eqs, values, order[blank])
            if filled is not None:
                out.update(ref for ref, v in zip(order, read, strict=True) if filled[ref] != v)
    return out


def _filled(eqs: list[Equation], values: dict[CellRef, int | float | None],
            blank: CellRef) -> dict[CellRef, int | float | None] | None:
    """The reading with its empty cell forced by the rules through it (left
    empty where none does), or None when a rule does not hold."""
    forced = set()
    for eq in eqs:
        if blank in eq.cells:
            got = eq.solved(values)
            if blank not in got:
                return None  # (a negative or fractional value: no count's reading)
            forced.add(got[blank])
        elif eq.broken(values):
            return None
    if len(forced) > 1:
        return None
    return {**values, blank: forced.pop() if forced else None}
