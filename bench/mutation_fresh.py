"""Lines deleted or duplicated in text this project did not make, on fresh seeds.

    pip install -e '.[dev,bench]'     # lynx, w3m from Debian for their rows
    python bench/mutation_fresh.py [--count 30] [--per 6] [--fresh-seed N]

``bench/mutation.py`` sweeps every line of the bundled real texts; this one
draws its inputs at run time. Generated reports (2021 and 2019 templates by
turns) are made into web pages with 3% of their cells left empty
(``scoring.blanked_html``) and into text the way scrapers and text browsers
write it (``bench/scraper_text.py``, ``bench/web_text.py``), and rendered
to PDF with the same cells empty as poppler's ``pdftotext`` writes it (its
default, ``-layout`` and ``-raw`` modes), and by pypdfium2, Ghostscript's
``txtwrite`` and Apache PDFBox's ``ExtractText`` where installed (added
2026-12-07); then, ``--per``
times per text, one or two lines from table 二's first label on are deleted
or duplicated at random, and the text is parsed. Every cell is compared with
the generator's value. Printed per tool: parses, exceptions (must be 0),
tables valid, tables valid with a wrong value (must be 0), and wrong values
read or forced as though right (status ``read``, ``inferred`` or
``corrected``; ``scoring.mutation_tally``): a deleted
or duplicated line changes what the text prints, so a value may be wrong,
but then it must be ``placed``, a ``conflict``, or in a table not valid.

With ``--ocr`` the texts are instead OCR output of the rendered PDF
(200 dpi, ``--degrade``: each page first degraded as a copier's scan,
``bench/degraded_scans.py``): tesseract ``chi_sim`` with ``--psm 4`` and
``--psm 6``, and RapidOCR (when installed: ``pip install
rapidocr_onnxruntime``) as its boxes one per line and grouped into lines
(``bench/other_ocr.py``) — other engines' text with lines lost or repeated.

The mutations are drawn from the seed and the tool's name, so
``--fresh-seed N`` repeats a run exactly.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from real_text_tools import rapid_engine  # noqa: E402
from scoring import (  # noqa: E402
    blanked_html,
    blanked_pdf,
    fresh_base,
    fresh_seed_option,
    more_pdf_readers,
    nbsp_option,
    parse_and_tally,
)
from scraper_text import tools as scraper_tools  # noqa: E402
from web_text import TEXT_BROWSERS, dumper  # noqa: E402

import reportparse  # noqa: E402

TOOLS = ("bs4 get_text()", "bs4 get_text(' ')", "bs4 get_text('\\n')", "bs4 get_text('\\t')", "html2text",
         "inscriptis", "lynx -dump", "w3m -dump", "pandoc -t plain", "pandas read_html, to_csv")
PDF_TOOLS = {"pdftotext": [], "pdftotext -layout": ["-layout"], "pdftotext -raw": ["-raw"]}  # of the page as a PDF


def pdf_texts(seed: int, tmp: Path) -> dict[str, str]:
    """The report rendered to PDF (``scoring.blanked_pdf``: the same cells
    left empty as its web page) as poppler's ``pdftotext`` writes it, and
    the other PDF readers installed (``scoring.more_pdf_readers``)."""
    pdf = tmp / "report.pdf"
    blanked_pdf(seed, 0.03, pdf)
    out = {}
    if shutil.which("pdftotext"):
        out = {name: subprocess.run(["pdftotext", "-enc", "UTF-8", *opts, str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout for name, opts in PDF_TOOLS.items()}
    out.update({name: read(pdf) for name, read in more_pdf_readers().items()})
    return out


def ocr_texts(seed: int, tmp: Path, degrade: bool, engine) -> dict[str, str]:
    """The report rendered to PDF as :func:`pdf_texts` renders it, its pages
    read as ``bench/real_text_tools.py`` reads them (tesseract in two page
    segmentation modes; RapidOCR, ``engine``, when installed), under this
    bench's names for them (the names draw the mutations)."""
    from real_text_tools import _ocr_texts

    pdf = tmp / "report.pdf"
    blanked_pdf(seed, 0.03, pdf)
    names = {"rapidocr boxes": "RapidOCR boxes", "rapidocr lines": "RapidOCR lines"}
    return {names.get(name, name): text.removesuffix("\n\f") if name in names else text  # (no page after the last)
            for name, text in _ocr_texts(pdf, engine, seed if degrade else None).items()}


def mutate(lines: list[str], rng: random.Random) -> list[str]:
    """One or two lines, from the first table's first label on, deleted or duplicated."""
    start = next((i for i, ln in enumerate(lines) if "第二十条" in ln), 0)
    out = list(lines)
    for _ in range(rng.choice((1, 1, 2))):
        i = rng.randrange(start, len(out))
        if rng.random() < 0.5:
            del out[i]
        else:
            out.insert(i, out[i])
    return out



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=30, help="reports")
    ap.add_argument("--per", type=int, default=6, help="mutated texts per report and tool")
    fresh_seed_option(ap)
    ap.add_argument("--show", action="store_true", help="list each wrong value read as right and each valid-but-wrong table")
    nbsp_option(ap)
    ap.add_argument("--ocr", action="store_true", help="OCR output of the rendered PDF in place of the web and PDF tools' text")
    ap.add_argument("--degrade", action="store_true", help="with --ocr: each page degraded as a copier's scan first")
    args = ap.parse_args()
    fresh = fresh_base(args)
    available = dict(scraper_tools())
    available.update({name: dumper(cmd) for name, cmd in TEXT_BROWSERS.items() if shutil.which(cmd[0])})
    tools = {} if args.ocr else {name: available[name] for name in TOOLS if name in available}
    engine = rapid_engine() if args.ocr else None
    tots: dict[str, Counter] = defaultdict(Counter)
    tmp = Path(tempfile.mkdtemp(prefix="mutation-fresh-"))
    for seed in range(fresh, fresh + args.count):
        gen, html = blanked_html(seed, 0.03, args.nbsp)
        if args.ocr:
            texts = ocr_texts(seed, tmp, args.degrade, engine)
        else:
            texts = {name: to_text(html) for name, to_text in tools.items()} | ({} if args.nbsp else pdf_texts(seed, tmp))
        for name, text in texts.items():
            lines = text.split("\n")
            rng = random.Random(seed * 1009 + zlib.crc32(name.encode()))
            for k in range(args.per):
                text = "\n".join(mutate(lines, rng))
                shown = parse_and_tally(lambda text=text: reportparse.parse_text(text), gen.truth, tots[name], f"{seed} {name}")
                if args.show and shown:
                    print(f"  {seed} {name} mutation {k + 1}: {'; '.join(shown)}")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{'tool':<22}{'parses':>8}{'exceptions':>11}{'tables valid':>14}{'valid-but-wrong':>17}{'wrong, read as right':>22}")
    for name, t in tots.items():
        print(f"{name:<22}{t['parses']:>8}{t['exceptions']:>11}{t['valid']:>14}{t['valid_wrong']:>17}{t['unflagged']:>22}")
    print(f"fresh seeds {fresh}+, {args.count} reports, {args.per} mutated texts each per tool "
          f"(--fresh-seed {fresh} repeats this run{'; --nbsp' if args.nbsp else ''}"
          f"{'; --ocr' if args.ocr else ''}{' --degrade' if args.degrade else ''})")


if __name__ == "__main__":
    main()
