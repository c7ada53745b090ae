"""Where the text came from (``source.origin``) and what it means for ``valid``.

In OCR output a misread in a cell no rule checks (table 二) cannot be caught,
so such a table — and the report — is not valid; tables 三 and 四 keep their
own ``valid``. ``auto`` takes a text for OCR output by damage only OCR makes.
"""

from __future__ import annotations

import json
import re

import pytest

import reportparse
from reportparse import ParseOptions
from reportparse.cli import main
from reportparse.errors import OptionsError

from conftest import ROOT
from generator import make_report


def _codes(report):
    return {d.code for d in report.diagnostics}


ONE = re.compile(r"\t1(?=\t|$)", re.M)  # a value cell that is 1


def _confused(text: str) -> str:
    """The first value cell of table 三 that is 1 printed as 工, as OCR does."""
    start = text.index("三、收到和处理政府信息公开申请情况")
    m = ONE.search(text, start)
    assert m, "no 1 to confuse"
    return text[:m.start()] + "\t工" + text[m.end():]


def _with_a_one():
    for s in range(200):
        gen = make_report(s, "ogi-2021", "tab")
        if ONE.search(gen.text, gen.text.index("三、收到和处理政府信息公开申请情况")):
            return gen
    raise AssertionError("no generated report with a 1 in table 三")


def test_typed_text_is_digital_and_valid():
    gen = make_report(1, "ogi-2021", "tab")
    report = reportparse.parse_text(gen.text)
    assert report.source.origin == "digital" and report.valid
    assert all(t.valid for t in report.tables.values())
    assert not _codes(report) & {"INPUT_OCR_TEXT", "TBL_UNCHECKED"}


def test_declared_ocr_output_is_valid_only_where_rules_check_every_value():
    gen = make_report(2, "ogi-2021", "tab")  # (四: every group with a value has two or more parts with one)
    report = reportparse.parse_text(gen.text, ParseOptions(text_origin="ocr"))
    assert report.source.origin == "ocr" and not report.valid
    assert {k: t.valid for k, t in report.tables.items()} == {"proactive": False, "applications": True, "appeals": True}
    unchecked = [d for d in report.diagnostics if d.code == "TBL_UNCHECKED"]
    assert len(unchecked) == 1 and unchecked[0].path == "tables.proactive"
    assert "no rule checks 10 of its values" in unchecked[0].message and "fees.amount" in unchecked[0].message
    flat = report.flat()
    assert {k: flat[k] for k in gen.truth} == gen.truth  # values are unchanged: only the claim differs
    assert report.to_dict()["tables"]["applications"]["valid"] is True


def test_in_ocr_output_a_value_checked_only_against_its_copy_makes_no_valid_table():
    """行政诉讼's 尚未审结 51 is its group's only part: its rule compares it with
    its 总计, the same number printed again. OCR misreads a glyph the same way
    in both (tesseract read 21 as 2 in both cells of ocr-signed/429), and the
    rule holds over the misread: in OCR output such a table is not valid,
    the values named; in digital text it is."""
    gen = make_report(1, "ogi-2021", "tab")
    assert gen.truth["appeals.litigation.pending"] == gen.truth["appeals.litigation.total"] == 51
    report = reportparse.parse_text(gen.text, ParseOptions(text_origin="ocr"))
    assert not report.tables["appeals"].valid and report.tables["applications"].valid
    note = next(d for d in report.diagnostics if d.code == "TBL_UNCHECKED" and d.path == "tables.appeals")
    assert "litigation.pending" in note.message and "litigation.total" in note.message
    assert "reconsideration" not in note.message  # 15 + 10 = 25: three values
    assert {k: report.flat()[k] for k in gen.truth} == gen.truth
    assert reportparse.parse_text(gen.text).tables["appeals"].valid


def test_a_copy_linked_to_a_rule_over_several_values_is_checked():
    """hongze-2023 read as OCR output: 自然人 21 in 本年新收 and 21 in its 总计
    are each other's copies, but 21 in 三's results' 总计 is also the sum of
    several result rows: a misread of the copies would break that sum. 三
    stays valid."""
    report = reportparse.parse_file(ROOT / "corpus/real/hongze-2023.pdf", ParseOptions(text_origin="ocr"))
    assert report.tables["applications"].valid
    assert not any(d.code == "TBL_UNCHECKED" and d.path == "tables.applications" for d in report.diagnostics)


def test_a_misread_in_a_part_and_its_copy_no_longer_makes_a_valid_table():
    """Whole-page tesseract text of a generated report (bench/ocr-signed/429):
    行政诉讼's 纠正 21 and 总计 21 both read as 2."""
    report = reportparse.parse_text((ROOT / "bench/ocr-signed/429.txt").read_text(encoding="utf-8"))
    cells = report.tables["appeals"].rows["litigation"]
    assert cells["corrected"].value == cells["total"].value == 2  # (true: 21)
    assert report.source.origin == "ocr" and not report.tables["appeals"].valid


def test_ocr_damage_makes_auto_take_the_text_for_ocr_output():
    gen = _with_a_one()
    text = _confused(gen.text)
    report = reportparse.parse_text(text)
    assert report.source.origin == "ocr"
    note = next(d for d in report.diagnostics if d.code == "INPUT_OCR_TEXT")
    assert "confuses with a digit" in note.message
    assert "CELL_OCR_DIGIT" in _codes(report) and "TBL_UNCHECKED" in _codes(report) and not report.valid
    assert report.flat() | {"valid": True} == reportparse.parse_text(gen.text).flat()  # 工 read as 1: values right
    digital = reportparse.parse_text(text, ParseOptions(text_origin="digital"))  # the user's word overrides
    assert digital.source.origin == "digital" and digital.valid and "INPUT_OCR_TEXT" not in _codes(digital)


def _row_edited(text: str, start: str, edit) -> str:
    """Table 三's row starting ``start`` printed with its value fields as ``edit`` makes them."""
    line = next(ln for ln in text.split("\n") if ln.startswith(start))
    label, *vals = line.split("\t")
    return text.replace(line, "\t".join([label, *edit(vals)]), 1)


def _new_row_changed(text: str, first: int, total: int) -> str:
    """Table 三's 本年新收 printed with its 自然人 ``first`` and its 总计 ``total`` higher."""
    return _row_edited(text, "一、本年新收", lambda v: [str(int(v[0]) + first), *v[1:-1], str(int(v[-1]) + total)])


@pytest.mark.parametrize(("first", "total", "three_valid"), [(0, 1, True), (1, 3, False)], ids=["corrected", "rule-fails"])
def test_a_text_whose_sums_break_vouches_for_no_value_no_rule_checks(first, total, three_valid):
    """A text file that shows no OCR damage is taken as digital, but its
    origin is a guess: when a rule of 三 fails, or corrects a printed value
    (its 总计 one too high), its digits are in doubt — OCR that leaves no other
    mark misreads so (RapidOCR read 二's 38 as 88 on a skewed scan, 6↔9 in 三
    the only trace) — and table 二, which no rule checks, is not valid, nor
    the report; 四, whose rules hold, keeps its own ``valid``: the tables are
    checked as OCR output's are, the origin stays digital. The values are
    unchanged; a text declared digital keeps 二 valid."""
    gen = make_report(2, "ogi-2021", "tab")  # (四: every group with a value has two or more parts with one)
    text = _new_row_changed(gen.text, first, total)
    report = reportparse.parse_text(text)
    assert report.source.origin == "digital" and not report.valid
    assert {k: t.valid for k, t in report.tables.items()} == {"proactive": False, "applications": three_valid, "appeals": True}
    doubt = next(d for d in report.diagnostics if d.code == "TBL_DIGITS_IN_DOUBT")
    assert "rules of table(s) applications fail or corrected" in doubt.message
    unchecked = [d for d in report.diagnostics if d.code == "TBL_UNCHECKED"]
    assert [d.path for d in unchecked] == ["tables.proactive"] and "no rule checks 10" in unchecked[0].message
    flat = report.flat()
    assert all(flat[k] == v for k, v in gen.truth.items() if k.startswith("proactive."))
    declared = reportparse.parse_text(text, ParseOptions(text_origin="digital"))
    assert declared.tables["proactive"].valid and "TBL_UNCHECKED" not in _codes(declared)
    assert declared.valid is three_valid
    clean = reportparse.parse_text(gen.text)  # the same text with its sums right: every table valid
    assert clean.valid and "TBL_UNCHECKED" not in _codes(clean)


def test_in_a_text_file_the_checked_tables_vouch_for_table_two():
    """RapidOCR read 二's 行政许可 9 as 6 on a skewed scan, in text with
    nothing else amiss: no OCR damage, no rule failing, 三 only incomplete.
    In a text file, whose origin is a guess, the tables the rules check vouch
    for the digits of table 二, which none checks: 二 is valid only when they
    are (here two cells of 四's 复议 printed as nothing: 58 and 51 of 109,
    which no rule splits). Its values are unchanged; a text declared digital
    keeps 二 valid; a complete text is valid."""
    gen = make_report(2, "ogi-2021", "tab")
    assert "\n0\t58\t51\t0\t109\t" in gen.text
    text = gen.text.replace("\n0\t58\t51\t0\t109\t", "\n0\t\t\t0\t109\t", 1)
    report = reportparse.parse_text(text)
    assert report.source.origin == "digital" and not report.valid
    assert not report.tables["proactive"].valid and report.tables["applications"].valid and not report.tables["appeals"].valid
    note = next(d for d in report.diagnostics if d.code == "TBL_UNCHECKED")
    assert note.path == "tables.proactive" and "only the tables the rules check vouch for its digits" in note.message
    assert "TBL_DIGITS_IN_DOUBT" not in _codes(report)
    flat = report.flat()
    assert all(flat[k] == v for k, v in gen.truth.items() if k.startswith("proactive."))
    declared = reportparse.parse_text(text, ParseOptions(text_origin="digital"))
    assert declared.tables["proactive"].valid and "TBL_UNCHECKED" not in _codes(declared)
    assert reportparse.parse_text(gen.text).tables["proactive"].valid


def _row_blanked(text: str, start: str, cells: slice) -> str:
    """The cells ``cells`` of table 三's row starting ``start`` printed as nothing."""
    blank = range(7)[cells]
    return _row_edited(text, start, lambda v: ["" if i in blank else x for i, x in enumerate(v)])


def test_in_ocr_output_a_value_whose_rules_all_forced_a_cell_is_unchecked():
    """Whole-page tesseract read 上年结转's 社会公益组织 10 as 1, and 本年新收's row
    and 上年结转's 总计 not at all: the columns' balances forced 本年新收's cells
    (one 9 too high), its row rule its 总计, the 总计 column 上年结转's 总计 —
    and 上年结转's own rule then held, as the rules' sum makes it. Every rule
    holding, 三 was valid with four wrong values. In OCR output a value every
    rule over which forced an empty cell is unchecked (``TBL_UNCHECKED``,
    naming them): here all of 上年结转's. With one cell forced, every value
    is still checked; typed text is as printed."""
    gen = make_report(2, "ogi-2021", "tab")
    text = _row_blanked(_row_blanked(gen.text, "一、本年新收", slice(0, 7)), "二、上年结转", slice(6, 7))
    ocr = reportparse.parse_text(text, ParseOptions(text_origin="ocr"))
    apps = ocr.tables["applications"]
    assert not apps.valid and apps.rows["new"]["total"].status == "inferred"
    note = next(d for d in ocr.diagnostics if d.code == "TBL_UNCHECKED" and d.path == "tables.applications")
    assert "carried_over.natural_person" in note.message and "carried_over.other_org" in note.message
    assert {k: v for k, v in ocr.flat().items() if k.startswith("applications.")} == \
        {k: v for k, v in gen.truth.items() if k.startswith("applications.")}  # (no misread here: the values are right)
    assert reportparse.parse_text(text, ParseOptions(text_origin="digital")).tables["applications"].valid
    one = reportparse.parse_text(_row_blanked(gen.text, "一、本年新收", slice(6, 7)), ParseOptions(text_origin="ocr"))
    assert one.tables["applications"].valid


def _appeals_on_lines(text: str, *groups: tuple[int, ...]) -> str:
    """Table 四's one value line printed as lines of the given groups (0
    复议, 1 直接起诉, 2 复议后起诉), values two spaces apart as OCR lines are."""
    line = next(ln for ln in text.split("\n") if ln.count("\t") == 14 and ln.replace("\t", "").isdigit())
    vals = line.split("\t")
    lines = ["  ".join(v for g in grp for v in vals[5 * g:5 * g + 5]) for grp in groups]
    return text.replace(line, "\n".join(lines), 1)


@pytest.mark.parametrize("origin", ["ocr", "auto"])
def test_groups_of_one_row_on_several_ocr_lines_make_no_valid_table(origin):
    """四's three groups are one printed row. OCR that puts a group standing a
    little lower on the next line (RapidOCR on a skewed scan: 复议's five
    values after 诉讼's ten) leaves whole groups in another order, each still
    balancing: read in the text's order they are wrong, and no rule can tell.
    In OCR output, and in a text file whose origin is a guess, such a table
    is not valid (its values ``placed``); the row on one line, or each group
    on a line of its own, is kept."""
    gen = make_report(2, "ogi-2021", "tab")
    opts = ParseOptions(text_origin=origin)
    swapped = reportparse.parse_text(_appeals_on_lines(gen.text, (1, 2), (0,)), opts)
    appeals = swapped.tables["appeals"]
    assert not appeals.valid and not swapped.valid
    assert appeals.rows["reconsideration"]["total"].value == gen.truth["appeals.litigation.total"]  # the wrong group
    assert {c.status for cells in appeals.rows.values() for c in cells.values()} == {"placed"}
    note = next(d for d in swapped.diagnostics if d.code == "TBL_UNANCHORED" and d.path == "tables.appeals")
    assert "column groups of one printed row" in note.message
    for kept in [((0, 1, 2),), ((0,), (1,), (2,))]:
        r = reportparse.parse_text(_appeals_on_lines(gen.text, *kept), opts)
        assert r.tables["appeals"].valid and r.flat()["appeals.litigation.total"] == gen.truth["appeals.litigation.total"]


def test_whole_page_tesseract_text_that_dropped_digits_in_table_two_is_not_valid():
    """bench/ocr/070.txt: whole-page tesseract text of a generated report drawn
    as the template draws it. tesseract read table 二's 25 as 5 and 12 as 1 on
    a clean page; every other value is read and every rule holds. Before
    origins, it came out valid with two wrong values."""
    truth = json.loads((ROOT / "bench/ocr/070.truth.json").read_text(encoding="utf-8"))["truth"]
    report = reportparse.parse_file(ROOT / "bench/ocr/070.txt")
    flat = report.flat()
    wrong = {k for k, v in truth.items() if flat[k] is not None and flat[k] != v}
    assert wrong == {"proactive.normative_docs.issued", "proactive.coercion.decisions"}
    assert report.source.origin == "ocr" and "INPUT_OCR_TEXT" in _codes(report)
    assert not report.valid and not report.tables["proactive"].valid
    assert report.tables["applications"].valid and report.tables["appeals"].valid
    assert all(flat[k] == v for k, v in truth.items() if not k.startswith("proactive."))


def test_text_origin_is_validated_and_on_the_command_line(capsys):
    with pytest.raises(OptionsError, match="text_origin"):
        ParseOptions(text_origin="scanned")
    path = str(ROOT / "corpus/000_c93a36ffeb13c002.txt")
    assert main(["parse", path, "--text-origin", "ocr", "--compact"]) in (0, 1)
    tree = json.loads(capsys.readouterr().out)
    assert tree["source"]["origin"] == "ocr"
    assert any(d["code"] == "TBL_UNCHECKED" for d in tree["diagnostics"])
    with pytest.raises(SystemExit) as exc:
        main(["parse", path, "--text-origin", "paper"])
    assert exc.value.code == 2 and "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(("printed", "ocr"), [
    ("〈一) 予以公开", True),             # tesseract's （一） in a table's row label
    ("第二十条第〈八)项", True),
    ("部分公开（区分处理的〉", True),
    ("《关于施行〈条例〉的通知》", False),  # typed: a title within a title closes 〈 with 〉
    ("（一）予以公开", False),
])
def test_a_bracket_closed_by_another_kind_is_ocr_damage(printed, ocr):
    """tesseract's text of a real PDF (huaian-2024, ``--psm 4``) showed one
    OCR sign the parser knew, a row label found with character errors; with
    that row's section heading deleted it was taken as typed, and 二 (no
    rule) was valid with 20 for 26 and 0 for 66. It prints （一） as 〈一) six
    times: an angle bracket closed by a parenthesis, which typed text never
    prints, marks the text as OCR output too."""
    gen = make_report(1, "ogi-2021", "tab")
    at = gen.text.index("五、存在的主要问题及改进情况")
    text = gen.text[:at] + f"另见{printed}。\n" + gen.text[at:]
    report = reportparse.parse_text(text)
    assert report.source.origin == ("ocr" if ocr else "digital")
    assert ("TEXT_BRACKET_OCR" in _codes(report)) == ocr
    assert report.tables["proactive"].valid != ocr


WITHHELD = ("1.属于国家秘密", "2.其他法律", "3.危及", "4.保护第三方", "5.属于三类", "6.属于四类", "7.属于行政执法", "8.属于行政查询")


def _values_moved(text: str, above: bool) -> str:
    """Table 三's rows 1.–8. of 不予公开 with their values on a line of their
    own, two spaces apart as OCR lines are: above their label (``above``) or
    below it; 部分公开's long label keeps its values level with it."""
    out = []
    for line in text.split("\n"):
        label, _, vals = line.partition("\t")
        if label == "（三）不予公开":
            label, _, vals = vals.partition("\t")
            label = "（三）不予公开  " + label
        if not any(w in label for w in WITHHELD) or not vals:
            out.append(line)
            continue
        values = "  ".join(vals.split("\t"))
        out += [values, label] if above else [label, values]
    return "\n".join(out)


@pytest.mark.parametrize("origin", ["ocr", "auto"])
def test_values_on_the_line_above_their_labels_are_never_read_as_the_next_rows(origin):
    """RapidOCR's lines of a skewed page put a short label's values on the
    line above it and a long label's level with it: 部分公开's line held its
    own values, the next line 1.属于国家秘密's, and each of rows 1.–8. took
    the values after it — the next row's, all read, sums unchanged (rows
    moved inside one summed group). A row whose whole count of values stands
    on its label's line with another line of values after it shows the text
    may print values above labels: then a value on a line after its label is
    ``unanchored``, never read as that row's; values below every label still
    read and valid."""
    gen = make_report(2, "ogi-2021", "tab")
    opts = ParseOptions(text_origin=origin)
    report = reportparse.parse_text(_values_moved(gen.text, above=True), opts)
    apps = report.tables["applications"]
    assert not apps.valid and "TBL_UNANCHORED" in _codes(report)
    cells = {f"applications.{r}.{c}": cell for r, cols in apps.rows.items() for c, cell in cols.items()}
    wrong = {k for k, cell in cells.items() if k in gen.truth and cell.value not in (None, gen.truth[k])}
    assert wrong and all(cells[k].unanchored and cells[k].status != "read" for k in wrong)
    below = reportparse.parse_text(_values_moved(gen.text, above=False), opts)
    assert below.tables["applications"].valid
    assert all(below.flat()[k] == v for k, v in gen.truth.items() if k.startswith("applications."))
