"""Text in pdfminer.six's column order (its default ``extract_text``): row
labels, then column headers, then the values column by column, page by page.
Real pdfminer on the real PDFs and on generated ones; the truth is the PDF
parsed directly (real) or the generator's values."""

from __future__ import annotations

import functools
import re

import pytest
from pdfminer.high_level import extract_text

import reportparse
from reportparse import ParseOptions

from conftest import CORPUS, FIXTURES, cell_at, parsed_fixture
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


# pdfminer's default text of generated ruled PDFs (tests/generator.render_pdf, seeds 900, 912, 914, 915; the
# text saved once, since pdfminer's box order can change from one process to the next): the columns of 三
# come in groups of neighbours, a group cut into bands at a taller row and printed band after band
BANDED = {
    "pdfminer-banded-900.txt": "商业企业 and 科研机构 cut above 总计: their 21 items, then both their last two rows",
    "pdfminer-banded-912.txt": "社会公益组织 and 法律服务机构 in three bands; 总计's header printed before 其他's",
    "pdfminer-banded-914.txt": "the table split over two pages: two blocks, each read in bands",
    "pdfminer-banded-915.txt": "2019 template; 总计 and 其他's headers out of order over a 2 × 2 block; two groups cut",
    "pdfminer-banded-916.txt": "no two-level header: 自然人's first value printed among the labels, the rest of the table after them",
    "pdfminer-banded-919.txt": "2019 template: 自然人's first eleven values among the labels, its twelfth after the next label",
    "pdfminer-banded-6103965.txt": "2019 template: 自然人's 11th and 12th values after their labels, no header since the last block",
    "pdfminer-banded-6103970.txt": "the table split over two pages, each page's block cut into bands: the two searched together",
}
# the label after which pdfminer printed 自然人's values among the labels
LEAD = {"pdfminer-banded-916.txt": "一、本年新收", "pdfminer-banded-919.txt": "1.本机关不掌握",
        "pdfminer-banded-6103965.txt": "2.没有现成信息"}


@pytest.mark.parametrize("name", sorted(BANDED))
def test_columns_cut_into_bands_are_read_whole_and_valid(name):
    report, truth = parsed_fixture(name)
    apps = {k: v for k, v in truth["truth"].items() if k.startswith("applications.") and v is not None}
    got = {k: cell_at(report, k).value for k in apps}
    assert got == apps, BANDED[name]
    assert report.tables["applications"].valid
    if name not in LEAD:
        assert any(d.code == "TBL_BLOCK_BANDS" and d.path == "tables.applications" for d in report.diagnostics)


@pytest.mark.parametrize("name", sorted(LEAD))
def test_first_column_values_among_the_labels_are_taken_only_when_the_rules_confirm_them(name):
    """自然人's values printed among the labels are that column's only as a
    supposition: with one of them changed (so that no rule can hold), none of
    them is taken and the table is not valid."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    labels_end = text.index("\n\n", text.rindex(LEAD[name]))
    at = re.compile(r"^(\d+)$", re.M).search(text, labels_end)
    changed = text[:at.start()] + str(int(at.group(1)) + 7) + text[at.end():]
    report, truth = reportparse.parse_text(changed), parsed_fixture(name)[1]
    assert not report.tables["applications"].valid
    wrong = [k for k, v in truth["truth"].items() if k.startswith("applications.") and v is not None
             and (c := cell_at(report, k)) is not None and c.value is not None and c.value != v]
    assert wrong == []


def _banded_block(name: str) -> tuple[str, int, int]:
    """The text, and the span of the longest run of value-only lines (the block read in bands)."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    runs = [m.span() for m in re.finditer(r"(?:^\d+\n\n)+", text, re.M)]
    start, end = max(runs, key=lambda s: s[1] - s[0])
    return text, start, end


@pytest.mark.parametrize("name", sorted(BANDED))
def test_a_value_lost_from_a_banded_block_leaves_it_empty(name):
    """The count of values no longer fits rows × columns: nothing of the block is placed."""
    text, start, end = _banded_block(name)
    block = text[start:end]
    mid = block.index("\n\n", len(block) // 2) + 2
    nxt = block.index("\n\n", mid) + 2
    report = reportparse.parse_text(text[:start] + block[:mid] + block[nxt:] + text[end:])
    _, truth = parsed_fixture(name)
    assert not report.tables["applications"].valid
    wrong = [k for k, v in truth["truth"].items() if k.startswith("applications.") and v is not None
             and (c := cell_at(report, k)) is not None and c.value is not None and c.value != v]
    assert wrong == []


@pytest.mark.parametrize("name", sorted(BANDED))
def test_a_value_changed_in_a_banded_block_makes_no_valid_table(name):
    """A misprinted value (one more) breaks its column's and its row's sums under
    every order: no order is taken and the table is not valid."""
    text, start, end = _banded_block(name)
    block = text[start:end]
    at = next(m for m in re.finditer(r"^(\d+)\n", block, re.M) if m.start() > len(block) // 3)
    changed = block[:at.start()] + str(int(at.group(1)) + 1) + block[at.end(1):]
    report = reportparse.parse_text(text[:start] + changed + text[end:])
    assert not report.tables["applications"].valid
    assert not any(d.code == "TBL_BLOCK_BANDS" for d in report.diagnostics)


TABLE_TWO_2019 = "pdfminer-2019-table-two-71356005.txt"


def _with_table_two(values: str) -> str:
    """The fixture's text with the values of 2019 二's first blocks replaced
    (one per line, as pdfminer prints them)."""
    text = (FIXTURES / TABLE_TWO_2019).read_text(encoding="utf-8")
    old = "\n\n".join(["0", "19", "5", "-1", "13", "18"])
    assert text.count(old) == 1
    return text.replace(old, "\n\n".join(values.split()))


def test_2019_table_two_blocks_fill_the_next_rows_of_their_columns_in_the_one_possible_order():
    """2019 二 in pdfminer's order: the labels of 规章 … 行政强制, then each
    part's header and its values column by column. The block under
    上一年项目数量/本年增/减/处理决定数量 is 行政许可 and 其他对外管理服务事项 (the
    next rows with those columns), the next such block 行政处罚 and 行政强制.
    Read row by row, the first would put −1 under 上一年项目数量, a count: only
    column order is possible, and it is taken (placed: the table has no rule).
    The second has no such value and stays empty."""
    report, truth = parsed_fixture(TABLE_TWO_2019)
    rows = report.tables["proactive"].rows
    for rid in ("licensing", "other_services"):
        for cid, cell in rows[rid].items():
            assert cell.value == truth["truth"][f"proactive.{rid}.{cid}"]
            assert cell.status == "placed"
    assert rows["other_services"]["change"].value == -1
    assert all(cell.value is None for rid in ("penalty", "coercion") for cell in rows[rid].values())
    codes = [d.code for d in report.diagnostics if d.path == "tables.proactive"]
    assert codes.count("TBL_BLOCK_DOMAIN") == 1 and "TBL_ORDER_UNDECIDED" in codes
    assert not report.tables["proactive"].valid
    wrong = [k for k, v in truth["truth"].items() if (c := cell_at(report, k)) is not None and c.value not in (None, v)]
    assert wrong == []


def test_a_block_both_orders_of_which_are_possible_stays_empty():
    report = reportparse.parse_text(_with_table_two("0 19 5 1 13 18"))
    rows = report.tables["proactive"].rows
    assert all(cell.value is None for rid in ("licensing", "other_services") for cell in rows[rid].values())
    assert not any(d.code == "TBL_BLOCK_DOMAIN" for d in report.diagnostics)


def test_a_fraction_fits_no_column_of_counts():
    """13.5 under 处理决定数量 (column order) or 本年增/减 (row order, which
    also puts −1 under a count): no order is possible, nothing is taken."""
    report = reportparse.parse_text(_with_table_two("0 19 5 -1 13.5 18"))
    rows = report.tables["proactive"].rows
    assert all(cell.value is None for rid in ("licensing", "other_services") for cell in rows[rid].values())
    assert any(d.code == "TBL_ORDER_UNDECIDED" and d.path == "tables.proactive" for d in report.diagnostics)


def test_a_block_read_the_same_in_both_orders_is_no_evidence():
    """规章/规范性文件 as 28 0 0 0 0 14 reads the same row by row and column by
    column, but pdfminer prints such blocks in other orders too (seen with
    cells printed empty: the truth was neither): left empty."""
    text = _with_table_two("0 19 5 -1 13 18")
    first = "\n\n".join(["0", "0", "0", "0", "24", "0"])
    assert text.count(first) == 1
    report = reportparse.parse_text(text.replace(first, "\n\n".join(["28", "0", "0", "0", "0", "14"])))
    rows = report.tables["proactive"].rows
    assert all(cell.value is None for rid in ("rules", "normative_docs") for cell in rows[rid].values())
    assert rows["other_services"]["change"].value == -1


def test_values_printed_after_the_next_sections_heading_are_the_tables_when_they_settle_it():
    """pdfminer's text of a report whose 三 runs onto the page where 四
    starts: 四's heading and its 行政复议/行政诉讼 headers come before the rest of
    三's columns. 三's region runs on over them, and 三 is read whole and valid;
    四 is read as before."""
    report, truth = parsed_fixture(TABLE_TWO_2019)
    apps = report.tables["applications"]
    assert apps.valid
    for rid, cols in apps.rows.items():
        for cid, cell in cols.items():
            assert cell.value == truth["truth"].get(f"applications.{rid}.{cid}")
    assert any(d.code == "TBL_RUNS_ON" and d.path == "tables.applications" for d in report.diagnostics)
    assert report.tables["appeals"].valid


def test_values_after_the_next_heading_that_do_not_settle_the_table_are_not_taken():
    """One value of the run-on lost: no region makes every rule hold, so 三
    stays as its own region reads it (not valid), and nothing is wrong."""
    text = (FIXTURES / TABLE_TWO_2019).read_text(encoding="utf-8")
    heading = text.index("四、政府信息公开行政复议")
    lines = text[heading:].split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "1")  # a value of 三 printed after the heading
    report = reportparse.parse_text(text[:heading] + "\n".join(lines[:at] + lines[at + 1:]))
    _, truth = parsed_fixture(TABLE_TWO_2019)
    assert not report.tables["applications"].valid
    assert not any(d.code == "TBL_RUNS_ON" for d in report.diagnostics)
    wrong = [k for k, v in truth["truth"].items() if (c := cell_at(report, k)) is not None and c.value not in (None, v)]
    assert wrong == []


COLUMN_CUT = "pdfminer-column-cut-by-heading-30517728.txt"


def _table_three_whole_and_right(text: str, truth: dict):
    """``text`` parsed: table 三 valid, every cell with a true value right."""
    report = reportparse.parse_text(text)
    apps = report.tables["applications"]
    assert apps.valid
    for rid, cols in apps.rows.items():
        for cid, cell in cols.items():
            if (want := truth["truth"].get(f"applications.{rid}.{cid}")) is not None:
                assert cell.value == want, (rid, cid)
    return report


def _heading_inside_the_run_on(name: str, before: int) -> str:
    """The fixture with 四's heading and its 行政复议/行政诉讼 moved up into
    the last value run before it, ``before`` values from the run's start: the
    page break now cuts a column of 三 in two."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    heading = text.index("四、政府信息公开行政复议")
    lead = text[heading:text.index("\n行政诉讼\n", heading) + len("\n行政诉讼\n\n")]
    run_start = text.index("四、结转下年度继续办理")
    values = [m.start() for m in re.finditer(r"(?m)^\d+$", text[run_start:heading])]
    at = run_start + values[before]
    return text[:at] + lead + text[at:heading] + text[heading + len(lead):]


@pytest.mark.parametrize("name, before", [(COLUMN_CUT, None), (TABLE_TWO_2019, 9), (TABLE_TWO_2019, 1)])
def test_a_column_the_next_heading_cuts_in_two_is_read_whole_when_it_settles_the_table(name, before):
    """pdfminer's text with 四's heading and header words between the top
    cells of one of 三's columns and the rest (the column box cut over a page
    break): the run-on region with those lines set aside makes the column one
    block again, and 三 is read whole and valid, every cell right."""
    _, truth = parsed_fixture(name)
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if before is not None:
        text = _heading_inside_the_run_on(name, before)
    report = _table_three_whole_and_right(text, truth)
    assert any(d.code == "TBL_RUNS_ON" and "set aside" in d.message for d in report.diagnostics)
    assert report.tables["appeals"].valid


@pytest.mark.parametrize("name, before", [(COLUMN_CUT, None), (TABLE_TWO_2019, 9)])
def test_a_cut_column_that_lost_a_value_is_not_made_whole(name, before):
    """The same with one of the values after the heading deleted: no region,
    heading set aside or not, makes every rule hold, and nothing is wrong."""
    _, truth = parsed_fixture(name)
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if before is not None:
        text = _heading_inside_the_run_on(name, before)
    heading = text.index("四、政府信息公开行政复议")
    lines = text[heading:].split("\n")
    at = [i for i, line in enumerate(lines) if re.fullmatch(r"\d+", line.strip())][5]
    report = reportparse.parse_text(text[:heading] + "\n".join(lines[:at] + lines[at + 1:]))
    assert not report.tables["applications"].valid
    wrong = [k for k, v in truth["truth"].items() if v is not None and (c := cell_at(report, k)) is not None
             and c.value not in (None, v)]
    assert wrong == []


LEAD_ROW = "pdfminer-lead-row-64120640.txt"


def _lead_row_moved(name: str) -> str:
    """The column-cut fixture with 予以公开's first two cells (自然人, 商业企业:
    the first value of each of those columns' runs) moved to right after its
    label, as pdfminer prints a row's first cells grouped with the label
    column."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    start = text.index("四、结转下年度继续办理")
    heading = text.index("四、政府信息公开行政复议", start)
    values = [m for m in re.finditer(r"(?m)^\d+\n", text) if m.start() > start]
    first, second = values[0], next(m for m in values if m.start() > heading)
    text = text[:second.start()] + text[second.end():]
    text = text[:first.start()] + text[first.end():]
    label = text.index("（一）予以公开") + len("（一）予以公开\n\n")
    return text[:label] + first.group() + "\n" + second.group() + "\n" + text[label:]


def _lead_row_case(case: str) -> tuple[str, dict]:
    if case == "fixture":
        return (FIXTURES / LEAD_ROW).read_text(encoding="utf-8"), parsed_fixture(LEAD_ROW)[1]
    return _lead_row_moved(COLUMN_CUT), parsed_fixture(COLUMN_CUT)[1]


@pytest.mark.parametrize("case", ["fixture", "moved"])
def test_a_rows_first_cells_printed_after_its_label_are_read_when_the_rules_confirm_them(case):
    """pdfminer prints the first cells of a row (一、本年新收…'s 1721 and 19;
    予以公开's) right after its label, the rest of the rows' cells in a later
    block, column by column, with those cells skipped: the first cells are a
    lead (a supposition), the later block holds the rest of the rows, its
    count exactly; the rules, every cell known, confirm both — 三 is read
    whole and valid, every cell right."""
    text, truth = _lead_row_case(case)
    _table_three_whole_and_right(text, truth)


@pytest.mark.parametrize("case", ["fixture", "moved"])
@pytest.mark.parametrize("change", ["delete", "alter"])
def test_a_lead_row_whose_later_block_lost_or_changed_a_value_is_not_confirmed(case, change):
    """The same with one value of the later block deleted or changed: the
    counts or the rules no longer confirm where the lead's cells stand —
    三 is not valid and no value is wrong as though right."""
    text, truth = _lead_row_case(case)
    at = text.index("四、结转下年度继续办理")
    line = [m for m in re.finditer(r"(?m)^\d+\n", text) if m.start() > at][9]
    new = "" if change == "delete" else str(int(line.group()) + 3) + "\n"
    report = reportparse.parse_text(text[:line.start()] + new + text[line.end():])
    assert not report.tables["applications"].valid
    wrong = [k for k, v in truth["truth"].items() if v is not None and (c := cell_at(report, k)) is not None
             and c.value not in (None, v) and c.status in ("read", "inferred")]
    assert wrong == []


@pytest.mark.parametrize("layout", ["layout", "lines"])
def test_a_block_header_naming_one_of_its_two_columns_leaves_their_order_undecided(layout):
    """2019's 政府集中采购 block under a header that names 采购项目数量 alone,
    the other's name lost whole and nothing left where it stood (a gap of
    spaces is one separator; one name a line), its values printed in the
    other order (采购总金额 first): they were read in the template's order,
    both wrong, and 二 valid (damaged_headers 933481663). The other column
    may stand on either side: the values are placed, not read."""
    gen = make_report(933481663, "ogi-2019", layout)
    projects, amount = gen.truth["proactive.procurement.projects"], gen.truth["proactive.procurement.amount"]
    assert projects != amount
    sep = "    " if layout == "layout" else "\n"
    head = sep.join(["信息内容", "采购项目数量", "采购总金额"])
    row = sep.join(["政府集中采购", str(projects), str(amount)])
    assert head in gen.text and row in gen.text
    text = gen.text.replace(head, sep.join(["信息内容", "", "采购项目数量"]) if layout == "layout" else sep.join(["信息内容", "采购总金额", ""]))
    text = text.replace(row, sep.join(["政府集中采购", str(amount), str(projects)]))
    report = reportparse.parse_text(text)
    cells = report.tables["proactive"].rows["procurement"]
    assert {c.status for c in cells.values()} == {"placed"}
    assert not report.tables["proactive"].valid
    assert any(d.code == "TBL_COLUMN_ORDER" and "placed, not read" in d.message for d in report.diagnostics)


@pytest.mark.parametrize("layout", ["layout", "lines"])
def test_a_group_header_that_lost_one_name_whole_leaves_the_groups_order_undecided(layout):
    """三's 法人或其他组织 columns printed in another order (商业企业
    社会公益组织 科研机构 法律服务机构 其他) under a header that lost 科研机构
    whole (nothing left where it stood: a gap of spaces is one separator, one
    name a line): the names left stand in the template's order, so they were
    read in it, 科研机构's and 社会公益组织's values swapped, and 三 valid — its
    rules hold column by column (damaged_headers 765810700). 科研机构 may have
    stood anywhere among them: their values are placed, not read."""
    gen = make_report(765810700, "ogi-2021", layout)
    cols = ["natural_person", "business", "research", "nonprofit", "legal_service", "other_org", "total"]
    sep = "    " if layout == "layout" else "\n"
    head = sep.join(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
    assert head in gen.text
    text = gen.text.replace(head, sep.join(["商业企业", "社会公益组织", "法律服务机构", "其他"]))
    rows: dict[str, dict[str, object]] = {}
    for key, v in gen.truth.items():
        if key.startswith("applications."):
            rid, cid = key[len("applications."):].rsplit(".", 1)
            rows.setdefault(rid, {})[cid] = v
    for cells in rows.values():  # each row's research and nonprofit values swapped, as the header prints them
        row = sep.join(str(cells[c]) for c in cols)
        swapped = sep.join(str(cells[{"research": "nonprofit", "nonprofit": "research"}.get(c, c)]) for c in cols)
        assert sep + row in text
        text = text.replace(sep + row, sep + swapped, 1)
    report = reportparse.parse_text(text)
    table = report.tables["applications"]
    assert not table.valid
    moved = [(rid, c) for rid, cells in table.rows.items() for c in ("research", "nonprofit")
             if cells[c].value is not None and cells["research"].value != cells["nonprofit"].value]
    assert moved and all(table.rows[rid][c].status == "placed" for rid, c in moved)
    assert any(d.code == "TBL_COLUMN_ORDER" and "not 科研机构" in d.message for d in report.diagnostics)


@pytest.mark.parametrize("name, printed", [("法律服务机构", "法律服务\n机构"), ("社会公益组织", "社会公益")])
def test_a_group_header_name_printed_in_pieces_or_shortened_is_no_loss(name, printed):
    """A name cut in two or shortened (pdftotext's 法律服务 / 机构, a
    converter's 社会公益) is printed, in its place: 三 read in the template's order."""
    gen = make_report(11, "ogi-2021", "lines")
    assert name in gen.text
    report = reportparse.parse_text(gen.text.replace(name, printed, 1))
    assert report.tables["applications"].valid
    assert not any(d.code == "TBL_COLUMN_ORDER" for d in report.diagnostics)
