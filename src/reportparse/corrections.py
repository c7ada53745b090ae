"""Correct misread values: a read value that the template's rules agree is
wrong is replaced by the one value they allow, marked ``corrected`` with the
text it was read from kept. Used by :mod:`reportparse.rules` before and
between inference passes; nothing here guesses — a value changes only when
exactly one correction fits every rule that can check it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from .arith import CellRef, Equation, Values
from .diagnostics import Diagnostic
from .grammar import TableGrammar
from .model import Cell


def path(t: TableGrammar, ref: CellRef) -> str:
    return f"tables.{t.key}.{ref[0]}.{ref[1]}"


def _components(failing: list[Equation]) -> list[list[Equation]]:
    """Failing equations grouped by shared cells (independent misreads apart)."""
    groups: list[tuple[set[CellRef], list[Equation]]] = []
    for eq in failing:
        cells = set(eq.cells)
        merged = [g for g in groups if g[0] & cells]
        for g in merged:
            groups.remove(g)
            cells |= g[0]
        groups.append((cells, [e for g in merged for e in g[1]] + [eq]))
    return [g[1] for g in groups]


def _through_forced(eq: Equation, ref: CellRef, cells: dict[CellRef, Cell]) -> bool:
    """Whether a rule holds, besides ``ref``, a value the rules forced from a
    value placed by a choice (``Cell.unanchored``, inherited by what is forced
    from it): it is complete only through that choice, so it is no witness of
    a misread (a row lost and the row above printed twice in its place: a
    row's 总计 printed empty was forced from the column's 总计, over the
    repeated row, and then that row's rule and its column's agreed on a value
    for another of its cells that made up for the lost row, not a misread)."""
    return any(cells[r].status == "inferred" and cells[r].unanchored for r in eq.cells if r != ref)


def correct(t: TableGrammar, eqs: list[Equation], cells: dict[CellRef, Cell], values: Values,
             diags: list[Diagnostic]) -> None:
    """Correct a read value when every failing rule of its group runs through it
    and at least two rules agree on the one value that makes them all hold
    (two alone only when :func:`_explained`)."""
    failing = [eq for eq in eqs if eq.broken(values)]
    if not failing:
        return
    by_cell: dict[CellRef, list[Equation]] = defaultdict(list)
    for eq in eqs:
        for ref in eq.cells:
            by_cell[ref].append(eq)
    for group in _components(failing):
        common = set(group[0].cells)
        for eq in group[1:]:
            common &= set(eq.cells)
        fixes: list[tuple[CellRef, int]] = []
        for ref in sorted(common):
            if cells[ref].status != "read":
                continue
            implied = set()
            assessable = 0
            for eq in by_cell[ref]:
                res = eq.residual(values)
                if res is None or _through_forced(eq, ref, cells):
                    continue
                assessable += 1
                implied.add(values[ref] - res * eq.coef(ref))  # type: ignore[operator]
            if assessable >= 2 and len(implied) == 1:
                v = implied.pop()
                if v >= 0 and float(v).is_integer() and (assessable >= 3 or _explained(ref, int(v), by_cell, cells, values)):
                    trial = dict(values)
                    trial[ref] = int(v)
                    if not any(eq.broken(trial) for eq in by_cell[ref]):
                        fixes.append((ref, int(v)))
        if len(fixes) == 1:
            _fix(t, fixes[0][0], fixes[0][1], cells, values, diags)
    _correct_jointly(t, eqs, by_cell, cells, values, diags)


_MAX_FAILING = 3  # two misreads in one rule fail it and one more rule each


def _correct_jointly(t: TableGrammar, eqs: list[Equation], by_cell: dict[CellRef, list[Equation]],
                     cells: dict[CellRef, Cell], values: Values, diags: list[Diagnostic]) -> None:
    """Two misreads that share a rule (two cells of one row read short).
    A read cell that at least two rules can check, none of them holding, gets
    a candidate value: the one value two of its failing rules agree on, else
    the one value a failing rule names that is one digit away from what was
    read (a cell whose rules name two such values is left alone). One
    candidate, or two in one rule, are taken only when exactly one such choice
    makes every failing rule of the group hold without breaking another rule,
    and only in a group of at most three failing rules: two misreads in
    different rows and columns (four failing rules) can be mimicked by the
    other corners of their rectangle, and more misreads by other pairs."""
    failing = [eq for eq in eqs if eq.broken(values)]
    for group in _components(failing):
        if len(group) > _MAX_FAILING:
            continue
        cand = {ref: v for ref in sorted({ref for eq in group for ref in eq.cells})
                if (v := _candidate(ref, [eq for eq in by_cell[ref] if not _through_forced(eq, ref, cells)],
                                    cells[ref], values, by_cell, cells)) is not None}
        found: list[tuple[CellRef, ...]] = []
        for k in (1, 2):
            for chosen in itertools.combinations(sorted(cand), k):
                if k == 2 and not set(by_cell[chosen[0]]) & set(by_cell[chosen[1]]):
                    continue
                touched = {eq for ref in chosen for eq in by_cell[ref]} | set(group)
                trial = dict(values)
                trial.update((ref, cand[ref]) for ref in chosen)
                if not any(eq.broken(trial) for eq in touched):
                    found.append(chosen)
        if len(found) == 1:
            for ref in found[0]:
                _fix(t, ref, cand[ref], cells, values, diags)


def _candidate(ref: CellRef, eqs: list[Equation], cell: Cell, values: Values,
               by_cell: dict[CellRef, list[Equation]], cells: dict[CellRef, Cell]) -> int | None:
    """The one value the cell's failing rules name for it (see :func:`_correct_jointly`), or None."""
    if cell.status != "read":
        return None
    residuals = [(eq, eq.residual(values)) for eq in eqs]
    if sum(res is not None for _, res in residuals) < 2 or any(res == 0 for _, res in residuals):
        return None  # a cell only one rule can check, or one a rule that holds vouches for, is never changed
    votes: dict[int | float, int] = defaultdict(int)
    for eq, res in residuals:
        if res:  # a failing rule through this cell names the value that would make it hold
            votes[values[ref] - res * eq.coef(ref)] += 1  # type: ignore[operator]
    ok = {v: n for v, n in votes.items() if v >= 0 and float(v).is_integer()}
    agreed = [int(v) for v, n in ok.items() if n >= 3 or n == 2 and _explained(ref, int(v), by_cell, cells, values)]
    # else one rule's word: only a value OCR could have misread by one digit
    near = agreed or [int(v) for v in ok if _one_digit_apart(str(cell.raw or ""), str(int(v)))]
    return near[0] if len(near) == 1 else None  # two plausible values: the cell's own rules disagree


def _explained(ref: CellRef, v: int, by_cell: dict[CellRef, list[Equation]], cells: dict[CellRef, Cell],
               values: Values) -> bool:
    """Two rules alone (a row's and a column's) that agree on ``v`` for the
    cell where they cross: a misread of that cell, or two misreads, one in
    each rule, that leave the same shortfall (10 read as 1 in each: both short
    by 9; the other rules through them unknown, so they fail no rule of their
    own). Taken when what was read could be OCR's reading of ``v`` (one digit
    dropped, added or changed; a mark for a digit), or when every other cell
    of those rules is vouched for by a rule of its own that holds: two for a
    value the rules forced (a cell printed empty), one of which is the rule it
    was forced from and holds whatever the cells beside it are (a row's 总计
    printed empty, forced from its column over a row misread short, made that
    row's rule say the shortfall was another of its cells)."""
    cell = cells[ref]
    raw = str(cell.raw or "")
    read = values.get(ref)
    if (_one_digit_apart(raw, str(v)) or read is not None and _one_digit_apart(str(int(read)), str(v))
            or not any(ch.isdigit() for ch in raw)):
        return True
    for eq in by_cell[ref]:
        for other in eq.cells:
            if other == ref:
                continue
            holding = sum(e.residual(values) == 0 for e in by_cell[other] if ref not in e.cells)
            if holding < (1 if cells[other].status == "read" else 2):
                return False
    return True


def _one_digit_apart(raw: str, want: str) -> bool:
    """``want`` is ``raw``'s digits with one digit dropped, added or changed
    (the misreads OCR makes: 72 read as 7, 174 as 114)."""
    got = "".join(ch for ch in raw if ch.isdigit())
    if not got or got == want:
        return False
    if len(got) == len(want):
        return sum(a != b for a, b in zip(got, want, strict=True)) == 1
    short, long_ = sorted((got, want), key=len)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _fix(t: TableGrammar, ref: CellRef, v: int, cells: dict[CellRef, Cell], values: Values,
         diags: list[Diagnostic]) -> None:
    old = cells[ref]
    cells[ref] = Cell(v, old.raw, "corrected", old.span)
    values[ref] = v
    diags.append(Diagnostic("RULE_CORRECTED", f"{ref[0]}.{ref[1]} read as {old.value} ({old.raw!r}); the rules agree on {v}", old.span, path(t, ref)))
