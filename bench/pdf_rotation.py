"""PDF pages turned: drawn sideways and turned upright by ``/Rotate`` (a
landscape page as some producers write one), drawn sideways and shown so (a
wide table printed across a portrait page), or drawn upright and shown
turned by ``/Rotate`` alone; every page of a report, or every other page.

    python bench/pdf_rotation.py [--count 8] [--fresh-seed N]

Generated reports (both templates and both table looks by turns) are rendered
to PDF (``tests/generator.render_pdf``), their pages turned with PDFium
(pypdfium2, in the dev extra), and parsed with each backend. Printed per
case and backend: cells right, wrong (of those, how many are not flagged),
empty, tables valid, tables valid with a wrong value; and how many PDFs gave
another report with the other backend (must be 0).

Seeds 73000+ were read while writing the pages' turning
(``pdf_pdfium._page_ctm``, ``pdf_page.upright``): **tuning**; fresh seeds
drawn at run time are held out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

from generator import make_report, render_pdf, turn_pages  # noqa: E402

CASES = {  # name: (content turned a quarter: 90 left, 270 right, 0 not; /Rotate; every page, else every other)
    "sideways, /Rotate 90 turns it upright": (90, 90, True),
    "sideways, /Rotate 270 turns it upright": (270, 270, True),
    "sideways to the left, shown so": (90, 0, True),
    "sideways to the right, shown so": (270, 0, True),
    "upright, /Rotate 90": (0, 90, True),
    "upright, /Rotate 180": (0, 180, True),
    "upright, /Rotate 270, every other page": (0, 270, False),
}


def _values(report) -> str:
    return json.dumps({k: v for k, v in report.flat().items() if k.split(".")[0] in report.tables}, sort_keys=True)


def run(base: int, count: int, tmp: Path) -> dict[str, dict[str, int]]:
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for seed in range(base, base + count):
        gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
        src = tmp / f"{seed}.pdf"
        render_pdf(gen, src, look=("simple", "template")[seed // 2 % 2])
        for name, (quarter, rotate, every) in CASES.items():
            pdf = tmp / f"{seed}-turned.pdf"
            turn_pages(src, pdf, quarter, rotate, every)
            got = {}
            for backend in ("pdfminer", "pdfium"):
                got[backend] = reportparse.parse_file(pdf, reportparse.ParseOptions(pdf_backend=backend))
                tally(got[backend], gen.truth, tot[f"{name}: {backend}"])
            tot[f"{name}: pdfium"]["other"] += _values(got["pdfminer"]) != _values(got["pdfium"])
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=8, help="reports (each turned every way)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    print(f"{'case: backend':<58}{HEAD}{'other report':>14}")
    with tempfile.TemporaryDirectory(prefix="rp-rotation-") as tmp:
        for name, t in run(fresh, args.count, Path(tmp)).items():
            print(f"{row(name, t, 58)}{t['other'] if name.endswith('pdfium') else '':>14}", flush=True)
    print(f"(fresh seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
