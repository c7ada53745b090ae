"""Text in pdfminer.six's column order (its default ``extract_text``): row
labels, then column headers, then the values column by column, page by page.
Real pdfminer on the real PDFs and on generated ones; the truth is the PDF
parsed directly (real) or the generator's values."""

from __future__ import annotations

import functools

import pytest
from pdfminer.high_level import extract_text

import reportparse
from reportparse import ParseOptions

from conftest import CORPUS
from generator import make_report, render_pdf

REAL = ["hongze-2023", "hongze-2024", "huaian-2024"]


def _cells(report) -> dict[tuple[str, str, str], int | float | None]:
    return {(k, r, c): cell.value for k, t in report.tables.items() for r, cols in t.rows.items() for c, cell in cols.items()}


@functools.cache
def _real(name: str):
    path = CORPUS / "real" / f"{name}.pdf"
    return reportparse.parse_text(extract_text(path)), reportparse.parse_file(path, ParseOptions(pdf_backend="pdfminer"))


@pytest.mark.parametrize("name", REAL)
def test_real_pdfs_in_pdfminer_text_read_table_three_whole_and_nothing_wrong(name):
    text_report, pdf_report = _real(name)
    got, truth = _cells(text_report), _cells(pdf_report)
    wrong = [k for k, v in got.items() if v is not None and v != truth[k]]
    assert wrong == []
    apps = [k for k in truth if k[0] == "applications" and truth[k] is not None]
    assert len(apps) >= 161 and all(got[k] == truth[k] for k in apps)
    assert text_report.tables["applications"].valid
    assert any(d.code == "TBL_VALUE_BLOCKS" and d.path == "tables.applications" for d in text_report.diagnostics)


@pytest.mark.parametrize("name", REAL)
def test_table_two_block_of_several_columns_stays_empty_without_a_rule(name):
    """二 has no rule, and pdfminer orders its column boxes freely: the block of
    规章 and 行政规范性文件 (2 rows × 3 columns, values not all equal) is left
    empty with a diagnostic; its one-column rows are read."""
    text_report, pdf_report = _real(name)
    rows = text_report.tables["proactive"].rows
    assert rows["normative_docs"]["issued"].value is None
    assert any(d.code == "TBL_ORDER_UNDECIDED" and d.path == "tables.proactive" for d in text_report.diagnostics)
    assert not text_report.tables["proactive"].valid
    truth = pdf_report.tables["proactive"].rows
    for rid in ("licensing", "penalty", "coercion", "fees"):
        assert [c.value for c in rows[rid].values()] == [c.value for c in truth[rid].values()]


def test_total_column_printed_before_other_is_placed_by_the_rules():
    """pdfminer prints hongze-2023's 总计 column before 其他 although the
    headers stand in the template's order: only the reading with 总计 sixth
    makes the row sums hold."""
    text_report, _ = _real("hongze-2023")
    new = text_report.tables["applications"].rows["new"]
    assert new["total"].value == 21 and new["natural_person"].value == 21 and new["other_org"].value == 0
    assert new["total"].status == "read"


def test_a_block_that_fits_no_rows_stops_the_reading():
    """One value lost from a column: the block's count is no longer rows ×
    columns, so it and what follows are left empty, never shifted."""
    text = extract_text(CORPUS / "real" / "hongze-2024.pdf")
    at = text.index("95\n\n0\n\n50\n\n9")
    damaged = text[:at] + text[at + len("95\n\n"):]
    report = reportparse.parse_text(damaged)
    apps = report.tables["applications"]
    assert any(d.code == "TBL_BLOCK_UNPLACED" for d in report.diagnostics)
    assert not apps.valid
    _, pdf_report = _real("hongze-2024")
    truth = _cells(pdf_report)
    got = _cells(report)
    assert [k for k, v in got.items() if v is not None and v != truth[k]] == []


@pytest.mark.parametrize("seed,look,least", [(901, "simple", 150), (904, "simple", 150), (903, "template", 1)])
def test_generated_pdfs_in_pdfminer_text_never_give_a_wrong_cell(tmp_path, seed, look, least):
    """Simple tables read mostly; the template's look (merged cells, wrapped
    headers: pdfminer scatters its boxes) much less, but never wrongly."""
    gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
    path = tmp_path / "r.pdf"
    render_pdf(gen, path, ruled=seed % 4 != 1, look=look)
    report = reportparse.parse_text(extract_text(path))
    got = {f"{k}.{r}.{c}": v for (k, r, c), v in _cells(report).items()}
    wrong = [k for k, v in gen.truth.items() if v is not None and got.get(k) is not None and got[k] != v]
    assert wrong == []
    right = [k for k, v in gen.truth.items() if v is not None and got.get(k) == v]
    assert len(right) >= least
    for key, t in report.tables.items():
        if t.valid:
            assert all(got[f"{key}.{r}.{c}"] == gen.truth[f"{key}.{r}.{c}"] for r, cols in t.rows.items() for c in cols
                       if gen.truth.get(f"{key}.{r}.{c}") is not None)
