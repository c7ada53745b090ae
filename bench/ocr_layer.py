"""Scans with another engine's OCR layer: generated reports rendered to PDF,
rasterised at 300 dpi and given tesseract's whole-page OCR as an invisible
text layer (``tesseract … pdf``, as ocrmypdf does), then parsed twice: from
that layer (the default) and with ``--ocr`` (the scan read again, tables
cell by cell).

    python bench/ocr_layer.py [--n 10] [--look simple|template]

Prints per way of reading: cells, accuracy, wrong, null, reports valid, tables
三 and 四 valid, and tables valid with a wrong value (must be 0). Needs
reportlab (dev extra), poppler-utils and tesseract with chi_sim and eng.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import reportparse  # noqa: E402
from reportparse import ParseOptions  # noqa: E402

from generator import make_report, render_pdf, searchable_scan  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10)
    ap.add_argument("--start", type=int, default=200, help="the first report's seed")
    ap.add_argument("--look", choices=("simple", "template"), default="simple")
    args = ap.parse_args()
    ways = {"text layer": ParseOptions(), "--ocr": ParseOptions(ocr=True)}
    stats = {w: [0] * 7 for w in ways}  # cells right wrong null valid t34-valid tables-vbw
    for seed in range(args.start, args.start + args.n):
        gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
        with tempfile.TemporaryDirectory() as tmp:
            render_pdf(gen, Path(tmp) / "r.pdf", look=args.look)
            pdf = searchable_scan(Path(tmp) / "r.pdf", Path(tmp) / "s.pdf")
            for way, opts in ways.items():
                report = reportparse.parse_file(pdf, opts)
                flat, s = report.flat(), stats[way]
                s[0] += len(gen.truth)
                s[1] += sum(flat[k] == v for k, v in gen.truth.items())
                s[2] += sum(flat[k] is not None and flat[k] != v for k, v in gen.truth.items())
                s[3] += sum(flat[k] is None for k in gen.truth)
                s[4] += report.valid
                s[5] += report.tables["applications"].valid + report.tables["appeals"].valid
                s[6] += sum(t.valid and any(flat[k] != v for k, v in gen.truth.items() if k.startswith(key + "."))
                            for key, t in report.tables.items())
        print(f"made {seed}", file=sys.stderr, flush=True)
    print(f"{'read from':<12}{'cells':>7}{'accuracy':>10}{'wrong':>8}{'null':>8}{'valid':>7}{'三/四 valid':>12}{'tables valid-but-wrong':>24}")
    for way, (cells, right, wrong, null, valid, t34, vbw) in stats.items():
        print(f"{way:<12}{cells:>7}{right / cells:>10.2%}{wrong / cells:>8.2%}{null / cells:>8.2%}{valid:>7}"
              f"{f'{t34}/{2 * args.n}':>13}{vbw:>24}")


if __name__ == "__main__":
    main()
