"""OCR of real reports: each bundled real PDF that has a hand-checked golden
file is rasterised at 300 dpi into an image-only PDF (what a scanner gives;
with ``--angle``, fed in askew; ``--paper``/``--ink``/``--jpeg``: grey paper,
faded ink, stored as JPEG; ``--speckle``: dust), then parsed with ``--ocr``; every table cell
is compared with the golden values.

    python bench/ocr_real.py [--dpi 300] [--angle 1.5] [--paper 229 --ink 30 --jpeg 75] [--speckle 0.005]

Needs reportlab (dev extra), poppler-utils and tesseract with chi_sim and eng.
Prints per report: cells, right, wrong, null, which tables came out valid
(``y``/``n`` for 二 三 四: in OCR output table 二, which no rule checks, never
is, so neither is the report), the golden header fields
(issuer, 发文字号, title, year) read right, seconds per page; then every wrong
value with the text it was read from and its status.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import reportparse  # noqa: E402
from reportparse import ParseOptions  # noqa: E402
from reportparse.grammar import load_grammars  # noqa: E402

from generator import scan_pdf  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--angle", type=float, default=0.0, help="turn each scanned page this many degrees (askew)")
    ap.add_argument("--paper", type=int, default=255, help="grey level of the scanned paper (255: white)")
    ap.add_argument("--ink", type=int, default=0, help="grey level of the scanned ink (0: black)")
    ap.add_argument("--jpeg", type=int, default=None, help="store each page as a JPEG of this quality")
    ap.add_argument("--speckle", type=float, default=0.0, help="turn this share of the pixels black or white at random")
    args = ap.parse_args()
    print(f"{'report':<16}{'cells':>6}{'right':>7}{'wrong':>7}{'null':>6}{'valid 二三四':>11}{'header':>8}{'s/page':>8}")
    total = [0, 0, 0, 0]
    wrongs: list[str] = []
    headers = [0, 0]
    for golden in sorted((ROOT / "tests/golden").glob("*.pdf.expected.json")):
        exp = json.loads(golden.read_text(encoding="utf-8"))
        name = golden.name.removesuffix(".pdf.expected.json")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "scan.pdf"
            scan_pdf(ROOT / exp["source"], path, args.dpi, angle=args.angle, paper=args.paper, ink=args.ink, jpeg=args.jpeg,
                     speckle=args.speckle)
            t0 = time.perf_counter()
            report = reportparse.parse_file(path, ParseOptions(ocr=True))
            secs = time.perf_counter() - t0
        tpl = load_grammars().templates[report.template]
        n = right = wrong = null = 0
        for tkey, rows in exp["tables"].items():
            for rid, values in rows.items():
                for col, want in zip(tpl.tables[tkey].row(rid).columns, values, strict=True):
                    cell = report.tables[tkey].rows[rid][col]
                    got = cell.value
                    n += 1
                    right += got == want
                    wrong += got is not None and got != want
                    if got is not None and got != want:
                        wrongs.append(f"{name} {tkey}.{rid}.{col}: {got} (read from {cell.raw!r}, {cell.status}), printed {want}")
                    null += got is None and want is not None
        total = [a + b for a, b in zip(total, (n, right, wrong, null), strict=True)]
        header = sum(getattr(report.header, k).value == v for k, v in exp["header"].items())
        headers = [a + b for a, b in zip(headers, (header, len(exp["header"])), strict=True)]
        fields = f"{header}/{len(exp['header'])}"
        print(f"{name:<16}{n:>6}{right:>7}{wrong:>7}{null:>6}{' '.join('yn'[not t.valid] for t in report.tables.values()):>13}{fields:>8}{secs / report.source.pages:>8.1f}")
    n, right, wrong, null = total
    print(f"{'all':<16}{n:>6}{right:>7}{wrong:>7}{null:>6}   accuracy {right / n:.2%}, wrong {wrong / n:.2%}, "
          f"null {null / n:.2%}; header fields {headers[0]}/{headers[1]}")
    for line in wrongs:
        print("wrong:", line)


if __name__ == "__main__":
    main()
