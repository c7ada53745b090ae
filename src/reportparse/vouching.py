"""Values a rule holds over but cannot vouch for.

A rule that holds is evidence for its cells, except where what it compares
may itself be wrong in the same way: a row that breaks another rule may hold
another row's values, so what a rule forces in or from it is not trusted
(:func:`forced_from_shaky_rows`); and in OCR output a value compared only with
the same number printed again passes a misread of both
(:func:`checked_only_by_copies`). :func:`.rules.check_table` uses both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .arith import CellRef, Equation, Values
    from .model import Cell
    from .rules import Forcing


def forced_from_shaky_rows(cells: dict[CellRef, Cell], forcing: dict[CellRef, list[Forcing]],
                            conflicted: set[CellRef]) -> set[CellRef]:
    """Values the rules forced into a row some cell of which is in a rule that
    fails, or from such a row, or from such a value: a row that breaks a rule
    may hold another row's values (a label lost, its values read as the row
    before), and a rule that holds over it then forces a wrong value."""
    rows = {r for r, _ in conflicted}
    out: set[CellRef] = set()
    changed = True
    while changed:
        changed = False
        for ref, events in forcing.items():
            if ref in out or cells[ref].status != "inferred":
                continue
            if ref[0] in rows or any(src[0] in rows or src in out for ev in events for src, _ in ev.sources):
                out.add(ref)
                changed = True
    return out


def checked_only_by_copies(eqs: list[Equation], values: Values) -> list[CellRef]:
    """Values other than 0 that no rule checks against other numbers, only
    against the same number printed again: a rule whose only two cells other
    than 0 are the value and that copy (行政诉讼's 纠正 38 and its 总计 38, the
    other parts 0). OCR misreads a glyph the same way wherever it prints it
    (38 read as 88 in both), so such a rule holds over a misread. A value is
    checked by a rule over three or more values other than 0 (or one whose
    copy is: a misread of both would break that rule); a rule over 0s checks
    too (one 0 misread as 8 where others stay 0 breaks it)."""
    known = [eq for eq in eqs if all(values.get(r) is not None for r in eq.cells)]
    nonzero = [[r for r in eq.cells if values[r]] for eq in known]
    checked = {r for cells in nonzero if len(cells) >= 3 for r in cells}
    copies = [cells for cells in nonzero if len(cells) == 2]
    changed = True
    while changed:
        changed = False
        for a, b in copies:
            if (a in checked) != (b in checked):
                checked.update((a, b))
                changed = True
    return sorted({r for cells in copies for r in cells} - checked)
