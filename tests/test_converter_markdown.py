"""PDF-to-Markdown converter output as it really is (issue 18, item 3): the
label column detached from the values (labels as loose text lines, the values
as bare pipe rows after them in template order), placeholder or garbled
header rows, a row one cell short, and the sections renumbered after an
unnumbered 总体情况. Values are placed by template order only where the count
of printed rows and the table's rules fix them; everything else stays null
with a diagnostic.

``tests/fixtures/converter-detached.md`` and ``converter-detached-2019.md``
were written by hand from that description (made-up 青禾区 2024 and 东湖区
2020 reports whose numbers satisfy every rule, in two converter styles; each
truth beside it); the generated reports come from
``generator.make_report(..., layout="converter")``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reportparse

FIXTURES = Path(__file__).parent / "fixtures"
MD = FIXTURES / "converter-detached.md"


def _truth(name: str = "converter-detached") -> dict:
    return json.loads((FIXTURES / f"{name}.truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["converter-detached", "converter-detached-2019"])
def test_each_detached_labels_fixture_reads_every_cell_and_is_valid(name):
    """Two reports written by hand in the shape, in two converter styles: the
    2021 template under ``##`` headings and ``Column1`` placeholders; the 2019
    template under bold headings, 列1 / empty / garbled (申请人情况) header rows,
    a ``<br>`` in a label, an empty cell printed ``-`` and 四 as three rows."""
    r = reportparse.parse_file(FIXTURES / f"{name}.md")
    flat = r.flat()
    spec = _truth(name)
    assert r.template == spec["template"]
    assert {k: flat[k] for k in spec["truth"]} == spec["truth"]  # 200 and 198 cells
    assert r.valid and all(t.valid for t in r.tables.values())
    assert (flat["header.issuer"], flat["header.year"]) == (spec["header"]["issuer"], spec["header"]["year"])
    assert [s.key for s in r.sections] == ["overview", "proactive", "applications", "appeals", "problems", "other"]
    codes = [d.code for d in r.diagnostics]
    assert "TBL_GARBLED_TEXT" not in codes and "INPUT_OCR_TEXT" not in codes and "TBL_ROW_SHORT" in codes


def test_detached_labels_fixture_says_how_it_read_the_short_row():
    r = reportparse.parse_file(MD)
    codes = [d.code for d in r.diagnostics]
    # placeholder headers (Column1…) are not OCR garble, so the text stays digital
    assert "TBL_GARBLED_TEXT" not in codes and "INPUT_OCR_TEXT" not in codes
    # the carried-over row printed one cell short: its place fixed by the column rules, its value forced
    short = [d for d in r.diagnostics if d.code == "TBL_ROW_SHORT"]
    assert len(short) == 1 and short[0].path == "tables.applications"
    cell = r.tables["applications"].rows["carried_over"]["business"]
    assert cell.value == 0 and cell.status == "inferred"


def test_unnumbered_overview_and_renumbered_sections_are_the_standard_ones():
    r = reportparse.parse_file(MD)
    assert [(s.number, s.key) for s in r.sections] == [
        ("", "overview"), ("一", "proactive"), ("二", "applications"), ("三", "appeals"), ("四", "problems"), ("五", "other")]
    codes = [d.code for d in r.diagnostics]
    assert "SEC_UNNUMBERED" in codes and "SEC_MISSING" not in codes and "SEC_NUMBER_REPEAT" not in codes


def test_a_converter_that_dropped_every_section_number_still_gives_the_sections():
    """``## 主动公开政府信息情况`` …: standard titles alone on their lines, in
    the template's order, are the sections; the tables are read whole."""
    import re

    bare = re.sub(r"^## [一二三四五六]、", "## ", MD.read_text(encoding="utf-8"), flags=re.M)
    # one of them wrapped over two lines, as text extraction breaks a long line
    for text in (bare, bare.replace("## 收到和处理政府信息公开申请情况", "## 收到和处理政府\n信息公开申请情况")):
        r = reportparse.parse_text(text)
        assert [(s.number, s.key) for s in r.sections] == [
            ("", "overview"), ("", "proactive"), ("", "applications"), ("", "appeals"), ("", "problems"), ("", "other")]
        flat, truth = r.flat(), _truth()["truth"]
        assert {k: flat[k] for k in truth} == truth and r.valid


def test_a_bare_standard_title_out_of_the_templates_order_stays_prose():
    """A line that only names a section already found, or one before the
    sections found, is prose (a sentence that names a section)."""
    text = MD.read_text(encoding="utf-8").replace("一是政策解读形式不够丰富。", "一是政策解读形式不够丰富。\n\n主动公开政府信息情况\n\n总体情况\n")
    r = reportparse.parse_text(text)
    assert [s.key for s in r.sections] == ["overview", "proactive", "applications", "appeals", "problems", "other"]
    assert "主动公开政府信息情况" in next(s for s in r.sections if s.key == "problems").text


def test_a_list_of_contents_of_bare_titles_is_not_taken_for_the_sections():
    """Bare titles listed before sections the report numbers (目录) stay prose:
    every section is the numbered one, and the tables are read whole."""
    toc = "目录\n\n总体情况\n主动公开政府信息情况\n收到和处理政府信息公开申请情况\n政府信息公开行政复议、行政诉讼情况\n\n"
    text = MD.read_text(encoding="utf-8").replace("本报告依据", toc + "本报告依据", 1).replace("## 总体情况", "## 一、总体情况")
    for a, b in (("一、主动", "二、主动"), ("二、收到", "三、收到"), ("三、政府", "四、政府"), ("四、存在", "五、存在"), ("五、其他", "六、其他")):
        text = text.replace(f"## {a}", f"## {b}")
    r = reportparse.parse_text(text)
    assert [(s.number, s.key) for s in r.sections] == [
        ("一", "overview"), ("二", "proactive"), ("三", "applications"), ("四", "appeals"), ("五", "problems"), ("六", "other")]
    assert "SEC_UNNUMBERED" not in [d.code for d in r.diagnostics] and r.valid


def test_a_bare_title_after_a_numbered_section_stays_prose():
    text = MD.read_text(encoding="utf-8").replace("## 总体情况", "## 一、总体情况", 1).replace(
        "全年主动公开政府信息1520条。", "全年主动公开政府信息1520条。\n\n其他需要报告的事项")
    r = reportparse.parse_text(text)
    assert [s.key for s in r.sections].count("other") == 1
    assert "SEC_UNNUMBERED" not in [d.code for d in r.diagnostics]


def test_a_short_row_in_a_table_without_rules_leaves_that_row_empty():
    """Table 二 has no rule: where a printed row lost a cell, which one is unknown."""
    text = MD.read_text(encoding="utf-8").replace("| 5 | 2 | 41 |", "| 5 | 41 |")
    r = reportparse.parse_text(text)
    t = r.tables["proactive"]
    assert [c.value for c in t.rows["normative_docs"].values()] == [None, None, None]
    assert [c.value for c in t.rows["rules"].values()] == [0, 0, 0]
    assert not t.valid
    assert any(d.code == "TBL_ROW_SHORT" and d.path == "tables.proactive" for d in r.diagnostics)


def test_a_lost_value_in_a_band_of_one_column_rows_is_never_given_to_another_row():
    """行政处罚's cell printed empty: the one value left (行政强制's) could be either row's."""
    text = MD.read_text(encoding="utf-8").replace("| 356 |\n| 12 |", "|  |\n| 12 |")
    r = reportparse.parse_text(text)
    rows = r.tables["proactive"].rows
    assert rows["penalty"]["decisions"].value is None and rows["coercion"]["decisions"].value is None
    assert rows["licensing"]["decisions"].value == 1203
    # the fee's value may be the waiting 行政强制's too: left empty rather than guessed
    assert rows["fees"]["amount"].value in (18.5, None)
    assert any(d.code == "TBL_BLOCK_UNPLACED" for d in r.diagnostics)


def test_empty_cells_keep_their_places_in_a_printed_row():
    """``| 9 |  | 0 |…``: an empty field is an unknown cell where it stands, not a lost one."""
    text = MD.read_text(encoding="utf-8").replace("| 9 | 1 | 0 | 0 | 0 | 0 | 10 |", "| 9 |  | 0 | 0 | 0 | 0 | 10 |")
    r = reportparse.parse_text(text)
    row = r.tables["applications"].rows["result.unavailable.not_held"]
    assert [c.value for c in row.values()] == [9, 1, 0, 0, 0, 0, 10]
    assert row["business"].status == "inferred"
    assert r.tables["applications"].valid


def test_rows_that_do_not_fit_the_labels_are_not_placed():
    """One bare row too many (a row printed twice): taken as the 26 rows with
    （六）其他处理, no reading satisfies the rules, so nothing is placed."""
    text = MD.read_text(encoding="utf-8").replace("| 6 | 0 | 0 | 0 | 1 | 0 | 7 |", "| 6 | 0 | 0 | 0 | 1 | 0 | 7 |\n" * 2)
    r = reportparse.parse_text(text)
    t = r.tables["applications"]
    assert all(c.value is None or c.status == "inferred" for cells in t.rows.values() for c in cells.values())
    assert not t.valid
    assert any(d.code == "TBL_ROW_SHORT" and "under no reading" in d.message for d in r.diagnostics)


@pytest.mark.parametrize("template", ["ogi-2021", "ogi-2019"])
def test_generated_converter_reports_read_right_or_null(template):
    """Seeds 40–47 (the reader was written on 1–20 and 5000–5049): clean text
    reads whole; with value and text noise no cell is ever wrong."""
    from generator import CONVERTER, CellNoise, add_noise, make_report

    for seed in range(40, 48):
        gen = make_report(seed, template, CONVERTER)
        clean = reportparse.parse_text(gen.text)
        flat = clean.flat()
        assert {k: flat[k] for k in gen.truth} == gen.truth
        assert all(t.valid for t in clean.tables.values())
        noisy = make_report(seed, template, CONVERTER, noise=CellNoise(seed, ocr=0.01, drop=0.005))
        flat = reportparse.parse_text(add_noise(noisy.text, seed)).flat()
        wrong = {k: (v, flat[k]) for k, v in noisy.truth.items() if flat[k] is not None and flat[k] != v}
        assert wrong == {}


def test_a_printed_row_is_never_read_under_fewer_columns_than_it_has_cells():
    """2019 行政事业性收费 under a header of which only 本年增/减 was read, its
    row printed ``| 0 |  |``: the row's two cells are the template's two
    columns, the empty one unknown (not 0 taken as 本年增/减)."""
    from generator import CONVERTER, make_report

    gen = make_report(41, "ogi-2019", CONVERTER)
    text = gen.text
    prev, change = (str(gen.truth[f"proactive.fees.{c}"]) for c in ("prev_items", "change"))
    row = f"| {prev} | {change} |"
    assert row in text
    r = reportparse.parse_text(text.replace(row, f"| {prev} |  |", 1))
    cells = r.tables["proactive"].rows["fees"]
    assert cells["prev_items"].value == int(prev) and cells["change"].value is None


def test_line_breaks_inside_cells_are_not_ocr_garble():
    """Converters write a cell's line break as ``<br>``: the cell's text runs on
    (``社会<br>公益<br>组织``), and its Latin letters are not OCR damage."""
    from generator import make_report

    gen = make_report(11, "ogi-2021", "markdown")
    text = (gen.text.replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                             "（二）部分公开<br>（区分处理的，只计这一情形，<BR>不计其他情形）")
            .replace("社会公益组织", "社会<br>公益<br />组织")
            .replace("5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新<br/>出具已获取信息"))
    r = reportparse.parse_text(text)
    flat = r.flat()
    assert {k: flat[k] for k in gen.truth} == gen.truth
    assert r.valid and r.source.origin == "digital"


def test_html_character_references_left_in_cells_are_their_characters():
    """``&nbsp;0`` is the cell 0, ``&ldquo;`` a quotation mark of the label."""
    from generator import make_report

    gen = make_report(11, "ogi-2021", "markdown")
    text = (gen.text.replace("| 0 |", "| &nbsp;0 |", 3).replace("社会公益组织", "社会&nbsp;公益组织")
            .replace("“三安全一稳定”", "&ldquo;三安全一稳定&#8221;"))
    r = reportparse.parse_text(text)
    flat = r.flat()
    assert {k: flat[k] for k in gen.truth} == gen.truth and r.valid


def test_values_a_converter_stacked_in_one_cell_are_cells_of_their_own():
    """pymupdf4llm writes a table it cannot rule as a pipe table whose cells
    hold several printed cells joined by ``<br>`` (``3<br>0<br>6<br>1<br>3``,
    table 四 of a generated PDF, ``bench/pdf_text_tools.py``). Between two
    digits a ``<br>`` parts two values (read run together, they were one
    number, 30613, and the table nothing); between words the cell's text
    runs on."""
    from generator import make_report

    gen = make_report(11, "ogi-2019", "markdown")
    four = ("四、政府信息公开行政复议、行政诉讼情况\n\n|行政|复议|行政诉讼||||||||\n"
            "|结果|结果|其他<br>尚未<br><br>未经复议直接|起诉|||复议后|起诉|||\n"
            "|维持|纠正|结果<br><br>审结<br>总计<br>结果<br>维持<br>结果<br>纠正|其他<br>结果|尚未<br>审结|总计|"
            "结果<br>维持|结果<br>纠正|其他<br>结果<br>尚未<br>审结|总计|\n"
            "|0|3|3<br>0<br>6<br>1<br>3|0|1|5|0|0|0<br>0|0|\n\n")
    start, end = gen.text.index("四、政府信息公开行政复议"), gen.text.index("## 五、")
    r = reportparse.parse_text(gen.text[:start] + four + gen.text[end:])
    rows = r.tables["appeals"].rows
    assert [[c.value for c in rows[g].values()] for g in ("reconsideration", "litigation", "litigation_after_reconsideration")] \
        == [[0, 3, 3, 0, 6], [1, 3, 0, 1, 5], [0, 0, 0, 0, 0]]
    assert r.tables["appeals"].valid


def test_a_markdown_rows_empty_cell_takes_no_number_printed_below_another_heading():
    """``| 行政许可 |  |`` then a page number printed bare under the next
    block's heading (``### 第二十条第（六）项`` / ``1``): the line's tab is an
    empty cell, not white space inside a wrapped label, and the 1 below the
    heading was read as the row's value (``bench/page_furniture.py
    --fresh-seed 363568651``, bare page numbers without form feeds)."""
    import re

    from generator import make_report

    gen = make_report(12, "ogi-2021", "markdown")
    text = re.sub(r"\| 行政许可 \| \d+ \|", "| 行政许可 |  |", gen.text)
    text = text.replace("### 第二十条第（六）项\n", "### 第二十条第（六）项\n1\n")
    assert "| 行政许可 |  |" in text and "第二十条第（六）项\n1\n" in text
    cell = reportparse.parse_text(text).tables["proactive"].rows["licensing"]["decisions"]
    assert cell.value is None
