"""Reports as other PDF libraries write their text, with cells printed as nothing.

    python bench/pdf_text_tools.py [--count 40] [--drop 0.03] [--fresh-seed N] [--only camelot,tabula] [--thousands]

Generated reports are rendered to PDF (``tests/generator.render_pdf``, as in
``bench/pdftotext_blanks.py``: ruled or whitespace-aligned, both looks, 三
split over a page in one report of five) with a share ``--drop`` of their
cells printed empty, then turned into text by each library installed:

* pypdf ``extract_text()``, and with ``extraction_mode="layout"``;
* PyMuPDF ``get_text()``, and with ``sort=True`` (blocks by position);
* pdfplumber ``extract_text()``, and with ``layout=True`` (lines padded to the
  page's width);
* pdfminer.six ``extract_text()`` (column order; see ``bench/pdfminer_text.py``);
* pypdfium2 (PDFium) ``get_text_range()`` of each page (added 2026-12-07);
* pymupdf4llm ``to_markdown()`` (Markdown for language models: tables it
  finds as pipe tables, lines of a cell joined by ``<br>``; added 2026-12-06),
  and its ``to_text()`` (tables drawn as ``+---+`` grids; added at stop 64);
* pdfplumber ``extract_tables()`` alone, written by Python's ``csv`` (a
  table extractor's output: no text but the ruled tables' cells, a wrapped
  label's line break inside its quoted field; added at stop 61, whose fix
  of such fields was written on seeds 384063554+: tuning);
* poppler's ``pdftohtml`` (when installed), as crawls keep PDFs converted:
  ``-s`` HTML (a positioned ``<p>`` per run of a line) and ``-xml`` (a
  ``<text>`` element per run), parsed as the files they are
  (``parse_bytes``: the HTML ingest);
* Ghostscript's ``txtwrite`` device (when ``gs`` is installed: Debian's
  ghostscript): text aligned with spaces, a run in another font set on a
  line of its own), and Apache PDFBox's ``ExtractText`` (the text Apache
  Tika gives; default and ``-sort``; when ``java`` and Debian's
  libpdfbox2-java are installed) — both added 2026-12-07: their seeds
  31000+ and 31100+ rows are no tuning for them until a rule is written on
  their text;
* the table extractors researchers use, when installed (``pip install
  camelot-py tabula-py``; tabula needs ``java``), their tables alone as
  ``to_csv`` writes each data frame: camelot ``lattice``, ``stream``,
  ``hybrid``, ``network``; tabula lattice and stream (added at stop 63: a
  table found only by the pieces tabula cuts its header's names into, and a
  wrapped label whose empty fields stand inside it, were fixed on seeds
  169965604+ of tabula stream's text: tuning for those rows); and PyMuPDF's
  ``find_tables`` by its ruling lines (``extract()`` rows through ``csv``)
  and by its words (``to_pandas`` through ``to_csv``; added at stop 64, the
  doubt of digits on two lines of a field written on the real PDFs' text);
* with ``--pdfjs DIR`` (a folder where ``npm install pdfjs-dist@4`` was run):
  Mozilla's pdf.js, as browsers' PDF viewers and JavaScript scrapers read a
  PDF — ``getTextContent()`` items with a line break where the item ends a
  line (``pdf.js``), and all items of a page joined by spaces (``pdf.js
  joined``). Needs ``node``.

Each text is parsed and every cell compared with the generator's value.
Printed per tool: cells right, wrong and left empty, tables valid, and
tables valid with a wrong value (must be 0). ``--drop 0`` gives the clean
figures.

Seed sets: 31000+ and 31100+ (the trust fixes of 2026-12-04 came from
reading their output: **tuning**), and fresh seeds drawn at run time (held
out; ``--fresh-seed N`` repeats a run). Needs reportlab (dev) and the
libraries of the ``bench`` extra: ``pip install -e '.[dev,bench]'``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import (  # noqa: E402
    HEAD,
    PDFTOHTML,
    TALLY,
    blanked_pdf,
    fresh_base,
    fresh_seed_option,
    more_pdf_readers,
    only,
    only_option,
    parse_tool_text,
    pdftohtml_report,
    pymupdf4llm_markdown,
    pymupdf4llm_text,
    row,
    table_extractors,
    tally,
    thousands_option,
)


def _pypdf(layout: bool) -> Callable[[str], str]:
    def text(path: str) -> str:
        import pypdf
        mode = {"extraction_mode": "layout"} if layout else {}
        return "\n".join(page.extract_text(**mode) for page in pypdf.PdfReader(path).pages)
    return text


def _pymupdf(sort: bool) -> Callable[[str], str]:
    def text(path: str) -> str:
        import pymupdf
        with pymupdf.open(path) as doc:
            return "".join(page.get_text(sort=sort) for page in doc)
    return text


def _pdfplumber(layout: bool) -> Callable[[str], str]:
    def text(path: str) -> str:
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text(layout=layout) or "" for page in pdf.pages)
    return text


def _pdfplumber_tables(path: str) -> str:
    """The tables alone, as table extractors keep them: every table
    ``extract_tables`` finds, its rows written by Python's ``csv`` (a cell's
    lines kept inside its quoted field); none in a PDF without rules."""
    import csv

    import pdfplumber
    out = io.StringIO()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                csv.writer(out).writerows([["" if c is None else c for c in row] for row in table])
                out.write("\n")
    return out.getvalue()


def _pdfminer(path: str) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(path)


_PDFJS = """import { getDocument } from "%s/node_modules/pdfjs-dist/legacy/build/pdf.mjs";
import fs from "fs";
const [, , path, mode] = process.argv;
const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(path)), verbosity: 0,
  cMapUrl: "%s/node_modules/pdfjs-dist/cmaps/", cMapPacked: true }).promise;
let out = "";
for (let i = 1; i <= doc.numPages; i++) {
  const items = (await (await doc.getPage(i)).getTextContent()).items;
  out += (mode === "eol" ? items.map((it) => it.str + (it.hasEOL ? "\\n" : "")).join("") : items.map((it) => it.str).join(" ")) + "\\n\\f";
}
process.stdout.write(out);
"""


def _pdfjs(folder: Path, mode: str, script: Path) -> Callable[[str], str]:
    import subprocess

    def text(path: str) -> str:
        if not script.exists():
            script.write_text(_PDFJS % (folder, folder), encoding="utf-8")
        return subprocess.run(["node", str(script), path, mode], capture_output=True, text=True, check=True).stdout
    return text


TOOLS: dict[str, tuple[str, Callable[[str], str]]] = {
    "pypdf": ("pypdf", _pypdf(False)), "pypdf layout": ("pypdf", _pypdf(True)),
    "pymupdf": ("pymupdf", _pymupdf(False)), "pymupdf sort": ("pymupdf", _pymupdf(True)),
    "pdfplumber": ("pdfplumber", _pdfplumber(False)), "pdfplumber layout": ("pdfplumber", _pdfplumber(True)),
    "pdfminer": ("pdfminer", _pdfminer), "pymupdf4llm": ("pymupdf4llm", pymupdf4llm_markdown),
    "pymupdf4llm text": ("pymupdf4llm", pymupdf4llm_text),
    "pdfplumber tables csv": ("pdfplumber", _pdfplumber_tables),
}


def run(start: int, count: int, tools: list[str], drop: float, tmp: Path, thousands: bool = False) -> dict[str, dict[str, int]]:
    tots = {name: dict.fromkeys(TALLY, 0) for name in tools}
    for seed in range(start, start + count):
        pdf = tmp / f"{seed}.pdf"
        gen = blanked_pdf(seed, drop, pdf, thousands)
        for name in tools:
            if name in PDFTOHTML:
                tally(pdftohtml_report(pdf, PDFTOHTML[name]), gen.truth, tots[name])
                continue
            with contextlib.redirect_stderr(io.StringIO()):  # the libraries' warnings about the font
                text = TOOLS[name][1](str(pdf))
            tally(parse_tool_text(text), gen.truth, tots[name])
    return tots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=40, help="reports per seed set")
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells printed empty")
    thousands_option(ap)
    fresh_seed_option(ap)
    ap.add_argument("--pdfjs", type=Path, default=None, help="a folder with node_modules/pdfjs-dist: also pdf.js's text")
    only_option(ap)
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # pdfminer's and pdfplumber's font warnings
    tools = [name for name, (module, _) in TOOLS.items() if importlib.util.find_spec(module)]
    for name, read in (more_pdf_readers() | table_extractors()).items():
        TOOLS[name] = (name, read)
        tools.append(name)
    if shutil.which("pdftohtml"):
        tools += list(PDFTOHTML)
    if args.pdfjs is not None:
        script = Path(tempfile.mkdtemp()) / "pdfjs_text.mjs"
        TOOLS["pdf.js"] = ("pdf.js", _pdfjs(args.pdfjs.resolve(), "eol", script))
        TOOLS["pdf.js joined"] = ("pdf.js", _pdfjs(args.pdfjs.resolve(), "join", script))
        tools += ["pdf.js", "pdf.js joined"]
    missing = sorted({module for module, _ in TOOLS.values()} - {TOOLS[t][0] for t in tools if t in TOOLS})
    tools = only(tools, args.only)
    if not shutil.which("pdftohtml"):
        missing.append("pdftohtml (poppler-utils)")
    fresh = fresh_base(args)
    print(f"{'set':<34}{'tool':<19}{HEAD}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, start in (("seeds 31000+ (tuning)", 31000), ("seeds 31100+ (tuning)", 31100),
                            (f"fresh seeds {fresh}+ (held out)", fresh)):
            tots = run(start, args.count, tools, args.drop, Path(tmp), args.thousands)
            for tool in tools:
                print(row(f"{name:<34}{tool}", tots[tool], 53))
    print(f"(--fresh-seed {fresh} repeats the held-out rows; --drop {args.drop}{'; --thousands' if args.thousands else ''}"
          + (f"; not installed: {', '.join(missing)}" if missing else "") + ")")


if __name__ == "__main__":
    main()
