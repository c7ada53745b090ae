"""A template cell merged over several grid columns, printed once per column
it covers: converters that fill a merged cell's grid (Docling's Markdown, a
spreadsheet export of it) print 2021's ``本年处理决定数量`` and
``本年收费金额`` — one cell over three columns (grammar ``span = 3``) — as
``| 行政许可 | 9 | 9 | 9 |``. Three alike copies side by side are one value
(``TBL_SPAN_REPEATED``); copies that differ, too few, or with an empty field
between them are no such print, and the row stays empty (``TBL_LONG_ROW``)."""

from __future__ import annotations

import re

import pytest

import reportparse
from reportparse.grammar import load_grammars

from generator import make_report

SINGLE = ("licensing", "penalty", "coercion", "fees")
SEED = 91000  # a report whose four single-value rows are not all 0


def _filled(text: str, copies: str = "{v}\t{v}\t{v}") -> str:
    """``text`` with each of 一's single-value rows printed as a filled grid prints it."""
    return re.sub(r"^(行政许可|行政处罚|行政强制|行政事业性收费)\t(\S+)$",
                  lambda m: m[1] + "\t" + copies.format(v=m[2]), text, flags=re.M)


def test_grammar_says_which_cells_the_template_merges():
    t = load_grammars().templates["ogi-2021"].tables["proactive"]
    assert {c.id: c.span for c in t.columns.values()} == {"issued": 1, "repealed": 1, "in_force": 1, "decisions": 3, "amount": 3}
    assert all(c.span == 1 for c in load_grammars().templates["ogi-2019"].tables["proactive"].columns.values())


@pytest.mark.parametrize("pipes", [False, True])
def test_three_alike_copies_are_one_value(pipes):
    gen = make_report(SEED, "ogi-2021", "tab")
    text = _filled(gen.text)
    if pipes:  # Docling's Markdown: every row of 一 a pipe row
        text = re.sub(r"^((?:规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)\t.*)$",
                      lambda m: "| " + m[1].replace("\t", " | ") + " |", text, flags=re.M)
    r = reportparse.parse_text(text)
    t = r.tables["proactive"]
    assert {k: r.flat()[k] for k in gen.truth if k.startswith("proactive.")} == {k: v for k, v in gen.truth.items() if k.startswith("proactive.")}
    assert t.valid and any(gen.truth[f"proactive.{k}.{'amount' if k == 'fees' else 'decisions'}"] for k in SINGLE)
    assert sum(d.code == "TBL_SPAN_REPEATED" for d in r.diagnostics) == 4


@pytest.mark.parametrize("copies", ["{v}\t{v}\t1{v}", "{v}\t{v}", "{v}\t{v}\t{v}\t{v}", "{v}\t\t{v}\t{v}"])
def test_copies_that_are_no_filled_grid_leave_the_row_empty(copies):
    gen = make_report(SEED, "ogi-2021", "tab")
    r = reportparse.parse_text(_filled(gen.text, copies))
    t = r.tables["proactive"]
    assert all(t.rows[k][c].value is None for k in SINGLE for c in t.rows[k])
    assert not t.valid
    assert "TBL_SPAN_REPEATED" not in {d.code for d in r.diagnostics}


def test_a_row_of_the_2019_template_is_not_read_from_copies():
    """2019's 行政事业性收费 has two columns and no merged cell: ``5 5 5`` is a row too long."""
    gen = make_report(SEED, "ogi-2019", "tab")
    text = re.sub(r"^(行政事业性收费)\t(\S+)\t(\S+)$", r"\1\t\2\t\2\t\2", gen.text, flags=re.M)
    assert text != gen.text
    r = reportparse.parse_text(text)
    assert r.tables["proactive"].rows["fees"]["prev_items"].value is None and not r.tables["proactive"].valid
