"""Tables from text: the sample's empties, forced values, run-together digits, OCR digits."""

from __future__ import annotations

import pytest

import reportparse


def test_sample_cells(sample_report):
    apps = sample_report.tables["applications"].rows
    assert all(c.value == 0 for row in apps.values() for c in row.values())
    appeals = sample_report.tables["appeals"].rows
    assert [c.value for c in appeals["reconsideration"].values()] == [None] * 5
    assert [c.status for c in appeals["reconsideration"].values()] == ["missing"] * 5
    assert [c.value for c in appeals["litigation"].values()] == [0] * 5
    assert [c.value for c in appeals["litigation_after_reconsideration"].values()] == [0] * 5
    assert sample_report.valid is False
    empty = [d for d in sample_report.diagnostics if d.code == "CELL_EMPTY"]
    assert empty and "reconsideration.upheld" in empty[0].message


def test_sample_forced_zeros_are_marked_inferred(sample_report):
    row = sample_report.tables["applications"].rows["result.disclosed"]
    six = [c for k, c in row.items() if k != "total"]
    assert all(c.value == 0 and c.status == "inferred" for c in six)
    assert row["total"].status == "read"


def test_cell_spans_point_at_their_text(sample_report):
    from conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8")
    cell = sample_report.tables["applications"].rows["new"]["total"]
    assert text[cell.span.start:cell.span.end] == "0"
    assert text.splitlines()[cell.span.line - 1].startswith("一、本年新收政府信息公开申请数量")


def _report(rows: str, appeals: str = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0") -> str:
    return ("某区2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + rows +
            "\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n" + appeals + "\n五、存在的主要问题及改进情况\n无。\n")


ROWS = [("一、本年新收政府信息公开申请数量", [40, 3, 0, 0, 0, 0, 43]), ("二、上年结转政府信息公开申请数量", [2, 0, 0, 0, 0, 0, 2]),
        ("（一）予以公开", [30, 3, 0, 0, 0, 0, 33]), ("（二）部分公开", [5, 0, 0, 0, 0, 0, 5]),
        ("1.属于国家秘密", [0] * 7), ("2.其他法律行政法规禁止公开", [0] * 7), ("3.危及“三安全一稳定”", [0] * 7),
        ("4.保护第三方合法权益", [0] * 7), ("5.属于三类内部事务信息", [0] * 7), ("6.属于四类过程性信息", [0] * 7),
        ("7.属于行政执法案卷", [0] * 7), ("8.属于行政查询事项", [0] * 7), ("1.本机关不掌握相关政府信息", [4, 0, 0, 0, 0, 0, 4]),
        ("2.没有现成信息需要另行制作", [0] * 7), ("3.补正后申请内容仍不明确", [0] * 7), ("1.信访举报投诉类申请", [0] * 7),
        ("2.重复申请", [0] * 7), ("3.要求提供公开出版物", [0] * 7), ("4.无正当理由大量反复申请", [0] * 7),
        ("5.要求行政机关确认或重新出具已获取信息", [0] * 7), ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0] * 7),
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7), ("3.其他", [0] * 7),
        ("（七）总计", [39, 3, 0, 0, 0, 0, 42]), ("四、结转下年度继续办理", [3, 0, 0, 0, 0, 0, 3])]


def _rows(sep="\t", edit=None, scale=1) -> str:
    lines = []
    for i, (label, vals) in enumerate(ROWS):
        cells = [str(v * scale) for v in vals]
        if edit and i in edit:
            cells = edit[i](cells)
        lines.append(label + sep + sep.join(cells))
    return "\n".join(lines)


def test_a_consistent_table_is_valid_except_for_missing_tables():
    r = reportparse.parse_text(_report(_rows()))
    apps = r.tables["applications"].rows
    assert apps["new"]["total"].value == 43 and apps["result.total"]["natural_person"].value == 39
    assert all(x.status == "pass" for x in r.rules if x.table == "applications")


def test_misread_value_is_corrected_and_keeps_its_raw_text():
    r = reportparse.parse_text(_report(_rows(edit={0: lambda c: c[:6] + ["4"]})))  # 43 read as 4
    cell = r.tables["applications"].rows["new"]["total"]
    assert (cell.value, cell.status, cell.raw) == (43, "corrected", "4")
    assert any(d.code == "RULE_CORRECTED" for d in r.diagnostics)


def test_two_misreads_in_one_row_are_corrected_together():
    """本年新收 480 36 … 516 read as 48 3 … 516: the row's rule fails by both
    misreads, so it names no right value; each cell's column rule names one a
    digit away from what was read, and only that pair makes every rule hold."""
    r = reportparse.parse_text(_report(_rows(edit={0: lambda c: ["48", "3"] + c[2:]}, scale=12)))
    row = r.tables["applications"].rows["new"]
    assert [(row[c].value, row[c].status, row[c].raw) for c in ("natural_person", "business")] == [(480, "corrected", "48"), (36, "corrected", "3")]
    assert all(x.status == "pass" for x in r.rules if x.table == "applications")
    # 30 and 33 read as 3 and 3: each cell's rules name two values a digit away (0 or 30; 6 or 33),
    # so neither reading is trusted, even though only one pair would make every rule hold
    r = reportparse.parse_text(_report(_rows(edit={2: lambda c: ["3"] + c[1:6] + ["3"]})))
    row = r.tables["applications"].rows["result.disclosed"]
    assert [(row[c].value, row[c].status) for c in ("natural_person", "total")] == [(3, "conflict"), (3, "conflict")]


def test_a_misread_is_corrected_once_an_inferred_value_lets_a_second_rule_check_it():
    """40 read as 4 while 上年结转's 2 beside it was dropped: only the row's rule
    can check the 4 until the 2 is inferred; then the column's rule agrees."""
    r = reportparse.parse_text(_report(_rows(edit={0: lambda c: ["4"] + c[1:], 1: lambda c: [""] + c[1:]})))
    apps = r.tables["applications"].rows
    assert (apps["carried_over"]["natural_person"].value, apps["carried_over"]["natural_person"].status) == (2, "inferred")
    assert (apps["new"]["natural_person"].value, apps["new"]["natural_person"].status) == (40, "corrected")


def test_a_cell_only_one_rule_checks_is_never_corrected():
    """An appeal group has one rule: 45 0 44 0 89 read as 45 0 4 0 8 could be
    'fixed' by changing the right 45 to 4 (4 + 4 = 8). Nothing is changed."""
    r = reportparse.parse_text(_report(_rows(), appeals="0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t45\t0\t4\t0\t8"))
    group = r.tables["appeals"].rows["litigation_after_reconsideration"]
    assert [(c.value, c.status) for c in group.values()] == [(45, "conflict"), (0, "conflict"), (4, "conflict"), (0, "conflict"), (8, "conflict")]
    assert not r.valid


def test_dropped_cell_forced_by_the_rules_is_inferred():
    r = reportparse.parse_text(_report(_rows(edit={2: lambda c: [c[0], ""] + c[2:]})))
    cell = r.tables["applications"].rows["result.disclosed"]["business"]
    assert (cell.value, cell.status) == (3, "inferred")


def test_undecidable_inconsistency_is_a_conflict_not_a_guess():
    r = reportparse.parse_text(_report(_rows(), appeals="10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"))
    rec = r.tables["appeals"].rows["reconsideration"]
    assert [c.value for c in rec.values()] == [10, 1, 0, 0, 0]
    assert {c.status for c in rec.values()} == {"conflict"}
    assert not r.valid
    assert any(x.status == "fail" and x.scope == "reconsideration" for x in r.rules)


def test_an_unreadable_first_value_of_the_appeals_row_keeps_its_place():
    """hongze-2024 scanned 3° askew: the first value cell (1) comes out as
    ``[`` and a later one as nothing. The row has no label cell, so the mark is
    a value cell that could not be read: the other 13 values keep their
    columns, and the two cells stay empty."""
    for appeals in ("[\t1\t0\t0\t2\t\t0\t0\t0\t1\t2\t0\t1\t0\t3",
                    "结果维持\t结果纠正\t其他结果\t尚未审结\t总计[\t1\t0\t0\t2\t\t0\t0\t0\t1\t2\t0\t1\t0\t3"):
        r = reportparse.parse_text(_report(_rows(), appeals=appeals))
        rows = r.tables["appeals"].rows
        assert [c.value for c in rows["reconsideration"].values()] == [None, 1, 0, 0, 2], appeals
        assert [c.value for c in rows["litigation"].values()] == [None, 0, 0, 0, 1]
        assert [c.value for c in rows["litigation_after_reconsideration"].values()] == [2, 0, 1, 0, 3]


def test_a_lost_cell_of_the_appeals_row_leaves_only_the_groups_the_rules_place_empty():
    """Whole-page OCR of a space-aligned table 四 can drop a cell (``… 0  0  3    3``:
    14 values for 15 cells, nothing blank to say which). Every place of the lost
    cell is tried: only places in the last group leave the first two groups
    balanced, and there every try puts their ten values in the same cells. They
    are read; the last group, whose values could sit in several cells, stays empty."""
    appeals = "35  0  0  27  62  0  0  40  12  52  0  0  3    3"
    r = reportparse.parse_text(_report(_rows(), appeals=appeals))
    rows = r.tables["appeals"].rows
    assert [c.value for c in rows["reconsideration"].values()] == [35, 0, 0, 27, 62]
    assert [c.value for c in rows["litigation"].values()] == [0, 0, 40, 12, 52]
    assert [c.value for c in rows["litigation_after_reconsideration"].values()] == [None] * 5
    assert {c.status for c in rows["reconsideration"].values()} == {"read"}
    assert any(d.code == "TBL_CELL_LOST" and "10 values placed" in d.message for d in r.diagnostics)
    # when the lost cell could be in any group (all zeros), nothing is placed
    r = reportparse.parse_text(_report(_rows(), appeals="  ".join(["0"] * 14)))
    assert all(c.value is None for row in r.tables["appeals"].rows.values() for c in row.values())


def test_a_garbled_first_value_after_a_label_keeps_its_place_unless_it_is_a_word_of_the_label():
    """huaian-2024 scanned 3° askew: the 本年新收 row's first value (40) comes out
    as ``王呆``. Its row has exactly one cell per column only if the mark is taken
    as a value cell, and the mark shares no character with the label, so it is an
    unreadable value: the other six keep their columns and the rule brings the
    40 back. ``量`` (the label's last word, cut off by OCR) before seven values is
    the label's, and before six it is not taken for a value either (the row is
    short: the table's rules place the six values and force the first)."""
    r = reportparse.parse_text(_report(_rows(edit={0: lambda c: ["王呆"] + c[1:]})))
    new = r.tables["applications"].rows["new"]
    assert [(c.value, c.status) for c in new.values()][:2] == [(40, "inferred"), (3, "read")]
    assert any(d.code == "CELL_UNREADABLE" and "王呆" in d.message for d in r.diagnostics)
    wrapped = ROWS[0][0][:-1] + "\t量"
    for cells, first in ((ROWS[0][1], "read"), (ROWS[0][1][1:], "inferred")):
        text = _report(_rows()).replace(ROWS[0][0] + "\t" + "\t".join(map(str, ROWS[0][1])),
                                        wrapped + "\t" + "\t".join(map(str, cells)))
        r = reportparse.parse_text(text)
        new = r.tables["applications"].rows["new"]
        assert [(c.value, c.status) for c in new.values()] == [(v, first if i == 0 else "read") for i, v in enumerate(ROWS[0][1])]
        assert not any("量" in d.message for d in r.diagnostics if d.code == "CELL_UNREADABLE")


def test_a_number_with_a_letter_in_it_is_an_unreadable_cell():
    """``8S8283`` (OCR of 868283) where a value stands: the cell is unreadable
    and says so, not 'no values next to it'; a number with a letter in it is
    damage only OCR makes, so the text is taken as OCR output."""
    r = reportparse.parse_text(_report(_rows(edit={2: lambda c: [c[0], "3S", *c[2:]]})).replace(
        "3S", "8S8283"))
    cell = r.tables["applications"].rows["result.disclosed"]["business"]
    assert cell.raw == "8S8283" and cell.status != "read"
    assert any(d.code == "CELL_DAMAGED_NUMBER" and "8S8283" in d.message for d in r.diagnostics)
    assert r.source.origin == "ocr"


def test_a_rule_with_empty_cells_still_fails_when_the_known_cells_exceed_the_total():
    """Counts are never negative: 10 + 1 read as parts of a total read as 5 cannot be
    right whatever the empty cells hold, so the rule fails and the cells are flagged."""
    r = reportparse.parse_text(_report(_rows(), appeals="10\t1\t\t0\t5\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"))
    rec = r.tables["appeals"].rows["reconsideration"]
    assert [c.value for c in rec.values()] == [10, 1, None, 0, 5]
    assert rec["total"].status == "conflict" and rec["other"].status == "missing"
    fail = [x for x in r.rules if x.scope == "reconsideration"]
    assert [(x.status, x.lhs, x.rhs) for x in fail] == [("fail", 5, 11)]
    assert any(d.code == "RULE_FAIL" and "cannot be negative" in d.message for d in r.diagnostics)
    # with the parts below the total the same rule is simply not assessable
    ok = reportparse.parse_text(_report(_rows(), appeals="1\t1\t\t0\t5\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"))
    assert [x.status for x in ok.rules if x.scope == "reconsideration"] == ["not_assessable"]


def test_a_row_with_text_in_two_value_cells_is_not_trusted():
    """Whole-page OCR garbles a line at once (new row: 40 3 0 0 0 0 43 read as
    1 ， 0 0 轴 0 1): its digits are no better than its junk, so none is kept;
    the rules then fill the row from the rest of the table. One ? (a cell an OCR
    reader could not read) does not make a row damaged."""
    garbled = {0: lambda c: ["1", "，", "0", "0", "轴", "0", "1"]}
    r = reportparse.parse_text(_report(_rows(edit=garbled)))
    new = r.tables["applications"].rows["new"]
    assert all(c.status != "read" for c in new.values())
    assert all(c.value in (None, want) for c, want in zip(new.values(), ROWS[0][1], strict=True))
    assert any(d.code == "TBL_ROW_DAMAGED" for d in r.diagnostics)
    unsure = {0: lambda c: ["40", "?", "0", "0", "0", "?", "43"]}
    r = reportparse.parse_text(_report(_rows(edit=unsure)))
    assert [c.value for c in r.tables["applications"].rows["new"].values()] == ROWS[0][1]  # the two ? inferred
    assert not any(d.code == "TBL_ROW_DAMAGED" for d in r.diagnostics)


def test_a_value_forced_from_vouched_cells_is_not_lost_to_an_unvouched_forcing():
    """（六）其他处理 printed as one row of zeros (the 2019 way), which its own row
    sum vouches for, forces its three items to 0. The column sum of 自然人 forces
    the same cells from cells no rule vouches for yet (行政执法案卷's 总计 is an
    OCR smudge). Taken that way first, the zeros were tentative and dropped
    (askew hongze-2023 scan: 18 cells null); the vouched forcing now comes first."""
    rows = [r for r in ROWS if not r[0].startswith(("1.申请人", "2.申请人", "3.其他"))]
    at = next(i for i, r in enumerate(rows) if r[0] == "（七）总计")
    rows.insert(at, ("（六）其他处理", [0] * 7))
    text = "\n".join(label + "\t" + "\t".join(map(str, vals)) for label, vals in rows)
    text = (text.replace("7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0", "7.属于行政执法案卷\t1\t0\t0\t0\t0\t0\t〕")
            .replace("（七）总计\t39\t3\t0\t0\t0\t0\t42", "（七）总计\t40\t3\t0\t0\t0\t0\t43")
            .replace("四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3", "四、结转下年度继续办理\t2\t0\t0\t0\t0\t0\t2"))
    r = reportparse.parse_text(_report(text))
    apps = r.tables["applications"].rows
    for item in ("result.other.no_correction", "result.other.no_fee", "result.other.other"):
        assert [c.value for c in apps[item].values()] == [0] * 7
        assert {c.status for c in apps[item].values()} == {"inferred"}
    assert apps["result.withheld.enforcement_files"]["total"].value == 1
    assert {x.status for x in r.rules if x.table == "applications"} == {"pass"}


def test_ocr_digits_are_read_and_recorded():
    r = reportparse.parse_text(_report(_rows(edit={4: lambda c: ["O"] + c[1:], 7: lambda c: c[:6] + ["o"]})))
    assert r.tables["applications"].rows["result.withheld.state_secret"]["natural_person"].value == 0
    assert any(d.code == "CELL_OCR_DIGIT" for d in r.diagnostics)


def test_run_together_digits_split_by_the_row_sum():
    text = _report(_rows(sep="").replace("\t", ""), appeals="10203120001200000")
    r = reportparse.parse_text(text)
    apps = r.tables["applications"].rows
    assert [c.value for c in apps["new"].values()] == [40, 3, 0, 0, 0, 0, 43]
    appeals = r.tables["appeals"].rows
    assert [c.value for c in appeals["reconsideration"].values()] == [1, 0, 2, 0, 3]
    assert [c.value for c in appeals["litigation"].values()] == [12, 0, 0, 0, 12]


def test_ambiguous_split_stays_null_with_a_diagnostic():
    text = ("某区2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
            "规章000行政规范性文件693665第二十条第（五）项\n三、收到和处理政府信息公开申请情况\n")
    r = reportparse.parse_text(text)
    row = r.tables["proactive"].rows["normative_docs"]
    assert [c.value for c in row.values()] == [None, None, None]
    assert [c.value for c in r.tables["proactive"].rows["rules"].values()] == [0, 0, 0]
    assert any(d.code == "TBL_SPLIT_AMBIGUOUS" for d in r.diagnostics)


def test_cells_every_split_agrees_on_are_read_the_others_stay_null():
    """0230244725200545500055 splits two ways under the group sums:
    … 5 50 0 0 55 or … 55 0 0 0 55. The first two groups and the last group's
    cells 3–5 are the same in both: they are read; the two that differ stay null."""
    r = reportparse.parse_text(_report(_rows(), appeals="0230244725200545500055"))
    appeals = r.tables["appeals"].rows
    assert [c.value for c in appeals["reconsideration"].values()] == [0, 23, 0, 24, 47]
    assert [c.value for c in appeals["litigation"].values()] == [2, 52, 0, 0, 54]
    after = appeals["litigation_after_reconsideration"]
    assert [c.value for c in after.values()] == [None, None, 0, 0, 55]
    assert after["upheld"].raw == "0230244725200545500055" and after["upheld"].status == "missing"
    msg = next(d.message for d in r.diagnostics if d.code == "TBL_SPLIT_AMBIGUOUS")
    assert "2 ways" in msg and "litigation_after_reconsideration.total=55" in msg
    assert not r.valid
    # table 二 has no rule, and an empty cell prints nothing: 行政处罚 2648-18538 (平潭 2020)
    # is 2648 -185 38, 2648 -18 538, … or 2648 -18538 and an empty cell; every reading
    # gives 上一年项目数量 2648 (a sign only starts 本年增/减); 007 can only be 0 0 7
    text = ("某区2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量"
            "规章007第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648-18538\n三、收到和处理政府信息公开申请情况\n")
    proactive = reportparse.parse_text(text).tables["proactive"].rows
    assert [c.value for c in proactive["rules"].values()] == [0, 0, 7]
    assert [c.value for c in proactive["penalty"].values()] == [2648, None, None]
    # 512 in three cells: 5 1 2, or 5 and 12 with an empty cell between, …: nothing is read
    text = text.replace("规章007", "规章512")
    assert [c.value for c in reportparse.parse_text(text).tables["proactive"].rows["rules"].values()] == [None] * 3


def test_blank_is_never_zero_and_zero_never_blank():
    text = _report(_rows(edit={4: lambda c: ["", "0"] + c[2:]}))
    r = reportparse.parse_text(text, reportparse.ParseOptions(repair=False))
    row = r.tables["applications"].rows["result.withheld.state_secret"]
    assert row["natural_person"].value is None and row["business"].value == 0


def test_vertical_headers_page_breaks_and_repeated_headers_inside_a_table():
    rows = _rows().split("\n")
    header = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t自然人\t法人或其他组织\t\t\t\t\t总计"
    broken = "\n".join(rows[:10] + ["", "- 3 -", "\f" + header] + rows[10:])
    appeals = "结\t结\t其\t尚\t总\n果\t果\t他\t未\t计\n维\t纠\t结\t审\n持\t正\t果\t结\n" + "\t".join(["0"] * 15)
    r = reportparse.parse_text(_report(header + "\n" + broken, appeals=appeals))
    apps = r.tables["applications"].rows
    assert [c.value for c in apps["result.withheld.inquiry"].values()] == [0] * 7
    assert [c.value for c in apps["result.total"].values()] == [39, 3, 0, 0, 0, 0, 42]
    assert all(x.status == "pass" for x in r.rules if x.table == "applications" and x.rule != "applications.other_group")
    assert [c.value for c in r.tables["appeals"].rows["litigation"].values()] == [0] * 5


def test_block_printed_column_by_column_before_its_labels():
    """hongze-2023 through pdftotext: ten rows of table 三 come out column by column, then their labels."""
    from conftest import CORPUS

    r = reportparse.parse_file(CORPUS / "real/hongze-2023.pdftotext.txt")
    rows = r.tables["applications"].rows
    want = {"result.withheld.state_secret": 1, "result.withheld.prohibited_by_law": 0, "result.withheld.process_info": 1,
            "result.withheld.enforcement_files": 1, "result.unavailable.not_held": 10, "result.unavailable.needs_creation": 3}
    for rid, n in want.items():
        assert [c.value for c in rows[rid].values()] == [n, 0, 0, 0, 0, 0, n], rid
    assert any(d.code == "TBL_BLOCK_BEFORE_LABELS" for d in r.diagnostics)


def test_block_after_one_label_whose_other_labels_come_later():
    """hongze-2023 through pdftotext: 3.要求提供公开出版物, then the values of the
    four rows 3.补正后… 1.信访… 2.重复… 3.要求提供… column by column, and the other
    three labels only after 四、结转下年度; likewise （七）总计 before the values of
    （六）其他处理 and （七）总计. Exactly one run of template rows fits each block."""
    from conftest import CORPUS

    text = (CORPUS / "real/hongze-2023.pdftotext.txt").read_text(encoding="utf-8")
    rows = reportparse.parse_text(text).tables["applications"].rows
    assert [c.value for c in rows["result.not_processed.petition"].values()] == [1, 0, 0, 0, 0, 0, 1]
    for rid in ("result.unavailable.unclear", "result.not_processed.repeated", "result.not_processed.publication"):
        assert [c.value for c in rows[rid].values()] == [0] * 7, rid
    assert [c.value for c in rows["result.total"].values()] == [21, 0, 0, 0, 0, 0, 21]
    # without the label 1.信访… no run of rows fits the four-row block: it is not placed (the
    # rules still force the columns that sum to 0), and the 1 of 信访 is never put in another row
    damaged = reportparse.parse_text(text.replace("1.信访举报投诉类申请", "")).tables["applications"].rows
    for rid in ("result.unavailable.unclear", "result.not_processed.petition", "result.not_processed.repeated",
                "result.not_processed.publication"):
        assert [c.value for c in damaged[rid].values()] == [None, 0, 0, 0, 0, 0, None], rid


def test_inferred_values_never_corroborate_each_other():
    """Real tesseract output (tests/fixtures, made by bench/make_ocr.py): the 上年结转 label is
    damaged and the 本年新收 digits are misread. Values inferred from the misread row must not
    "confirm" one another through the template's dependent equations: the report is not valid."""
    import json

    from conftest import ROOT

    text = (ROOT / "tests/fixtures/ocr-circular.txt").read_text(encoding="utf-8")
    truth = json.loads((ROOT / "tests/fixtures/ocr-circular.truth.json").read_text(encoding="utf-8"))["truth"]
    r = reportparse.parse_text(text)
    assert not r.valid
    flat = r.flat()
    cells = {f"{t}.{a}.{b}": c for t, tab in r.tables.items() for a, cols in tab.rows.items() for b, c in cols.items()}
    wrong_inferred = [k for k, v in truth.items() if flat[k] is not None and flat[k] != v and cells[k].status == "inferred"]
    assert not wrong_inferred


def test_every_table_layout_has_a_kind_that_matches_extracts_and_validates():
    from reportparse.grammar import TABLE_LAYOUTS, load_grammars
    from reportparse.tables import REGISTRY, TableKind

    assert set(REGISTRY) == set(TABLE_LAYOUTS)
    assert all(isinstance(kind, TableKind) for kind in REGISTRY.values())
    used = {t.layout for tpl in load_grammars().templates.values() for t in tpl.tables.values()}
    assert used and used <= set(REGISTRY)


def test_a_section_that_holds_no_table_gives_one_diagnostic_and_no_numbers():
    """Section 三 told in prose only: the table is not there (no label or
    header of it, exact or fuzzy), so its cells stay empty — the 12 of the
    prose is never placed by counting — and one TBL_NOT_FOUND says so."""
    text = ("某区2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n本年度共收到申请12件，均已按时答复。\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n" + "\t".join(["0"] * 15) + "\n五、存在的主要问题及改进情况\n无。\n")
    r = reportparse.parse_text(text)
    apps = r.tables["applications"]
    assert not apps.found and all(c.value is None for row in apps.rows.values() for c in row.values())
    codes = [d.code for d in r.diagnostics if (d.path or "").startswith("tables.applications")]
    assert codes.count("TBL_NOT_FOUND") == 1 and "TBL_ROW_NOT_FOUND" not in codes
    assert r.tables["appeals"].found  # the table that is there is read


def test_appeal_groups_are_placed_by_their_headers_also_when_ocr_damaged_them():
    """Groups printed 复议, 复议后起诉, 未经复议直接起诉 (the order of huaian-2024's
    text): the headers decide, not the order. OCR damage to a header (复议后起拆)
    is matched fuzzily; with a header missing, nothing is reordered."""
    values = "1\t0\t2\t0\t3\t5\t0\t0\t0\t5\t12\t0\t0\t0\t12"
    for after in ("复议后起诉", "复议后起拆"):
        header = f"\t{after}\t未经复议直接起诉\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"  # after 行政复议 行政诉讼
        r = reportparse.parse_text(_report(_rows(), appeals=header + values))
        appeals = r.tables["appeals"].rows
        assert [c.value for c in appeals["reconsideration"].values()] == [1, 0, 2, 0, 3]
        assert [c.value for c in appeals["litigation"].values()] == [12, 0, 0, 0, 12]
        assert [c.value for c in appeals["litigation_after_reconsideration"].values()] == [5, 0, 0, 0, 5]
        assert any(d.code == "TBL_GROUP_ORDER" for d in r.diagnostics)
    r = reportparse.parse_text(_report(_rows(), appeals="\t起诉\t未经复议直接起诉\n" + values))
    assert not any(d.code == "TBL_GROUP_ORDER" for d in r.diagnostics)


def test_markdown_tables_from_a_pdf_converter():
    """A report as a PDF-to-Markdown converter writes it (沭阳 2025): pipe
    tables, separator rows, ## headings, table 四 as three tables each under
    its own heading. Every cell is read, spans point at the Markdown source."""
    from conftest import CORPUS

    path = CORPUS / "real/shuyang-2025.md"
    r = reportparse.parse_file(path)
    source = path.read_text(encoding="utf-8")
    cell = r.tables["proactive"].rows["licensing"]["decisions"]
    assert cell.value == 517645 and source[cell.span.start:cell.span.end] == "517645"
    assert [c.value for c in r.tables["appeals"].rows["litigation"].values()] == [3, 0, 0, 0, 3]
    assert r.sections[0].title == "总体情况" and not any("#" in s.title for s in r.sections)
    assert {"INPUT_MARKDOWN", "TBL_GROUPS_APART"} <= {d.code for d in r.diagnostics}
    assert r.valid


def test_a_value_printed_with_another_money_unit_is_read_in_its_columns_unit():
    text = ("某区2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\n"
            "信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t961716000元\n三、收到和处理政府信息公开申请情况\n")
    cell = reportparse.parse_text(text).tables["proactive"].rows["fees"]["amount"]
    assert (cell.value, cell.raw, cell.status) == (96171.6, "961716000元", "read")


def test_bracketed_row_numbers_as_ocr_prints_them():
    """OCR prints （六） as 《六》, 〈六〉, 《六)》 or with the closing bracket lost
    (《六其他处理: hongze-2024 scanned 3° askew; 《六)》其他处理: 2.5° the other
    way), or garbles the number (CN)其他处理: hongze-2023 at -3°); the row is
    still found by its label."""
    for label in ("《六其他处理", "〈六〉其他处理", "（六其他处理", "《六)》其他处理", "CN)其他处理"):
        rows = [r for r in ROWS if not r[0].startswith(("1.申请人", "2.申请人", "3.其他"))]
        at = next(i for i, r in enumerate(rows) if r[0] == "（七）总计")
        rows.insert(at, (label, [2, 0, 0, 0, 0, 0, 2]))
        text = "\n".join(lbl + "\t" + "\t".join(map(str, vals)) for lbl, vals in rows)
        text = (text.replace("（七）总计\t39\t3\t0\t0\t0\t0\t42", "（七）总计\t41\t3\t0\t0\t0\t0\t44")
                .replace("四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3", "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1"))
        r = reportparse.parse_text(_report(text))
        group = r.tables["applications"].rows["result.other"]
        assert [(c.value, c.status) for c in group.values()] == [(2, "read")] + [(0, "read")] * 5 + [(2, "read")], label
        assert {x.status for x in r.rules if x.table == "applications"} <= {"pass", "not_assessable"}


def test_markdown_with_html_tables_as_some_converters_write_it():
    """The same report with its tables as HTML inside the Markdown (the way
    MinerU-like converters write them): read as HTML, the heading marks still
    dropped, every cell the same as from the pipe tables."""
    import re

    from conftest import CORPUS

    md = (CORPUS / "real/shuyang-2025.md").read_text(encoding="utf-8")
    out: list[str] = []
    rows: list[list[str]] = []
    for line in md.split("\n") + [""]:
        if line.startswith("|"):
            if not re.match(r"^\|[-| ]+\|$", line):
                rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if rows:
            out.append("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
            rows = []
        out.append(line)
    r = reportparse.parse_bytes("\n".join(out).encode("utf-8"), path="report.md")
    assert r.source.kind == "html" and r.valid
    assert r.header.title.value == "沐阳县人民政府2025年政府信息公开工作年度报告"
    assert "HDR_ISSUER_CONFLICT" not in {d.code for d in r.diagnostics}
    assert r.flat() == {**reportparse.parse_file(CORPUS / "real/shuyang-2025.md").flat()}


def test_a_number_with_marks_glued_to_it_is_unreadable():
    """Whole-page OCR glues a table rule or a misread 1 to a number (``〕4`` and
    ``IT7`` for 14 and 17, space-aligned, not tabbed), or puts a letter in
    place of a digit (``1T7``). The digits left are not the number: the cell is
    unreadable, never 4 or 7, and it is no label text either."""
    from conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("行政处罚\t0", "行政处罚      ]4").replace("行政强制\t0", "行政强制      IT7")
    rows = reportparse.parse_text(text).tables["proactive"].rows
    for rid, raw in (("penalty", "〕4"), ("coercion", "IT7")):
        cell = rows[rid]["decisions"]
        assert (cell.value, cell.raw, cell.status) == (None, raw, "missing")
    # the same number without the mark is read
    plain = reportparse.parse_text(text.replace("]4", "14"))
    assert plain.tables["proactive"].rows["penalty"]["decisions"].value == 14
    # a letter in place of a digit (1T7 for 117): unreadable, and the cells after it keep their columns
    line = "7.属于行政执法案卷      1T7      0      2      0      0      0      19"
    row = reportparse.parse_text(text.replace("7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0", line)) \
        .tables["applications"].rows["result.withheld.enforcement_files"]
    assert [c.raw for c in row.values()] == ["1T7", "0", "2", "0", "0", "0", "19"]
    assert row["natural_person"].status != "read" and row["research"].value == 2


def test_an_ocr_readers_unreadable_marks_keep_their_cells():
    """reportparse's own OCR writes ``?`` for a cell it could not read, and a
    vote can leave a letter in a number (``2D85``). The ``?`` is reported as that
    cell's unreadable text, not as a row without values; ``2D85`` is a damaged
    first value, not the end of the label, so the values after it keep their columns."""
    from conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("行政事业性收费\t0", "行政事业性收费\t?\t\t").replace("规章\t0\t0\t0", "规章\t2D85\t3\t1947")
    r = reportparse.parse_text(text)
    rows = r.tables["proactive"].rows
    fee = rows["fees"]["amount"]
    assert (fee.value, fee.raw, fee.status) == (None, "?", "missing")
    assert not any(d.code == "TBL_ROW_NOT_FOUND" and d.path == "tables.proactive.fees" for d in r.diagnostics)
    assert [(c.value, c.raw) for c in rows["rules"].values()] == [(None, "2D85"), (3, "3"), (1947, "1947")]
    assert any(d.code == "CELL_DAMAGED_NUMBER" and "2D85" in d.message for d in r.diagnostics)


def test_a_wrapped_label_whose_item_number_ocr_garbled_is_found_by_its_wording():
    """Whole-page OCR prints （二）部分公开（区分处理的，只 / 计这一情形… as
    ``全) 部分公开《区分处理的，只`` on one line and the rest with the values on
    the next: the item number is gone, so the row is found by the grammar's
    longer wording of its label, within the bounded error count."""
    rows = _rows("      ").replace(
        "（二）部分公开      5", "全) 部分公开《区分处理的，只\n\n计这一情形，不计其他情形)      5")
    r = reportparse.parse_text(_report(rows))
    assert [c.value for c in r.tables["applications"].rows["result.partly_disclosed"].values()] == [5, 0, 0, 0, 0, 0, 5]
    assert any(d.code == "TBL_ROW_FUZZY" and "部分公开" in d.message for d in r.diagnostics)


APPEALS = [12, 49, 50, 0, 111, 0, 16, 50, 47, 113, 55, 21, 5, 38, 119]


def _appeal_values(r: reportparse.Report) -> list:
    return [c.value for row in r.tables["appeals"].rows.values() for c in row.values()]


def test_two_values_one_space_apart_in_a_tab_line_are_two_cells():
    """Space-aligned OCR text becomes tab-separated; where OCR left one space
    between two values (``113 55``), they are still two cells."""
    line = "\t".join(map(str, APPEALS)).replace("113\t55", "113 55")
    assert _appeal_values(reportparse.parse_text(_report(_rows(), appeals=line))) == APPEALS


def test_two_values_with_the_cells_rule_between_them_are_two_cells():
    """OCR reads the rule between two cells as ``|``: ``113 |55`` is two cells."""
    line = "\t".join(map(str, APPEALS)).replace("113\t55", "113 |55")
    assert _appeal_values(reportparse.parse_text(_report(_rows(), appeals=line))) == APPEALS


def test_a_garbled_first_value_joined_to_the_header_keeps_the_values_in_place():
    """Table 四 from whole-page OCR: its first value (12) came out as 了, which
    the stream joins to the header word before it (``总计了``). With it the
    line has a field for each of the 15 cells, so it is that cell, unreadable;
    a header's own last word (总计) never is."""
    line = "\t".join(map(str, APPEALS[1:]))
    r = reportparse.parse_text(_report(_rows(), appeals="总计了\t" + line))
    got = _appeal_values(r)
    assert got[0] is None and got[1:] == APPEALS[1:]
    assert r.tables["appeals"].rows["reconsideration"]["upheld"].raw == "了"
    assert any(d.code == "CELL_UNREADABLE" and "了" in d.message for d in r.diagnostics)
    # one value short without a speck: a lost cell, never the header word; only
    # the groups that balance wherever the lost cell was are placed
    short = reportparse.parse_text(_report(_rows(), appeals="总计\t" + line))
    assert _appeal_values(short) == [None] * 5 + APPEALS[5:]
    assert any(d.code == "TBL_CELL_LOST" for d in short.diagnostics)


def test_a_header_cell_an_ocr_reader_could_not_read_stays_a_header():
    """reportparse's ``--ocr`` gives a header cell it could not read as ``?``
    (hongze-2023 scanned 3° askew: 结果维持 under 复议后起诉). The header row
    stays a header row, and the values below it keep their places."""
    header = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2 + ["?", "结果纠正", "其他结果", "尚未审结", "总计"])
    r = reportparse.parse_text(_report(_rows(), appeals=header + "\n" + "\t".join(map(str, APPEALS))))
    assert _appeal_values(r) == APPEALS


def test_a_header_word_before_a_later_line_of_values_is_never_a_value():
    """Only a speck before the first values can be a garbled value; 总计 in
    front of the second line of table 四's values stays a header word."""
    first, rest = "\t".join(map(str, APPEALS[:5])), "\t".join(map(str, APPEALS[5:]))
    r = reportparse.parse_text(_report(_rows(), appeals=first + "\n总计\t" + rest))
    assert _appeal_values(r) == APPEALS


def test_a_damaged_first_value_joined_to_its_label_keeps_its_place():
    """Whole-page OCR: ``(七) 总计   ]1453   2 …``: the stream joins 〕1453 to
    the label, so it stands where the rest of a label cell would. It is a
    number OCR damaged, not label text: an unreadable first cell, and the
    others keep their columns."""
    rows = _rows("   ").replace("（七）总计   39", "（七）总计   ]39")
    r = reportparse.parse_text(_report(rows))
    total = r.tables["applications"].rows["result.total"]
    assert total["natural_person"].raw == "〕39" and total["natural_person"].status != "read"
    assert [c.value for c in list(total.values())[1:]] == [3, 0, 0, 0, 0, 42]


def test_a_negative_value_after_a_garbled_cell_is_not_joined_to_it():
    """Space-aligned OCR text of the 2019 table 二: ``行政许可   色   -16   0``
    (29 read as 色). The minus sign starts a number: -16 and 0 keep their
    columns, and 色 is the first cell, unreadable."""
    from generator import make_report

    text = make_report(1, "ogi-2019", "tab").text.replace("行政许可\t0\t37\t0", "行政许可      色      -16      0")
    cells = reportparse.parse_text(text).tables["proactive"].rows["licensing"]
    assert [(c.value, c.raw) for c in cells.values()] == [(None, "色"), (-16, "-16"), (0, "0")]


def test_a_row_the_template_does_not_have_is_left_out_and_said_so():
    """武汉 added 其他主动公开文件 to its 2019 table 二: its values belong to no
    row of the template, so they are never borrowed by the row above; the line
    is named in a diagnostic, so nothing is dropped silently."""
    from generator import make_report

    gen = make_report(1, "ogi-2019", "tab")
    line = next(ln for ln in gen.text.split("\n") if ln.startswith("规范性文件"))
    r = reportparse.parse_text(gen.text.replace(line, line + "\n其他主动公开文件\t5\t3\t8"))
    got = [c.value for c in r.tables["proactive"].rows["normative_docs"].values()]
    assert got == [gen.truth[f"proactive.normative_docs.{c}"] for c in ("made", "published", "total_public")]
    assert [d.message for d in r.diagnostics if d.code == "TBL_UNKNOWN_ROW"] == [
        "a line that is no row of the template was left out: '其他主动公开文件 5 3 8'"]
    assert not any(d.code == "TBL_UNKNOWN_ROW" for d in reportparse.parse_text(gen.text).diagnostics)


def test_a_line_of_values_after_a_label_ocr_garbled_is_never_borrowed_by_the_row_above():
    """Whole-page OCR of the template's table 三: a row's label comes out
    garbled beyond matching (``5要下机关…``, its item number's dot lost) and
    its line, without tabs, carries values. Those values are not the row
    above's (which would then have too many values and be lost); the line is
    named in a diagnostic."""
    from generator import make_report

    gen = make_report(3, "ogi-2021", "tab")
    lines = gen.text.split("\n")
    k = next(i for i, ln in enumerate(lines) if ln.startswith("5.要求行政机关"))
    lines[k] = "5要下机关确认或重gitRe |0 | 0 |5 | | |a"
    r = reportparse.parse_text("\n".join(lines))
    above = r.tables["applications"].rows["result.not_processed.excessive"]
    assert [c.value for c in above.values()] == [gen.truth[f"applications.result.not_processed.excessive.{c}"] for c in above]
    assert [d.message for d in r.diagnostics if d.code == "TBL_UNKNOWN_ROW"] == [
        "a line that is no row of the template was left out: '5要下机关确认或重gitRe 0 0 5 a'"]


@pytest.mark.parametrize(("header", "named"), [("", False), ("@#% 行 政 …… ###", False), ("行政\n复议", True)])
@pytest.mark.parametrize("sep", ["\t", " "])
def test_table_four_as_one_row_of_fifteen_values_without_a_usable_header(header, named, sep):
    """Table 四 printed as one line of 15 values under a header that is
    garbled, split or missing: read in the template's order (复议 5,
    未经复议直接起诉 5, 复议后起诉 5). Where no header names any group, no
    rule can check which group is which, so the table is not valid and says
    why; a header split over lines still names its group (行政 / 复议)."""
    from generator import make_report

    gen = make_report(5, "ogi-2021", "tab")
    rows = ("reconsideration", "litigation", "litigation_after_reconsideration")
    cols = ("upheld", "corrected", "other", "pending", "total")
    values = [gen.truth[f"appeals.{r}.{c}"] for r in rows for c in cols]
    start = gen.text.index("四、政府信息公开行政复议")
    end = gen.text.index("五、", start)
    text = (gen.text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n" + header + "\n"
            + sep.join(map(str, values)) + "\n\n" + gen.text[end:])
    r = reportparse.parse_text(text)
    table = r.tables["appeals"]
    assert [table.rows[row][c].value for row in rows for c in cols] == values
    codes = [d.code for d in r.diagnostics]
    if named:
        assert table.valid and "TBL_GROUPS_BY_ORDER" not in codes
        return
    assert not table.valid and "TBL_GROUPS_BY_ORDER" in codes and "TBL_UNANCHORED" in codes
    # two lines of fifteen numbers: which is the table's cannot be told, nothing is read
    twice = text.replace(sep.join(map(str, values)), sep.join(map(str, values)) + "\n" + sep.join(["1"] * 15))
    again = reportparse.parse_text(twice)
    assert all(c.value is None for cells in again.tables["appeals"].rows.values() for c in cells.values())


def test_moved_by_trim_names_the_values_an_inner_empty_field_could_move():
    """Fields trimmed at an end to fit the cells: were an empty field between
    the values, or one of two equal values side by side, the extra one
    instead, the values past it (trailing trim) or before it (leading trim)
    would stand one place off; with neither, or nothing trimmed, none would."""
    from reportparse.tables.cells import moved_by_trim
    from reportparse.tables.tokens import Value

    def row(*raws: str) -> list[Value]:
        return [Value("blank" if r == "" else "number", r, i, i, None if r == "" else int(r)) for i, r in enumerate(raws)]

    assert moved_by_trim(row("1", "", "2", "3", ""), 0, 4) == [False, False, True, True]
    assert moved_by_trim(row("", "1", "2", "", "3"), 1, 4) == [True, True, False, False]
    assert moved_by_trim(row("1", "2", "3", ""), 0, 3) == [False, False, False]  # no empty field between
    assert moved_by_trim(row("", "21", "21", "7"), 1, 3) == [True, False, False]  # 21 written twice, the first cell empty
    assert moved_by_trim(row("4", "5", "5", "8", ""), 0, 4) == [False, False, True, True]
    assert moved_by_trim(row("1", "", "2"), 0, 3) == [False, False, False]  # nothing trimmed


def test_moved_by_trim_moves_every_value_when_an_empty_end_was_kept_and_the_other_trimmed():
    """An empty field kept at one end while the other end's were trimmed
    (``\t0\t\t1\t``: a scraper's or a border's tab before the values, or the
    first cell printed empty): were the kept one the extra, every value would
    stand one place over. Before, the values before an inner empty field, or
    every value with none between them (a Markdown row read with its outer
    pipes as separators: 四's fourteen values one place to the right), were
    taken as placed by the text."""
    from reportparse.tables.cells import moved_by_trim
    from reportparse.tables.tokens import Value

    def row(*raws: str) -> list[Value]:
        return [Value("blank" if r == "" else "number", r, i, i, None if r == "" else int(r)) for i, r in enumerate(raws)]

    assert moved_by_trim(row("", "0", "", "1", ""), 0, 4) == [False, True, False, True]
    assert moved_by_trim(row("", "0", "1", "2", "", ""), 0, 4) == [False, True, True, True]
    assert moved_by_trim(row("", "", "0", "1", "2", ""), 1, 4) == [False, True, True, True]  # one of two leading kept
    assert moved_by_trim(row("", "0", "1", "2", ""), 1, 4) == [True, True, True, False]  # the trailing one kept, the leading cut
    assert moved_by_trim(row("", "0", "1", "2", "3", ""), 1, 4) == [False, False, False, False]  # both ends cut: no choice


def _transposed_appeals(sep: str, last_empty: bool = False, kinds: str = "（）") -> str:
    """Table 四 printed with its groups as rows (行政复议 / 行政诉讼（未经复议直接起诉） /
    行政诉讼（复议后起诉）, or 行政诉讼-复议后起诉 with ``kinds`` "-") under one
    header of the five result columns."""
    a, b = (kinds + " ")[:2]
    groups = [("行政复议", ["1", "0", "2", "0", "3"]), (f"行政诉讼{a}未经复议直接起诉{b}".strip(), ["12", "0", "0", "0", "12"]),
              (f"行政诉讼{a}复议后起诉{b}".strip(), ["0", "0", "0", "5", "5"])]
    if last_empty:
        groups[2] = (groups[2][0], ["0", "0", "0", "5", ""])
    lines = [sep.join(["类别", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])]
    lines += [sep.join([label, *cells]) for label, cells in groups]
    return ("某区2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + _rows()
            + "\n四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(lines) + "\n五、存在的主要问题及改进情况\n无。\n")


@pytest.mark.parametrize("kinds", ["（）", "-"])
@pytest.mark.parametrize("sep", ["\t", " | ", "    "])
def test_table_four_printed_with_its_groups_as_rows_under_bracketed_labels(sep, kinds):
    """四 transposed: a group per row, the 行政诉讼 groups named in brackets
    (行政诉讼（复议后起诉）). The closing bracket is the label's, not a value;
    every value is read in its column. With the last group's 总计 printed
    empty (a trailing separator), no value moves one place along: the four
    printed stay where they are and the empty one is the rule's to force, or
    left empty — never 5 read as 总计 and the others shifted."""
    appeals = reportparse.parse_text(_transposed_appeals(sep, kinds=kinds)).tables["appeals"]
    assert [c.value for c in appeals.rows["reconsideration"].values()] == [1, 0, 2, 0, 3]
    assert [c.value for c in appeals.rows["litigation"].values()] == [12, 0, 0, 0, 12]
    assert [c.value for c in appeals.rows["litigation_after_reconsideration"].values()] == [0, 0, 0, 5, 5]
    assert appeals.valid
    cells = reportparse.parse_text(_transposed_appeals(sep, True, kinds)).tables["appeals"].rows["litigation_after_reconsideration"]
    right = [0, 0, 0, 5, 5]
    for (cid, cell), want in zip(cells.items(), right, strict=True):
        assert cell.value in (None, want), (cid, cell)
        if cell.value is not None and cell.status == "read":
            assert cid != "total"


def test_a_value_at_a_lines_end_is_not_the_item_number_of_a_label_printed_without_one():
    """重复申请 printed without its item number (2.) on the line after a row
    whose last value is 2: the 2 is that row's 总计, not the label's number
    (the label view keeps the line break after a digit; the number of a
    damaged label is looked for on the label's own line only)."""
    edit = {12: lambda cells: ["2", "0", "0", "0", "0", "0", "2"], 15: lambda cells: ["2", "0", "0", "0", "0", "0", "2"]}
    rows = _rows(edit=edit).replace("\n2.重复申请", "\n重复申请")
    assert "\t2\n重复申请\t" in rows
    table = reportparse.parse_text(_report(rows)).tables["applications"]
    petition = table.rows["result.not_processed.petition"]
    assert [c.value for c in petition.values()] == [2, 0, 0, 0, 0, 0, 2]
    assert all(c.status == "read" for c in petition.values())
    assert [c.value for c in table.rows["result.not_processed.repeated"].values()] == [0] * 7


def test_the_withheld_reasons_printed_without_shuyu_are_their_rows():
    """不予公开's items printed without 属于 (1.国家秘密, 5.三类内部事务信息 …),
    as some reports print them: each is its row (grammar data, both templates)."""
    edit = {4: lambda cells: ["1", "0", "0", "0", "0", "0", "1"], 2: lambda cells: ["29", "3", "0", "0", "0", "0", "32"]}
    rows = _rows(edit=edit).replace("属于", "").replace("\n1.国家秘密", "\n（三）不予公开\t1.国家秘密")
    assert "\n（三）不予公开\t1.国家秘密\t1\t" in rows
    r = reportparse.parse_text(_report(rows))
    table = r.tables["applications"]
    assert [c.value for c in table.rows["result.withheld.state_secret"].values()] == [1, 0, 0, 0, 0, 0, 1]
    assert table.valid and not {"TBL_ROW_NOT_FOUND", "TBL_ROW_BY_ORDER"} & {d.code for d in r.diagnostics}



def test_a_row_lost_and_the_row_above_printed_twice_is_no_misread_to_correct():
    """A web page whose table 三 lost 6.属于四类过程性信息's row and printed
    the row above it twice in its place (read as row 6 by template order), with
    补正后申请内容仍不明确's 总计 written empty. That 总计 is forced from the
    column's over the repeated row, and then its own rule and a column's
    "agree" on a value for another of its cells: one that would make up for
    the lost row, not a misread. No value is corrected to it (the code before
    corrected one wrongly in 4 of these 30 pages)."""
    import re

    from generator import make_report, render_html

    for seed in range(100, 130):
        gen = make_report(seed, "ogi-2021", "tab")
        page = render_html(gen)
        rows = re.findall(r"<tr>.*?</tr>", page, re.S)
        above, lost, unclear = (next(r for r in rows if label in r) for label in
                                ("5.属于三类内部事务信息", "6.属于四类过程性信息", "3.补正后申请内容仍不明确"))
        blanked = re.sub(r"<td>[^<]*</td>(\s*</tr>)$", r"<td></td>\1", unclear)
        assert blanked != unclear
        r = reportparse.parse_bytes(page.replace(lost, above).replace(unclear, blanked).encode(), path="r.html")
        for rid, cols in r.tables["applications"].rows.items():
            for cid, cell in cols.items():
                if cell.status == "corrected":
                    assert cell.value == gen.truth[f"applications.{rid}.{cid}"], (seed, rid, cid)


@pytest.mark.parametrize("bracket", ["（{}）", "({})"])
def test_item_numbers_printed_in_brackets_are_the_labels_not_values(bracket):
    """The third-level items numbered in brackets (（1）属于国家秘密, (2)重复申请)
    as some reports number them: the number is the label's, never a value of
    the row (or of the row before); every row is found and read."""
    rows = "\n".join(regex_sub_item(line, bracket) for line in _rows(edit={4: lambda c: ["1", "0", "0", "0", "0", "0", "1"],
                                                                       2: lambda c: ["29", "3", "0", "0", "0", "0", "32"]}).split("\n"))
    assert rows.count(bracket.format(1)) == 4
    r = reportparse.parse_text(_report(rows))
    table = r.tables["applications"]
    assert [c.value for c in table.rows["result.withheld.state_secret"].values()] == [1, 0, 0, 0, 0, 0, 1]
    assert [c.value for c in table.rows["result.total"].values()] == [39, 3, 0, 0, 0, 0, 42]
    assert table.valid and not {"TBL_ROW_NOT_FOUND", "TBL_UNKNOWN_ROW"} & {d.code for d in r.diagnostics}


def regex_sub_item(line: str, bracket: str) -> str:
    """``1.属于国家秘密…`` as ``（1）属于国家秘密…``."""
    import re

    return re.sub(r"^(\d)\.", lambda m: bracket.format(m.group(1)), line)


def test_a_group_under_its_own_heading_keeps_an_empty_first_cell_in_place():
    """四 as a PDF-to-Markdown converter writes it, a table per group under its
    own heading, one group's first cell (结果维持) written empty: the empty
    field is that cell, not the rest of the heading's cell; the other values
    stay in their columns. The group's values read already sum to its 总计, so
    the empty cell is 0, forced by the group's rule and marked inferred (a
    value other than 0 forced so stays empty: only that rule, which nothing
    else checks, would stand behind it)."""
    head = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| --- | --- | --- | --- | --- |\n"
    groups = [("行政复议", "| 0 | 2 | 0 | 2 | 4 |"), ("行政诉讼（未经复议直接起诉）", "|  | 0 | 1 | 0 | 1 |"),
              ("行政诉讼（复议后起诉）", "| 1 | 3 | 0 | 0 | 4 |")]
    body = "\n".join(f"### {title}\n{head}{row}\n" for title, row in groups)
    text = ("某区2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + _rows()
            + "\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + body + "\n## 五、存在的主要问题及改进情况\n无。\n")
    appeals = reportparse.parse_text(text).tables["appeals"]
    assert [(c.value, c.status) for c in appeals.rows["litigation"].values()] == [
        (0, "inferred"), (0, "read"), (1, "read"), (0, "read"), (1, "read")]
    assert [c.value for c in appeals.rows["litigation_after_reconsideration"].values()] == [1, 3, 0, 0, 4]


def test_one_value_per_line_a_short_rows_empty_cell_forced_alike_by_its_row_and_column_checks_the_column():
    """One value per line, empty cells printed as nothing: 2.没有现成信息需要另行制作
    prints 3 0 2 0 0 5 for its seven cells, the empty one any of the three 0s
    before 总计. Its values read already sum to its 总计, so each of those cells
    is 0 whichever was empty, forced by the row itself; the column rules that
    forced them are then evidence for their columns, whose other values are
    read, not placed. (Since the row's readings are filled by its own rule,
    every one gives those cells 0; what no complete rule checked in every
    reading stays placed.)"""
    edit = {0: lambda c: ["43", "3", "2", "0", "0", "0", "48"], 13: lambda c: ["3", "0", "2", "0", "", "0", "5"],
            23: lambda c: ["42", "3", "2", "0", "0", "0", "47"]}
    text = _rows(sep="\n", edit=edit).replace("\n\n", "\n")
    assert "另行制作\n3\n0\n2\n0\n0\n5\n" in text
    r = reportparse.parse_text(_report(text))
    table = r.tables["applications"]
    short = table.rows["result.unavailable.needs_creation"]
    assert [c.value for c in short.values()] == [3, 0, 2, 0, 0, 0, 5]
    for rid in ("result.disclosed", "result.partly_disclosed", "result.total"):
        assert all(c.status == "read" for c in table.rows[rid].values()), rid
    assert {c.status for c in short.values()} <= {"read", "inferred", "placed"}


NOTES_UNDER_A_TABLE = ["注：本表数据统计期限为2023年1月1日至2023年12月31日。",
                       "说明：行政复议结果纠正2件，均已整改到位。",
                       "注：1.本表不含依申请公开事项\n2.数据截至12月31日"]


@pytest.mark.parametrize("note", NOTES_UNDER_A_TABLE)
@pytest.mark.parametrize("layout", ["tab", "lines", "layout"])
def test_a_note_under_table_four_ends_its_values(note, layout):
    """A note printed under table 四, before the next heading (注：…, 说明：…),
    holds figures (a date, a count) and may name a group's words; its digits
    were read as cells (``年1`` damaged numbers: the table lost) and its
    行政复议 taken for the group's header (the values then looked for after
    the note). The values end where a line opens with a note's mark; a note
    under the section's heading, before the table, ends nothing."""
    from generator import make_report

    gen = make_report(8200, "ogi-2021", layout)
    want = {k: v for k, v in gen.truth.items() if k.startswith("appeals.")}
    for text in (gen.text.replace("\n五、", f"\n{note}\n五、", 1),
                 gen.text.replace("四、政府信息公开行政复议、行政诉讼情况\n", f"四、政府信息公开行政复议、行政诉讼情况\n{note}\n", 1)):
        assert text != gen.text
        r = reportparse.parse_text(text)
        assert r.tables["appeals"].valid
        assert {k: cell.value for k, cell in ((k, _cell(r, k)) for k in want)} == want


def _cell(report, key: str):
    _, rest = key.split(".", 1)
    rid, cid = rest.rsplit(".", 1)
    return report.tables[key.split(".", 1)[0]].rows[rid][cid]


def test_a_value_cells_span_leaves_out_the_spaces_around_it_in_its_tab_cell(sample_report):
    """A tab-separated cell printed with a space beside its value (``0 \\t``,
    `` 0\\t``, as scrapers and reports stored on one line leave them): the
    value's span is its digits, not the spaces."""
    from conftest import CORPUS

    lines = (CORPUS / "000_c93a36ffeb13c002.txt").read_text(encoding="utf-8").split("\n")
    k = next(i for i, ln in enumerate(lines) if "2.重复申请" in ln)
    lines[k] = lines[k].replace("\t0\t", "\t 0 \t", 1) + " \t"
    text = "\n".join(lines)
    cells = reportparse.parse_text(text).tables["applications"].rows["result.not_processed.repeated"]
    assert [c.value for c in cells.values()] == [c.value for c in sample_report.tables["applications"].rows["result.not_processed.repeated"].values()]
    assert all(text[c.span.start:c.span.end] == c.raw == str(c.value) for c in cells.values())


@pytest.mark.parametrize("note", NOTES_UNDER_A_TABLE)
def test_a_note_at_a_pages_foot_inside_table_four_is_left_out_of_its_values(note):
    """A note printed among 四's values (a page's foot, the table running on
    to the next page): its lines are left out, the values on both sides of it
    read (before, the values after it were lost with it)."""
    from generator import make_report

    gen = make_report(8202, "ogi-2021", "lines")
    lines = gen.text.split("\n")
    five = next(i for i, ln in enumerate(lines) if ln.startswith("五、"))
    values = [i for i in range(five) if lines[i].strip().isdigit()][-15:]
    at = values[7]
    text = "\n".join(lines[:at] + note.split("\n") + lines[at:])
    r = reportparse.parse_text(text)
    want = {k: v for k, v in gen.truth.items() if k.startswith("appeals.")}
    assert {k: cell.value for k, cell in ((k, _cell(r, k)) for k in want)} == want


TRANSPOSED_PROACTIVE = """项目\t规章\t规范性文件\t行政许可\t其他对外管理服务事项\t行政处罚\t行政强制\t行政事业性收费\t政府集中采购
本年新制作数量\t3\t0\t\t\t\t\t\t
本年新公开数量\t6\t0\t\t\t\t\t\t
对外公开总数量\t18\t0\t\t\t\t\t\t
上一年项目数量\t\t\t3\t0\t0\t0\t0\t
本年增/减\t\t\t1\t5\t20\t-18\t16\t
处理决定数量\t\t\t0\t0\t24\t0\t\t
采购项目数量\t\t\t\t\t\t\t\t0
采购总金额\t\t\t\t\t\t\t\t6824.97"""


@pytest.mark.parametrize("sep", ["\t", "    "])
def test_a_table_printed_with_rows_and_columns_swapped_lends_no_line_to_the_label_ending_the_line_above(sep):
    """二 printed transposed: its row labels across the first line, a column's
    name opening each line of values. The last label (政府集中采购) ends the
    first line and the stream joins it to the next line's column name, whose
    values (3, 0: 本年新制作数量 of 规章 and 规范性文件) were read as the
    procurement row's, status read. A column's name in a row's label cell
    makes the line another row's: nothing is read there rather than a wrong value."""
    from generator import make_report

    gen = make_report(61001, "ogi-2019", "tab")
    start = gen.text.index("\n", gen.text.index("二、主动公开")) + 1
    end = gen.text.index("三、收到和处理", start)
    text = gen.text[:start] + TRANSPOSED_PROACTIVE.replace("\t", sep) + "\n\n" + gen.text[end:]
    rep = reportparse.parse_text(text)
    table = rep.tables["proactive"]
    assert not table.valid
    read = {(rid, cid): c.value for rid, cells in table.rows.items() for cid, c in cells.items() if c.value is not None}
    assert all(v == gen.truth[f"proactive.{rid}.{cid}"] for (rid, cid), v in read.items()), read
    assert table.rows["procurement"]["projects"].value is None
    # the table printed as the template has it is read whole
    assert all(c.value is not None for cells in reportparse.parse_text(gen.text).tables["proactive"].rows.values()
               for c in cells.values())


def test_two_misreads_one_in_a_row_and_one_in_a_column_are_no_misread_where_they_cross():
    """10 read as 1 twice: in 7.属于行政执法案卷's 其他 and in 5.属于三类内部事务信息's
    法律服务机构 (OCR dropped a digit; the rules through those two cells are
    unknown, a cell beside each printed empty). The row's rule and the
    column's both fell 9 short, and they agreed on 7 + 9 = 16 for the 7 where
    they cross, which was read right: corrected to a wrong value (``bench/stress.py
    --fresh-seed 692877312``). Two rules alone correct a value only when what
    was read could be OCR's reading of it, or every other cell of theirs holds
    a rule of its own."""
    import random

    from generator import CellNoise, add_noise, make_report

    seed = 692877441
    rng = random.Random(seed)
    noise = CellNoise(seed, ocr=rng.choice([0, 0.01, 0.03]), drop=rng.choice([0, 0.01, 0.03]),
                      misread=rng.choice([0.02, 0.05, 0.1, 0.2]), misread_tables=("applications", "appeals"))
    gen = make_report(seed, "ogi-2019", "pipes", big=rng.random() < 0.5, noise=noise)
    r = reportparse.parse_text(add_noise(gen.text, seed))
    rows = r.tables["applications"].rows
    cell = rows["result.withheld.enforcement_files"]["legal_service"]
    assert (cell.raw, cell.value) == ("7", 7) and cell.status != "corrected"
    assert rows["result.withheld.enforcement_files"]["other_org"].raw == "1"  # the misread, as the test's premise
    corrected = [(rid, c, cell.value) for rid, cells in rows.items() for c, cell in cells.items() if cell.status == "corrected"]
    assert all(v == gen.truth[f"applications.{rid}.{c}"] for rid, c, v in corrected)
    assert not r.tables["applications"].valid


def test_a_total_forced_into_an_empty_cell_is_no_witness_of_a_misread():
    """153 read as 15 in 5.属于三类内部事务信息's 自然人 and 总计 alike (its
    row's rule holds: 15 = 15), and 2.没有现成信息需要另行制作's 总计 printed
    empty. The 总计 column's rule forced that cell to 13 + 138 = 151 (the
    shortfall of the misread row); then that row's rule and the 自然人
    column's, both 138 short, agreed on 138 for its 自然人, printed 0 and
    right: corrected to a wrong value in a table called valid (``bench/stress.py
    --fresh-seed 595005828``, report 575). A value the rules forced is vouched
    for only by a rule other than the one it was forced from."""
    values = {label: list(vals) for label, vals in ROWS}
    values["5.属于三类内部事务信息"] = [153, 0, 0, 0, 0, 0, 153]
    values["2.没有现成信息需要另行制作"] = [0, 0, 13, 0, 0, 0, 13]
    values["一、本年新收政府信息公开申请数量"] = [193, 3, 13, 0, 0, 0, 209]
    values["（七）总计"] = [192, 3, 13, 0, 0, 0, 208]
    printed = dict(values)
    printed["5.属于三类内部事务信息"] = [15, 0, 0, 0, 0, 0, 15]
    lines = [label + "\t" + "\t".join("" if (label, i) == ("2.没有现成信息需要另行制作", 6) else str(v)
                                      for i, v in enumerate(printed[label])) for label, _ in ROWS]
    r = reportparse.parse_text(_report("\n".join(lines)))
    rows = r.tables["applications"].rows
    cell = rows["result.unavailable.needs_creation"]["natural_person"]
    assert (cell.raw, cell.value) == ("0", 0) and cell.status != "corrected"
    assert not any(c.status == "corrected" for cells in rows.values() for c in cells.values())
    assert not r.tables["applications"].valid
