"""PDF speed, as ratios to pdfminer.six's own ``extract_text`` on the same
PDFs in one run: reportparse (full parse: text, grids, tables, rules) with
each PDF backend, pdfplumber's ``extract_tables`` and, when installed,
PyMuPDF (text + ``find_tables``) and camelot (lattice). Seconds per page
are the best of ``--repeat`` runs, the tools interleaved file by file.

    pip install -e '.[bench,pdfium]' && python bench/pdf_speed.py [--repeat 3]

The files: the real PDFs in ``corpus/real`` and three large generated
reports (one with a table over a page break).
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
from reportparse import ParseOptions  # noqa: E402

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
    tools = {"pdfminer extract_text": extract_text,
             "reportparse (pdfminer)": lambda p: reportparse.parse_file(p, ParseOptions(pdf_backend="pdfminer"))}
    try:
        import pypdfium2  # noqa: F401

        tools["reportparse (pdfium)"] = lambda p: reportparse.parse_file(p, ParseOptions(pdf_backend="pdfium"))
    except ImportError:
        print("pypdfium2 not installed (pip install -e '.[pdfium]'): the pdfium backend is skipped")
    if pdfplumber:
        tools["pdfplumber extract_tables"] = plumber
    try:
        import pymupdf as fitz

        def mupdf(path: Path) -> None:
            with fitz.open(path) as doc:
                for page in doc:
                    page.get_text()
                    page.find_tables()

        tools["PyMuPDF text+find_tables"] = mupdf
    except ImportError:
        print("PyMuPDF not installed: its column is skipped")
    try:
        import camelot

        tools["camelot lattice"] = lambda p: camelot.read_pdf(str(p), pages="all", flavor="lattice")
    except ImportError:
        print("camelot not installed: its column is skipped")
    totals = dict.fromkeys(tools, 0.0)
    pages = 0
    width = max(len(n) for n in tools) + 2
    print(f"{'file':<28}{'pages':>6}" + "".join(f"{name:>{width}}" for name in tools) + "   (s/page)")
    for path in pdfs:
        with open(path, "rb") as fh:
            n = sum(1 for _ in PDFPage.get_pages(fh))
        pages += n
        row = f"{path.name:<28}{n:>6}"
        for name, fn in tools.items():
            t = best_of(fn, path, args.repeat)
            totals[name] += t
            row += f"{t / n:>{width}.4f}"
        print(row)
    print(f"{'all':<28}{pages:>6}" + "".join(f"{totals[name] / pages:>{width}.4f}" for name in tools))
    base = totals["pdfminer extract_text"]
    print("ratio to pdfminer extract_text (lower is faster):")
    for name in tools:
        print(f"  {name:<{width}} {totals[name] / base:5.2f}x")


if __name__ == "__main__":
    main()
