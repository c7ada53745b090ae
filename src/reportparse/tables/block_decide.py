"""Which reading of each block of values the table's rules allow.

:mod:`.blocks` gives each block of values printed apart from its labels its
rows and columns, and the ways it may be read (column by column, row by row,
the 总计 column anywhere, a short row's lost cell at each place). This module
decides: a block with one way is taken as read; of the combinations of the
others' readings, those under which every rule of the table holds decide a
cell where they agree. When none holds, a block of several rows and columns is
read as columns cut into bands (pdfminer's text-box tree, :mod:`.segments`).
A block whose place is itself a supposition (``Block.supposed``) is kept only
where the rules, every cell of theirs known, hold over each of its cells.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from ..arith import Equation, equations
from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from .segments import MAX_BANDS, Budget, banded_readings
from .tokens import Value

if TYPE_CHECKING:
    from .blocks import Block, BlockReading

MAX_COMBINATIONS = 4096  # combinations of a table's block readings tried against its rules

CellRef = tuple[str, str]


def _agreed(readings: list[dict[CellRef, Value | None]]) -> dict[CellRef, Value]:
    """The cells every reading gives the same known value."""
    first, rest = readings[0], readings[1:]
    return {ref: v for ref, v in first.items()
            if v is not None and all((o := r[ref]) is not None and o.value == v.value for r in rest)}


def decide(t: TableGrammar, reading: BlockReading) -> None:
    """Each block's cells: its one reading, or, of the combinations of the
    blocks' readings, those under which every rule of the table holds, where
    they agree (none when no combination holds). In a table without rules a
    block of several columns is taken only when all its values are equal, or
    when exactly one of its readings puts every value where its column
    allows it (:func:`_in_domain`). Fills ``reading.cells``."""
    eqs = equations(t)
    if not eqs:  # nothing checks the order of its columns: blocks read one way, or one way its columns' domains allow
        for b in reading.blocks:
            ways = [got for _, got in b.readings()]
            # several rows and columns whose two orders read the same (values placed symmetrically) are no
            # evidence: pdfminer prints such blocks in other orders too (measured on generated PDFs)
            if not b.printed and len(b.cols) > 1 and len({v.value for v in b.values}) > 1:
                ways = [got for got in ways if _in_domain(t, got)] if len(ways) > 1 else []
                if len(ways) != 1:
                    reading.diagnostics.append(_undecided(t, b, "the table has no rule to decide"))
                    continue
                reading.diagnostics.append(Diagnostic(
                    "TBL_BLOCK_DOMAIN", f"a block of {len(b.rows)} rows × {len(b.cols)} columns printed apart from its labels "
                    "read in the one order that puts no negative number and no fraction in a column that cannot hold it",
                    b.span, f"tables.{t.key}"))
            # printed rows keep their own order; a short row's lost cell has no place
            reading.cells.update(_agreed(ways))
            if b.short_rows:
                reading.diagnostics.append(_short(t, b, "the table has no rule to place the lost cells"))
        return
    ways = [b.readings() for b in reading.blocks]
    for b, w in zip(reading.blocks, ways, strict=True):
        if len(w) == 1 and not b.supposed:
            reading.cells.update(_agreed([w[0][1]]))
            if b.short_rows:  # (every place of the lost cell reads the same: all the row's other cells equal)
                reading.diagnostics.append(_short(t, b, "every place of the lost cells reads the same"))
    multi = [(b, w) for b, w in zip(reading.blocks, ways, strict=True) if len(w) > 1 or b.supposed]
    if not multi:
        return
    base = {ref: v.value for ref, v in reading.cells.items()}
    combos = list(itertools.islice(itertools.product(*(range(len(w)) for _, w in multi)), MAX_COMBINATIONS + 1))
    winners: list[tuple[int, ...]] = []
    checked: set[CellRef] = set()  # cells a rule with every cell known holds over, in some winner
    if len(combos) <= MAX_COMBINATIONS:
        for combo in combos:
            values = dict(base)
            for (_, w), i in zip(multi, combo, strict=True):
                values.update({ref: v.value for ref, v in w[i][1].items() if v is not None})
            if _holds(eqs, values, checked):
                winners.append(combo)
        if not winners:
            winners = _banded(eqs, base, multi, combos, checked)
    for k, (b, w) in enumerate(multi):
        chosen = {c[k] for c in winners}
        if b.supposed and (len(chosen) != 1 or not set(w[next(iter(chosen))][1]) <= checked):
            reading.diagnostics.append(_undecided(t, b, "its place rests on the first column's cells printed among the labels, "
                                                  "which the rules do not confirm", "none of its values taken"))
            continue
        if len(chosen) == 1 and checked.isdisjoint(w[next(iter(chosen))][1]):
            # the one reading left is only possible, no rule with every cell known checks it (headers of a
            # block printed partly, its other columns' cells empty): it is a choice, its values are not taken
            # nothing is taken, not even the cells its readings agree on: where the block belongs is itself unchecked
            reading.diagnostics.append(_undecided(t, b, "no rule with all its cells read checks the one reading the rules leave",
                                                  "none of its values taken"))
            continue
        if chosen:  # no reading under which the rules hold: the block is not printed as read, nothing of it is taken
            reading.cells.update(_agreed([w[i][1] for i in sorted(chosen)]))
        if len(chosen) == 1:
            if w[next(iter(chosen))][0] == "banded":
                reading.diagnostics.append(Diagnostic(
                    "TBL_BLOCK_BANDS", f"a block of {len(b.rows)} rows × {len(b.cols)} columns printed apart from its labels "
                    "read as columns cut into bands (pdfminer's text-box order): the one such order under which every rule holds",
                    b.span, f"tables.{t.key}"))
            if b.short_rows:
                reading.diagnostics.append(_short(t, b, "the table's rules fix where the lost cells stood"))
            continue
        why = "several readings" if chosen else "no reading"
        reading.diagnostics.append((_short if b.short_rows else _undecided)(t, b, f"the table's rules hold under {why}"))


def _in_domain(t: TableGrammar, got: dict[CellRef, Value | None]) -> bool:
    """Every value one its column may hold: a negative number only in a signed
    column (本年增/减), a fraction only in a decimal one (an amount)."""
    for (_, c), v in got.items():
        if v is None or v.value is None:
            continue
        col = t.columns[c]
        if v.value < 0 and not col.signed or v.value != int(v.value) and not col.decimal:
            return False
    return True


def _bandable(b: Block) -> bool:
    return not b.printed and not b.variants and b.square and "column" in b.orders


def _add(w: list, got: dict[CellRef, Value], seen: dict[tuple, int]) -> int:
    """The index of a banded reading among the block's readings, added once."""
    key = tuple(sorted((ref, v.value) for ref, v in got.items()))
    if key not in seen:
        seen[key] = len(w)
        w.append(("banded", dict(got)))
    return seen[key]


def _holds(eqs: list[Equation], values: dict[CellRef, int | float | None], checked: set[CellRef]) -> bool:
    """No rule broken; if so, the cells of every rule with all its cells known join ``checked``."""
    if any(eq.impossible(values) for eq in eqs):
        return False
    checked.update(ref for eq in eqs if all(values.get(r) is not None for r in eq.cells) for ref in eq.cells)
    return True


def _banded(eqs: list[Equation], base: dict[CellRef, int | float | None], multi: list[tuple[Block, list]],
            combos: list[tuple[int, ...]], checked: set[CellRef]) -> list[tuple[int, ...]]:
    """When no combination of the blocks' readings holds: each block of several
    rows and columns read as columns cut into bands (pdfminer's text-box tree,
    :mod:`.segments`), the other blocks as they read — or, when that gives
    nothing and several blocks may be banded (a table split over pages), each
    of those searched with the others unknown and their readings combined.
    Groups cut once are tried before groups cut twice, and the first count of
    bands that gives readings under which every rule holds stands. The orders
    found are added to the blocks' readings and the combinations under which
    every rule holds returned (none when a search was given up)."""
    budget = Budget()
    bandable = [m for m, (b, _) in enumerate(multi) if _bandable(b)]
    seen: dict[int, dict[tuple, int]] = {m: {} for m in bandable}
    for bands in range(2, MAX_BANDS + 1):
        winners: list[tuple[int, ...]] = []
        for m in bandable:
            b, w = multi[m]
            own = set(b.cells("column"))
            for others in sorted({c[:m] + c[m + 1:] for c in combos}):
                values = dict(base)
                for (_, ow), i in zip(multi[:m] + multi[m + 1:], others, strict=True):
                    values.update({ref: v.value for ref, v in ow[i][1].items() if v is not None and ref not in own})
                found = banded_readings(b.values, b.rows, b.sequences(), eqs, values, bands, budget, b.given)
                if found is None:
                    return []
                for got in found:
                    if _holds(eqs, values | {ref: v.value for ref, v in got.items()}, checked):
                        winners.append(others[:m] + (_add(w, got, seen[m]),) + others[m:])
        if not winners and len(bandable) > 1:
            winners = _banded_together(eqs, base, multi, combos, bandable, bands, budget, seen, checked)
            if winners is None:
                return []
        if winners:
            return winners
    return []


def _banded_together(eqs: list[Equation], base: dict[CellRef, int | float | None], multi: list[tuple[Block, list]],
                     combos: list[tuple[int, ...]], bandable: list[int], bands: int, budget: Budget,
                     seen: dict[int, dict[tuple, int]], checked: set[CellRef]) -> list[tuple[int, ...]] | None:
    """Several blocks read in bands at once: each searched with the others'
    cells unknown, then their readings combined with the other blocks' (None
    when a search was given up or the combinations are too many)."""
    choices: list[list[int]] = [sorted(set(c[m] for c in combos)) for m in range(len(multi))]
    for m in bandable:
        b, w = multi[m]
        found = banded_readings(b.values, b.rows, b.sequences(), eqs, base, bands, budget, b.given)
        if found is None:
            return None
        choices[m] = [_add(w, got, seen[m]) for got in found]
    size = 1
    for c in choices:
        size *= len(c)
    if size > MAX_COMBINATIONS:
        return None
    winners = []
    for combo in itertools.product(*choices):
        values = dict(base)
        for (_, w), i in zip(multi, combo, strict=True):
            values.update({ref: v.value for ref, v in w[i][1].items() if v is not None})
        if _holds(eqs, values, checked):
            winners.append(combo)
    return winners


def _short(t: TableGrammar, b: Block, why: str) -> Diagnostic:
    return Diagnostic("TBL_ROW_SHORT", f"{b.short_rows} printed row(s) of a block of {len(b.rows)} rows × {len(b.cols)} columns "
                      f"lack a cell, and {why}; the lost cells, and cells whose place differs between the readings, left empty",
                      b.span, f"tables.{t.key}")


def _undecided(t: TableGrammar, b: Block, why: str, taken: str = "cells where the two differ left empty") -> Diagnostic:
    return Diagnostic("TBL_ORDER_UNDECIDED", f"a block of {len(b.rows)} rows × {len(b.cols)} columns printed apart from its labels "
                      f"can be read column by column or row by row and {why}; {taken}",
                      b.span, f"tables.{t.key}")


