"""Rows whose values are printed on the line above their labels: Ghostscript's
txtwrite text (``reportparse.tables.values_above``).

The fixture ``ghostscript-txtwrite-generated.txt`` is a generated report's PDF
as Ghostscript 10's ``txtwrite`` device writes it (corpus/README.md); the
tests that run ``gs`` themselves on the bundled real PDFs are skipped where
it is not installed (CI installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

import reportparse
from reportparse.tables.values_above import moved_parts

from conftest import CORPUS, FIXTURES, cells_of, golden_truth, parsed_fixture

GS = "ghostscript-txtwrite-generated.txt"


def _wrong_in_valid(report: reportparse.Report, truth: dict[str, object]) -> dict[str, tuple[object, object]]:
    """Cells of a valid table whose value is not the true one."""
    return {k: (c.value, truth[k]) for k, c in cells_of(report)
            if report.tables[k.split(".")[0]].valid and k in truth and c.value != truth[k]}


def test_a_table_printed_with_values_above_labels_is_read_under_its_rules():
    report, truth = parsed_fixture(GS)
    assert all(t.valid for t in report.tables.values())
    cells = dict(cells_of(report))
    assert {k: cells[k].value for k, v in truth["truth"].items() if v is not None and cells[k].value != v} == {}
    moved = {d.path for d in report.diagnostics if d.code == "TBL_VALUES_ABOVE_LABELS"}
    # 三 is read so under its rules; 二 (no rule checks it) only because 三 proved how this text prints rows
    assert moved == {"tables.applications", "tables.proactive"}


def test_the_fixture_prints_a_rows_values_on_the_line_above_its_label():
    """As printed, the first values of 三 stand before any of its labels:
    read after their labels, every row would take the next row's values."""
    text = (FIXTURES / GS).read_text(encoding="utf-8")
    first = text.index("一、本年新收政府信息公开申请数量")
    values = text.rfind("\n", 0, first)
    assert text[text.rfind("\n", 0, values - 1) + 1:values].split() == ["4", "2", "2", "2", "3", "0", "13"]


def test_a_label_joined_with_a_line_of_values_is_no_such_text():
    """A lost line break runs a label and a line of values together: which
    label each line of values belongs to is then a guess the rules cannot
    check (rows moved within a group keep every sum), so no table is read
    with its values moved, and none is valid with a wrong value."""
    text = (FIXTURES / GS).read_text(encoding="utf-8")
    truth = json.loads((FIXTURES / GS).with_suffix("").with_suffix(".truth.json").read_text(encoding="utf-8"))["truth"]
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if "三、收到和处理" in ln)
    for i in range(start, start + 60):
        joined = "\n".join([*lines[:i], lines[i] + " " + lines[i + 1], *lines[i + 2:]])
        report = reportparse.parse_text(joined)
        assert _wrong_in_valid(report, truth) == {}, i


def test_moved_parts_puts_each_line_of_values_below_the_line_after_it():
    text = "信息内容 本年制发件数\n  19  0  0\n规章\n\n  4  4  0\n规范性\n  1  2  3\n文件\n"
    parts = moved_parts(text, 0, len(text))
    assert parts is not None
    assert "".join(text[a:b] for a, b in parts) == "信息内容 本年制发件数\n规章\n  19  0  0\n规范性\n  4  4  0\n文件\n  1  2  3\n"


@pytest.mark.parametrize("text", [
    "规章\n  19  0  0\n规范性文件\n  4  4  0\n",  # values after their labels: the last line of values ends the text
    "  19  0  0\n  4  4  0\n规章\n",  # two lines of values in a row
    "  19  0  0\n规章  4  4  0\n规范性文件\n",  # a label run together with values
    "规章\n规范性文件\n",  # no values
])
def test_moved_parts_refuses_text_that_does_not_print_values_above_labels(text):
    assert moved_parts(text, 0, len(text)) is None


def test_a_few_characters_of_a_group_label_before_values_are_part_of_the_line_of_values():
    text = "  1  0  1\n1.信访举报投诉类申请\n（五）不  0  2  2\n2.重复申请\n"
    parts = moved_parts(text, 0, len(text))
    assert parts is not None
    assert "".join(text[a:b] for a, b in parts) == "1.信访举报投诉类申请\n  1  0  1\n2.重复申请\n（五）不  0  2  2\n"


_LINE = st.one_of(st.tuples(st.just("v"), st.lists(st.integers(0, 999), min_size=1, max_size=7)),
                  st.tuples(st.just("t"), st.text(alphabet="规章行政许可处罚强制其他", min_size=1, max_size=8)))


@given(st.lists(_LINE, min_size=1, max_size=30))
def test_moved_parts_only_reorders_whole_lines(lines):
    """Whatever the lines, the pieces are the text's own non-blank lines, each
    once, and each line of values comes right after the line that followed it."""
    text = "".join((" ".join(map(str, x)) if kind == "v" else x) + "\n" for kind, x in lines)
    parts = moved_parts(text, 0, len(text))
    if parts is None:
        return
    pieces = [text[a:b] for a, b in parts]
    assert sorted(pieces) == sorted(text.splitlines(keepends=True))
    order = text.splitlines(keepends=True)
    for k, (a, _) in enumerate(parts):
        if text[a].isdigit():
            i = next(i for i, (s, _) in enumerate(_starts(text)) if s == a)
            assert pieces[k - 1] == order[i + 1]


def _starts(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line)))
        pos += len(line)
    return out


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript (gs) not installed")
@pytest.mark.parametrize("pdf", ["hongze-2023.pdf", "hongze-2024.pdf", "huaian-2024.pdf"])
def test_real_pdfs_through_ghostscript_are_never_valid_with_a_wrong_value(pdf):
    """The bundled real PDFs print their values level with or below their
    labels: nothing is moved, and a valid table holds the checked values."""
    text = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-sOutputFile=-",
                           str(CORPUS / "real" / pdf)], capture_output=True, check=True).stdout.decode("utf-8", "replace")
    report = reportparse.parse_text(text)
    assert not any(d.code == "TBL_VALUES_ABOVE_LABELS" for d in report.diagnostics)
    truth = golden_truth(pdf)
    assert _wrong_in_valid(report, truth) == {}
    assert sum(c.value == truth[k] for k, c in cells_of(report) if k in truth) > len(truth) * 0.8


def _wrong_as_right(report: reportparse.Report, truth: dict) -> dict[str, tuple[object, object, str]]:
    """Wrong values read, inferred or corrected as though right."""
    return {k: (c.value, truth["truth"][k], c.status) for k, c in cells_of(report)
            if c.value is not None and truth["truth"].get(k) is not None and c.value != truth["truth"][k]
            and c.status in ("read", "inferred", "corrected")}


def test_values_above_labels_with_a_cell_printed_as_nothing_are_placed():
    """Cells printed as nothing: neither reading reads 三 whole with its rules
    holding. Read after their labels, rows took the next rows' values, each
    row's sum holding (45 such values were read as though right): every
    value on a line of values of its own is placed."""
    report, truth = parsed_fixture("ghostscript-txtwrite-blanks-919488829.txt")
    assert not report.tables["applications"].valid
    assert _wrong_as_right(report, truth) == {}
    cell = report.tables["applications"].rows["result.withheld.state_secret"]["research"]
    assert cell.status == "placed" and cell.unanchored and "its own" in cell.unanchored


def test_an_indented_line_of_values_one_short_is_read_where_every_place_of_the_lost_cell_agrees():
    """四's one line of values, indented, with 复议后起诉's 结果维持 printed
    as nothing: its indentation was read as an empty first cell (whose place
    was the indentation's last space, so the doubt of an indentation did not
    reach it), and 复议's values one place to the right as though right. In
    text aligned with spaces a line's leading spaces are no cell: the line
    is one value short, and a group is read where every place of the lost
    cell its rules allow gives it alike (复议, 诉讼); 复议后起诉's 0s fit it
    anywhere, so they stay empty."""
    report, truth = parsed_fixture("ghostscript-txtwrite-blanks-533832506.txt")
    assert "appeals.litigation_after_reconsideration.upheld" in truth["blank_cells"]
    assert not report.tables["appeals"].valid
    assert _wrong_as_right(report, truth) == {}
    rows = report.tables["appeals"].rows
    for rid in ("reconsideration", "litigation"):
        assert {cid: c.value for cid, c in rows[rid].items()} == {
            cid: truth["truth"][f"appeals.{rid}.{cid}"] for cid in rows[rid]}
    assert all(c.value is None for c in rows["litigation_after_reconsideration"].values())


def test_an_indented_line_of_values_whose_lost_cell_moved_a_group_keeping_its_sum_is_not_read():
    """The same with 诉讼's 尚未审结 printed as nothing (``0 0 0 0 0 23 59 0 82
    18 42 0 0 60``): read with the indentation as an empty first cell, 诉讼
    was (0, 23, 59, 0, 82) — its sum holding — as read. Now 复议 and 诉讼,
    which the lost cell's places read unlike, stay empty."""
    text = (FIXTURES / "ghostscript-txtwrite-blanks-533832506.txt").read_text(encoding="utf-8")
    line = "          0   0    0   3    3   0    2    0   0    2        0   0    0    0"
    assert line in text
    report = reportparse.parse_text(text.replace(line, "          0   0    0   0    0   23   59       0    82  18   42  0    0    60"))
    rows = report.tables["appeals"].rows
    assert all(c.value is None for rid in ("reconsideration", "litigation") for c in rows[rid].values())
    assert [c.value for c in rows["litigation_after_reconsideration"].values()] == [18, 42, 0, 0, 60]
