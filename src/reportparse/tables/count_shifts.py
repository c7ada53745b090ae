"""Values placed by their count, in a text that prints an empty cell as
nothing, or by a choice of the field too many in a row with more fields than
cells: which of them another reading the rules allow would put elsewhere.

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

Likewise a row of more fields than cells (:func:`undecided_by_extra`): the
empty field at one end trimmed, where an empty field or one of two equal
values side by side (a cell doubled) may be the extra one, the values one
place over (a web page's 四 with a leading empty cell and a 0 doubled in
未经复议直接起诉: 0 1 0 0 0 1 read as 1 0 0 0 1, the group balancing).
"""

from __future__ import annotations

from ..arith import CellRef, Equation
from ..model import Table
from .tokens import Value, written_twice


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


def undecided_by_extra(eqs: list[Equation], order: list[CellRef], fields: list[Value], kept: list[Value]) -> set[CellRef]:
    """The cells (``order``) that ``kept`` — ``fields`` with empty ones at its
    ends trimmed to the count of cells — fills with a value another choice of
    the field too many fills otherwise, where the rules allow that reading
    too (its empty cells forced where a rule does). The other choices: each
    empty field, and one of each two equal values side by side, dropped, the
    ends trimmed again."""
    n, out = len(kept), set()
    for x, f in enumerate(fields):
        if f.kind != "blank" and not (x and written_twice(fields[x - 1], f)):
            continue
        alt = fields[:x] + fields[x + 1:]
        while len(alt) > n and alt[-1].kind == "blank":
            alt.pop()
        while len(alt) > n and alt[0].kind == "blank":
            del alt[0]
        if len(alt) != n:
            continue
        values = {ref: _value(v) for ref, v in zip(order, alt, strict=True)}
        if any(eq.impossible(values) for eq in eqs):
            continue
        forced: dict[CellRef, int | float] = {}
        for eq in eqs:
            forced.update(eq.solved(values))
        out.update(ref for ref, v in zip(order, kept, strict=True)
                   if _value(v) is not None and (values[ref] if values[ref] is not None else forced.get(ref)) != _value(v))
    return out


def _value(v: Value) -> int | float | None:
    return v.value if v.kind in ("number", "ocr") else None
