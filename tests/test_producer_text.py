"""Text that other tools pulled out of PDFs that other programs made
(``bench/producer_text.py``): a generated web page printed by Chromium or
exported by LibreOffice (the page itself, or pandoc's ``.docx`` of it), then
turned into text by ``pdftotext``, pdfplumber, PyMuPDF or pdfminer.six, with
3% of the cells empty. No value may be read wrong as though it were right.

The fixtures (see corpus/README.md) were written by those tools; the tests
read them with the parser alone, so none of the tools is needed here.
"""

from __future__ import annotations

import pytest

import reportparse

from conftest import cells_of, parsed_fixture

FIXTURES = [
    "pdftotext-chromium-123.txt",
    "pdftotext-chromium-96081078.txt",
    "pdftotext-docx-96081073.txt",
    "pdfplumber-layout-chromium-124.txt",
    "pdftotext-layout-libreoffice-96081076.txt",
    "pymupdf-sorted-libreoffice-96081072.txt",
    "pdfminer-chromium-96081076.txt",
    "pdfminer-chromium-ruled-96081072.txt",
    "pdftotext-chromium-66028539.txt",
    "pdfplumber-layout-chromium-66028533.txt",
    "pdfminer-chromium-ruled-66028533.txt",
    "pdfminer-libreoffice-66028547.txt",
    "pdfminer-libreoffice-66028543.txt",
    "pymupdf-sorted-libreoffice-66028538.txt",
    "pdftotext-layout-docx-18263011.txt",
    "pdfminer-docx-ruled-18263012.txt",
    "pdfminer-libreoffice-11260885.txt",
    "pdfminer-chromium-12575311.txt",
    "pdfminer-chromium-ruled-12575309.txt",
    "pdftotext-libreoffice-11260885.txt",
]


def _unflagged_wrong(report: reportparse.Report, truth: dict) -> dict[str, tuple]:
    """Cells with a value other than the true one whose status claims it is
    read or forced (not ``conflict``, not ``placed``)."""
    return {k: (c.value, truth["truth"][k], c.status) for k, c in cells_of(report)
            if c.value is not None and k in truth["truth"] and c.value != truth["truth"][k]
            and c.status not in ("conflict", "placed")}


@pytest.mark.parametrize("name", FIXTURES)
def test_no_wrong_value_is_read_as_right(name):
    report, truth = parsed_fixture(name)
    assert _unflagged_wrong(report, truth) == {}
    for key, table in report.tables.items():
        if table.valid:
            assert all(c.value == truth["truth"].get(k) for k, c in cells_of(report) if k.startswith(key + "."))


def test_values_printed_before_their_labels_are_not_read_after_them():
    """pdftotext prints a Chromium table's cells before their label when the
    label cell is taller (``312 4392`` / ``0`` / ``规章``): read after each
    label, every row took the next row's values, as read. Values no row took
    before the first label show it: rows whose values stand on another line
    than their label are placed, not read, and nothing is forced from them."""
    report, truth = parsed_fixture("pdftotext-chromium-123.txt")
    docs = report.tables["proactive"].rows["normative_docs"]
    assert [c.value for c in docs.values()] == [13, 29, 717]  # 行政许可's values, printed after 规范性文件
    assert all(c.status == "placed" for c in docs.values())
    assert any(d.code == "TBL_UNANCHORED" and "before the first row label" in d.message for d in report.diagnostics)
    new = report.tables["applications"].rows["new"]
    assert all(c.status != "read" or c.value == truth["truth"][f"applications.new.{cid}"] for cid, c in new.items())
    forward = report.tables["applications"].rows["carried_forward"]
    assert all(c.status != "inferred" for c in forward.values())


def test_values_before_the_first_label_taken_by_its_row_still_show_the_order():
    """The same print of the 2019 template: ``1737 0 0`` / ``规章`` / ``行政规范性
    文件 0 0 0`` / ``794`` / ``行政许可`` / ``3960`` / ``行政处罚``. The values before
    the first label were counted into 规章 (right), and 3960, 行政处罚's value
    printed after 行政许可, was read as 行政许可's. In table 二 (no rule) rows
    that take values printed before their label show the order too."""
    report, truth = parsed_fixture("pdftotext-chromium-96081078.txt")
    cell = report.tables["proactive"].rows["licensing"]["decisions"]
    assert cell.value == 3960 and truth["truth"]["proactive.licensing.decisions"] == 794
    assert cell.status == "placed"


def test_a_column_of_labels_then_their_values_is_not_placed_by_count():
    """pdftotext of a narrow Word table prints 不予公开's labels (2. … 8.), then
    the 56 values of their 8 rows. Read after 8.属于行政查询事项 and counted
    into it and the 7 rows after it, they filled 无法提供 and 不予处理 with
    不予公开's values, as read. The row before the anchor is a label alone,
    so the count cannot say whose values they are: nothing is placed."""
    report, truth = parsed_fixture("pdftotext-docx-96081073.txt")
    rows = report.tables["applications"].rows
    for rid in ("result.withheld.inquiry", "result.unavailable.needs_creation", "result.not_processed.petition"):
        for cid, cell in rows[rid].items():
            assert cell.value is None or cell.value == truth["truth"][f"applications.{rid}.{cid}"]
    assert not any(d.code == "TBL_ROW_BY_ORDER" for d in report.diagnostics)


def test_a_line_ending_in_one_space_of_padding_has_no_empty_last_cell():
    """pdfplumber's layout text pads lines to the page's width counted in
    characters: a line of wide characters can end in one space, so its block
    did not count as padded, and the two spaces after 本年新收's values (one
    of them printed as nothing) were read as an empty 总计, shifting five
    values one column to the left, as read."""
    report, truth = parsed_fixture("pdfplumber-layout-chromium-124.txt")
    assert "applications.new.business" in truth["blank_cells"]
    for cid, cell in report.tables["applications"].rows["new"].items():
        assert cell.value is None or cell.value == truth["truth"][f"applications.new.{cid}"]


def test_the_end_of_a_group_label_is_no_value_cell():
    """``无法提  0  0  2  2  0  4`` (pdftotext -layout: the group label （四）无法提供
    wrapped beside 2.没有现成信息需要另行制作, whose 社会公益组织 cell is
    empty): the label's match took 无法, and 提 was read as a value cell
    OCR garbled, so the six values moved one column right, as read."""
    report, truth = parsed_fixture("pdftotext-layout-libreoffice-96081076.txt")
    row = report.tables["applications"].rows["result.unavailable.needs_creation"]
    assert "applications.result.unavailable.needs_creation.nonprofit" in truth["blank_cells"]
    for cid, cell in row.items():
        assert cell.value is None or cell.value == truth["truth"][f"applications.result.unavailable.needs_creation.{cid}"]


def test_two_readers_that_differ_leave_the_cell_empty():
    """PyMuPDF's sorted text prints a wrapped label's values on a line of
    their own; the block reader took those lines for column-order blocks and
    read 0 for 本年新收's 总计, where the values after the labels read 25.
    Neither settles the table: the cells they read differently are left
    empty (TBL_READER_CONFLICT)."""
    report, truth = parsed_fixture("pymupdf-sorted-libreoffice-96081072.txt")
    assert report.tables["applications"].rows["new"]["total"].value in (None, truth["truth"]["applications.new.total"])
    assert any(d.code == "TBL_READER_CONFLICT" and "neither whole" in d.message for d in report.diagnostics)


def test_a_claim_made_on_a_few_value_lines_goes_with_the_fuller_reading():
    """The block reader claimed that region on a few value-only lines (a
    wrapped label's values printed on a line of their own) and placed 5
    cells; the values after the labels read over 150. The reading more than
    twice as full is taken, its cells the other contests left empty, the rest
    placed (the layout was a choice): 本年新收's first six cells, right."""
    report, truth = parsed_fixture("pymupdf-sorted-libreoffice-96081072.txt")
    new = report.tables["applications"].rows["new"]
    got = [(c.value, c.status) for cid, c in new.items() if cid != "total"]
    assert got == [(truth["truth"][f"applications.new.{cid}"], "placed") for cid in new if cid != "total"]
    assert any(d.code == "TBL_READER_CONFLICT" and d.message.startswith("the table's values read two ways (inline, blocks)")
               for d in report.diagnostics)


@pytest.mark.parametrize("name", ["pdfminer-chromium-96081076.txt", "pdfminer-chromium-ruled-96081072.txt",
                                  "pdfminer-chromium-ruled-66028533.txt", "pdfminer-docx-ruled-18263012.txt"])
def test_table_4_one_value_per_line_out_of_order_is_placed_not_read(name):
    """pdfminer's column order prints table 四's values one per line in no
    template order. Placed in the order printed (one lost, or all fifteen
    with two groups not balancing), the groups that balanced held moved
    values (1 0 0 0 1 for 0 0 0 0 0), as read."""
    report, truth = parsed_fixture(name)
    for key, cell in cells_of(report):
        if key.startswith("appeals.") and cell.value is not None and cell.value != truth["truth"][key]:
            assert cell.status in ("placed", "conflict"), key
    assert not report.tables["appeals"].valid


def test_values_inside_a_wrapped_label_are_that_label_s():
    """``4.无正当理由大量反复申请`` / ``5.要求行政机关确认或重新出`` / ``0 2 0 1 1 0 4`` /
    ``具已获取信息`` / seven 0s: fourteen values after 5.'s label, 4.'s label
    alone. Counted as the block of 4. and 5., the values printed inside 5.'s
    wrapped label went to 4., as read. Values inside a label's own lines are
    its own: no block is taken there."""
    report, truth = parsed_fixture("pdftotext-chromium-66028539.txt")
    rows = report.tables["applications"].rows
    for rid in ("result.not_processed.excessive", "result.not_processed.confirmation"):
        for cid, cell in rows[rid].items():
            assert cell.value is None or cell.value == truth["truth"][f"applications.{rid}.{cid}"]


def test_a_block_padded_to_the_page_width_but_its_longest_line():
    """pdfplumber's layout text: ``（六）其他处理 … 16 0 16  `` above ``（七）总计 …
    1730``, which fills the page's width and ends flush. The block counted as
    not padded, and the trailing spaces as an empty 总计: 其他处理's six values
    moved one column left, as read."""
    report, truth = parsed_fixture("pdfplumber-layout-chromium-66028533.txt")
    for cid, cell in report.tables["applications"].rows["result.other.other"].items():
        assert cell.value is None or cell.value == truth["truth"][f"applications.result.other.other.{cid}"]


def test_a_block_of_values_is_placed_until_the_rules_confirm_it():
    """pdfminer's column order prints fourteen 0s after 3.补正后申请内容仍不明确,
    the label 2.没有现成信息需要另行制作 alone before it: a column of 0s, not
    the two rows' values (2.'s 法律服务机构 is 9). Placed by the labels in a
    table whose rules cannot check them, they stay placed; the block reader's
    values likewise (a 0 read as 1.属于国家秘密's 总计, which is 1)."""
    for name, key in (("pdfminer-libreoffice-66028547.txt", "applications.result.unavailable.needs_creation.legal_service"),
                      ("pdfminer-libreoffice-66028543.txt", "applications.result.withheld.state_secret.total")):
        report, truth = parsed_fixture(name)
        tkey, rest = key.split(".", 1)
        rid, cid = rest.rsplit(".", 1)
        cell = report.tables[tkey].rows[rid][cid]
        assert cell.value == 0 and truth["truth"][key] > 0
        assert cell.status == "placed"
        assert not report.tables[tkey].valid


def test_a_count_of_values_after_a_label_in_scattered_text_is_placed():
    """pdfminer's text of a LibreOffice page scatters 三: after 4.无正当理由大量
    反复申请 come seven 0s, one per line — a column's, not its own (商业企业 9,
    其他 4, 总计 13) — while other labels are followed by 23 or 87 values
    (a Chromium page: 8.属于行政查询事项, 17, and 79 values after another).
    The seven balanced the row's rule and were read. In a table where a label
    is followed by more lines of values than its row has cells, a row whose
    count of values on lines after its label fits is placed until the rules
    confirm it."""
    for name, rid in (("pdfminer-libreoffice-11260885.txt", "result.not_processed.excessive"),
                      ("pdfminer-chromium-ruled-12575309.txt", "result.withheld.inquiry")):
        report, truth = parsed_fixture(name)
        row = report.tables["applications"].rows[rid]
        assert [c.value for c in row.values()] == [0] * 7
        assert truth["truth"][f"applications.{rid}.total"] > 0
        assert {c.status for c in row.values()} == {"placed"}
        assert any(d.code == "TBL_UNANCHORED" and "does not print the rows in order" in d.message for d in report.diagnostics)


def test_a_block_of_equal_values_in_a_table_no_rule_checks_is_placed():
    """pdfminer's text of a Chromium page prints 二's labels 规章 规范性文件
    行政许可 together, then ``0 0`` / ``0``, and their other values far
    below. The block reader took the three 0s as a block of equal values
    (any order reads the same) for the rows before it: 行政许可's 本年增/减
    (19) was printed as nothing. Where no rule checks the cells, a block of
    several columns fills them by the order of the text alone: placed."""
    report, truth = parsed_fixture("pdfminer-chromium-12575311.txt")
    cell = report.tables["proactive"].rows["licensing"]["change"]
    assert cell.value == 0 and truth["truth"]["proactive.licensing.change"] == 19
    assert cell.status == "placed"
    assert not report.tables["proactive"].valid


def test_a_row_of_a_table_no_rule_checks_on_several_lines_rests_on_its_count():
    """pdftotext's default text of a LibreOffice page: 行政许可 ``2377 -5`` and
    on the next line ``3324`` — its 处理决定数量 was printed as nothing, and
    3324 is 规范性文件's, printed two lines below that row's own ``0`` ``0``.
    In a text that prints an empty cell as nothing, a row of 二 (no rule)
    whose values stand on several lines rests on its count alone: placed.
    (Values one per line were placed so before; two on the first line were
    read.)"""
    report, truth = parsed_fixture("pdftotext-libreoffice-11260885.txt")
    assert "proactive.licensing.decisions" in truth["blank_cells"]
    row = report.tables["proactive"].rows["licensing"]
    assert [c.value for c in row.values()] == [2377, -5, 3324]
    assert {c.status for c in row.values()} == {"placed"}


def test_a_reading_whose_layout_another_reader_contests_is_placed():
    """PyMuPDF's sorted text again: the block reader's 0s for 上年结转's 自然人 and
    总计 (1 and 21), where the values after the labels read nothing to
    contest them. The readers differ elsewhere, so the layout taken is a
    choice: its other values are placed, not read."""
    report, truth = parsed_fixture("pymupdf-sorted-libreoffice-66028538.txt")
    assert any(d.code == "TBL_READER_CONFLICT" for d in report.diagnostics)
    row = report.tables["applications"].rows["carried_over"]
    for cid, cell in row.items():
        if cell.value is not None and cell.value != truth["truth"][f"applications.carried_over.{cid}"]:
            assert cell.status == "placed"


def test_a_number_a_narrow_column_wrapped_is_not_read_as_the_last_cell():
    """``pdftotext -layout`` of a narrow Word table: 四's line of values, one
    cell printed as nothing, and 104 wrapped as ``10`` over ``4``. Fourteen
    values on two lines: the ``4`` was read as 复议后起诉's 总计. Values on several
    lines, fewer than the cells, are placed in the order printed, not read."""
    report, truth = parsed_fixture("pdftotext-layout-docx-18263011.txt")
    cell = report.tables["appeals"].rows["litigation_after_reconsideration"]["total"]
    assert cell.value in (None, truth["truth"]["appeals.litigation_after_reconsideration.total"]) or cell.status == "placed"


def test_a_label_whose_values_the_row_before_covers_is_not_alone():
    """pdfplumber's layout text of the bundled hongze-2024 PDF (a real
    report): ``9 0 … 9`` and ``0 0 … 0`` after 部分公开's label (its own and
    1.属于国家秘密's, a taller label cell), then 2.其他法律… with its own values
    and 3.危及…'s after them. The guard for a column of labels then their
    values (the row before the anchor a label alone) refused 3.'s values
    here, and 三 was no longer valid; 1. is covered by the values after the
    row before it, so it is not alone. 三 is valid with the golden values."""
    import json

    from conftest import ROOT

    report = reportparse.parse_text((ROOT / "tests/fixtures/pdfplumber-layout-hongze-2024.txt").read_text(encoding="utf-8"))
    exp = json.loads((ROOT / "tests/golden/hongze-2024.pdf.expected.json").read_text(encoding="utf-8"))["tables"]["applications"]
    table = report.tables["applications"]
    assert table.valid
    assert {rid: [c.value for c in table.rows[rid].values()] for rid in exp} == exp
