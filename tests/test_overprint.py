"""Text drawn twice in a PDF ("fake bold"): the PDF path keeps each character
once (``ingest.pdf_page.without_overprints``), and text a reader gave twice
is read once where the whole text was, and never read valid where only part
was (``reportparse.overprint``).

The PDFs are the generator's (reportlab), drawn with ``overprint``: a share
of their text drawings drawn again 0.3 pt to the right, as Word, WPS and print
drivers embolden a font with no bold face. Their text is pdfminer.six's own
``extract_text`` (it keeps both copies: ``1616`` for 16).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdfminer.high_level import extract_text

import reportparse
from reportparse import ParseOptions
from reportparse.overprint import find_overprint, halves, paired

from generator import LAYOUTS, add_noise, make_report, render_pdf


def _pdf(tmp_path, seed: int, overprint: float, name: str, times: int = 2):
    gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
    path = tmp_path / f"{name}.pdf"
    render_pdf(gen, path, look=("simple", "template")[seed % 2], overprint=overprint, times=times)
    return gen, path


def _values(report: reportparse.Report) -> dict:
    return {k: (t.valid, {r: {c: (cell.value, cell.status) for c, cell in cols.items()} for r, cols in t.rows.items()})
            for k, t in report.tables.items()}


@pytest.mark.parametrize("seed, share, times", [(41, 1.0, 2), (42, 1.0, 2), (43, 0.5, 2), (44, 0.3, 2), (46, 1.0, 3)])
def test_a_pdf_drawn_in_fake_bold_parses_as_the_same_pdf_drawn_once(tmp_path, seed, share, times):
    """Every table, value, status, heading and diagnostic as the PDF drawn
    once, with either backend (pdfminer gave every character twice, so its
    tables were empty or wrong; the boxes are the first copy's). Drawn three
    times, each copy 0.3 pt right of the last: the third is near the second,
    not always the first, and is dropped too."""
    gen, plain = _pdf(tmp_path, seed, 0.0, "plain")
    _, bold = _pdf(tmp_path, seed, share, "bold", times)
    want = reportparse.parse_file(plain, ParseOptions(pdf_backend="pdfminer")).to_dict()
    assert want["valid"] and all(want["tables"][k] for k in ("proactive", "applications", "appeals"))
    for backend in ("pdfminer", "pdfium"):
        got = reportparse.parse_file(bold, ParseOptions(pdf_backend=backend)).to_dict()
        assert {k: v for k, v in got.items() if k != "source"} == {k: v for k, v in want.items() if k != "source"}


@pytest.mark.parametrize("seed", [41, 42, 45])
def test_pdfminer_text_of_a_pdf_drawn_twice_throughout_reads_as_its_text_drawn_once(tmp_path, seed):
    """pdfminer's ``extract_text`` gives each line after itself and each value
    run twice (``1616``); read once, the report is the one its PDF drawn once
    gives through the same reader, every table and value alike."""
    _, plain = _pdf(tmp_path, seed, 0.0, "plain")
    _, bold = _pdf(tmp_path, seed, 1.0, "bold")
    text = extract_text(str(bold))
    assert any(line and line == line[: len(line) // 2] * 2 for line in text.splitlines())  # a run twice, as printed
    report = reportparse.parse_text(text)
    assert [d.code for d in report.diagnostics if d.code.startswith("INPUT_OVERPRINT")] == ["INPUT_OVERPRINTED"]
    assert _values(report) == _values(reportparse.parse_text(extract_text(str(plain))))


def _each_char_twice(line: str) -> str:
    return "".join(ch * 2 if not ch.isspace() else ch for ch in line)


def test_each_character_twice_throughout_is_read_once():
    """pdfplumber's text sorts the two copies' characters by place: ``规规章章
    443388`` for ``规章 438``."""
    gen = make_report(7, "ogi-2021", "tab")
    report = reportparse.parse_text("\n".join(_each_char_twice(ln) for ln in gen.text.splitlines()))
    assert [d.code for d in report.diagnostics if d.code.startswith("INPUT_OVERPRINT")] == ["INPUT_OVERPRINTED"]
    assert _values(report) == _values(reportparse.parse_text(gen.text))


def test_values_drawn_twice_in_a_text_only_part_of_which_was_leave_no_table_valid():
    """Headings and every third line drawn twice: ``11`` may be 1 drawn twice
    or 11 drawn once, which no rule decides (a row of single digits drawn
    twice keeps its sums: 1 + 2 = 3 as 11 + 22 = 33), so no table is valid;
    lines without digits are read once."""
    gen = make_report(8, "ogi-2019", "lines")
    lines = gen.text.splitlines()
    text = "\n".join(_each_char_twice(ln) if i % 3 == 0 else ln for i, ln in enumerate(lines))
    report = reportparse.parse_text(text)
    codes = [d.code for d in report.diagnostics]
    assert "INPUT_OVERPRINTED" in codes and "INPUT_OVERPRINT_DOUBT" in codes
    assert report.tables and not report.valid and not any(t.valid for t in report.tables.values())


def test_only_lines_without_digits_drawn_twice_keep_the_tables_valid():
    """A bold title and bold headings (no digit drawn twice): read once, every value as printed."""
    gen = make_report(9, "ogi-2021", "tab")
    lines = gen.text.splitlines()
    text = "\n".join(ln + "\n" + ln if ln.strip() and not any(c.isdigit() for c in ln) else ln for ln in lines)
    report = reportparse.parse_text(text)
    assert "INPUT_OVERPRINTED" in [d.code for d in report.diagnostics]
    assert "INPUT_OVERPRINT_DOUBT" not in [d.code for d in report.diagnostics]
    assert _values(report) == _values(reportparse.parse_text(gen.text)) and report.valid


@given(st.integers(0, 10**6), st.sampled_from(LAYOUTS), st.booleans())
def test_a_report_drawn_once_is_never_read_as_drawn_twice(seed, layout, noisy):
    gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout)
    text = add_noise(gen.text, seed) if noisy else gen.text
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    assert find_overprint(text, zip(starts, text.split("\n"), strict=True)) is None


def test_a_run_twice_and_each_character_twice():
    assert halves("1616") == 2 and halves("  信息内容 信息内容 ") == 6 and halves("规章 438 规章 438") == 6
    assert halves("100") == 0 and halves("0") == 0 and halves("1 2 3") == 0
    assert paired("规规章章 443388") and paired("00") and not paired("100") and not paired("规章")


def test_bold_labels_beside_values_drawn_once_are_read_once():
    """The commonest fake bold: headings, labels and header cells bold, the
    values not (pdfplumber's text: ``规规章章 438 0 0``). The words without
    a digit are read once, on the lines with values too, and every value
    is read as printed: the report the text drawn once gives."""
    gen = make_report(12, "ogi-2021", "tab")

    def bold_words(line: str) -> str:
        return "\t".join(_each_char_twice(w) if w and not any(c.isdigit() for c in w) else w for w in line.split("\t"))

    report = reportparse.parse_text("\n".join(bold_words(ln) for ln in gen.text.splitlines()))
    codes = [d.code for d in report.diagnostics]
    assert "INPUT_OVERPRINTED" in codes and "INPUT_OVERPRINT_DOUBT" not in codes
    assert _values(report) == _values(reportparse.parse_text(gen.text)) and report.valid
