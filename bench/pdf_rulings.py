"""PDF tables drawn with only some of their lines, on fresh seeds.

    python bench/pdf_rulings.py [--count 60] [--fresh-seed N] [--ocr]

Real reports draw their tables in more ways than a full grid: lines between
the rows only, lines between the columns only (each column then one ruled
cell holding a value per row), a three-line table (三线表: a line above the table, one under
its head, one below), or no lines at all. Generated reports (2021 and 2019
templates by turns, the simple and the template look, 三 split over a page
in one of five) are rendered with each of these rulings and 3% of their
cells printed empty, and parsed with both PDF backends (pypdfium2 when
installed). Every cell is compared with the generator's value, as the flat
output gives it (``scoring.tally``): right, wrong (and of those, not
flagged as a ``conflict``), empty (of which ``placed``), tables valid, and
tables valid with a wrong value (must be 0). With ``--ocr`` each PDF is
also scanned at 200 dpi (``tests/generator.scan_pdf``) and read by
reportparse's own OCR (``ParseOptions(ocr=True)``; tesseract and pdftoppm
needed), about 3 s a report.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, TALLY, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402
from reportparse import ParseOptions  # noqa: E402
from reportparse.ingest.pdf import pdfium_available  # noqa: E402

RULINGS = {"grid": True, "rows only": "rows", "columns only": "columns", "three-line": "threeline", "none": False}


def main() -> None:
    from generator import make_report, render_pdf, scan_pdf

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=60, help="reports per ruling")
    fresh_seed_option(ap)
    ap.add_argument("--ocr", action="store_true", help="also read a 200 dpi scan of each PDF with --ocr")
    args = ap.parse_args()
    fresh = fresh_base(args)
    backends = ["pdfminer", *(["pdfium"] if pdfium_available() else []), *(["ocr"] if args.ocr else [])]
    tots = {(name, b): dict.fromkeys(TALLY, 0) for name in RULINGS for b in backends}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(fresh, fresh + args.count):
            rng = random.Random(seed * 7 + 1)
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
            blank = {k for k, v in gen.truth.items() if v is not None and rng.random() < 0.03}
            shown = dataclasses.replace(gen, truth={k: ("" if k in blank else v) for k, v in gen.truth.items()})
            for name, ruled in RULINGS.items():
                pdf = Path(tmp) / "r.pdf"
                render_pdf(shown, pdf, ruled=ruled, look=("simple", "template")[seed // 2 % 2], split_table=seed % 5 == 0)
                for b in backends:
                    if b == "ocr":
                        scan_pdf(pdf, Path(tmp) / "scan.pdf", dpi=200)
                        report = reportparse.parse_file(Path(tmp) / "scan.pdf", ParseOptions(ocr=True))
                    else:
                        report = reportparse.parse_file(pdf, ParseOptions(pdf_backend=b))
                    tally(report, gen.truth, tots[(name, b)])
    print(f"{'ruling':<14}{'backend':<10}{HEAD}")
    for (name, b), t in tots.items():
        print(row(f"{name:<14}{b}", t, 24))
    print(f"fresh seeds {fresh}+, {args.count} reports per ruling (--fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
