"""Readers: the ways a labelled table's values can be printed, each behind
one small interface, registered in :data:`READERS` (like the table kinds).

A reader answers two questions about a table region whose row labels are
found: ``detect`` — is the region printed its way (0: no; more: how much of
it is) — and ``read`` — the cells, as it reads them, with its diagnostics,
and how strongly the region is its own. :func:`read_labelled` runs every
reader that detects the region and decides between their readings:

* a reading that *settles* the table (every required cell, no rule broken)
  is taken; when two readers each settle it with different values, the cells
  on which they differ are a conflict, left empty (``TBL_READER_CONFLICT``),
  never silently one of them;
* when none settles it, the reading that claims the region most strongly is
  taken (a block reader that placed several rows' values in one block claims
  it over values read after labels, which in such text are another row's; one
  that placed no value claims the region only when the values read after the
  labels break a rule: then nothing is taken), unless another reading holds
  more than twice as many values; the cells another reader reads otherwise
  are left empty and the rest placed (the layout taken was a choice).

A new way of printing values is one class with these two calls and one
entry in :data:`READERS`.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from ..arith import equations
from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import UNTIL_RULES_HOLD, Cell
from .anchors import Anchor
from .blocks import read_blocks
from .labelled import extract_labelled
from .place import SpanOf, doubted, empty_cells
from .prose import ProseEvidence
from .stream import NUMERIC_LINE, Stream

Rows = dict[str, dict[str, Cell]]


class Reading(NamedTuple):
    rows: Rows
    diagnostics: list[Diagnostic]
    claim: int  # how strongly the region is printed this reader's way: 1 a reading, 2 the region's own
    reader: str = ""


class Reader(Protocol):
    name: str

    def detect(self, t: TableGrammar, s: Stream, anchors: dict[str, Anchor]) -> float:
        """0 when the region is not printed this way; else a score."""

    def read(self, t: TableGrammar, s: Stream, anchors: dict[str, Anchor], span_of: SpanOf,
             evidence: ProseEvidence | None) -> Reading | None:
        """The cells as this reader reads them, or None when it finds none of its layout."""


class InlineReader:
    """Values printed after each row's label, on its line or the lines up to
    the next label: tab-separated, one cell per line, space-aligned, ``|``
    separated, digits run together, Markdown rows with their labels
    (:mod:`.labelled`, :mod:`.place`, :mod:`.split`)."""

    name = "inline"

    def detect(self, t: TableGrammar, s: Stream, anchors: dict[str, Anchor]) -> float:
        return 1.0 if anchors else 0.0

    def read(self, t: TableGrammar, s: Stream, anchors: dict[str, Anchor], span_of: SpanOf,
             evidence: ProseEvidence | None) -> Reading | None:
        return Reading(*extract_labelled(t, s, span_of, anchors, evidence), claim=1, reader=self.name)


class BlockReader:
    """Values printed apart from their labels, in blocks of value-only lines:
    pdfminer's column order, converter Markdown's bare value rows (:mod:`.blocks`)."""

    name = "blocks"

    def detect(self, t: TableGrammar, s: Stream, anchors: dict[str, Anchor]) -> float:
        lines = s.text.split("\n")
        values = sum(1 for line in lines if line.strip() and NUMERIC_LINE.match(line))
        return values / len(lines) if anchors and lines else 0.0

    def read(self, t: TableGrammar, s: Stream, anchors: dict[str, Anchor], span_of: SpanOf,
             evidence: ProseEvidence | None) -> Reading | None:
        got = read_blocks(t, s, anchors, span_of)
        if got is None:
            return None
        rows, reading = got
        # blocks seen but no value placed: the region is claimed only against values after the labels that
        # break a rule (read_labelled), which in column-order text are another row's
        placed = any(c.value is not None for cells in rows.values() for c in cells.values())
        # a block's place (which rows and columns printed before it) is confirmed only by the rules that hold
        # its cells, once they have all their cells and hold: a block of 0s fits any rows it is counted into
        # where no rule checks a cell (table 二), a block of several columns' values one per line fills it by
        # the order alone (taken only when its values are all equal, and equal values fit any rows): placed.
        # A printed row's order is its own; a one-column block is one value per row
        ruled = {ref for eq in equations(t) for ref in eq.cells}
        by_order = {(r, c) for b in reading.blocks if not b.printed and len(b.cols) > 1 for r in b.rows for c in b.cols}
        rows = {r: {c: doubted(cell, UNTIL_RULES_HOLD) if (r, c) in ruled
                    else doubted(cell, BLOCK_ORDER_ONLY) if (r, c) in by_order else cell for c, cell in cols.items()}
                for r, cols in rows.items()}
        return Reading(rows, reading.diagnostics, claim=2 if placed else 0, reader=self.name)


BLOCK_ORDER_ONLY = ("a block of several columns' values printed apart from its labels, in a table no rule checks: the rows it "
                    "fills rest on the order the text prints blocks in (pdfminer's scattered order put 0s of other "
                    "rows into a cell printed as nothing)")
READERS: dict[str, Reader] = {"inline": InlineReader(), "blocks": BlockReader()}


def read_labelled(t: TableGrammar, s: Stream, anchors: dict[str, Anchor], span_of: SpanOf,
                  evidence: ProseEvidence | None = None) -> Reading:
    """The table read by the readers that detect its region (see the module's docstring)."""
    readings: list[Reading] = []
    for reader in READERS.values():
        if reader.detect(t, s, anchors) > 0 and (got := reader.read(t, s, anchors, span_of, evidence)) is not None:
            readings.append(got)
    if not readings:
        return Reading({r.id: empty_cells(r.columns) for r in t.rows}, [], claim=0)
    settling = [r for r in readings if settled(t, r.rows)]
    if settling:
        return _agreed(t, settling)
    if any(r.claim == 0 for r in readings) and not all(consistent(t, r.rows) for r in readings if r.claim):
        # a block reader saw blocks of values apart from the labels but placed none, and the values after
        # the labels break a rule (or no rule checks them, or there are none): they may be other rows', so
        # neither is taken (the block reader's diagnostics say what was seen)
        return next(r for r in readings if r.claim == 0)
    taken = max(readings, key=lambda r: r.claim)  # (max: the first of the strongest, in registry order)
    fuller = max((r for r in readings if r.claim), key=_filled)
    if 2 * _filled(taken) < _filled(fuller):
        # a few value-only lines (a wrapped label's values on a line of their own) made the block reader claim
        # a region the values after the labels read more than twice as fully: the claim goes with the reading
        taken = fuller
    return _contested(t, taken, [r for r in readings if r is not taken and r.claim])


def _filled(reading: Reading) -> int:
    return sum(cell.value is not None for cols in reading.rows.values() for cell in cols.values())


READERS_DIFFER = ("two readers of the table's layout read some of its cells differently, and neither reads it whole "
                  "with every rule holding: the layout taken is a choice")


def _contested(t: TableGrammar, taken: Reading, others: list[Reading]) -> Reading:
    """The reading taken, its cells that another reader read with another
    value left empty (``TBL_READER_CONFLICT``): when neither settles the
    table, the stronger claim says which layout the region is printed in,
    not which of two values is right (value-only lines under wrapped labels
    look like the blocks of column-order text)."""
    differ = sorted({(r, c) for other in others for r, cols in other.rows.items() for c, cell in cols.items()
                     if cell.value is not None and taken.rows[r][c].value is not None
                     and cell.value != taken.rows[r][c].value})
    if not differ:
        return taken
    # the layout itself is in doubt: the cells the readers do not contest rest on it too (placed, not read)
    rows = {r: {c: doubted(cell, READERS_DIFFER) for c, cell in cols.items()} for r, cols in taken.rows.items()}
    return _left_empty(t, taken._replace(rows=rows), differ, [taken, *others], ", neither whole with every rule holding, that")


def _agreed(t: TableGrammar, settling: list[Reading]) -> Reading:
    """The first settling reading, its cells that another settling reading
    gives differently left empty as a conflict."""
    first = settling[0]
    if len(settling) == 1:
        return first
    differ = sorted({(r, c) for other in settling[1:] for r, cols in other.rows.items() for c, cell in cols.items()
                     if cell.value != first.rows[r][c].value})
    if not differ:
        return first
    return _left_empty(t, first, differ, settling, " that each satisfy its rules but")


def _left_empty(t: TableGrammar, reading: Reading, differ: list[tuple[str, str]], readers: list[Reading],
                how: str) -> Reading:
    """``reading`` with the cells in ``differ`` left empty, and the
    ``TBL_READER_CONFLICT`` that names them."""
    rows = {r: dict(cols) for r, cols in reading.rows.items()}
    for r, c in differ:
        old = rows[r][c]
        rows[r][c] = Cell(None, old.raw, "missing", old.span)
    diag = Diagnostic("TBL_READER_CONFLICT", f"the table's values read two ways ({', '.join(x.reader for x in readers)}){how} "
                      f"differ in {len(differ)} cell(s), left empty: "
                      f"{', '.join(f'{r}.{c}' for r, c in differ[:8])}", None, f"tables.{t.key}")
    return Reading(rows, reading.diagnostics + [diag], reading.claim, reading.reader)


def consistent(t: TableGrammar, rows: Rows) -> bool:
    """The table has rules, none is broken or made impossible by the cells
    read, and one whose cells are all read and not all 0 holds (a rule over
    0s holds whatever the values' order)."""
    values = {(r, c): cell.value for r, cols in rows.items() for c, cell in cols.items()}
    eqs = equations(t)
    return (not any(eq.impossible(values) for eq in eqs)
            and any(eq.residual(values) == 0 and any(values[ref] for ref in eq.cells) for eq in eqs))


def settled(t: TableGrammar, rows: Rows) -> bool:
    """Every cell of every required row read, and no rule broken."""
    if any(cell.value is None for r in t.rows if not r.optional for cell in rows[r.id].values()):
        return False
    values = {(r, c): cell.value for r, cols in rows.items() for c, cell in cols.items()}
    return not any(eq.broken(values) for eq in equations(t))
