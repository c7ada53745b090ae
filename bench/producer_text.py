"""Text that other tools pull out of PDFs that other programs made.

    pip install -e '.[dev,bench]'   # pandoc, chromium, libreoffice, poppler-utils from Debian
    python bench/producer_text.py [--count 10] [--drop 0.03] [--fresh-seed N] [--only camelot,tabula]

Most corpora of these reports store text, not PDFs: the text a library or
``pdftotext`` pulled out of a PDF that a browser printed or an office suite
exported. Here generated reports are turned into PDFs by the producers of
``bench/pdf_producers.py`` (Chromium print, LibreOffice export of the web
page and of pandoc's ``.docx``, each unruled and ruled), then into text by
every tool installed: ``pdftotext`` (default, ``-layout``, ``-raw``) and the
libraries of ``bench/pdf_text_tools.py`` (pypdf, PyMuPDF, pdfplumber, each
two ways, pdfminer.six, pymupdf4llm, pdfplumber's tables alone through
``csv.writer``) and the readers of ``scoring.more_pdf_readers`` (pypdfium2,
Ghostscript's ``txtwrite``, PDFBox; added 2026-12-07), and the table
extractors of ``scoring.table_extractors`` when installed (camelot's four
flavours, tabula lattice and stream, each table through pandas' ``to_csv``;
added at stop 63, held out). Each text goes through
:func:`reportparse.parse_text` and every cell is compared with the
generator's value.

Printed per producer and tool: cells right, wrong (and of those not
flagged), empty, tables valid, and tables valid with a wrong value (must be
0). Every seed is drawn at run time (held out); ``--fresh-seed N`` repeats a
run. A producer or tool that is not installed is skipped.
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
sys.path.insert(0, str(ROOT / "bench"))

from pdf_producers import kept_pdfs, make_pdfs  # noqa: E402
from pdf_text_tools import TOOLS  # noqa: E402
from scoring import (  # noqa: E402
    HEAD,
    TALLY,
    blanked_html,
    fresh_base,
    fresh_seed_option,
    more_pdf_readers,
    only,
    only_option,
    parse_tool_text,
    pdftotext_reader,
    row,
    table_extractors,
    tally,
)


def tools() -> dict[str, Callable[[str], str]]:
    """Every text tool installed, by name."""
    out: dict[str, Callable[[str], str]] = {}
    if shutil.which("pdftotext"):
        out |= {"pdftotext": pdftotext_reader(), "pdftotext -layout": pdftotext_reader("-layout"),
                "pdftotext -raw": pdftotext_reader("-raw")}
    out |= {name: fn for name, (module, fn) in TOOLS.items() if importlib.util.find_spec(module)}
    return out | more_pdf_readers() | table_extractors()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10, help="reports")
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells left empty")
    fresh_seed_option(ap, "seeds")
    ap.add_argument("--keep", type=Path, default=None, help="write the PDFs here instead of a temporary folder; "
                    "where an earlier run left every PDF of these seeds there, they are read again, not made")
    only_option(ap)
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # the libraries' font warnings
    fresh = fresh_base(args)
    generated = {seed: blanked_html(seed, args.drop) for seed in range(fresh, fresh + args.count)}
    installed = tools()
    readers = {name: installed[name] for name in only(installed, args.only)}
    grand = dict.fromkeys(TALLY, 0)
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = args.keep or Path(tmpname)
        tmp.mkdir(parents=True, exist_ok=True)
        pdfs = kept_pdfs(tmp, list(generated)) or make_pdfs({seed: html for seed, (_, html) in generated.items()}, tmp)
        print(f"{'producer':<30}{'tool':<19}{HEAD}")
        for producer, by_seed in pdfs.items():
            for name, read in readers.items():
                tot = dict.fromkeys(TALLY, 0)
                for seed, path in by_seed.items():
                    with contextlib.redirect_stderr(io.StringIO()):
                        text = read(str(path))
                    tally(parse_tool_text(text), generated[seed][0].truth, tot)
                for key in TALLY:
                    grand[key] += tot[key]
                print(row(f"{producer:<30}{name}", t=tot, width=49), flush=True)
    print(row("all", t=grand, width=49))
    print(f"(seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run; --drop {args.drop})")


if __name__ == "__main__":
    main()
