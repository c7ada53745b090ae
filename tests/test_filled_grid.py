"""Values a converter that fills a merged cell's grid may have copied
(``tables/filled_grid.py``): python-docx's rows of a Word table that
pdf2docx made of a PDF print an empty cell of a table without rules between
its rows as its neighbour's value (seen on generated reports 20337015+,
2026-12-07: 行政强制 上一年项目数量 printed empty read as 行政处罚's 3485). In
text showing a filled grid — a label twice side by side — two rows printed
one after the other that read the same value other than 0 in a column no
rule checks are placed (``TBL_FILLED_NEIGHBOUR``), and table 二 is not valid."""

from __future__ import annotations

import re

import pytest

import reportparse

from conftest import parsed_fixture
from generator import make_report

SEED = 91001  # 2019 template: 行政处罚 4965 -14 1992, 行政强制 0 9 3422


def _text(filled: bool, copy: str = "4965") -> str:
    text = make_report(SEED, "ogi-2019", "tab").text
    text = re.sub(r"(?m)^行政强制\t0\t", f"行政强制\t{copy}\t", text)  # the empty cell printed as the one above it
    if filled:  # python-docx: the merged 法人或其他组织 in each of the five columns it covers
        text = text.replace("自然人\t法人或其他组织\t总计", "自然人\t" + "\t".join(["法人或其他组织"] * 5) + "\t总计")
    return text


def test_a_copied_value_in_a_filled_grid_leaves_the_table_not_valid():
    r = reportparse.parse_text(_text(filled=True))
    t = r.tables["proactive"]
    assert not t.valid
    assert [t.rows[rid]["prev_items"].status for rid in ("penalty", "coercion")] == ["placed", "placed"]
    assert r.flat()["proactive.coercion.prev_items"] is None and r.flat()["proactive.penalty.prev_items"] is None
    assert r.flat()["proactive.penalty.decisions"] == 1992  # the rest of the table as read
    d = [d for d in r.diagnostics if d.code == "TBL_FILLED_NEIGHBOUR" and "4965" in d.message]
    assert len(d) == 1 and d[0].path == "tables.proactive.coercion" and d[0].message.startswith("penalty.prev_items")
    assert r.tables["applications"].valid  # (a column a rule checks: the rule decides)


def test_without_a_filled_grid_equal_neighbours_are_values():
    """Text that fills no merged cell: two rows printing one value is what it says."""
    r = reportparse.parse_text(_text(filled=False))
    assert r.tables["proactive"].valid and r.flat()["proactive.coercion.prev_items"] == 4965
    assert "TBL_FILLED_NEIGHBOUR" not in {d.code for d in r.diagnostics}


def test_equal_zeros_are_left_as_read():
    """行政许可 and 其他对外管理服务事项 both print 上一年项目数量 0 on lines one after
    the other: left as read (an empty cell of these tables stands for none
    far more often than for a count not given)."""
    r = reportparse.parse_text(_text(filled=True, copy="0"))
    t = r.tables["proactive"]
    assert [t.rows[rid]["prev_items"].status for rid in ("licensing", "other_services")] == ["read", "read"]
    assert t.valid and "TBL_FILLED_NEIGHBOUR" not in {d.code for d in r.diagnostics}


def test_rows_with_words_between_them_are_no_pair():
    """其他对外管理服务事项 and 行政处罚 both read 4965 but a caption and a header
    line stand between them: no one cell spans both."""
    text = re.sub(r"(?m)^(其他对外管理服务事项)\t0\t", r"\1\t4965\t", _text(filled=True, copy="0"))
    r = reportparse.parse_text(text)
    assert r.tables["proactive"].valid and r.flat()["proactive.other_services.prev_items"] == 4965
    assert "TBL_FILLED_NEIGHBOUR" not in {d.code for d in r.diagnostics}


def test_a_correction_in_a_filled_grid_leaves_the_table_not_valid():
    """A held-out run of ``bench/grid_text.py`` (709306115+: each table's
    grid filled, TSV, an empty cell printed as the value above it): three
    cells of 三's 1.属于国家秘密 were empty and printed as the values of the
    row above (0, 0, 1 for 0, 1, 0: its sum unchanged), one of
    5.属于三类内部事务信息 too (0 for 1): that row's sum and 商业企业's
    column fell short by one, and the rules agreed on one misread where
    they cross — the printed 3 corrected to 4, and 三 valid with four values
    wrong. A copy is no misread: in text showing a filled grid, a table whose
    rules corrected a printed value is not valid."""
    report, truth = parsed_fixture("grid-tsv-merged-up-709306125.txt")
    cell = report.tables["applications"].rows["result.withheld.internal_affairs"]["business"]
    assert (cell.value, cell.raw, cell.status) == (4, "3", "corrected")  # the correction stands, marked
    assert not report.tables["applications"].valid and not report.valid
    assert "TBL_FILLED_CORRECTED" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("style", ["md", "csv"])
def test_a_filled_grid_is_seen_in_markdown_and_csv(style):
    """Docling's Markdown and CSV print a filled grid's label twice between
    pipes or commas, not tabs: seen there too (the same report as above
    printed so: 三 was valid with four values wrong)."""
    report, _ = parsed_fixture(f"grid-{style}-merged-up-709306125.txt")
    assert not report.tables["applications"].valid
    assert {"TBL_FILLED_NEIGHBOUR", "TBL_FILLED_CORRECTED"} <= {d.code for d in report.diagnostics}
