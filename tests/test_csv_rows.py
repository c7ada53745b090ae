"""Tables as a spreadsheet's CSV export prints them, and values in quotes.

A quoted CSV row (every field quoted, or a field quoted for the comma in
``"1,234"``) reads as tab-separated cells: an empty field is an empty cell,
the comma of a thousands separator stays in its number, and every value maps
back to its own characters in the input. Quotes around values run together
without a CSV row's shape (``'0','2','o'``) are no cells: a value lost among
them never lets the next one slide into its column.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

import reportparse
from reportparse.grammar import load_grammars
from reportparse.normalise import normalise

from conftest import FIXTURES, cell_at, cells_of, parsed_fixture
from generator import make_report

NUMBER = re.compile(r"[-+]?[\d.]*")  # a value cell (or an empty one): never wrapped


def _as_csv(text: str, quoting: int, thousands: bool = False) -> str:
    out = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = [f"{int(c):,}" if thousands and c.isdigit() else c for c in line.split("\t")]
        buf = io.StringIO()
        csv.writer(buf, quoting=quoting, lineterminator="").writerow(cells)
        out.append(buf.getvalue())
    return "\n".join(out)


@pytest.mark.parametrize("quoting", [csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL])
@pytest.mark.parametrize("thousands", [False, True])
def test_a_csv_export_reads_as_its_tab_separated_table(quoting, thousands):
    gen = make_report(21, "ogi-2021", "tab", big=True)  # values of 1000 and more: 1,234 when separated
    tab = reportparse.parse_text(gen.text)
    exported = _as_csv(gen.text, quoting, thousands)
    assert exported != gen.text
    report = reportparse.parse_text(exported)
    assert report.flat() == tab.flat()
    assert all(report.tables[k].valid == tab.tables[k].valid for k in tab.tables)
    cell = cell_at(report, "applications.new.total")
    assert exported[cell.span.start:cell.span.end].replace(",", "") == str(gen.truth["applications.new.total"])


def test_empty_csv_fields_are_empty_cells():
    gen = make_report(22, "ogi-2021", "tab")
    lines = gen.text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("一、本年新收"))
    cells = lines[at].split("\t")
    cells[6] = ""  # 其他 printed empty
    lines[at] = "\t".join(cells)
    report = reportparse.parse_text(_as_csv("\n".join(lines), csv.QUOTE_ALL))
    assert cell_at(report, "applications.new.other_org").value in (None, gen.truth["applications.new.other_org"])
    for col in ("natural_person", "legal_service", "total"):  # in their own columns, not one to the left
        assert cell_at(report, f"applications.new.{col}").value == gen.truth[f"applications.new.{col}"]


def test_a_csv_row_maps_back_to_its_characters():
    row = '"一、本年新收政府信息公开申请数量","1,470","7","","544"'
    c = normalise(row, load_grammars())
    assert c.text == "一、本年新收政府信息公开申请数量\t1,470\t7\t\t544"
    at = c.text.index("1,470")
    assert row[c.omap[at]:c.omap[at + 5 - 1] + 1] == "1,470"
    assert row[c.omap[c.text.index("544")]] == "5"


@pytest.mark.parametrize("line", ['落实"放管服"改革,优化营商环境,提升服务', 'a,"b",c"d'])
def test_prose_with_quotes_and_commas_is_no_csv_row(line):
    assert normalise(line, load_grammars()).text == line


@pytest.mark.parametrize("quote", ["'", '"', "“”"])
def test_a_value_lost_among_quotes_moves_no_other(quote):
    """tab cells each quoted and joined with commas, not a CSV row (single or
    curly quotes): 其他法律… row with 非营利 printed as the OCR letter ``o``.
    The row's values are right or empty; 3 never reads as 法律服务机构's."""
    q1, q2 = (quote[0], quote[-1])
    gen = make_report(23, "ogi-2021", "tab")
    lines = gen.text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("7.属于行政执法案卷"))
    cells = lines[at].split("\t")
    cells[1:] = ["0", "0", "2", "o", "0", "3", "5"]
    lines[at] = ",".join(f"{q1}{c}{q2}" for c in cells)
    report = reportparse.parse_text("\n".join(lines))
    want = dict(zip(["natural_person", "business", "research", "nonprofit", "legal_service", "other_org", "total"],
                    [0, 0, 2, 0, 0, 3, 5], strict=True))
    for col, value in want.items():
        cell = cell_at(report, f"applications.result.withheld.enforcement_files.{col}")
        assert cell.value in (None, value) or cell.status == "placed", (col, cell)


def test_an_unquoted_csv_row_with_an_empty_field_keeps_its_empty_cells():
    """pandas' ``to_csv`` quotes nothing: ``18,,,,,,18``. A row with an empty
    field and a number reads as tab-separated cells, each empty one in its
    place; a row of numbers with thousands separators (no field empty), one
    of prose, or one aligned with spaces is no such row."""
    row = "二、上年结转政府信息公开申请数量,18,,,,,,18"
    c = normalise(row, load_grammars())
    assert c.text == "二、上年结转政府信息公开申请数量\t18\t\t\t\t\t\t18"
    assert row[c.omap[c.text.rindex("18")]:][:2] == "18"
    for line in ("规章,1,234,0", "一是加强,二是完善,,三是推进", "规章  3,,5"):
        assert normalise(line, load_grammars()).text.count(",") == line.count(",")  # its commas no cell boundaries


def test_a_csv_export_of_empty_cells_reads_as_its_tab_separated_table():
    """Every 0 of a report printed as nothing (a site's table exported by
    pandas: ``规章,3,,15``): the same values as the tab-separated text."""
    gen = make_report(24, "ogi-2021", "tab")
    lines = ["\t".join("" if c == "0" else c for c in ln.split("\t")) if "\t" in ln else ln for ln in gen.text.split("\n")]
    tab = reportparse.parse_text("\n".join(lines))
    exported = reportparse.parse_text("\n".join(ln.replace("\t", ",") for ln in lines))
    assert exported.flat() == tab.flat()
    assert any(v is not None for k, v in exported.flat().items() if k.startswith("applications."))


def _wrapped_labels(text: str, newline: str, width: int = 11, fields: int = 2) -> str:
    """``text``'s tab rows as Python's ``csv`` writes cells holding line
    breaks (pdfplumber's ``extract_tables`` keeps a label wrapped in its cell
    as ``数\\n量``): every cell of words (no number) longer than ``width``
    characters wrapped every ``width`` characters, the field quoted with the
    breaks inside it, in rows of ``fields`` cells or more."""
    out = []
    for line in text.split("\n"):
        if line.count("\t") + 1 < fields:
            out.append(line)
            continue
        cells = [c if NUMBER.fullmatch(c) else "\n".join(c[k:k + width] for k in range(0, len(c), width))
                 for c in line.split("\t")]
        buf = io.StringIO()
        csv.writer(buf, lineterminator=newline).writerow(cells)
        out.append(buf.getvalue().rstrip("\r\n"))
    return newline.join(out)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_csv_field_holding_a_line_break_stays_one_row(newline):
    """A quoted field holding a line break (``"一、本年新收政府信息公开申请数⏎量",5,10``,
    pdfplumber's cells through ``csv.writer``) split its row in two lines:
    the closing quote was read as a cell, every value one column off (9
    values wrong in 10 PDFs, in tables not valid). The break inside the
    field is written as a zero-width space: the row is one line, read as
    the tab text is, and its label maps back to the input."""
    gen = make_report(23, "ogi-2021", "tab")
    tab = reportparse.parse_text(gen.text)
    exported = _wrapped_labels(gen.text, newline)
    assert '"一、本年新收政府信息公\n开申请数量",' in exported.replace("\r\n", "\n")
    report = reportparse.parse_text(exported)
    assert report.flat() == tab.flat()
    assert all(report.tables[k].valid for k in tab.tables)
    cell = cell_at(report, "applications.new.total")
    assert exported[cell.span.start:cell.span.end] == str(gen.truth["applications.new.total"])


def test_labels_wrapped_in_narrow_cells_over_many_lines_stay_one_row():
    """A narrow label column wraps its labels two characters a line (LibreOffice's
    PDF of a Word table, through pdfplumber's cells and ``csv.writer``): 三's
    longest label runs over 19 lines, and a row can hold two such fields
    (``"三、⏎本年⏎…果","（一）予以⏎公开",0,0``). Up to three lines were
    joined: each longer label's last line was read as a row, its closing quote
    a cell (values a column off, read as right: 13 wrong, 8 of them not flagged,
    in 10 PDFs; seed 749452643). Every row is one line, read as the tab text is."""
    gen = make_report(23, "ogi-2021", "tab")
    tab = reportparse.parse_text(gen.text)
    exported = _wrapped_labels(gen.text, "\n", width=2, fields=3)  # 二's two-cell rows: four fields in such a grid
    assert '"三、\n本年\n度办\n理结\n果","（一\n）予\n以公\n开",0,' in exported
    assert max(len(row.split("\n")) for row in exported.split('"\n')) >= 19
    report = reportparse.parse_text(exported)
    assert report.flat() == tab.flat()
    assert all(report.tables[k].valid for k in tab.tables)
    cell = cell_at(report, "applications.result.other.no_fee.total")
    assert exported[cell.span.start:cell.span.end] == str(gen.truth["applications.result.other.no_fee.total"])


@pytest.mark.parametrize("text", ['他说"这是\n一句话",然后,好', '"这是\n一句话",然后', '落实"放管服\n改革"。,a,b'])
def test_quotes_over_lines_that_make_no_csv_row_join_nothing(text):
    """Lines that open and close a quote but make no CSV row (a quote inside
    a field, two fields, text after the closing quote) stay as they are."""
    assert normalise(text, load_grammars()).text == text


def _csv_text(seed: int) -> tuple[str, object]:
    """A generated 2021 report with its tab-separated lines written with commas."""
    gen = make_report(seed, "ogi-2021", "tab")
    return "\n".join(line.replace("\t", ",") for line in gen.text.split("\n")), gen


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_a_wrapped_label_with_its_empty_fields_inside_it_is_read(seed):
    """tabula's CSV of a narrow label column: 2.申请人逾期未按收费通知要求缴纳费用… wrapped
    over three lines, the values on the middle one and each other line's
    fields empty (``…要求缴,,,,,,,``): its match runs over the empty fields,
    which the label reads past as a tab text's empty cells. Was: no row of
    the template, its values left out."""
    text, gen = _csv_text(seed)
    lines = text.split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith("2.申请人逾期未按收费通知"))
    values = lines[i].split(",")[1:]
    empty = "," * len(values)
    lines[i:i + 1] = ["2.申请人逾期未按收费通知要求缴" + empty, "纳费用、行政机关不再处理其政府," + ",".join(values),
                      "信息公开申请" + empty]
    r = reportparse.parse_text("\n".join(lines))
    flat = r.flat()
    assert {k: flat[k] for k in gen.truth if k.startswith("applications.")} == {
        k: v for k, v in gen.truth.items() if k.startswith("applications.")}
    assert r.tables["applications"].valid
    assert not any(d.code == "TBL_UNKNOWN_ROW" for d in r.diagnostics)


def test_two_rows_values_in_one_cell_are_not_read_as_one_number():
    """PyMuPDF's ``find_tables`` (text strategy, each table's ``to_pandas``
    written by ``to_csv``) of 淮安市 2024's PDF saw no rule between two rows
    of 三 and put both in one cell: ``"4 保护第三方合法权益⏎…⏎5 属于三类内部事务信息","6⏎7"``.
    The field's lines run together read 67 for the second row (printed 7),
    and no rule could check it (the first row left empty): it is placed now,
    not read, and the table is not valid. Every value read, inferred or left
    as printed is the PDF's."""
    report, truth = parsed_fixture("pymupdf-find-tables-text-pandas-huaian-2024.txt")
    cell = cell_at(report, "applications.result.withheld.internal_affairs.natural_person")
    assert cell.value == 67 and cell.status == "placed"
    assert not report.tables["applications"].valid
    assert any(d.code == "TBL_UNANCHORED" and d.path == "tables.applications" for d in report.diagnostics)
    assert all(cell.value == truth["truth"][key] for key, cell in cells_of(report) if cell.status in ("read", "inferred"))


def test_a_point_on_a_line_of_its_own_leaves_the_value_placed():
    """PyMuPDF's ``find_tables`` (lines) of 洪泽区 2023's PDF sets the point
    of 7730.28 on a line of its own inside the quoted field
    (``行政事业性收费,"773028⏎."``): 773028 is placed, not read, and 二 (no
    rule checks it) is not valid; 三, read whole, stays valid."""
    report, truth = parsed_fixture("pymupdf-find-tables-csv-hongze-2023.txt")
    cell = cell_at(report, "proactive.fees.amount")
    assert cell.status == "placed" and not report.tables["proactive"].valid
    flat = report.flat()
    assert report.tables["applications"].valid
    assert {k: flat[k] for k in truth["truth"] if k.startswith("applications.")} == {
        k: v for k, v in truth["truth"].items() if k.startswith("applications.")}


def test_a_number_wrapped_in_its_field_is_read_where_the_rules_confirm_it():
    """A number wrapped in a narrow cell (``"2⏎1"`` for 21) is placed until
    the rules confirm it: 三's column and row sums hold with 21, so it is
    read and 三 stays valid."""
    path = FIXTURES / "pymupdf-find-tables-csv-hongze-2023.txt"
    text = path.read_text(encoding="utf-8").replace('一、",,,21,0,0,0,0,0,21', '一、",,,"2\n1",0,0,0,0,0,21', 1)
    assert '"2\n1"' in text
    report = reportparse.parse_text(text)
    cell = cell_at(report, "applications.new.natural_person")
    assert (cell.value, cell.status) == (21, "read")
    assert report.tables["applications"].valid


def test_a_cell_doubled_beside_its_float_copy_is_no_reason_to_trust_the_trim():
    """pandas' ``read_html`` of a page whose 规章 row has a cell written twice
    beside a cell left empty (``<td></td><td>21</td><td>21</td><td>0</td>``),
    through ``to_csv``: a column with an empty cell prints floats, so the copy
    reads ``21.0`` beside ``21`` (``规章,,21,21.0,0.0``). The empty field was
    trimmed as padding and 21 read into 本年新制作数量 (printed empty): 二
    valid with a wrong value (``bench/html_mutation.py --scrapers``,
    858064123). The same number written two ways is a cell doubled too: the
    trim is doubted, 21 placed, 二 not valid."""
    report, truth = parsed_fixture("pandas-to-csv-cell-doubled-858064123.txt")
    cell = cell_at(report, "proactive.rules.made")
    assert (cell.value, cell.status) == (21, "placed") and truth["truth"]["proactive.rules.made"] == 6
    assert not report.tables["proactive"].valid
    assert all(c.value == truth["truth"][k] for k, c in cells_of(report) if c.status == "read" and k.startswith("proactive."))
