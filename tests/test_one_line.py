"""Reports stored as one line: their line breaks lost (``text.replace("\\n", " ")``,
``" ".join(text.split())``), as corpora built by crawls keep them. The line
breaks are put back before headings, row labels and the title's end
(``unflatten.py``); nothing is read that the text with its lines does not give."""

from __future__ import annotations

import pytest

import reportparse
from reportparse.grammar import load_grammars
from reportparse.unflatten import restore_breaks

from conftest import CORPUS, cell_at

SAMPLE = (CORPUS / "000_c93a36ffeb13c002.txt").read_text(encoding="utf-8")
ONE_LINE = {"newlines as spaces": lambda t: t.replace("\n", " "),
            "white space runs as one space": lambda t: " ".join(t.split()),
            "newlines as two spaces": lambda t: t.replace("\n", "  ")}
HEADER = ("title", "issuer", "doc_number", "year")


@pytest.fixture(scope="module")
def lines_kept():
    return reportparse.parse_text(SAMPLE)


@pytest.mark.parametrize("store", list(ONE_LINE))
def test_the_sample_on_one_line_reads_as_with_its_lines(store, lines_kept):
    text = ONE_LINE[store](SAMPLE)
    assert "\n" not in text
    report = reportparse.parse_text(text)
    same = differ = 0
    for key, table in lines_kept.tables.items():
        for rid, cells in table.rows.items():
            for cid, cell in cells.items():
                got = report.tables[key].rows[rid][cid]
                if cell.value is None or got.value is None or got.status == "placed":
                    continue
                same += got.value == cell.value
                differ += got.value != cell.value
                if got.status == "read":
                    assert text[got.span.start:got.span.end] == got.raw  # offsets are the one-line input's
                    assert got.span.line == 1  # and so is its line: the breaks put back are no lines of it
    assert differ == 0 and same >= 170
    assert {f: getattr(report.header, f).value for f in HEADER} == {f: getattr(lines_kept.header, f).value for f in HEADER}
    if store != "newlines as two spaces":
        assert report.tables["applications"].valid


def test_line_breaks_replace_spaces_only_and_keep_every_offset():
    text = SAMPLE.replace("\n", " ")
    back = restore_breaks(text, load_grammars())
    assert len(back) == len(text) and back != text
    assert all(a == b or (a == " " and b == "\n") for a, b in zip(text, back, strict=True))
    assert back.count("\n") > 20
    assert "\n柱政发〔2024〕3号\n" in back  # the 发文字号 on a line of its own, after the 发文机关标志
    assert "\n二、主动公开政府信息情况" in back and "\n行政规范性文件" in back


def test_text_with_its_lines_is_left_as_it_is():
    grammars = load_grammars()
    assert restore_breaks(SAMPLE, grammars) is SAMPLE
    one_heading = "二、主动公开政府信息情况 " + "本年度主动公开政府信息若干条。" * 40
    assert restore_breaks(one_heading, grammars) is one_heading  # one heading: no report run together
    short = "一、总体情况 二、主动公开政府信息情况 规章 0 0 1"
    assert restore_breaks(short, grammars) is short


@pytest.mark.parametrize("path", ["首页 > 政务公开 > 信息公开年报", "首页 政务公开 信息公开年报", "平潭综合实验区人民政府门户网站"])
def test_a_site_path_before_the_title_never_makes_a_wrong_title(path, lines_kept):
    """Before the title, on the same line, a site's path or name: whether its
    words are the title's the text cannot say (a space can split an issuer's
    name too: 平潭综 合实验区), so the title ends no line, and no title or issuer
    is read wrong."""
    body = SAMPLE.split("柱濮镇 2023 年政府信息公开工作年度报告", 1)[1]
    report = reportparse.parse_text(f"{path} 柱濮镇 2023 年政府信息公开工作年度报告 {body}".replace("\n", " "))
    for f in ("title", "issuer"):
        assert getattr(report.header, f).value in (None, getattr(lines_kept.header, f).value)


@pytest.mark.parametrize("seed, printed, placed", [
    (198215482, "（六）其他处理1.申请人无正当理 3 0 1 0 0 3 7 由逾期不补正", ("result.other",)),
    (126632342, "2.申请人逾期未按收费通知 0 0 0 0 0 0 0 要求缴纳费用",
     ("result.other", "result.other.no_correction", "result.other.no_fee")),
])
def test_values_inside_a_wrapped_label_run_together_make_no_valid_table(seed, printed, placed):
    """A generated report (2021 template, space-aligned: long labels wrap
    around their row's values) stored as one line.

    198215482: （六）其他处理's first item printed its label around its values
    (``（六）其他处理1.申请人无正当理 3 0 1 0 0 3 7 由逾期不补正…``), and the values
    were read as （六）其他处理 printed as one row; its rule forced the item
    from them, and the column rules forced （二）部分公开 (whose label the same
    way held its values), every rule holding: table 三 valid with twelve
    values wrong. A group row that took values while an item it sums is
    printed with no values beside it is placed, never lifted.

    126632342 (sweep fault of 2026-12-07, ``bench/text_shapes.py
    --fresh-seed 126632333``): two items wrap around their values
    (``…1.申请人无 0 0 0 0 3 0 3 正当理由逾期不补正…申请 2.申请人逾期未按收费通知
    0 0 0 0 0 0 0 要求缴纳费用…``): the first item, found after its values,
    took the second's, the second was not found, and the group row's values
    forced it — 三 valid with 3 and 0 swapped between the two items. A group
    row that took values while one item is found and another is not is
    placed, and so are values after the start of a label not found (its end
    after them)."""
    from generator import make_report

    gen = make_report(seed, "ogi-2021", "layout", big=False)
    text = " ".join(gen.text.split())
    assert printed in text
    report = reportparse.parse_text(text)
    apps = report.tables["applications"]
    assert not apps.valid
    for rid in placed:
        assert all(c.status not in ("read", "inferred") for c in apps.rows[rid].values())
    wrong = [k for k, v in gen.truth.items() if v is not None and (c := cell_at(report, k)) is not None
             and c.value is not None and c.value != v and c.status in ("read", "inferred", "corrected")]
    assert wrong == []


def test_a_one_line_report_whose_pages_keep_their_form_feeds():
    """``replace("\\n", " ")`` keeps a text's form feeds: each page is then a
    line of its own, and table 四's page (its heading and values) holds one
    heading after words — the text as a whole is a report run together, and
    every page gets its line breaks back (before, 四's page kept none: its
    header's last word and its values on one line, two values read wrong)."""
    from generator import add_noise, make_report

    gen = make_report(9500, "ogi-2021", "tab")
    noisy = add_noise(gen.text, 9500)  # (a cell of 四 printed as nothing: the parse with the lines is the reference)
    text = noisy.replace("\n", " ")
    assert "\f" in text and "\n" not in text
    lines, report = reportparse.parse_text(noisy), reportparse.parse_text(text)
    keys = [k for k in gen.truth if k.startswith("appeals.")]
    assert {k: cell_at(report, k).value for k in keys} == {k: cell_at(lines, k).value for k in keys}
    assert sum(cell_at(report, k).value == gen.truth[k] for k in keys) == 14


def test_headings_after_a_line_number_or_quoting_mark_are_no_report_run_together():
    lines = SAMPLE.split("\n")
    grammars = load_grammars()
    for prefix in ("{}: ", "L{} ", "> "):
        text = "\n".join(prefix.format(i) + line for i, line in enumerate(lines, 1))
        assert restore_breaks(text, grammars) is text


def test_a_page_number_run_into_a_rows_line_is_no_value_of_it():
    """Every white space made one space: a row with a cell printed as nothing
    (``四、结转下年度继续办理 0 1 5 0 0 8``) ran into the page number after it
    (``- 9 -``), whose ``- 9`` made up the row's count: its values read one
    place off, as printed. The page furniture of the grammar gets a line of
    its own again (where it is no run of values: ``3 / 9`` stays), so the row
    is one value short."""
    from generator import add_noise, make_report

    seed = 2357611278
    gen = make_report(seed, "ogi-2021", "tab", big=False)
    text = " ".join(add_noise(gen.text, seed).split())
    assert "四、结转下年度继续办理 0 1 5 0 0 8 - 9 -" in text
    report = reportparse.parse_text(text)
    wrong = [k for k, v in gen.truth.items() if v is not None and (c := cell_at(report, k)) is not None
             and c.value is not None and c.value != v and c.status in ("read", "inferred", "corrected")]
    assert wrong == []
    assert "\n- 9 -\n" in restore_breaks(text, load_grammars())


def test_a_page_number_run_into_words_is_no_cell_in_text_with_no_white_space():
    """Every white space removed (as Chinese text pipelines store it): the page
    number in dashes after 二's sub-header (``行政强制14-1221第二十条第(八)项-9-信息``)
    counted as the row's last field, so ``14 -1221`` was read as two cells (−12
    and 21 run together). Run into words, ``-9-`` is no cell: the row is one
    field short, its cut undecided, only 14 placed."""
    import re

    from generator import add_noise, make_report

    gen = make_report(9849, "ogi-2019", "lines")
    text = re.sub(r"\s+", "", add_noise(gen.text, 9849))
    assert "行政强制14-1221第二十条第(八)项-9-" in text
    report = reportparse.parse_text(text)
    row = report.tables["proactive"].rows["coercion"]
    assert [c.value for c in row.values()][1:] == [None, None]
    assert all(c.status != "read" for c in row.values())


def test_two_page_numbers_one_line_could_hold_cut_out_neither():
    """White space made one space: 其他对外管理服务事项's values ran into the
    page number printed after them (``0 -9 - 8 - 0``). ``-9 -`` and ``- 8 -``
    both read as a page number in dashes; the first was cut out, and the
    row read 0 8 0, its 本年增/减 wrong in a table no rule checks (``bench/text_shapes.py
    --fresh-seed 154520719``). Which one is the page number the line does not
    say: neither is cut out, and the row, a value too many, stays empty."""
    from generator import add_noise, make_report

    seed = 154520727
    gen = make_report(seed, "ogi-2019", "lines", big=True)
    text = " ".join(add_noise(gen.text, seed).split())
    assert "其他对外管理服务 事项 0 -9 - 8 - 0" in text
    report = reportparse.parse_text(text)
    row = report.tables["proactive"].rows["other_services"]
    assert all(c.value in (None, gen.truth[f"proactive.other_services.{k}"]) for k, c in row.items())
    assert "0 -9 - 8 - 0" in restore_breaks(text, load_grammars())


@pytest.mark.parametrize("seed", [777100000, 777100003, 777100006])
def test_two_reports_joined_on_one_line_are_two_reports(seed):
    """A crawl's bundle: each report stored as one line, two joined. The
    second's title stood after the first's last sentence or its 版记
    (``…2022年1月16日印发 兰溪市商务局2019年…报告``), past the line's head where
    titles were looked for: one report was read, tables of both mixed, some
    valid with the second report's values (10 such pairs in six layouts: 12
    tables). A title after a sentence's or a 版记's end, or after a 发文字号,
    gets a line: two reports, no table valid."""
    from generator import make_report

    first = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
    second = make_report(seed + 10**6, ("ogi-2021", "ogi-2019")[(seed + 1) % 2], "tab")
    r = reportparse.parse_text(" ".join((first.text + "\n" + second.text).split()))
    said = [d.message for d in r.diagnostics if d.code == "INPUT_MULTIPLE_REPORTS"]
    assert len(said) == 1 and first.title in said[0] and second.title in said[0]
    assert not any(t.valid for t in r.tables.values())
