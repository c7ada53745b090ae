"""The prose as evidence (issue 18, item 6): digits run together in a table
row that several splits fit (``行政规范性文件8855698``) are decided when the
report's own prose states one of the row's values — the cells ``inferred``,
the statement named with its place, the table not claimed valid (the
statement may speak of something else) — and never when the prose is
ambiguous or what it states is too short to tell from chance.
The statement patterns are grammar data (``[[tables.statements]]``)."""

from __future__ import annotations

import tomllib

import pytest
import regex

import reportparse
from reportparse.datafiles import grammars_folder
from reportparse.errors import GrammarError
from reportparse.grammar import load_grammars, parse_template

ROW = "normative_docs"


def _text(prose: str, digits: str = "8855698") -> str:
    from generator import make_report

    gen = make_report(7, "ogi-2021", "runtogether", big=True)
    text = regex.sub(r"行政规范性文件\d+第二十条", f"行政规范性文件{digits}第二十条", gen.text, count=1)
    return text.replace("全年主动公开政府信息若干条。", "全年主动公开政府信息若干条。" + prose)


def _report(prose: str, digits: str = "8855698") -> reportparse.Report:
    return reportparse.parse_text(_text(prose, digits))


def _cells(r: reportparse.Report) -> list:
    return [c.value for c in r.tables["proactive"].rows[ROW].values()]


def test_without_prose_the_run_together_row_stays_empty():
    r = _report("")
    assert _cells(r) == [None, None, None]
    assert any(d.code == "TBL_SPLIT_AMBIGUOUS" and d.path == f"tables.proactive.{ROW}" for d in r.diagnostics)


def test_the_prose_stating_two_of_the_values_decides_the_split():
    text = _text("集中公开现行有效行政规范性文件698件。本年度制发的规范性文件88件。")
    r = reportparse.parse_text(text)
    assert _cells(r) == [88, 55, 698]
    assert {c.status for c in r.tables["proactive"].rows[ROW].values()} == {"inferred"}
    # each statement named, its location its place in the input
    notes = [d for d in r.diagnostics if d.code == "TBL_SPLIT_PROSE"]
    assert sorted(text[d.location.start:d.location.end] for d in notes) == ["制发的规范性文件88件", "现行有效行政规范性文件698件"]
    # the statement may be about something else and still fit a split: the table does not claim validity
    assert not r.tables["proactive"].valid
    assert any(d.code == "TBL_UNANCHORED" and "prose" in d.message for d in r.diagnostics)


def test_one_stated_value_keeps_only_the_cells_every_remaining_split_agrees_on():
    r = _report("现行有效行政规范性文件698件。")
    assert _cells(r)[2] == 698 and r.tables["proactive"].rows[ROW]["in_force"].status == "inferred"
    assert not r.tables["proactive"].valid


def test_prose_that_states_two_values_for_one_cell_is_no_evidence():
    r = _report("区本级制发规范性文件88件，各部门制发规范性文件12件。现行有效规范性文件共698件，现行有效规范性文件为5件。")
    assert _cells(r) == [None, None, None]
    assert not any(d.code == "TBL_SPLIT_PROSE" for d in r.diagnostics)


def test_a_short_stated_value_is_too_weak_to_decide():
    """制发88件 alone: two digits match some split of most digit runs by chance."""
    r = _report("本年度制发的规范性文件88件。")
    assert _cells(r) == [None, None, None]
    assert not any(d.code == "TBL_SPLIT_PROSE" for d in r.diagnostics)


def test_prose_no_split_agrees_with_speaks_of_something_else():
    r = _report("本年度制发的规范性文件789件。")
    assert _cells(r) == [None, None, None]
    assert not any(d.code == "TBL_SPLIT_PROSE" for d in r.diagnostics)


def test_a_row_the_digits_decide_alone_is_read_not_inferred():
    r = _report("本年度制发的规范性文件0件。", digits="000")
    assert _cells(r) == [0, 0, 0]
    assert {c.status for c in r.tables["proactive"].rows[ROW].values()} == {"read"}


def test_statement_patterns_are_grammar_data_checked_at_load():
    t = load_grammars().templates["ogi-2021"].tables["proactive"]
    assert {(s.row, s.column) for s in t.statements} >= {(ROW, "issued"), (ROW, "repealed"), (ROW, "in_force")}
    data = tomllib.loads((grammars_folder() / "ogi-2021.toml").read_text(encoding="utf-8"))
    for bad, why in (({"cell": f"{ROW}.issued", "patterns": ["制发规范性文件件"]}, "{n}"),
                     ({"cell": f"{ROW}.decisions", "patterns": ["制发{n}件"]}, "not a row.column"),
                     ({"cell": f"{ROW}.issued", "patterns": ["制发({n}件"]}, "not a valid pattern")):
        data["tables"][0]["statements"] = [bad]
        with pytest.raises(GrammarError, match=regex.escape(why)):
            parse_template(data, "ogi-2021.toml")
