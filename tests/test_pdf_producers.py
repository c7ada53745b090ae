"""PDFs this project did not make: reports exported to PDF by LibreOffice
from the ``.docx`` pandoc makes of a web page, with no rules and ruled (see
``bench/pdf_producers.py`` and corpus/README.md), read by real pdfminer.six (and pypdfium2 when
installed), and text whose fonts map glyphs to radicals (Chromium's PDFs as
pdfminer.six reads them). No value may be read wrong as though it were right.
"""

from __future__ import annotations

import json

import pytest

import reportparse
from reportparse import ParseOptions
from reportparse.tables.cells import read_fields

from conftest import CORPUS, FIXTURES, cell_at

LO_DOCX = FIXTURES / "libreoffice-docx-555000.pdf"


def _pdfium() -> bool:
    from reportparse.ingest.pdf import pdfium_available

    return pdfium_available()


@pytest.mark.parametrize("backend", ["pdfminer", "pdfium"])
def test_a_word_table_whose_labels_wrap_below_their_values_is_read_by_its_labels(backend):
    """Word's tables as pandoc writes them have no rules and narrow label
    columns: a label's first characters stand on the line of its values
    (``3.补  0  0  0  0  19  0  19``), the rest wraps below, and the next
    row's group label and item number run on after it (``正后…明确（五  1.信
    96  10 …``). The label was found only by its wrapped part, and the values
    after it — the next row's — were read as its own: 30 wrong values as
    read in four reports. Now the label reads whole over its values, and
    values after another row's item number are never a row's own."""
    if backend == "pdfium" and not _pdfium():
        pytest.skip("the [pdfium] extra is not installed")
    report = reportparse.parse_file(LO_DOCX, ParseOptions(pdf_backend=backend))
    truth = json.loads(LO_DOCX.with_suffix(".truth.json").read_text(encoding="utf-8"))["truth"]
    read = {k: cell_at(report, k) for k, v in truth.items() if v is not None}
    wrong = {k: (c.value, truth[k], c.status) for k, c in read.items() if c is not None and c.value is not None and c.value != truth[k]}
    assert wrong == {}
    for rid in ("result.unavailable.unclear", "result.withheld.third_party", "result.not_processed.publication"):
        assert [c.value for c in report.tables["applications"].rows[rid].values()] == \
            [truth[f"applications.{rid}.{cid}"] for cid in report.tables["applications"].rows[rid]]
    right = sum(1 for k, c in read.items() if c is not None and c.value == truth[k])
    assert right >= 0.6 * len(read)  # 61% (before: 20.6%, with 30 wrong)


def test_values_after_another_rows_item_number_are_not_the_rows_own():
    """The text after a row's label on its line: the rest of the label cell,
    then the next group's label and the next row's item number, then values.
    They are that row's line (``foreign``), never values of this one."""
    text = "（五\t1.信\t96\t10\t0\t6\t5\t1\t118"
    got = read_fields(text, list(range(len(text))), drop_first=True)
    assert got.values == [] and got.foreign is not None
    text = "已获取信息（六）其他\t0\t0\t0\t0\t0\t3\t3"
    assert read_fields(text, list(range(len(text))), drop_first=True).values == []
    # the row's own label printed again in a merged cell is no other row's number
    text = "（六）其他处理\t3\t0\t0\t0\t\t0\t3"
    assert [v.value for v in read_fields(text, list(range(len(text))), drop_first=True).values if v.kind == "number"] == [3, 0, 0, 0, 0, 3]


RADICALS = str.maketrans("一二行门长见车页", "⼀⼆⾏⻔⻓⻅⻋⻚")


def test_radicals_a_pdf_font_maps_its_glyphs_to_read_as_the_characters_they_draw():
    """Chromium's PDFs as pdfminer.six reads them spell 一 as ⼀ (KANGXI
    RADICAL ONE) and 行 as ⾏: the title, year, issuer and the section
    headings were lost (pdfium's text of the same PDF had them)."""
    text = (CORPUS / "000_c93a36ffeb13c002.txt").read_text(encoding="utf-8")
    plain, radical = reportparse.parse_text(text), reportparse.parse_text(text.translate(RADICALS))
    assert text.translate(RADICALS) != text
    assert radical.flat() == plain.flat()
    assert [d.code for d in radical.diagnostics] == [d.code for d in plain.diagnostics]


@pytest.mark.parametrize("backend", ["pdfminer", "pdfium"])
def test_a_table_row_a_page_break_split_reads_as_one_row(backend):
    """Word and LibreOffice let a table row break across pages: 1.属于国家秘密's
    values and ``（三`` / ``1.属`` end one page, ``）不予公开`` / ``于国家秘密``
    begin the next, each half a row of the same ruled columns. The halves are
    one row again (``pdf._join_split_row``): before, the label was found only
    fuzzily or not at all, and 31 of the report's cells were left empty."""
    if backend == "pdfium" and not _pdfium():
        pytest.skip("the [pdfium] extra is not installed")
    pdf = FIXTURES / "libreoffice-docx-ruled-558000.pdf"
    report = reportparse.parse_file(pdf, ParseOptions(pdf_backend=backend))
    truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))["truth"]
    for rid in ("result.withheld.state_secret", "result.unavailable.not_held", "result.not_processed.confirmation"):
        row = report.tables["applications"].rows[rid]
        assert [c.value for c in row.values()] == [truth[f"applications.{rid}.{cid}"] for cid in row]
    assert "TBL_ROW_FUZZY" not in {d.code for d in report.diagnostics}
    cells = [(cell_at(report, k), v) for k, v in truth.items() if v is not None]
    assert all(c is None or c.value in (None, v) for c, v in cells)
    assert sum(1 for c, v in cells if c is not None and c.value == v) >= 0.98 * len(cells)
