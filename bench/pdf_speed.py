"""PDF speed: seconds per page, on the same PDFs in one run, for
reportparse (full parse: text, grids, tables, rules), pdfminer.six's own
``extract_text``, and pdfplumber's ``extract_tables`` (bench extra).

    pip install -e '.[bench]' && python bench/pdf_speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import reportparse  # noqa: E402

from generator import make_report, render_pdf  # noqa: E402


def best_of(fn, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    try:
        import pdfplumber
    except ImportError:
        pdfplumber = None
        print("pdfplumber not installed (pip install -e '.[bench]'): its column is skipped")

    def plumber(path: Path) -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()

    tmp = Path(tempfile.mkdtemp())
    pdfs = sorted((ROOT / "corpus/real").glob("*.pdf"))
    for i in range(3):
        p = tmp / f"generated-{i}.pdf"
        render_pdf(make_report(i, ("ogi-2021", "ogi-2019")[i % 2], "tab", big=True), p, split_table=i == 0)
        pdfs.append(p)
    tools = {"reportparse": reportparse.parse_file, "pdfminer extract_text": extract_text}
    if pdfplumber:
        tools["pdfplumber extract_tables"] = plumber
    totals = dict.fromkeys(tools, 0.0)
    pages = 0
    print(f"{'file':<28}{'pages':>6}" + "".join(f"{name:>28}" for name in tools) + "   (s/page)")
    for path in pdfs:
        with open(path, "rb") as fh:
            n = sum(1 for _ in PDFPage.get_pages(fh))
        pages += n
        row = f"{path.name:<28}{n:>6}"
        for name, fn in tools.items():
            t = best_of(fn, path, args.repeat)
            totals[name] += t
            row += f"{t / n:>28.4f}"
        print(row)
    print(f"{'all':<28}{pages:>6}" + "".join(f"{totals[name] / pages:>28.4f}" for name in tools))
    base = totals["pdfminer extract_text"]
    print(f"reportparse / extract_text = {totals['reportparse'] / base:.2f}x", end="")
    if pdfplumber:
        print(f"; reportparse / pdfplumber = {totals['reportparse'] / totals['pdfplumber extract_tables']:.2f}x")
    else:
        print()


if __name__ == "__main__":
    main()
