"""A section that prints its table twice, with other values (a department's
or last year's table beside the report's own): which print is the report's
the text does not say, so no table reads one of them as valid."""

from __future__ import annotations

import pytest

import reportparse

from generator import LAYOUTS, make_report

SECTIONS = {"proactive": ("二、主动公开", "三、收到和处理"), "applications": ("三、收到和处理", "四、政府信息公开行政复议"),
            "appeals": ("四、政府信息公开行政复议", "五、")}


def _with_second_print(text: str, other: str, key: str, before: bool) -> str:
    """``text`` with the table ``key`` of ``other`` printed in the same section,
    under a sub-heading, before or after the report's own."""
    first, nxt = SECTIONS[key]
    a, b = text.index(first), text.index(nxt, text.index(first))
    body = other[other.index(first):other.index(nxt, other.index(first))].split("\n", 1)[1]
    if before:
        head = text.index("\n", a) + 1
        return text[:head] + body + "\n（二）本机关情况\n" + text[head:]
    return text[:b] + "\n（二）县直部门情况\n" + body + text[b:]


def _cells(report, key):
    return {f"{key}.{r}.{c}": cell for r, cols in report.tables[key].rows.items() for c, cell in cols.items()}


@pytest.mark.parametrize("key", list(SECTIONS))
@pytest.mark.parametrize("before", [False, True])
@pytest.mark.parametrize("seed", [2, 6, 9, 13])  # layouts: layout, tab, pipes, lines
def test_two_prints_with_other_values_make_no_valid_table(key, before, seed):
    """Each print is whole and every rule holds over it, so the rules cannot
    tell which is the report's: before, the first was read (or 四's last)
    and the table came out valid with the other print's values. Now each
    print is read on its own: a value both give stands; where they differ
    the cell is empty (``TBL_TWO_PRINTS`` names it), and the table is not
    valid."""
    tpl = ("ogi-2021", "ogi-2019")[seed % 2]
    gen = make_report(seed, tpl, LAYOUTS[seed % len(LAYOUTS)])
    other = make_report(seed + 1000, tpl, LAYOUTS[seed % len(LAYOUTS)])
    report = reportparse.parse_text(_with_second_print(gen.text, other.text, key, before))
    table = report.tables[key]
    assert not table.valid
    note = next(d for d in report.diagnostics if d.code == "TBL_TWO_PRINTS")
    assert note.path == f"tables.{key}"
    for name, cell in _cells(report, key).items():
        if name not in gen.truth or gen.truth[name] is None:
            continue
        both = {gen.truth[name], other.truth.get(name)}
        if cell.value is not None and cell.status == "read":
            assert cell.value == gen.truth[name] == other.truth.get(name), name  # read only where the prints agree
        if len(both) == 2 and cell.status in ("read", "inferred"):
            assert cell.value is None or cell.value == gen.truth[name] and "inferred" == cell.status, name
    differing = [n for n in gen.truth if n.startswith(key + ".") and gen.truth[n] is not None
                 and other.truth.get(n) is not None and gen.truth[n] != other.truth[n]]
    assert differing and any(n.split(".", 1)[1] in note.message for n in differing)


@pytest.mark.parametrize("key", list(SECTIONS))
def test_a_table_printed_twice_alike_reads_as_once(key):
    """A page saved twice prints the same table twice: the prints agree, so
    nothing changes — the values read and the table valid as printed once."""
    gen = make_report(4, "ogi-2021", "tab")
    once = reportparse.parse_text(gen.text)
    twice = reportparse.parse_text(_with_second_print(gen.text, gen.text, key, before=False))
    assert twice.tables[key].valid == once.tables[key].valid
    assert {k: v for k, v in twice.flat().items() if k.startswith(key + ".")} == \
        {k: v for k, v in once.flat().items() if k.startswith(key + ".")}
    assert "TBL_TWO_PRINTS" not in {d.code for d in twice.diagnostics}


def test_a_sentence_naming_the_rows_is_no_second_print():
    """Prose before table 二 naming five of its rows in the template's order
    is no table: its few numbers fill too few cells to be a second print."""
    gen = make_report(4, "ogi-2021", "tab")
    sentence = "本年度主动公开规章2件、行政规范性文件5件，行政许可、行政处罚、行政强制决定及行政事业性收费信息均按时公开。\n"
    head = gen.text.index("\n", gen.text.index("二、主动公开")) + 1
    report = reportparse.parse_text(gen.text[:head] + sentence + gen.text[head:])
    assert "TBL_TWO_PRINTS" not in {d.code for d in report.diagnostics}
    assert {k: v for k, v in report.flat().items() if k.startswith("proactive.")} == \
        {k: v for k, v in reportparse.parse_text(gen.text).flat().items() if k.startswith("proactive.")}
