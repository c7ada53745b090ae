"""Reports as poppler's ``pdftotext`` writes them, with cells printed as nothing.

    python bench/pdftotext_blanks.py [--count 40] [--drop 0.03] [--fresh-seed N]

Generated reports are rendered to PDF (``tests/generator.render_pdf``: ruled
or whitespace-aligned, the simple or the template look, table 三 split over
a page in one report of five) with a share ``--drop`` of their cells printed
empty, then turned into text by ``pdftotext`` in its three modes: ``default``
(reading order: a table's cells one per line, rows broken up), ``-layout``
(space-aligned columns, where an empty cell is only wider spacing) and
``-raw`` (content-stream order). Each text is parsed and every cell compared
with the generator's value: a cell printed empty is right when it comes out
empty or forced to its true value by the rules. Printed per mode: cells
right, wrong and left empty, tables valid, and tables valid with a wrong
value (must be 0).

Seed sets: 62000+ and 64000+ (the two trust fixes of 2026-12-04 came from
reading their default-mode output: **tuning**), and fresh seeds drawn at run
time (held out; ``--fresh-seed N`` repeats a run). Needs poppler-utils and
reportlab (dev).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import HEAD, TALLY, blanked_pdf, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

MODES = {"default": [], "layout": ["-layout"], "raw": ["-raw"]}


def run(start: int, count: int, mode: str, drop: float, tmp: Path) -> dict[str, int]:
    tot = dict.fromkeys(TALLY, 0)
    for seed in range(start, start + count):
        pdf = tmp / f"{seed}.pdf"
        gen = blanked_pdf(seed, drop, pdf)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", *MODES[mode], str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        report = reportparse.parse_text(text)
        tally(report, gen.truth, tot)
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=40, help="reports per seed set and mode")
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells printed empty")
    fresh_seed_option(ap)
    args = ap.parse_args()
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext (poppler-utils) is not installed")
    fresh = fresh_base(args)
    print(f"{'set':<34}{'mode':<9}{HEAD}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, start in (("seeds 62000+ (tuning)", 62000), ("seeds 64000+ (tuning)", 64000),
                            (f"fresh seeds {fresh}+ (held out)", fresh)):
            for mode in MODES:
                t = run(start, args.count, mode, args.drop, Path(tmp))
                print(row(f"{name:<34}{mode}", t, 43))
    print(f"(--fresh-seed {fresh} repeats the held-out rows; --drop {args.drop})")


if __name__ == "__main__":
    main()
