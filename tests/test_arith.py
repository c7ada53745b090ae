"""The template's arithmetic: when an equation can no longer hold, and the
combinations of readings under which every equation still can."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from reportparse.arith import Equation, absorbed, equations, possible_choices
from reportparse.grammar import load_grammars

CELLS = [("a", "x"), ("b", "x"), ("c", "x"), ("d", "x")]
value = st.one_of(st.none(), st.integers(0, 9))


def _eq(lhs: int, signed: bool = False) -> Equation:
    return Equation("r", "x", tuple(CELLS[:lhs]), tuple(CELLS[lhs:]), "", signed)


@given(st.lists(value, min_size=4, max_size=4), st.integers(1, 3), st.booleans())
def test_impossible_is_broken_or_exceeded(vals, lhs, signed):
    eq = _eq(lhs, signed)
    values = dict(zip(CELLS, vals, strict=True))
    assert eq.impossible(values) == (eq.broken(values) or eq.exceeded(values) is not None)
    # impossible means no non-negative values of the unknown cells balance it (searched up to 30)
    unknown = [ref for ref in CELLS if values[ref] is None]
    if not signed:
        some = any(not eq.broken(values | dict(zip(unknown, fill, strict=True)))
                   for fill in itertools.product(range(31), repeat=len(unknown)))
        assert eq.impossible(values) == (not some)


def test_an_open_side_already_larger_is_impossible():
    eq = _eq(2)  # a + b = c + d
    assert eq.impossible({CELLS[0]: 5, CELLS[1]: None, CELLS[2]: 3, CELLS[3]: 1})  # a + ? >= 5 > 4
    assert not eq.impossible({CELLS[0]: 3, CELLS[1]: None, CELLS[2]: 3, CELLS[3]: 1})
    assert not eq.impossible({CELLS[0]: 5, CELLS[1]: None, CELLS[2]: None, CELLS[3]: 1})  # both sides open
    assert not _eq(2, signed=True).impossible({CELLS[0]: 5, CELLS[1]: None, CELLS[2]: 3, CELLS[3]: 1})


@given(st.lists(st.lists(st.lists(value, min_size=2, max_size=2), min_size=1, max_size=4), min_size=1, max_size=3),
       st.dictionaries(st.sampled_from(["new", "carried_over"]), st.integers(0, 20)))
def test_possible_choices_are_the_product_filtered(groups, base_rows):
    """The search gives what filtering the whole product gives, in its order."""
    t = load_grammars().templates["ogi-2021"].tables["applications"]
    eqs = equations(t)
    rows = ["result.total", "carried_forward", "result.disclosed"][:len(groups)]
    base = {(r, "natural_person"): v for r, v in base_rows.items()}
    choices = [([(r, "natural_person"), (r, "business")], readings) for r, readings in zip(rows, groups, strict=True)]
    want = []
    for combo in itertools.product(*(readings for _, readings in choices)):
        values = dict(base)
        for (cells, _), reading in zip(choices, combo, strict=True):
            values.update(zip(cells, reading, strict=True))
        if not any(eq.impossible(values) for eq in eqs):
            want.append(combo)
    assert possible_choices(eqs, base, choices) == want


def _rank(vectors: list[list[int]]) -> int:
    """Rank over the rationals, by plain elimination (the reference for :func:`absorbed`)."""
    from fractions import Fraction

    rows = [[Fraction(x) for x in v] for v in vectors]
    rank = 0
    for col in range(len(rows[0]) if rows else 0):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(len(rows)):
            if i != rank and rows[i][col]:
                f = rows[i][col] / rows[rank][col]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


GRID = [(r, c) for r in "abcd" for c in "xyz"]
an_equation = st.tuples(st.lists(st.sampled_from(GRID), min_size=1, max_size=3, unique=True),
                        st.lists(st.sampled_from(GRID), min_size=1, max_size=3, unique=True))


@given(st.lists(an_equation, min_size=1, max_size=7), st.sets(st.sampled_from(GRID), max_size=5))
def test_absorbed_cells_are_those_the_forced_cells_span(eqs, forced):
    """A read cell is absorbed exactly when its coefficients over the rules that
    touch a forced cell lie in the span of the forced cells' (rank over the rationals)."""
    eqs = [Equation("r", "x", tuple(lhs), tuple(c for c in rhs if c not in lhs), "") for lhs, rhs in eqs]
    eqs = [eq for eq in eqs if eq.rhs]
    read = [ref for ref in GRID if ref not in forced]
    got = absorbed(eqs, set(forced), read)
    touching = [eq for eq in eqs if not set(forced).isdisjoint(eq.cells)]

    def column(ref):
        return [eq.coef(ref) if ref in eq.cells else 0 for eq in touching]

    base = [column(ref) for ref in sorted(forced)]
    want = []
    for ref in read:
        if (any(ref in eq.cells for eq in eqs if set(forced).isdisjoint(eq.cells))
                or not any(ref in eq.cells for eq in touching)):
            continue
        if _rank(base + [column(ref)]) == _rank(base):
            want.append(ref)
    assert got == (want if forced else [])
