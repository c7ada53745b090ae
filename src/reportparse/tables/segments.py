"""A block of values in the order of pdfminer's text-box tree: columns cut into bands.

pdfminer.six groups a page's text boxes into a binary tree, closest boxes
first, and prints each group's two halves upper one first, else left one
first. In a ruled table each number is a box; a column's numbers are closest
to each other, so they group into runs, but a taller row (a wrapped label, the
总计 row) can cut the columns of a group of neighbours into bands, printed one
band after the other (measured on generated PDFs: ``商业企业`` and
``科研机构``'s 21 items, then both their 总计 and 结转 rows, then each other
column whole). Within any such order a column's cells come top to bottom and
a row's left to right.

This module reads a block as such an order: its columns, as printed (the
总计 column possibly anywhere), split into groups of neighbours, each group
printed whole column by column, or as up to :data:`MAX_BANDS` bands, each
band column by column. Every such order is tried against the table's rules,
a group's columns checked as soon as it is read (orders that give a group the
same values are one); the orders under which every rule holds are the
block's readings. Cells an earlier block gave (a first column's values
printed among the labels: ``given``) are skipped where they stand. The
search is exhaustive or given up (more than
:data:`MAX_NODES` group readings checked for one table, or more than
:data:`MAX_READINGS` readings): a reading is never taken from a search cut
short.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from operator import itemgetter

from ..arith import Equation, Values
from .tokens import Value

CellRef = tuple[str, str]

MAX_BANDS = 3  # bands a group of columns may be cut into
MAX_NODES = 60000  # distinct group readings checked in one table's searches
MAX_READINGS = 16  # distinct readings under which the rules hold


class _GaveUp(Exception):
    pass


class Budget:
    """The group readings a table's searches may still check, shared by every
    search of one table (of every block, combination of the other blocks'
    readings and count of bands): past it, the searches are given up."""

    def __init__(self, nodes: int = MAX_NODES) -> None:
        self.left = nodes
        # the ways of reading a group of columns, made once for all the searches of a table
        # (keyed by the block's rows, the cells given, the group and its cuts)
        self.orders: dict[tuple, Callable[[Sequence], tuple]] = {}
        self.cells: dict[tuple, list[CellRef]] = {}

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise _GaveUp


def _cuts(k: int, g: int, bands: int) -> list[tuple[int, ...]]:
    """The rows where a group of ``g`` columns of ``k`` rows may be cut into
    at most ``bands`` bands; none for one column (a group of whole columns is
    as many groups of one)."""
    if g == 1:
        return [()]
    return [c for n in range(1, bands) for c in itertools.combinations(range(1, k), n)]


class _Search:
    """One block's search over its column sequences (:meth:`run`): column
    groups left to right, each group's cuts, a group kept when no equation
    over it is impossible; readings gathered in ``found``."""

    def __init__(self, values: list[Value], rows: list[str], eqs: list[Equation], base: Values, bands: int,
                 budget: Budget, given: frozenset[CellRef]) -> None:
        self.values, self.rows, self.eqs, self.base, self.budget = values, rows, eqs, base, budget
        self.given = given
        self.found: dict[tuple, dict[CellRef, Value]] = {}
        self.bands = bands
        self.cuts: dict[int, list[tuple[int, ...]]] = {}
        self.numbers = [v.value for v in values]
        self.given_cols = {c for _, c in given}
        self.block = (id(rows), given)  # (the rows list lives as long as the table's searches)

    def _cells(self, group: list[str]) -> list[CellRef]:
        """A group's cells in this block (column by column, top to bottom)."""
        key = (self.block, tuple(group))
        cells = self.budget.cells.get(key)
        if cells is None:
            cells = self.budget.cells[key] = [(r, c) for c in group for r in self.rows if (r, c) not in self.given]
        return cells

    def _take(self, group: list[str], cuts: tuple[int, ...]) -> Callable[[Sequence], tuple]:
        """For a group cut into bands at ``cuts``: a function from the group's
        printed values to its values in cell order (made once)."""
        key = (self.block, tuple(group), cuts)
        take = self.budget.orders.get(key)
        if take is None:
            edges = [0, *cuts, len(self.rows)]
            if self.given_cols.isdisjoint(group):  # no cell given: each cell's place follows from its band
                g = len(group)
                rows = [(a, b - a, i - a) for a, b in itertools.pairwise(edges) for i in range(a, b)]
                pos = [a * g + j * size + off for j in range(g) for a, size, off in rows]
            else:
                printed = [(r, c) for a, b in itertools.pairwise(edges) for c in group for r in self.rows[a:b]
                           if (r, c) not in self.given]
                at = {ref: p for p, ref in enumerate(printed)}
                pos = [at[ref] for ref in self._cells(group)]
            if len(pos) > 1:
                take = itemgetter(*pos)
            else:  # one cell, or none (a column an earlier block gave whole)
                take = lambda seq, pos=pos: tuple(seq[q] for q in pos)  # noqa: E731
            self.budget.orders[key] = take
        return take

    def run(self, seq: list[str]) -> None:
        rows = set(self.rows)
        cols = {c: i for i, c in enumerate(seq)}
        at = [(eq, {cols[ref[1]] for ref in eq.cells if ref[1] in cols and ref[0] in rows}) for eq in self.eqs]
        touching = _Touching([(eq, min(s), max(s)) for eq, s in at if s])
        self._step(seq, touching, 0, 0, dict(self.base), {})

    def _step(self, seq: list[str], touching: _Touching, j: int, p: int,
              known: Values, chosen: dict[CellRef, Value]) -> None:
        if j == len(seq):
            key = tuple(sorted((ref, v.value) for ref, v in chosen.items()))
            self.found.setdefault(key, dict(chosen))
            if len(self.found) > MAX_READINGS:
                raise _GaveUp
            return
        for g in range(1, len(seq) - j + 1):
            group = seq[j:j + g]
            cells = self._cells(group)
            n = len(cells)
            if p + n > len(self.values):
                break
            span, numbers = self.values[p:p + n], self.numbers[p:p + n]
            tried: set[tuple] = set()
            if g not in self.cuts:
                self.cuts[g] = _cuts(len(self.rows), g, self.bands)
            for cuts in self.cuts[g]:
                take = self._take(group, cuts)
                key = take(numbers)
                if key in tried:  # another cut giving the group the same values
                    continue
                tried.add(key)
                self.budget.spend()
                known.update(zip(cells, key, strict=True))  # (the deeper steps put back what they change)
                if not any(eq.impossible(known) for eq in touching.get(j, g)):
                    chosen.update(zip(cells, take(span), strict=True))
                    self._step(seq, touching, j + g, p + n, known, chosen)
            for ref in cells:
                chosen.pop(ref, None)
                known[ref] = self.base.get(ref)


class _Touching:
    """The equations to check once a group of columns ``j .. j + g - 1`` of a
    column sequence is read: those whose cells in the block reach over one of
    them (a few more than touch it; made when first asked)."""

    def __init__(self, spans: list[tuple[Equation, int, int]]) -> None:
        self.spans = spans  # each equation with the first and last column (in the sequence) it has a cell in
        self.memo: dict[tuple[int, int], list[Equation]] = {}

    def get(self, j: int, g: int) -> list[Equation]:
        got = self.memo.get((j, g))
        if got is None:
            got = self.memo[(j, g)] = [eq for eq, lo, hi in self.spans if lo < j + g and hi >= j]
        return got


def banded_readings(values: list[Value], rows: list[str], seqs: list[list[str]], eqs: list[Equation],
                    base: Values, bands: int, budget: Budget,
                    given: frozenset[CellRef] = frozenset()) -> list[dict[CellRef, Value]] | None:
    """Every reading of ``values`` (``len(rows)`` × columns) as columns cut
    into at most ``bands`` bands, for each column sequence in ``seqs``, under
    which no equation is impossible given ``base`` (the other cells known);
    the cells in ``given`` are not the block's (an earlier block gave them);
    None when the search was given up (``budget`` spent). Distinct by value."""
    search = _Search(values, rows, eqs, base, bands, budget, given)
    try:
        for seq in seqs:
            if len(rows) * len(seq) - len(given) == len(values):
                search.run(seq)
    except _GaveUp:
        return None
    return list(search.found.values())
