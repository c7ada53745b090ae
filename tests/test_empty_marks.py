"""Cells printed as a mark for none (``—``, ``-``, ``/``, ``无``) instead of 0.

A mark is a printed cell without a value: it keeps its place among the row's
values in every layout (tab, one cell per line, aligned with spaces), stays
empty, and takes 0 only where the table's rules force 0 into it. A mark that
is part of something else (a rule line ``------``, a header OCR broke up) is
no cell. Generated reports (``tests/generator.py``); every layout.
"""

from __future__ import annotations

import random
import re

import pytest

import reportparse

from conftest import cell_at
from generator import LAYOUTS, make_report

_ZERO = re.compile(r"(?:(?<=[\t |])|^)0(?=[\t |]|$)")


def _marked(text: str, mark: str, share: float = 1.0, seed: int = 0) -> str:
    """The text with a share of its cells printed as 0 printed as ``mark``."""
    rng = random.Random(seed)
    return "\n".join(line if "。" in line else _ZERO.sub(lambda m: mark if rng.random() < share else "0", line)
                     for line in text.split("\n"))


@pytest.mark.parametrize("layout", [lay for lay in LAYOUTS if lay != "runtogether"])
@pytest.mark.parametrize("mark", ["—", "-", "/", "无", "nan"])
def test_zeros_printed_as_marks_are_forced_back_by_the_rules(layout, mark):
    """Every value of 三 and 四 is right or empty; a mark takes 0 only from
    the rules (status ``inferred``). A group printed all in marks, its total
    too, is left empty: no rule forces it. (``nan``: an empty cell as pandas
    writes a table ``read_html`` read.)"""
    gen = make_report(11, "ogi-2021", layout)
    plain = reportparse.parse_text(gen.text)
    report = reportparse.parse_text(_marked(gen.text, mark))
    forced = 0
    for key, want in gen.truth.items():
        if not key.startswith(("applications.", "appeals.")):
            continue
        cell = cell_at(report, key)
        assert cell.value in (want, None), (key, cell)
        if cell.raw == mark:
            assert want == 0 and cell.status in ("inferred", "placed", "missing"), (key, cell)
            forced += cell.status == "inferred"
        else:
            assert cell.value == cell_at(plain, key).value, (key, cell)
    assert forced >= 50
    assert report.tables["applications"].valid == plain.tables["applications"].valid


@pytest.mark.parametrize("layout", ["tab", "layout", "lines"])
def test_a_mark_in_table_two_holds_its_place_and_stays_empty(layout):
    """二 has no rule: its marks stay empty (CELL_EMPTY), and the values after
    them in the row are read in their own columns, not one place to the left."""
    gen = make_report(12, "ogi-2021", layout)
    report = reportparse.parse_text(_marked(gen.text, "—", share=0.5, seed=3))
    flat = report.flat()
    empty = [k for k, v in gen.truth.items() if k.startswith("proactive.") and flat[k] is None]
    assert empty and all(gen.truth[k] == 0 for k in empty)
    assert all(flat[k] == v for k, v in gen.truth.items() if k.startswith("proactive.") and flat[k] is not None)
    assert any(d.code == "CELL_EMPTY" and d.path == "tables.proactive" for d in report.diagnostics)
    assert not report.tables["proactive"].valid


def test_a_mark_where_the_total_needs_more_is_never_zero():
    """A row printed ``3 — 0 0 0 0 5``: the mark hides 2, not none. The rules may
    force 2 (with the column's rules behind it) or leave it empty; never 0."""
    gen = make_report(13, "ogi-2021", "tab")
    lines = gen.text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("一、本年新收"))
    cells = lines[at].split("\t")
    cells[2] = "—"  # 商业企业 of 本年新收, whatever it was
    lines[at] = "\t".join(cells)
    report = reportparse.parse_text("\n".join(lines))
    cell = cell_at(report, "applications.new.business")
    want = gen.truth["applications.new.business"]
    assert cell.value in (None, want)
    if want:
        assert cell.value != 0


def test_marks_inside_other_text_are_no_cells():
    """A rule line of dashes (pandoc's ``------``) and a dash among a broken
    header's words (OCR: ``于第三项加第四项之和)  然  -  六``) add no cell to the row above."""
    gen = make_report(14, "ogi-2021", "layout")
    lines = gen.text.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("二、上年结转"))
    for extra in ("  ----------------  ---------  ------", "于第三项加第四项之和)      然      -    六 | 潜"):
        report = reportparse.parse_text("\n".join(lines[:at + 1] + [extra] + lines[at + 1:]))
        assert all(report.flat()[k] == v for k, v in gen.truth.items() if k.startswith("applications.carried_over."))


def test_a_dash_glued_to_the_next_label_is_no_cell_of_the_row_above():
    """Whole-page tesseract text (bench/ocr/065.txt): OCR read the next row's
    item number as a dash glued to its words (``-部分公开《区分处理的…``); the
    label is found without it, and the dash that ends 予以公开's segment is no
    eighth value of that row (a mark stands alone, and this one is glued)."""
    import json

    from conftest import ROOT

    truth = json.loads((ROOT / "bench/ocr/065.truth.json").read_text(encoding="utf-8"))["truth"]
    flat = reportparse.parse_file(ROOT / "bench/ocr/065.txt").flat()
    row = [k for k in truth if k.startswith("applications.result.disclosed.")]
    assert len(row) == 7 and all(flat[k] == truth[k] for k in row)


@pytest.mark.parametrize("layout", ["tab", "layout", "lines"])
@pytest.mark.parametrize("sign", ["-", "—"])
def test_a_minus_sign_a_space_apart_is_never_dropped(layout, sign):
    """2019's 本年增/减 printed ``- 9`` (the sign a space apart): a mark and a
    number, or a negative number, but never 9 (one cell per line: the code
    before read 9)."""
    gen = make_report(41, "ogi-2019", layout)
    text = re.sub(r"(?:(?<=[\t ])|^)-(\d)", lambda m: f"{sign} {m.group(1)}", gen.text, flags=re.M)
    assert text != gen.text
    flat = reportparse.parse_text(text).flat()
    negative = [k for k, v in gen.truth.items() if isinstance(v, int) and v < 0]
    assert negative and all(flat[k] in (None, gen.truth[k]) for k in negative)


@pytest.mark.parametrize("form", ["- {}", "— {}"])
def test_a_spaced_minus_in_digits_run_together_is_never_dropped(form, monkeypatch):
    """Digits run together (``行政事业性收费0— 20``: 上一年项目数量 0, 本年增/减
    −20 printed with its sign a space apart): the dash glued to the 0 may be
    the next number's sign, so 20 is never read alone (the code before: 20)."""
    import generator

    plain = generator._fmt
    monkeypatch.setattr(generator, "_fmt", lambda v: form.format(plain(-v)) if isinstance(v, int) and v < 0 else plain(v))
    wrong = []
    for seed in range(700, 712):
        gen = make_report(seed, "ogi-2019", "runtogether", big=True)
        report = reportparse.parse_text(gen.text)
        for key, want in gen.truth.items():
            cell = cell_at(report, key)
            if cell is not None and cell.value is not None and cell.value != want and cell.status in ("read", "inferred"):
                wrong.append((seed, key, want, cell.value))
    assert wrong == []


@pytest.mark.parametrize("layout", ["lines", "runtogether", "tab"])
@pytest.mark.parametrize("form", ["{}-", "▼ {}", "▼{}", "▲{}"])
def test_a_sign_after_the_number_or_a_triangle_is_never_dropped(layout, form, monkeypatch):
    """本年增/减 printed ``20-`` (the sign after the number, or a cell run into
    it: ``13-0``) or with a triangle (``▼ 5``): never read as +20 or +5 (the
    code before: one cell per line and digits run together read them so)."""
    import generator

    plain = generator._fmt
    monkeypatch.setattr(generator, "_fmt", lambda v: form.format(plain(-v)) if isinstance(v, int) and v < 0 else plain(v))
    for seed in range(700, 706):
        gen = make_report(seed, "ogi-2019", layout, big=True)
        flat = reportparse.parse_text(gen.text).flat()
        assert all(flat[k] in (None, v) for k, v in gen.truth.items() if isinstance(v, int) and v < 0)


def test_a_line_of_words_before_a_row_of_four_changes_nothing_after_it():
    """Table 四's values read with the labels around them (``words``): a line
    of header words before the values line is read the same as without it (a
    first version of marks overwrote ``words`` per line and raised TypeError
    on whole-page OCR of a degraded real PDF)."""
    from reportparse.tables.cells import read_fields

    words = "结果维持纠正其他尚未审结总计"
    after = "总计了\t3\t0"
    alone = read_fields(after, range(len(after)), drop_first=False, words=words)
    text = "纠正 其他\n" + after
    both = read_fields(text, range(len(text)), drop_first=False, words=words)
    assert [v.raw for v in both.values] == [v.raw for v in alone.values] == ["了", "3", "0"]
