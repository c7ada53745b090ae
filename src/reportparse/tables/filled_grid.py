"""Values a converter that fills a merged cell's grid may have copied.

Converters that turn a table into a full grid print a merged cell's text in
every grid cell it covers: python-docx's ``row.cells`` (a Word table, or one
pdf2docx made of a PDF), Docling's Markdown and CSV. Such text shows it in
its labels: the same label in two cells side by side
(``法人或其他组织\\t法人或其他组织``; a label opening two lines in a row is
no sign: 四's header prints 结果维持… on two lines).
pdf2docx takes an empty cell of a table without rules between its rows for
part of the cell above or below it, so the grid prints that cell's value
twice in a column (``行政处罚 3485`` / ``行政强制 3485`` where 行政强制's
cell was empty): in a table no rule checks (二), nothing tells the copy from
a value printed twice. In text showing a filled grid, two rows printed one
after the other (no line of words between them) that read the same value
other than 0 in a column no rule checks are placed. A 0 is left as read: an
empty cell of these tables stands for none far more often than for a count
not given, so a 0 copied into one mostly says what it did, while placing
every pair of 0s would leave most 二 tables of Word documents not valid
(python-docx of Word reports, 20 generated: 50 → 41 valid tables).

Where a rule does check the copies, two of them in one row can leave its
sum short where a third cell's column is short too, and the rules then
agree on one "misread" at that crossing: a printed value corrected wrong.
A copy is no misread, so in text showing a filled grid a table whose rules
corrected a printed value is not valid (:func:`filled_corrections_doubted`)."""

from __future__ import annotations

from itertools import pairwise

from ..arith import equations
from ..diagnostics import Diagnostic
from ..grammar import Template
from ..model import Cell, Table
from ..startcache import compiled
from .place import doubted

FILLED_NEIGHBOUR = ("the same value as the row printed next to it in this column, in text that fills a merged cell's grid "
                    "(a converter may have taken an empty cell for part of its neighbour and printed the neighbour's "
                    "value in it), and no rule checks the column")
_LABEL = compiled(r"(?=(?:[^\t\d]*\p{Han}){4})[^\t\d]+")  # four Han characters or more (not 结果 结果 of a header cut), no digit


def filled_neighbours_doubted(text: str, template: Template, tables: dict[str, Table]) -> list[Diagnostic]:
    """Place equal values other than 0 in rows printed one after the other of a
    column no rule checks, when ``text`` shows a filled grid (see the module's text)."""
    pairs = []
    for tg in template.tables.values():
        table = tables.get(tg.key)
        if table is None:
            continue
        ruled = {ref for eq in equations(tg) for ref in eq.cells}
        for upper, lower in pairwise(tg.rows):
            for c in set(upper.columns) & set(lower.columns):
                a, b = table.rows[upper.id][c], table.rows[lower.id][c]
                if ((upper.id, c) not in ruled and (lower.id, c) not in ruled and a.status == b.status == "read"
                        and a.value == b.value and a.value and _neighbours(text, a, b)):
                    pairs.append((tg.key, upper.id, lower.id, c))
    if not pairs or not _fills_grid(text):
        return []
    out = []
    for key, upper, lower, c in pairs:
        rows = tables[key].rows
        for rid in (upper, lower):
            rows[rid][c] = doubted(rows[rid][c], FILLED_NEIGHBOUR)
        out.append(Diagnostic("TBL_FILLED_NEIGHBOUR", f"{upper}.{c} and {lower}.{c} both read {rows[upper][c].raw!r} "
                              "in text that fills merged cells: one may be a copy of the other", rows[lower][c].span,
                              f"tables.{key}.{lower}"))
    return out


def _neighbours(text: str, upper: Cell, lower: Cell) -> bool:
    """Whether two cells stand in rows printed one after the other: no line
    of words between them (a border line may be: ``+----+``), so one cell
    could span both."""
    if upper.span is None or lower.span is None:
        return False
    end = text.find("\n", upper.span.end)  # the end of the upper cell's line
    if end < 0 or end >= lower.span.start:
        return False
    return not _HAN.search(text, end, text.rfind("\n", 0, lower.span.start) + 1)


_HAN = compiled(r"\p{Han}")
_CELL_SEP = compiled(r"[\t|│┃,]")


def _fills_grid(text: str) -> bool:
    """Whether the text prints a label twice side by side in cells apart by
    tabs, pipes (a Markdown or tabulate grid) or commas (CSV), or, on a line
    without one, spaces."""
    for line in text.split("\n"):
        fields = [f.strip(' "') for f in _CELL_SEP.split(line)] if _CELL_SEP.search(line) else line.split()
        if any(a == b and _LABEL.fullmatch(a) for a, b in pairwise(fields)):
            return True
    return False


FILLED_CORRECTED = ("in text that fills a merged cell's grid, the rules corrected a printed value of this table: a "
                    "converter's copies of a neighbour into empty cells can make a printed value look misread (the "
                    "rules' shortfalls cross at it), so the correction is in doubt and the table is not valid")


def filled_corrections_doubted(text: str, tables: dict[str, Table]) -> list[Diagnostic]:
    """Make not valid each table whose rules corrected a printed value, when
    ``text`` shows a filled grid (see the module's text)."""
    corrected = [key for key, t in tables.items() if t.valid and any(c.status == "corrected" for cells in t.rows.values()
                                                                   for c in cells.values())]
    if not corrected or not _fills_grid(text):
        return []
    for key in corrected:
        tables[key].valid = False
    return [Diagnostic("TBL_FILLED_CORRECTED", f"table {key}: {FILLED_CORRECTED}", tables[key].span, f"tables.{key}")
            for key in corrected]
