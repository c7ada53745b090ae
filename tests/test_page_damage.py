"""Real reports' text with a whole page lost, printed twice, or out of order.

A corpus's texts lose pages: a download cut short, a page dropped or doubled
when scans are stitched, two pages swapped by a scanner's feeder. The
bundled real PDFs' ``pdftotext`` texts (pages apart by form feeds) are
damaged every such way, one page at a time, and parsed: a table that lost
rows, or holds them twice or out of order, is never valid with a value
other than the hand-checked one, and no value at all comes out other than
printed (``bench/page_damage.py`` measures the same on generated PDFs).
"""

from __future__ import annotations

import pytest

import reportparse

from conftest import CORPUS, cells_of, golden_truth
from generator import page_damages

TEXTS = ["hongze-2023.pdftotext.txt", "hongze-2024.pdftotext.txt", "hongze-2024.pdftotext-layout.txt",
         "huaian-2024.pdftotext.txt", "huaian-2024.pdftotext-layout.txt"]


@pytest.mark.parametrize("name", TEXTS)
def test_a_page_lost_doubled_or_swapped_never_gives_a_wrong_value(name):
    truth = golden_truth(name.split(".")[0] + ".pdf")
    damages = page_damages((CORPUS / "real" / name).read_text(encoding="utf-8"))
    assert sum(how == "page dropped" for how, _, _ in damages) >= 5  # every page of the report
    valid_tables = 0
    for how, k, damaged in damages:
        report = reportparse.parse_text(damaged)
        wrong = {k: (c.value, truth[k], c.status) for k, c in cells_of(report)
                 if k in truth and c.value is not None and c.value != truth[k]}
        assert wrong == {}, (how, k + 1)
        valid_tables += sum(t.valid for t in report.tables.values())
    assert valid_tables > 0  # the damage leaves some tables whole, and those are read
