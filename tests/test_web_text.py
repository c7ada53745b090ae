"""Text of web pages as text browsers and users copy it: tables drawn with
box-drawing characters (``w3m -dump``), a page's path from its home page
above the title."""

from __future__ import annotations

import reportparse

from conftest import FIXTURES, cell_at, parsed_fixture

W3M = FIXTURES / "w3m-dump-73101.txt"


def test_a_table_drawn_with_box_characters_is_read_cell_by_cell():
    """`w3m -dump` of a generated 2019 report page with 8 cells left empty:
    │ separates cells, ├──┼──┤ rules are no rows; every value read where it
    stands, each empty cell empty or forced by the rules to its true value."""
    report, truth = parsed_fixture(W3M.name)
    assert report.template == truth["template"] == "ogi-2019"
    assert report.header.title.value == truth["title"]
    for key, want in truth["truth"].items():
        got = cell_at(report, key).value
        if key in truth["blank_cells"]:
            assert got in (None, want), key
        else:
            assert got == want, key
    assert all(t.valid for t in report.tables.values())


def test_box_characters_keep_offsets_to_the_source():
    text = W3M.read_text(encoding="utf-8")
    report = reportparse.parse_text(text)
    cell = report.tables["applications"].rows["new"]["natural_person"]
    assert text[cell.span.start:cell.span.end] == str(cell.value)


def test_a_breadcrumb_from_the_home_page_is_not_a_title():
    """首页 > 政务公开 > 信息公开年报 above the title: not a second report's
    title (it made the file two reports, exit 1), removed as web chrome."""
    body = W3M.read_text(encoding="utf-8").split("\n", 1)[1]
    for crumb in ("首页 > 政务公开 > 信息公开年报", "首页 政务公开 信息公开年报", "首页政务公开信息公开年报"):
        report = reportparse.parse_text(f"{crumb}\n\n{body}")
        assert report.header.title.value == "平潭综合实验区人民政府2020年政府信息公开工作年度报告", crumb
        codes = {d.code for d in report.diagnostics}
        assert "INPUT_MULTIPLE_REPORTS" not in codes and "INPUT_WEB_CHROME" in codes


def test_blank_fields_at_both_ends_of_a_row_are_placed_by_its_rule():
    """pandoc's GitHub Markdown of a page whose 三 has merged label cells and
    empty cells: `| 三、本年度办理结果 | （一）予以公开 | | 127 | 0 | 0 | 0 | 0 | 17 | |`
    has a blank field at each end, so the values may start at either. Trailing
    blanks were trimmed first (127 read as 商业企业's); now the row's rule
    decides (its total, empty, must be at least 144), and with no rule or two
    placings it allows, nothing is placed."""
    report, truth = parsed_fixture("pandoc-gfm-74113.md")
    row = report.tables["applications"].rows["result.disclosed"]
    assert (row["natural_person"].value, row["other_org"].value) == (127, 17)
    assert row["total"].value in (None, 144) and "applications.result.disclosed.total" in truth["blank_cells"]
    for key, want in truth["truth"].items():
        assert cell_at(report, key).value in (None, want), key


def test_indentation_of_a_space_aligned_line_is_no_empty_cell():
    """pandoc's plain text of a page (space-aligned columns, every line
    indented by two spaces): 四's line of 15 values, 其他结果 of 行政复议
    empty, read `0 0 ⎵ 39 98 …`. The indentation became an empty first cell,
    so 其他结果 took 0 (read, wrong). Indentation is no cell now: the lost
    cell is tried at each place, and only the values every place agrees on
    are read."""
    report, truth = parsed_fixture("pandoc-plain-20478096.txt")
    assert "appeals.reconsideration.other" in truth["blank_cells"]
    for key, want in truth["truth"].items():
        assert cell_at(report, key).value in (None, want), key
    # the lost cell fits five places in 行政复议 (总计 too): that group stays empty, the others are read
    assert report.tables["appeals"].rows["reconsideration"]["other"].value is None
    for group in ("litigation", "litigation_after_reconsideration"):
        for col, cell in report.tables["appeals"].rows[group].items():
            assert cell.value == truth["truth"][f"appeals.{group}.{col}"]


def _markdown_with_html_tables(html: str) -> str:
    """A web page as MinerU writes a document: Markdown, each table as HTML on one line."""
    import re

    body = re.sub(r"(?s).*<body>|</body>.*", "", html)
    body = re.sub(r"<(?:p|h1|div)[^>]*>(.*?)</(?:p|h1|div)>", r"\n\n\1\n\n", body)
    body = re.sub(r"(?s)<table.*?</table>", lambda m: "\n\n" + re.sub(r"\s*\n\s*", "", m[0]) + "\n\n", body)
    return re.sub(r"(?m)^([一二三四五六]、)", r"# \1", re.sub(r"\n{3,}", "\n\n", body)).strip() + "\n"


def test_markdown_with_html_tables_reads_alike_through_parse_text_and_parse_file(tmp_path):
    """MinerU (and pandoc's gfm for a table with merged cells) writes a
    document's tables as HTML inside Markdown. ``parse_file`` read such a
    file as HTML; ``parse_text`` read it as plain text — 60% of cells, and a
    ``colspan="4"`` read as a value. Both read it as HTML now."""
    from generator import make_report, render_html

    gen = make_report(93000, "ogi-2021", "tab")
    md = _markdown_with_html_tables(render_html(gen))
    assert "# 二、主动公开政府信息情况\n\n<table" in md and "</td>" in md
    path = tmp_path / "mineru.md"
    path.write_text(md, encoding="utf-8")
    as_text, as_file = reportparse.parse_text(md), reportparse.parse_file(path)
    assert as_text.source.kind == as_file.source.kind == "html"
    differ = {k for k, v in as_text.flat().items() if as_file.flat()[k] != v}
    assert differ <= {"source.path"}  # (the file's name)
    assert all(t.valid for t in as_text.tables.values())
    assert {k: as_text.flat()[k] for k in gen.truth} == gen.truth


def test_the_tab_between_a_header_word_and_the_first_value_is_no_empty_cell():
    """A scraper's ``get_text("\\t")`` runs 四's header and its values into one
    line, one tab between any two texts, an empty cell's text dropped
    (``…复议后起诉\\t0\\t0\\t1\\t1\\t0…\\t``: 14 values for 15 cells). The tab
    after ``复议后起诉`` was read as an empty first cell, the values shifted one
    cell on and the rule filled it: 四 valid with 结果维持's place taken and
    其他结果 and 尚未审结 swapped (held-out ``html_mutation --scrapers``
    43946698, 2026-12-07). Now one cell is lost, and which one the rules do
    not say: the group's cells are left empty."""
    from generator import make_report

    gen = make_report(12, "ogi-2021", "tab")
    keys = [f"appeals.{g}.{c}" for g in ("reconsideration", "litigation", "litigation_after_reconsideration")
            for c in ("upheld", "corrected", "other", "pending", "total")]
    truth = [gen.truth[k] for k in keys]
    lines = gen.text.split("\n")
    a = next(i for i, ln in enumerate(lines) if ln.startswith("四、政府信息公开"))
    b = next(i for i, ln in enumerate(lines) if ln.startswith("五、"))
    header = "行政复议\t行政诉讼\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉"
    for lost in range(4):  # one of 行政复议's first four cells printed empty, its text dropped
        values = [str(v) for k, v in enumerate(truth) if k != lost]
        text = "\n".join(f"\t{ln}\t" for ln in lines[:a + 1] + [header + "\t" + "\t".join(values)] + lines[b:])
        r = reportparse.parse_text(text)
        got = [cell_at(r, k) for k in keys]
        assert not r.tables["appeals"].valid
        assert all(cell.value in (None, want) or cell.status == "placed" for cell, want in zip(got, truth, strict=True)), lost
