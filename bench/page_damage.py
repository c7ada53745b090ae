"""Text tools' output of a PDF with a page lost, printed twice, or out of order.

    python bench/page_damage.py [--count 25] [--drop 0.03] [--fresh-seed N] [--scan]

A corpus's texts lose whole pages: a download cut short, a page dropped or
doubled when scans are stitched, two pages swapped by a scanner's feeder.
Generated reports are rendered to PDF (``scoring.blanked_pdf``: ruled or
whitespace-aligned, both looks, 三 split over a page in one report of five;
a share ``--drop`` of the cells printed empty) and turned into text by
``pdftotext`` (default and ``-layout``) and pdfplumber (``layout=True``),
pages apart by form feeds. Each text is then damaged every way there is, one
page at a time: each page dropped, each page printed twice, each two pages
side by side swapped; and parsed. With ``--scan`` each PDF is first a
searchable scan (``tests/generator.searchable_scan``: 300 dpi, tesseract's
whole-page OCR as an invisible text layer, as ocrmypdf makes one), so the
tools read OCR text (slow: about 20 s a report).

Printed per tool and damage: cells right (a cell on a page lost counts as
empty), wrong, and left empty, tables valid, and tables valid with a wrong
value (must be 0). Added at stop 64; no rule was written on its texts: every
seed is held out (``--fresh-seed N`` repeats a run). Needs poppler-utils and
reportlab (dev); pdfplumber for its rows; tesseract (chi_sim) for ``--scan``.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import (  # noqa: E402
    HEAD,
    TALLY,
    blanked_pdf,
    fresh_base,
    fresh_seed_option,
    parse_tool_text,
    pdftotext_reader,
    row,
    tally,
)


def _pdfplumber_layout(pdf: Path) -> str:
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return "\f".join(page.extract_text(layout=True) or "" for page in doc.pages)


def run(start: int, count: int, tools: dict[str, Callable[[Path], str]], drop: float, scan: bool,
        tmp: Path) -> dict[str, dict[str, int]]:
    from generator import page_damages, searchable_scan

    tots: dict[str, dict[str, int]] = {}
    for seed in range(start, start + count):
        pdf = tmp / f"{seed}.pdf"
        gen = blanked_pdf(seed, drop, pdf)
        if scan:
            pdf = searchable_scan(pdf, tmp / f"{seed}-scan.pdf")
        for name, read in tools.items():
            for how, _, text in page_damages(read(pdf)):
                tally(parse_tool_text(text), gen.truth, tots.setdefault(f"{name:<20}{how}", dict.fromkeys(TALLY, 0)))
    return tots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=25, help="reports")
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells printed empty")
    ap.add_argument("--scan", action="store_true", help="the tools read a searchable scan of each PDF (tesseract's OCR layer)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext (poppler-utils) is not installed")
    if args.scan and not shutil.which("tesseract"):
        sys.exit("--scan needs tesseract (tesseract-ocr, tesseract-ocr-chi-sim)")
    tools = {"pdftotext": pdftotext_reader(), "pdftotext -layout": pdftotext_reader("-layout")}
    if importlib.util.find_spec("pdfplumber"):
        tools["pdfplumber layout"] = _pdfplumber_layout
    fresh = fresh_base(args)
    with tempfile.TemporaryDirectory() as tmp:
        tots = run(fresh, args.count, tools, args.drop, args.scan, Path(tmp))
    print(f"{'tool':<20}{'damage':<15}{HEAD}")
    for name, t in tots.items():
        print(row(name, t, 35))
    print(f"(fresh seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run; --drop {args.drop}"
          + ("; searchable scans" if args.scan else "") + ")")


if __name__ == "__main__":
    main()
