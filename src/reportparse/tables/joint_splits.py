"""Several rows of run-together digits decided together: the one
combination of their splits under which every rule that can be checked
holds, narrowed first by what the report's prose states."""

from __future__ import annotations

from dataclasses import replace

from ..arith import equations, possible_choices, row_equation
from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import Cell
from .place import BLANKS_SEVERAL_PLACES, CUT_SEVERAL_WAYS, Placed, SpanOf
from .prose import PROSE_DECIDED, Stated, narrow
from .split import agreed, ambiguous

SPLIT_UNCHECKED = "a row's digits cut the one way the rules leave possible, though no rule with all its cells known checks it"


def resolve_splits(t: TableGrammar, rows: dict[str, dict[str, Cell]], pending: dict[str, Placed],
                    span_of: SpanOf, diags: list[Diagnostic], stated: dict[tuple[str, str], Stated]) -> None:
    """Several rows of run-together digits: keep the one combination of splits
    under which every rule that can be checked holds, if there is exactly one.
    A row's splits are first narrowed to those that give the values the prose
    states (``stated``); cells so decided are ``inferred``, each statement named."""
    eqs = equations(t)
    used: dict[str, list[Stated]] = {}
    for rid, placed in pending.items():
        placed.candidates, facts = narrow(placed.candidates, t.row(rid).columns, rid, stated)
        if facts:
            used[rid] = facts
    base = {(r, c): cell.value for r, cols in rows.items() for c, cell in cols.items() if cell.status == "read"}
    ids = list(pending)
    combos = 1
    for rid in ids:
        combos *= len(pending[rid].candidates)
    winners: list[tuple[list, ...]] | None = None  # None: too many combinations to try
    if combos <= 20000:
        winners = possible_choices(eqs, base, [([(rid, c) for c in t.row(rid).columns], pending[rid].candidates) for rid in ids])
    # each winner with its rows' cells printed as nothing filled by their rows' own rules, where they can be;
    # a rule over such a cell checks nothing (``_checked_in_every``'s ``spent``)
    filled_in: dict[tuple, list] = {}  # (row, reading) -> the reading filled (combinations share a row's readings)

    def fill(rid: str, sol: list) -> list:
        key = (rid, tuple(sol))
        if key not in filled_in:
            filled_in[key] = _filled(t, rid, sol)
        return filled_in[key]
    whole = [tuple(fill(rid, sol) for rid, sol in zip(ids, combo, strict=True)) for combo in winners or []]
    filled = {(rid, c) for combo in winners or [] for rid, sol in zip(ids, combo, strict=True)
              for c, v in zip(t.row(rid).columns, sol, strict=True) if v is None}
    checked = _checked_in_every(eqs, base, [[(rid, c) for c in t.row(rid).columns] for rid in ids],
                                whole,
                                {eq for eq in eqs if not filled.isdisjoint(eq.cells)})
    for i, rid in enumerate(ids):
        placed = pending[rid]
        span = next(iter(placed.cells.values())).span
        raw = next(iter(placed.cells.values())).raw
        path = f"tables.{t.key}.{rid}"
        status, why = ("inferred", PROSE_DECIDED) if rid in used else ("read", placed.doubt)

        def unanchored(c: str, rid: str = rid, why: str | None = why,
                       unchecked: str = placed.unchecked or SPLIT_UNCHECKED) -> str | None:
            # the rules only leave the cut possible: no rule with all its cells known holds over the cell
            return why or (None if (rid, c) in checked else unchecked)
        if winners is not None and len(winners) == 1:
            sol = winners[0][i]
            rows[rid] = {c: Cell(v, raw, status, span, unanchored=unanchored(c)) if v is not None else Cell(None, raw, "missing", span)
                         for c, v in zip(t.row(rid).columns, sol, strict=True)}
            holds = "the table's rules hold" + (" and that gives what the prose states" if rid in used else "")
            diags.append(Diagnostic("TBL_SPLIT", f"{raw!r} split as {sol} (the only split under which {holds})", span, path))
            diags += _prose_notes(raw, used.get(rid, []), path)
            continue
        # cells on which every split that the rules allow agrees are read; the rest stay empty
        sols = [w[i] for w in winners] if winners is not None else placed.candidates
        kept = agreed(sols) if winners != [] else [None] * len(t.row(rid).columns)
        # each reading with its empty cells filled by the row's rule: agreed only where the rule fills every one
        filled_sols = [fill(rid, s) for s in sols] if winners else []
        forced = kept if not filled_sols or any(None in f for f in filled_sols) else agreed(filled_sols)
        # a value no reading prints is the rules' to force (check), not the text's
        forced = [v if any(s[i] is not None for s in sols) else kept[i] for i, v in enumerate(forced)]
        for i, (c, v) in enumerate(zip(t.row(rid).columns, forced, strict=True)):
            if v is not None:  # (printed as nothing in some readings, the row's rule giving it the value the others print:
                # read as a split is, the row's digits read with its rule's help)
                rows[rid][c] = Cell(v, raw, status, span, unanchored=unanchored(c))
            elif sols and (rows[rid][c].unanchored == BLANKS_SEVERAL_PLACES
                           or rows[rid][c].unanchored == CUT_SEVERAL_WAYS and winners is not None) \
                    and len({s[i] for s in sols} - {None}) <= 1:
                # printed as nothing in some readings, the same value in the others: a value the rules force
                # there contradicts no reading that prints one (every reading under which the rules hold was
                # tried: one that prints the value holds those rules with it, so what they force is that value)
                rows[rid][c] = replace(rows[rid][c], unanchored=None)
        diags.append(Diagnostic("TBL_SPLIT_AMBIGUOUS", ambiguous(raw, len(sols), t.row(rid).columns, forced)
                                + (" (a cell printed as nothing in some of them filled by the row's own rule)" if forced != kept else ""),
                                span, path))
        if any(v is not None for v in kept):
            diags += _prose_notes(raw, used.get(rid, []), path)


def _filled(t: TableGrammar, rid: str, sol: list) -> list:
    """A reading with its cells printed as nothing filled by the row's own
    rule where it fills them (the one empty cell's value, or 0 for each
    where the values read already balance); the others stay empty. ``0 0 0
    0 0 0`` for seven cells gives seven zeros whichever was empty: the row is
    decided though no split is."""
    eq = row_equation(t, rid)
    if eq is None or None not in sol:
        return sol
    refs = [(rid, c) for c in t.row(rid).columns]
    values = dict(zip(refs, sol, strict=True))
    values.update(eq.solved(values))
    return [values[r] for r in refs]


def _checked_in_every(eqs: list, base: dict, groups: list[list[tuple[str, str]]],
                      winners: list[tuple[list, ...]], spent: set) -> set[tuple[str, str]]:
    """The cells that, under every winning combination of splits, are in a
    rule whose cells are all known and which holds (none when no winner);
    ``spent``: the rules over a cell printed as nothing in some combination
    (filled there by its row's rule): the row's holds because it filled it,
    and another holds only with that filled value, which vouches for a sum,
    not for each value — neither checks anything."""
    mine = {ref for refs in groups for ref in refs}
    eqs = [eq for eq in eqs if not mine.isdisjoint(eq.cells)]
    out: set[tuple[str, str]] | None = None
    for combo in winners:
        values = dict(base)
        for refs, sol in zip(groups, combo, strict=True):
            values.update(zip(refs, sol, strict=True))
        here = {ref for eq in eqs if eq not in spent and eq.residual(values) == 0 for ref in eq.cells}
        out = here if out is None else out & here
        if not out:
            break
    return out or set()


def _prose_notes(raw: str, facts: list[Stated], path: str) -> list[Diagnostic]:
    return [Diagnostic("TBL_SPLIT_PROSE", f"{raw!r}: the prose states {f.value} ({f.text!r}), which decides the split",
                       f.span, path) for f in facts]

