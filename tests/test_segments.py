"""Columns cut into bands (tables/segments.py): the order pdfminer's text-box
tree prints a ruled table's numbers in, read back by trying the orders
against the template's rules. The table is 2021's 三 with the values of a
generated report (tests/fixtures/pdfminer-banded-900.truth.json)."""

from __future__ import annotations

import itertools
import json

import pytest

from reportparse.arith import equations
from reportparse.grammar import load_grammars
from reportparse.tables.segments import Budget, banded_readings
from reportparse.tables.tokens import Value

from conftest import FIXTURES

TABLE = load_grammars().templates["ogi-2021"].tables["applications"]
TRUTH = json.loads((FIXTURES / "pdfminer-banded-900.truth.json").read_text(encoding="utf-8"))["truth"]
COLS = list(TABLE.columns)
# the block pdfminer prints after the labels: every row but the two above the result rows
ROWS = [r.id for r in TABLE.rows if r.id not in ("new", "carried_over") and not r.optional]
BASE = {(r, c): TRUTH[f"applications.{r}.{c}"] for r in ("new", "carried_over") for c in COLS}


def _printed(groups: list[tuple[list[str], tuple[int, ...]]]) -> list[Value]:
    """The block's values as printed: each group of columns band after band
    (cut before the rows at the given indexes), each band column by column."""
    out = []
    for cols, cuts in groups:
        for a, b in itertools.pairwise([0, *cuts, len(ROWS)]):
            for c in cols:
                for r in ROWS[a:b]:
                    v = TRUTH[f"applications.{r}.{c}"]
                    out.append(Value("number", str(v), 0, 0, v))
    return out


def _truth_cells() -> dict[tuple[str, str], int]:
    return {(r, c): TRUTH[f"applications.{r}.{c}"] for r in ROWS for c in COLS}


BANDED = [([COLS[0]], ()), (COLS[1:3], (len(ROWS) - 2,)), *(([c], ()) for c in COLS[3:])]


def test_the_one_order_under_which_every_rule_holds_is_found():
    got = banded_readings(_printed(BANDED), ROWS, [COLS], equations(TABLE), BASE, 2, Budget())
    assert got is not None and len(got) == 1
    assert {ref: v.value for ref, v in got[0].items()} == _truth_cells()


def test_a_group_cut_twice_is_found_only_with_three_bands():
    three = [([COLS[0]], ()), (COLS[1:3], (5, len(ROWS) - 2)), *(([c], ()) for c in COLS[3:])]
    values = _printed(three)
    if [v.value for v in values] == [v.value for v in _printed([([c], ()) for c in COLS])]:
        pytest.skip("the cut moves only equal values in this report")
    eqs = equations(TABLE)
    assert banded_readings(values, ROWS, [COLS], eqs, BASE, 2, Budget()) == []
    got = banded_readings(values, ROWS, [COLS], eqs, BASE, 3, Budget())
    assert got is not None and [{ref: v.value for ref, v in g.items()} for g in got] == [_truth_cells()]


def test_a_misprinted_value_leaves_no_order():
    values = _printed(BANDED)
    k = next(i for i, v in enumerate(values) if v.value)
    values[k] = Value("number", "x", 0, 0, values[k].value + 1)
    assert banded_readings(values, ROWS, [COLS], equations(TABLE), BASE, 3, Budget()) == []


def test_a_search_past_its_budget_gives_nothing():
    """Given up, never a reading from a search cut short."""
    assert banded_readings(_printed(BANDED), ROWS, [COLS], equations(TABLE), BASE, 3, Budget(5)) is None


def test_cells_an_earlier_block_gave_are_skipped():
    """自然人's first five cells printed among the labels (given): the block holds the rest."""
    given = frozenset((r, COLS[0]) for r in ROWS[:5])
    values = [v for v in _printed(BANDED)][5:]
    got = banded_readings(values, ROWS, [COLS], equations(TABLE), BASE | {ref: TRUTH[f"applications.{ref[0]}.{ref[1]}"] for ref in given},
                          2, Budget(), given)
    assert got is not None and len(got) == 1
    assert {ref: v.value for ref, v in got[0].items()} == {k: v for k, v in _truth_cells().items() if k not in given}
