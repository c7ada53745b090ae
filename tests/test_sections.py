"""The numbered section tree."""

from __future__ import annotations

import pytest

import reportparse

from conftest import parsed_fixture
from generator import make_report


def test_sample_tree(sample_report):
    top = sample_report.sections
    assert [s.key for s in top] == ["overview", "proactive", "applications", "appeals", "problems", "other"]
    assert [c.number for c in top[0].children] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    problems = top[4]
    assert [c.title for c in problems.children] == ["存在问题", "改进计划"]
    assert [i.number for i in problems.children[0].children] == ["1", "2", "3"]
    assert [i.number for i in problems.children[1].children] == ["1", "2", "3", "4"]
    assert problems.children[1].children[0].title == "持续加强队伍建设"


def test_table_rows_are_not_sections(sample_report):
    titles = [s.title for s in sample_report.sections]
    assert "结转下年度继续办理" not in titles
    appeals = sample_report.section("appeals")
    assert appeals is not None and appeals.number == "四"
    assert appeals.title == "政府信息公开行政复议、行政诉讼情况"


def test_broken_lines_are_rejoined(sample_report):
    item = sample_report.sections[4].children[1].children[0]
    assert "政务公开业务培训" in item.text


def test_section_spans_cover_their_text(sample_report):
    from conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8")
    other = sample_report.section("other")
    assert text[other.span.start:other.span.end].startswith("六、其他需要报告的事项")
    assert "未收取" in text[other.span.start:other.span.end]


def test_variant_headings_from_the_grammar():
    doc = ("某区2022年政府信息公开工作年度报告\n一、概述\n正文。\n二、主动公开政府信息情况\n"
           "三、收到和处理政府信息公开申请情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"
           "五、政府信息公开工作存在的主要问题及改进情况\n六、其他需要报告的事项\n无。\n")
    r = reportparse.parse_text(doc)
    assert [s.key for s in r.sections] == ["overview", "proactive", "applications", "appeals", "problems", "other"]


def test_numbering_problems_are_diagnostics_not_crashes():
    doc = ("某区2022年政府信息公开工作年度报告\n一、总体情况\n（一）甲\n（三）丙\n（三）丁\n"
           "三、收到和处理政府信息公开申请情况\n二、主动公开政府信息情况\n")
    r = reportparse.parse_text(doc)
    codes = [d.code for d in r.diagnostics]
    assert "SEC_NUMBER_GAP" in codes and "SEC_NUMBER_REPEAT" in codes
    assert "SEC_OUT_OF_ORDER" in codes and "SEC_MISSING" in codes


def test_heading_run_into_one_line_is_split():
    doc = "某区2021年政府信息公开工作年度报告\n前言。一、总体情况2021年，我区推进公开。（一）主动公开方面。全年公开1条。二、主动公开政府信息情况 表格"
    r = reportparse.parse_text(doc)
    assert [s.key for s in r.sections[:2]] == ["overview", "proactive"]
    assert r.sections[0].children[0].title == "主动公开方面"


def test_not_a_report_still_gets_header_and_tree():
    doc = "某县人民政府文件\n某政发〔2023〕8号\n关于加强安全生产工作的通知\n一、工作目标\n正文。\n二、工作措施\n（一）加强检查\n正文。\n"
    r = reportparse.parse_text(doc)
    assert r.template == "unknown"
    assert r.header.issuer.value == "某县人民政府"
    assert r.header.doc_number.value == "某政发〔2023〕8号"
    assert [s.title for s in r.sections] == ["工作目标", "工作措施"]
    assert r.sections[1].children[0].title == "加强检查"


def test_ocr_damaged_headings():
    doc = ("某区2021年政府信息公开工作年度报告\n人人、    总体情;\n正文。\n二、主动公开政府信息情况\n"
           "三、收到和处理政府信息公开申请情;\n四、政府信息公开行政复议、行政拆讼情;\n五、存在的主要问题及改进情况\n")
    r = reportparse.parse_text(doc)
    assert [(s.key, s.number) for s in r.sections] == [
        ("overview", "一"), ("proactive", "二"), ("applications", "三"), ("appeals", "四"), ("problems", "五")]
    assert any(d.code == "SEC_NUMERAL_OCR" for d in r.diagnostics)


def test_a_sub_heading_whose_brackets_ocr_lost_is_not_the_next_section():
    """（一）主动公开情况。… OCR'd as 一，主动公开情况。… (hongze-2024 scanned
    2.5° askew): its mark is a numeral of its own, so it is not a damaged 二、
    and section 二 (which holds table 二) is the real heading below it."""
    doc = ("某区2024年政府信息公开工作年度报告\n一、总体情况\n一，主动公开情况。主要通过政府门户网站主动公开。\n"
           "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
           "三、收到和处理政府信息公开申请情况\n")
    r = reportparse.parse_text(doc)
    assert [(s.key, s.number) for s in r.sections] == [("overview", "一"), ("proactive", "二"), ("applications", "三")]
    assert not any(d.code in ("SEC_NUMERAL_OCR", "SEC_NUMBER_REPEAT") for d in r.diagnostics)
    assert [c.value for c in r.tables["proactive"].rows["rules"].values()] == [0, 0, 0]


def test_a_heading_whose_numeral_ocr_lost_entirely():
    """、收到和处理政府信息公开申请情况 (hongze-2024 scanned 3° askew: the 三 gone)
    is section 三 when 三 is the number expected next; a line of prose that
    starts with a comma before a standard title is not a heading."""
    doc = ("某区2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作\n，主动公开政府信息情况良好。\n"
           "二、主动公开政府信息情况\n正文。\n、收到和处理政府信息公开申请情况\n正文。\n")
    r = reportparse.parse_text(doc)
    assert [(s.key, s.number) for s in r.sections] == [("overview", "一"), ("proactive", "二"), ("applications", "三")]
    assert "主动公开政府信息情况良好" in r.sections[0].text



_CONTENTS = {
    "bare": "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n",
    "dotted leaders": "目录\n一、总体情况……………………1\n二、主动公开政府信息情况…………2\n"
                      "三、收到和处理政府信息公开申请情况……3\n四、政府信息公开行政复议、行政诉讼情况……5\n"
                      "五、存在的主要问题及改进情况……6\n六、其他需要报告的事项……7\n",
}


@pytest.mark.parametrize("contents", list(_CONTENTS))
@pytest.mark.parametrize("layout", ["tab", "lines", "markdown"])
def test_a_list_of_contents_before_the_body_leaves_every_table_read(contents, layout):
    """A 目录 under the title prints every standard heading with nothing under
    it. Each section's first heading was its region, and every table, empty
    there, was lost (0 of 200 cells). A section's region is the first print
    of its heading with text under it."""
    from generator import make_report

    gen = make_report(3, "ogi-2021", layout)
    at = gen.text.index(gen.title) + len(gen.title)
    r = reportparse.parse_text(gen.text[:at] + "\n" + _CONTENTS[contents] + "\n" + gen.text[at:])
    flat = r.flat()
    assert {k: flat[k] for k in gen.truth} == gen.truth
    assert all(t.valid for t in r.tables.values())


def test_two_reports_bodies_whose_second_title_is_lost_make_no_table_valid():
    """Two reports one after the other, the second's title lost: nothing said
    there were two, each table was read from the first's section, and the
    templates' markers of both made the report the second's template (2019's
    （六）其他处理 read from the 2021 table: tables valid, values under the
    other template's rows; ``bench/two_reports.py``: 19 tables in 60 texts).
    A table section printed twice, with other text, leaves its table not
    valid (``TBL_SECTION_TWICE``)."""
    from generator import make_report

    first, second = make_report(777100000, "ogi-2021", "tab"), make_report(778100000, "ogi-2019", "tab")
    r = reportparse.parse_text(first.text + "\n\n" + second.text.replace(second.title, ""))
    assert not any(t.valid for t in r.tables.values()) and not r.valid
    assert {d.path for d in r.diagnostics if d.code == "TBL_SECTION_TWICE"} == {f"tables.{k}" for k in r.tables}
    # a report printed twice alike (a page and its print view) is one report's, read and valid
    twice = reportparse.parse_text(first.text + "\n\n" + first.text.replace(first.title, ""))
    assert all(t.valid for t in twice.tables.values()) and "TBL_SECTION_TWICE" not in {d.code for d in twice.diagnostics}


def _in_an_appendix(layout: str, titled: bool):
    """Generated report 5 with 二, 三 and 四 as a line of prose each under
    their headings, and the sections with their tables printed again after 六
    (``titled``: each under a bare title, ``附表1 主动公开政府信息情况``)."""
    from generator import make_report

    gen = make_report(5, "ogi-2021", layout)
    lines = gen.text.split("\n")
    a = next(i for i, ln in enumerate(lines) if "二、主动公开政府信息情况" in ln)
    b = next(i for i, ln in enumerate(lines) if "五、存在的主要问题及改进情况" in ln)
    prose = ["二、主动公开政府信息情况", "本年度主动公开行政许可信息1200条，数据见附表。", "三、收到和处理政府信息公开申请情况",
             "本年度收到申请12件。", "四、政府信息公开行政复议、行政诉讼情况", "本年度未发生行政复议。"]
    tables = lines[a:b]
    if titled:
        tables = [ln.replace("二、主动公开", "附表1 主动公开").replace("三、收到和处理", "附表2 收到和处理")
                  .replace("四、政府信息公开行政复议", "附表3 政府信息公开行政复议") for ln in tables]
    return gen, reportparse.parse_text("\n".join(lines[:a] + prose + lines[b:] + ["", "附表"] + tables))


@pytest.mark.parametrize("layout", ["tab", "lines", "markdown"])
def test_tables_printed_again_in_an_appendix_are_read_there(layout):
    """二, 三 and 四 as a line of prose each, the sections with their tables
    printed again after 六 under 附表: each table was looked for in the prose
    (its heading's first print) and lost. A table section's region is the
    first print that holds its table; one report, so its tables are valid."""
    gen, r = _in_an_appendix(layout, titled=False)
    flat = r.flat()
    assert {k: flat[k] for k in gen.truth} == gen.truth
    assert all(t.valid for t in r.tables.values()) and "TBL_SECTION_TWICE" not in {d.code for d in r.diagnostics}


def _tables_moved(layout: str, where: str, seed: int = 5):
    """Generated report ``seed`` with its tables' lines kept apart from its
    text, no title over them: ``last`` as a script writes a Word document's
    text with python-docx (``doc.paragraphs``, then ``doc.tables``: every
    heading in place, 二, 三 and 四 with nothing under them, their lines
    after 六), ``first`` (the tables, then the text), ``only`` (the tables'
    lines alone, as a table extractor keeps them), ``title`` (the title's
    lines, then the tables). Returns the generator's report, and the parses
    of its text and of the text so moved."""
    from generator import make_report

    gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout)
    lines = gen.text.split("\n")
    heads = [next(i for i, ln in enumerate(lines) if h in ln)
             for h in ("二、主动公开政府信息情况", "三、收到和处理", "四、政府信息公开行政复议", "五、存在的主要问题")]
    tables = [ln for i, ln in enumerate(lines) if heads[0] < i < heads[-1] and i not in heads]
    paragraphs = [ln for i, ln in enumerate(lines) if not heads[0] < i < heads[-1] or i in heads]
    moved = {"last": paragraphs + tables, "first": tables + paragraphs, "only": tables, "title": lines[:3] + tables}[where]
    return gen, reportparse.parse_text(gen.text), reportparse.parse_text("\n".join(moved))


@pytest.mark.parametrize("where", ["last", "first", "only", "title"])
@pytest.mark.parametrize("layout", ["tab", "lines", "layout", "pipes", "runtogether", "markdown"])
def test_tables_apart_from_the_text_with_no_title_are_read_there(layout, where):
    """A report's tables kept apart from its text with no title over them
    (python-docx's paragraphs, then its tables; the tables first; the
    tables alone; the title, then the tables): no print of a heading holds
    its table and no title names one, so each table was lost. Before the
    first heading and after the last, lines outside prose naming one table's
    row or column labels are that table's, the tables in the template's
    order: each is read there as in its section (every value and validity
    alike; in every layout but digits run together, all right and valid)."""
    for seed in (5, 6):  # both templates
        gen, in_place, r = _tables_moved(layout, where, seed)
        flat, kept = r.flat(), in_place.flat()
        assert {k: flat[k] for k in gen.truth} == {k: kept[k] for k in gen.truth}
        assert {k: t.valid for k, t in r.tables.items()} == {k: t.valid for k, t in in_place.tables.items()}
        if layout != "runtogether":
            assert {k: flat[k] for k in gen.truth} == gen.truth
            assert all(t.valid for t in r.tables.values()) and len(r.tables) == 3


HEADINGS = {"二": "二、主动公开政府信息情况", "三": "三、收到和处理政府信息公开申请情况",
            "四": "四、政府信息公开行政复议、行政诉讼情况"}


@pytest.mark.parametrize("lost", ["二", "三", "四", "三四", "二三四"])
@pytest.mark.parametrize("layout", ["tab", "lines", "layout", "pipes", "runtogether", "markdown"])
def test_a_table_whose_heading_line_is_lost_is_read_where_it_stands(layout, lost):
    """A heading line lost (a table extractor keeps the tables and the prose
    but not the lines between them; OCR drops a bold line): its table stands
    in the body of the section before it — 三's under 二's table, 二's under
    一's prose — and was lost whole (tab text: 29.56% of the cells right with
    三's heading lost, 14.95% with 二's, 三's and 四's; ``bench/lost_headings.py``).
    Each standard section's body is a span such a table may stand in, the
    section's own table ending at the line that first names the other: every
    value and validity as with the heading in place."""
    for seed in (5, 6):  # both templates
        gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout)
        text = "\n".join(ln for ln in gen.text.split("\n") if not any(ln.lstrip("# ").startswith(HEADINGS[k][:6]) for k in lost))
        assert text != gen.text
        r, in_place = reportparse.parse_text(text), reportparse.parse_text(gen.text)
        flat, kept = r.flat(), in_place.flat()
        assert {k: flat[k] for k in gen.truth} == {k: kept[k] for k in gen.truth}
        assert {k: t.valid for k, t in r.tables.items()} == {k: t.valid for k, t in in_place.tables.items()}
        if layout != "runtogether":
            assert all(t.valid for t in r.tables.values())


def test_a_real_pdfs_tables_alone_with_its_prose_pages_are_read():
    """pdfplumber's ``extract_tables`` of a real report (洪泽区 2023), every
    table through ``csv.writer``: the prose page came out as a table of one
    column (一's heading and 二's among its lines), the headings of 三, 四 and
    五 not at all, so 三's and 四's tables stood in 二's body under its
    table. 5% of the cells were read (二's), now all, as printed."""
    report, truth = parsed_fixture("pdfplumber-tables-csv-hongze-2023.txt")
    flat = report.flat()
    assert {k: flat[k] for k in truth["truth"]} == truth["truth"]
    assert report.tables["applications"].valid


def test_tables_after_the_text_out_of_order_are_not_told():
    """The same text with 三's lines before 二's: a line naming an earlier
    table after a later one began, so which lines are whose is not told:
    the tables are not read there (nothing valid, nothing wrong)."""
    from generator import make_report

    gen = make_report(5, "ogi-2021", "tab")
    lines = gen.text.split("\n")
    heads = [next(i for i, ln in enumerate(lines) if h in ln)
             for h in ("二、主动公开政府信息情况", "三、收到和处理", "四、政府信息公开行政复议", "五、存在的主要问题")]
    two, three = lines[heads[0] + 1:heads[1]], lines[heads[1] + 1:heads[2]]
    paragraphs = [ln for i, ln in enumerate(lines) if not heads[0] < i < heads[-1] or i in heads]
    r = reportparse.parse_text("\n".join(paragraphs + three + two))
    flat = r.flat()
    assert not any(t.valid for t in r.tables.values())
    assert all(flat[k] is None or flat[k] == v for k, v in gen.truth.items())


@pytest.mark.parametrize("layout", ["tab", "lines", "markdown"])
def test_tables_in_an_appendix_under_bare_titles_are_read_there(layout):
    """The same with each table under a bare title after 六 (``附表1
    主动公开政府信息情况``), not its section's heading: no print of the
    heading holds the table, so the table is looked for after it, from a
    short line holding one of the section's titles to the next such line of
    another table's section. Every table was lost."""
    gen, r = _in_an_appendix(layout, titled=True)
    flat = r.flat()
    assert {k: flat[k] for k in gen.truth} == gen.truth
    assert all(t.valid for t in r.tables.values())


def test_a_real_pdfs_tables_through_tabula_stream_are_read():
    """tabula's stream mode (tabula-py 2.10, each data frame's ``to_csv``) of
    洪泽区 2024's PDF: tables alone, 四's header names cut into pieces over
    lines and columns (``结果,结果,其他,尚未``, ``纠正 结果 审结``) — no title,
    so 四's region ended at the first such line and 四 was lost; and 三's
    wrapped labels with their empty fields. Every value as printed, all three
    tables valid (was: 185 of 200 values, 三 alone valid)."""
    report, truth = parsed_fixture("tabula-stream-csv-hongze-2024.txt")
    flat = report.flat()
    assert {k: flat[k] for k in truth["truth"]} == truth["truth"]
    assert all(t.valid for t in report.tables.values())


def test_a_real_tables_printed_inconsistency_through_tabula_stream_stays_flagged():
    """洪泽区 2023 through tabula stream: 四 is read now, as printed — and its
    复议 总计 printed 0 beside 维持 10 and 纠正 1 keeps it not valid."""
    report, truth = parsed_fixture("tabula-stream-csv-hongze-2023.txt")
    flat = report.flat()
    assert {k: flat[k] for k in truth["truth"] if k.startswith("appeals.")} == {
        k: v for k, v in truth["truth"].items() if k.startswith("appeals.")}
    assert all(flat[k] is None or flat[k] == v for k, v in truth["truth"].items())
    assert report.tables["applications"].valid and not report.tables["appeals"].valid


@pytest.mark.parametrize(("line", "cut"), [
    ("结果 结果,其他,尚未,,,,,,,,", True),
    ("维持,纠正 结果 审结,,,结果结果其他,尚未,总计", True),
    (",,商业企,科研机,社会公,法律服,,", True),
    ("南岗区人民政府文件", False),
    ("加强政府信息公开,规范依申请公开,提升服务", False),
    ("结果维持结果纠正", False),  # one cell: a title's words, not a header row
])
def test_a_header_row_cut_in_pieces_is_no_title(line, cut):
    from reportparse.grammar import load_grammars
    from reportparse.table_regions import _cut_names, _pieces

    tpl = load_grammars().templates["ogi-2021"]
    names = {n for tg in tpl.tables.values() for n in (*tg.names, *(m for c in tg.columns.values() for m in c.labels))}
    assert _cut_names(line, _pieces(tuple(sorted(names)))) is cut
