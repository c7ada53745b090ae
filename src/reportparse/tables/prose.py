"""What the report's own prose states about table cells: evidence that
decides digits run together in a table row (``行政规范性文件8855698``) when
several splits are possible (issue 18, item 6).

The patterns are the grammar's (``[[tables.statements]]``: for a cell, how
prose states its value, ``{n}`` where the number stands). A cell is stated
only when every figure for it in the text gives the same value, and no
figure is claimed by the patterns of two cells: prose that says two things,
or that a pattern cannot attribute to one cell, is no evidence. The text is
searched once per table, on first use. A statement pattern holds a verb or a
qualifier before its object and a unit after the number (制发…规范性文件88件),
which a table's own cells never print.
"""

from __future__ import annotations

from typing import NamedTuple

from ..grammar import TableGrammar
from ..normalise import Canonical
from ..span import Span
from ..startcache import compiled

CellRef = tuple[str, str]


class Stated(NamedTuple):
    value: int | float
    span: Span
    text: str  # the statement as printed (canonical)


class ProseEvidence:
    """The cells the prose of one report states, per table (computed on first use)."""

    def __init__(self, c: Canonical) -> None:
        self.c = c
        self._stated: dict[str, dict[CellRef, Stated]] = {}

    def stated(self, t: TableGrammar) -> dict[CellRef, Stated]:
        if t.key not in self._stated:
            self._stated[t.key] = self._read(t)
        return self._stated[t.key]

    def _read(self, t: TableGrammar) -> dict[CellRef, Stated]:
        hits: dict[CellRef, list[tuple[int | float, int, int, int, int]]] = {}
        claims: dict[tuple[int, int], set[CellRef]] = {}  # figure span -> the cells whose patterns found it
        for st in t.statements:
            ref = (st.row, st.column)
            for pat in st.patterns:
                for m in compiled(pat).finditer(self.c.text):
                    num = m.group(1)
                    hits.setdefault(ref, []).append((float(num) if "." in num else int(num), m.start(), m.end(), m.start(1), m.end(1)))
                    claims.setdefault((m.start(1), m.end(1)), set()).add(ref)
        out: dict[CellRef, Stated] = {}
        for ref, found in hits.items():
            found = [h for h in found if len(claims[(h[3], h[4])]) == 1]
            if found and len({h[0] for h in found}) == 1:
                value, a, b, _, _ = found[0]
                out[ref] = Stated(value, self.c.span(a, b), self.c.text[a:b])
        return out


# why a prose-decided cell does not make its table valid (TBL_UNANCHORED): the statement may
# be about something else (a sub-unit's count) and still match one split of the digits
PROSE_DECIDED = "digits cut the one way that gives a value the prose states"

# Evidence must carry at least this many digits in all (a row's statements together): a short
# value such as 5 or 0 matches some split of most digit runs by chance, so prose about something
# else (a sub-unit's count) would decide the row; measured by bench/prose_evidence.py (off-topic).
MIN_DIGITS = 3


def _digits(value: int | float) -> str:
    return "".join(ch for ch in str(value) if ch.isdigit())


def narrow(candidates: list[list], columns: tuple[str, ...], row: str,
           stated: dict[CellRef, Stated]) -> tuple[list[list], list[Stated]]:
    """The splits of a row that agree with every value the prose states for
    it, and those statements; the candidates unchanged (and no statement)
    when the prose states none of its cells, when what it states holds fewer
    than :data:`MIN_DIGITS` digits, or when no split agrees (the prose then
    speaks of something else)."""
    facts = [(i, stated[(row, c)]) for i, c in enumerate(columns) if (row, c) in stated]
    if sum(len(_digits(f.value)) for _, f in facts) < MIN_DIGITS:
        return candidates, []
    kept = [sol for sol in candidates if all(sol[i] == f.value for i, f in facts)]
    if not kept or len(kept) == len(candidates):
        return candidates, []
    return kept, [f for _, f in facts]
