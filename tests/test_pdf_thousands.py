"""Generated PDFs whose numbers of 1000 or more carry thousands separators
(``4,554``, ``7,730.28``; ``4, 554`` as OCR and some producers print them),
through real poppler ``pdftotext`` and real pdfminer.six: a separated number
is read whole or not at all, and no table is valid with a wrong value (the
probe of stop 65, ``bench/pdf_text_tools.py --thousands``: 40 reports, 25
tools, 0 valid-but-wrong)."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest
from pdfminer.high_level import extract_text

import reportparse

from conftest import cells_of
from generator import make_report, render_pdf, separated


def _pdf(tmp_path, seed: int, spaced: bool):
    """Report ``seed`` with large numbers rendered to a ruled PDF, those of 1000 or more separated."""
    gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab", big=True)
    shown = dataclasses.replace(gen, truth={k: separated(v, spaced) for k, v in gen.truth.items()})
    path = tmp_path / f"{seed}.pdf"
    render_pdf(shown, path, ruled=True, look="simple")
    return gen, path


def _pdftotext(path, *flags: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) not installed")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *flags, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _wrong(report, truth) -> tuple[list[str], list[str]]:
    """The keys whose value is wrong: all of them, and those in a valid table."""
    wrong = [k for k, c in cells_of(report) if c.value is not None and truth.get(k) is not None and c.value != truth[k]]
    return wrong, [k for k in wrong if report.tables[k.split(".")[0]].valid]


@pytest.mark.parametrize("seed", [404, 409])
def test_separated_numbers_in_pdftotext_layout_are_read_whole(tmp_path, seed):
    """Aligned text (``规章  1,471  536  3,782``): every separated value read as its number, none wrong."""
    gen, path = _pdf(tmp_path, seed, spaced=False)
    text = _pdftotext(path, "-layout")
    report = reportparse.parse_text(text)
    big = [k for k, v in gen.truth.items() if isinstance(v, int | float) and v >= 1000]
    assert big and re.search(r"\d,\d{3}", text)
    got = report.flat()
    assert _wrong(report, gen.truth)[0] == []
    assert sum(got[k] == gen.truth[k] for k in big) >= len(big) // 2
    assert report.tables["appeals"].valid


@pytest.mark.parametrize("seed", [403, 406, 411])
@pytest.mark.parametrize("tool", ["pdftotext", "pdftotext -layout", "pdftotext -raw", "pdfminer"])
def test_separated_numbers_never_make_a_valid_table_wrong(tmp_path, seed, tool):
    """With a space after each separator too (``4, 554``: two numbers at
    first sight), in every tool's text: a wrong value is never in a valid
    table, and a separated number is never read as one of its groups."""
    gen, path = _pdf(tmp_path, seed, spaced=seed % 4 == 3)
    text = extract_text(path) if tool == "pdfminer" else _pdftotext(path, *tool.split()[1:])
    report = reportparse.parse_text(text)
    assert _wrong(report, gen.truth)[1] == []
    big = {k for k, v in gen.truth.items() if isinstance(v, int | float) and v >= 1000}
    assert big
    assert [k for k, c in cells_of(report) if k in big and c.status == "read" and c.value != gen.truth[k]] == []
