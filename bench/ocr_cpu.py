"""Where the OCR path's CPU goes: reportparse's own (page measuring, grids,
cell crops, voting, parsing) against tesseract's and pdftoppm's (child
processes), for a real report rasterised at 300 dpi.

    python bench/ocr_cpu.py [--pdf corpus/real/hongze-2023.pdf]

Needs pdftoppm and tesseract with chi_sim and eng (``.ci/run`` installs them).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import reportparse  # noqa: E402
from reportparse import ParseOptions  # noqa: E402

from generator import scan_pdf  # noqa: E402


def cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", default=str(ROOT / "corpus/real/hongze-2023.pdf"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scan = scan_pdf(Path(args.pdf), Path(tmp) / "scan.pdf", 300)
        own0, kids0, t0 = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
        report = reportparse.parse_file(scan, ParseOptions(ocr=True))
        own, kids = cpu(resource.RUSAGE_SELF) - own0, cpu(resource.RUSAGE_CHILDREN) - kids0
    print(f"{Path(args.pdf).name} at 300 dpi, {report.source.pages} pages: wall {time.perf_counter() - t0:.1f} s; "
          f"CPU reportparse {own:.2f} s, tesseract + pdftoppm {kids:.2f} s; reportparse's share {100 * own / (own + kids):.1f}%")


if __name__ == "__main__":
    main()
