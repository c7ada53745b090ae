"""A section that prints its table twice, with other values (a department's
or last year's table beside the report's own): which print is the report's
the text does not say, so no table reads one of them as valid."""

from __future__ import annotations

import pytest

import reportparse

from generator import LAYOUTS, SECTION_SPANS, add_noise, make_report, with_second_print


def _cells(report, key):
    return {f"{key}.{r}.{c}": cell for r, cols in report.tables[key].rows.items() for c, cell in cols.items()}


@pytest.mark.parametrize("key", list(SECTION_SPANS))
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
    report = reportparse.parse_text(with_second_print(gen.text, other.text, key, before))
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


@pytest.mark.parametrize("key", list(SECTION_SPANS))
def test_a_table_printed_twice_alike_reads_as_once(key):
    """A page saved twice prints the same table twice: the prints agree, so
    nothing changes — the values read and the table valid as printed once."""
    gen = make_report(4, "ogi-2021", "tab")
    once = reportparse.parse_text(gen.text)
    twice = reportparse.parse_text(with_second_print(gen.text, gen.text, key, before=False))
    assert twice.tables[key].valid == once.tables[key].valid
    assert {k: v for k, v in twice.flat().items() if k.startswith(key + ".")} == \
        {k: v for k, v in once.flat().items() if k.startswith(key + ".")}
    assert "TBL_TWO_PRINTS" not in {d.code for d in twice.diagnostics}


def _with_sentence(text: str, numbers: dict[str, object]) -> str:
    """``text`` with a sentence before table 二 naming its rows, in the
    template's order, each with a number (a count in 件 is no cell value; an
    amount in 万元 is)."""
    sentence = (f"本年度主动公开规章{numbers['rules.issued']}件、行政规范性文件{numbers['normative_docs.issued']}件，"
                f"公开行政许可决定{numbers['licensing.decisions']}件、行政处罚决定{numbers['penalty.decisions']}件、"
                f"行政强制决定{numbers['coercion.decisions']}件，行政事业性收费{numbers['fees.amount']}万元。\n")
    head = text.index("\n", text.index("二、主动公开")) + 1
    return text[:head] + sentence + text[head:]


def test_a_sentence_stating_the_tables_numbers_changes_nothing():
    """Prose before table 二 naming its rows with the table's own numbers is
    no second table: the values read and the table valid as without it."""
    gen = make_report(4, "ogi-2021", "tab")
    own = {k.split(".", 1)[1]: v for k, v in gen.truth.items() if k.startswith("proactive.")}
    report = reportparse.parse_text(_with_sentence(gen.text, own))
    plain = reportparse.parse_text(gen.text)
    assert "TBL_TWO_PRINTS" not in {d.code for d in report.diagnostics}
    assert report.tables["proactive"].valid == plain.tables["proactive"].valid
    assert {k: v for k, v in report.flat().items() if k.startswith("proactive.")} == \
        {k: v for k, v in plain.flat().items() if k.startswith("proactive.")}


def test_a_sentence_stating_other_numbers_makes_the_table_not_valid():
    """The same sentence with other numbers than the table's: the text gives
    two values for the same rows and which is right it does not say — the
    table is not valid, its values placed (``TBL_TWO_PRINTS``)."""
    gen = make_report(4, "ogi-2021", "tab")
    own = {k.split(".", 1)[1]: v for k, v in gen.truth.items() if k.startswith("proactive.")}
    other = {k: round((v or 0) + 7, 2) for k, v in own.items() if v is not None}
    report = reportparse.parse_text(_with_sentence(gen.text, other))
    assert reportparse.parse_text(gen.text).tables["proactive"].valid
    table = report.tables["proactive"]
    assert not table.valid and "TBL_TWO_PRINTS" in {d.code for d in report.diagnostics}
    assert all(cell.status != "read" for cols in table.rows.values() for cell in cols.values())


@pytest.mark.parametrize("key", list(SECTION_SPANS))
@pytest.mark.parametrize("before", [False, True])
def test_a_print_whose_run_together_digits_read_nothing_still_makes_two(key, before):
    """Digits run together (``规章29518规范性文件01229…``) that no rule splits:
    one print reads no value at all, so nothing shows the prints differ —
    but it prints numbers right after its row labels, so it is a table, not
    a sentence: the other print's values are placed, never read, and the
    table is not valid."""
    for seed in range(700, 720):
        gen = make_report(seed, "ogi-2019", "runtogether")
        other = make_report(seed + 10**8, "ogi-2019", "runtogether")
        report = reportparse.parse_text(with_second_print(gen.text, other.text, key, before))
        table = report.tables[key]
        wrong = [(name, cell.value, cell.status) for name, cell in _cells(report, key).items()
                 if gen.truth.get(name) is not None and cell.value not in (None, gen.truth[name])]
        assert not (table.valid and wrong), (seed, wrong)
        assert all(status not in ("read", "inferred") for _, _, status in wrong), (seed, wrong)


@pytest.mark.parametrize("before", [False, True])
def test_prints_that_agree_on_the_few_cells_both_read_are_not_taken_as_alike(before):
    """Two run-together prints of 2019 二 with noise (spaces and line breaks in
    labels, ``(二）`` for ``（二）``): each print's digits split only in part,
    and the one cell both read holds the same value (行政许可's 0). Before,
    that made the prints alike and the section read as one: the other
    print's 行政事业性收费 was read. Both prints print numbers after their
    labels, and one gives values where the other's cells are unread, so
    nothing shows them alike: those values are placed, never read."""
    for seed in range(55742810, 55742830):
        gen = make_report(seed, "ogi-2019", "runtogether")
        other = make_report(seed + 10**8, "ogi-2019", "runtogether")
        text = add_noise(with_second_print(gen.text, other.text, "proactive", before), seed)
        report = reportparse.parse_text(text)
        wrong = [(name, cell.value, cell.status) for name, cell in _cells(report, "proactive").items()
                 if gen.truth.get(name) is not None and cell.value not in (None, gen.truth[name])]
        assert all(status not in ("read", "inferred") for _, _, status in wrong), (seed, wrong)
