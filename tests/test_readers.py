"""Readers (issue 18, item 1): each way of printing a labelled table's values
is a reader with ``detect`` and ``read``, registered in ``READERS``; a table
is read by the readers that detect its region, and where two of them settle
it with different values the cells are a conflict, never one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportparse
from reportparse.grammar import load_grammars
from reportparse.model import Cell
from reportparse.tables import readers
from reportparse.tables.anchors import locate_rows
from reportparse.tables.stream import make_stream

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus/000_c93a36ffeb13c002.txt"


def _region(text: str, table: str = "applications"):
    """The stream and anchors of a table's region, as the pipeline builds them."""
    from reportparse.normalise import normalise
    from reportparse.options import ParseOptions
    from reportparse.sections import build_sections

    g = load_grammars()
    t = g.templates["ogi-2021"].tables[table]
    c = normalise(text, g)
    tree = build_sections(c, 0, len(c.text), g, g.templates["ogi-2021"])
    a, b = tree.regions[t.section]
    s = make_stream(c.text, a, b)
    found, _ = locate_rows(t, s, ParseOptions(), lambda x, y: None)
    return t, s, found


def test_every_registered_reader_has_a_name_detect_and_read():
    assert list(readers.READERS) == ["inline", "blocks"]
    for name, reader in readers.READERS.items():
        assert reader.name == name and callable(reader.detect) and callable(reader.read)


def test_a_tab_separated_table_is_the_inline_readers_not_the_block_readers():
    t, s, found = _region(SAMPLE.read_text(encoding="utf-8"))
    assert readers.READERS["inline"].detect(t, s, found) > 0
    assert readers.READERS["blocks"].detect(t, s, found) == 0


def test_converter_markdown_is_detected_by_the_block_reader_which_claims_it():
    md = (ROOT / "tests/fixtures/converter-detached.md").read_text(encoding="utf-8")
    t, s, found = _region(md)
    assert readers.READERS["blocks"].detect(t, s, found) > 0
    got = readers.read_labelled(t, s, found, lambda a, b: None)
    assert got.reader == "blocks" and got.rows["new"]["total"].value == 66


class _OneCellOff:
    """A reader that reads the table as the inline reader does but with one
    cell different and the rules still holding (as a wrong reading of another
    layout could): stands for any second reader that detects the region."""

    name = "one-cell-off"

    def __init__(self, shift: int) -> None:
        self.shift = shift

    def detect(self, t, s, anchors):
        return 1.0

    def read(self, t, s, anchors, span_of, evidence):
        got = readers.InlineReader().read(t, s, anchors, span_of, evidence)
        if t.key != "applications":
            return got
        rows = {r: dict(cols) for r, cols in got.rows.items()}
        for r, c in (("carried_over", "natural_person"), ("carried_over", "total"),
                     ("carried_forward", "natural_person"), ("carried_forward", "total")):
            rows[r][c] = Cell(rows[r][c].value + self.shift, "", "read", None)
        return readers.Reading(rows, [], claim=1, reader=self.name)


@pytest.mark.parametrize("shift", [0, 1])
def test_two_readers_that_settle_the_table_differently_leave_the_differing_cells_empty(monkeypatch, shift):
    from generator import make_report

    gen = make_report(3, "ogi-2021", "tab")
    monkeypatch.setitem(readers.READERS, "one-cell-off", _OneCellOff(shift))
    r = reportparse.parse_text(gen.text)
    rows = r.tables["applications"].rows
    conflicts = [d for d in r.diagnostics if d.code == "TBL_READER_CONFLICT"]
    if shift == 0:  # the two readings agree: nothing changes
        assert not conflicts and r.tables["applications"].valid
        return
    assert len(conflicts) == 1 and "inline, one-cell-off" in conflicts[0].message
    assert [rows[r_][c].value for r_, c in (("carried_over", "natural_person"), ("carried_forward", "total"))] == [None, None]
    assert rows["new"]["total"].value is not None and not r.tables["applications"].valid
