"""The template's arithmetic as linear equations over table cells.

Each grammar :class:`Rule` expands to one equation per column (``each = "column"``)
or per row (``each = "row"``): ``sum(lhs cells) == sum(rhs cells)``. Tables
extraction uses these to split run-together digits; check uses them to validate
and repair.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import gcd

from .grammar import TableGrammar

CellRef = tuple[str, str]  # (row id, column id)


@dataclass(frozen=True)
class Equation:
    rule: str
    scope: str  # the column or row it applies to
    lhs: tuple[CellRef, ...]
    rhs: tuple[CellRef, ...]
    text: str
    signed: bool = False  # a cell of a signed column (本年增/减): unknown cells may be negative
    # derived once (the check asks for them in its inner loops): every cell, lhs first; all in one row (四's
    # groups; 三's row sums), so it holds whatever the order of the row's parts; the fields' hash
    cells: tuple[CellRef, ...] = field(init=False, repr=False, compare=False)
    one_row: bool = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cells = self.lhs + self.rhs
        object.__setattr__(self, "cells", cells)
        object.__setattr__(self, "one_row", len({r[0] for r in cells}) == 1)
        object.__setattr__(self, "_hash", hash((self.rule, self.scope, self.lhs, self.rhs, self.text, self.signed)))

    def __hash__(self) -> int:
        return self._hash

    def coef(self, ref: CellRef) -> int:
        return 1 if ref in self.lhs else -1

    def residual(self, values: dict[CellRef, int | float | None]) -> int | float | None:
        """``sum(lhs) - sum(rhs)``, or None when a cell is unknown."""
        total: int | float = 0
        for ref in self.lhs:
            v = values.get(ref)
            if v is None:
                return None
            total += v
        for ref in self.rhs:
            v = values.get(ref)
            if v is None:
                return None
            total -= v
        return total

    def solved(self, values: dict[CellRef, int | float | None]) -> dict[CellRef, int | float]:
        """The value its one unknown cell must take for it to hold, or 0 for
        each of several unknown cells that stand on one side while the known
        ones already balance (counts are never negative); else nothing."""
        unknown = [ref for ref in self.cells if values.get(ref) is None]
        if not unknown:
            return {}
        known = sum(values[ref] * self.coef(ref) for ref in self.cells if ref not in unknown)  # type: ignore[operator]
        if len(unknown) == 1:
            v = -known * self.coef(unknown[0])
            return {unknown[0]: int(v)} if v >= 0 and float(v).is_integer() else {}
        if len({self.coef(r) for r in unknown}) == 1 and known == 0:
            return dict.fromkeys(unknown, 0)
        return {}

    def broken(self, values: dict[CellRef, int | float | None]) -> bool:
        """Every cell known and the two sides differ."""
        res = self.residual(values)
        return res is not None and res != 0

    def exceeded(self, values: dict[CellRef, int | float | None]) -> tuple[int | float, int | float, str] | None:
        """With its unknown cells all on one side, that side's known cells
        already sum to more than the other, complete side (counts are never
        negative, so no values of the unknown cells can balance it):
        ``(known lhs sum, known rhs sum, the open side)``, else None."""
        lsum, open_l = _side(self.lhs, values)
        rsum, open_r = _side(self.rhs, values)
        return self._over(lsum, open_l, rsum, open_r)

    def impossible(self, values: dict[CellRef, int | float | None]) -> bool:
        """No values of the unknown cells make it hold: :meth:`broken`, or
        :meth:`exceeded` (one pass over the cells: it runs for every
        combination of readings the rules choose between)."""
        lsum, open_l = _side(self.lhs, values)
        rsum, open_r = _side(self.rhs, values)
        if not (open_l or open_r):
            return lsum != rsum
        return self._over(lsum, open_l, rsum, open_r) is not None

    def _over(self, lsum: int | float, open_l: bool, rsum: int | float,
              open_r: bool) -> tuple[int | float, int | float, str] | None:
        if self.signed or open_l == open_r:  # unknown cells on both sides (or none), or may be negative
            return None
        if (lsum > rsum) if open_l else (rsum > lsum):
            return lsum, rsum, "left" if open_l else "right"
        return None


Values = dict[CellRef, int | float | None]


def _side(refs: tuple[CellRef, ...], values: Values) -> tuple[int | float, bool]:
    """The sum of a side's known cells, and whether any of its cells is unknown."""
    total: int | float = 0
    unknown = False
    for ref in refs:
        v = values.get(ref)
        if v is None:
            unknown = True
        else:
            total += v
    return total, unknown


def possible_choices(eqs: list[Equation], base: Values,
                     choices: list[tuple[list[CellRef], list[list]]]) -> list[tuple[list, ...]]:
    """Every combination of one reading per group (a group: its cells, and
    its possible readings, each a value per cell) under which no equation is
    :meth:`~Equation.impossible`, in the order of ``itertools.product``. A
    search, not the product: an equation is checked as soon as the groups it
    reads are chosen, so a reading that breaks it is not combined further."""
    depth = {ref: i for i, (cells, _) in enumerate(choices) for ref in cells}
    static: list[Equation] = []
    at: list[list[Equation]] = [[] for _ in choices]
    for eq in eqs:
        ds = [depth[ref] for ref in eq.cells if ref in depth]
        (at[max(ds)] if ds else static).append(eq)
    if any(eq.impossible(base) for eq in static):
        return []
    values = dict(base)
    out: list[tuple[list, ...]] = []
    chosen: list[list] = []

    def search(d: int) -> None:
        if d == len(choices):
            out.append(tuple(chosen))
            return
        cells, readings = choices[d]
        for reading in readings:
            values.update(zip(cells, reading, strict=True))
            if not any(eq.impossible(values) for eq in at[d]):
                chosen.append(reading)
                search(d + 1)
                chosen.pop()
        for ref in cells:
            values[ref] = base.get(ref)

    search(0)
    return out


_CACHE: dict[int, tuple[TableGrammar, list[Equation]]] = {}


def equations(t: TableGrammar) -> list[Equation]:
    """The table's rules expanded to equations (computed once per table grammar)."""
    hit = _CACHE.get(id(t))
    if hit is not None and hit[0] is t:
        return hit[1]
    out = _expand(t)
    _CACHE[id(t)] = (t, out)
    return out


def every_cell_ruled(t: TableGrammar) -> bool:
    """Every cell of the table's required rows is in one of its rules (computed once per table grammar)."""
    hit = _RULED.get(id(t))
    if hit is None or hit[0] is not t:
        ruled = {ref for eq in equations(t) for ref in eq.cells}
        hit = _RULED[id(t)] = (t, bool(ruled) and all((r.id, c) in ruled for r in t.rows if not r.optional
                                                        for c in r.columns))
    return hit[1]


_RULED: dict[int, tuple[TableGrammar, bool]] = {}


def _expand(t: TableGrammar) -> list[Equation]:
    out: list[Equation] = []
    for rule in t.rules:
        if rule.each == "column":
            for col in t.columns:
                if all(col in t.row(r).columns for r in rule.lhs + rule.rhs):
                    out.append(Equation(rule.id, col, tuple((r, col) for r in rule.lhs),
                                        tuple((r, col) for r in rule.rhs), rule.text, t.columns[col].signed))
        else:
            for row in t.rows:
                if all(c in row.columns for c in rule.lhs + rule.rhs):
                    out.append(Equation(rule.id, row.id, tuple((row.id, c) for c in rule.lhs),
                                        tuple((row.id, c) for c in rule.rhs), rule.text,
                                        any(t.columns[c].signed for c in rule.lhs + rule.rhs)))
    return out


def row_equation(t: TableGrammar, row_id: str) -> Equation | None:
    """The per-row equation covering exactly this row's columns, if the grammar has one."""
    for eq in equations(t):
        if eq.scope == row_id and all(r == row_id for r, _ in eq.cells):
            return eq
    return None


def absorbed(eqs: list[Equation], forced: set[CellRef], read: list[CellRef]) -> list[CellRef]:
    """The ``read`` cells a misread of which the rules would absorb into the
    ``forced`` ones: with the forced cells unknown, the rules leave the value
    free (its coefficients over the rules lie in the span of the forced
    cells'). 上年结转's 社会公益组织 read 1 for 10, 本年新收's row unreadable:
    its column's balance forced 本年新收's cell 9 too high, that row's rule its
    总计, the 总计 column's balance 上年结转's 总计 — and 上年结转's own row rule
    then holds, as the rules' sum makes it hold, checking nothing."""
    if not forced:
        return []
    touching = [eq for eq in eqs if not forced.isdisjoint(eq.cells)]
    # exact elimination over the integers (each vector kept divided by its entries' gcd):
    # a vector reduces to zero exactly when it does over the rationals
    basis: list[tuple[int, list[int]]] = []  # (pivot, vector over ``touching``), reduced

    def column(ref: CellRef) -> list[int]:  # the cell's coefficients over ``touching``
        return [eq.coef(ref) if ref in eq.cells else 0 for eq in touching]

    def reduce(vec: list[int]) -> list[int]:
        for pivot, b in basis:
            f = vec[pivot]
            if f:
                d = b[pivot]
                vec = [d * x - f * y for x, y in zip(vec, b, strict=True)]
                g = gcd(*vec)
                if g > 1:
                    vec = [x // g for x in vec]
        return vec

    for ref in sorted(forced):
        vec = reduce(column(ref))
        pivot = next((i for i, x in enumerate(vec) if x), None)
        if pivot is not None:
            basis.append((pivot, vec))
    free = []
    others = [eq for eq in eqs if forced.isdisjoint(eq.cells)]
    for ref in read:
        if any(ref in eq.cells for eq in others) or not any(ref in eq.cells for eq in touching):
            continue  # a rule over known cells only checks it (or no rule holds it: not this check's)
        if not any(reduce(column(ref))):
            free.append(ref)
    return free
