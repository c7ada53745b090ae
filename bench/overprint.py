"""PDFs in "fake bold": text drawn twice, 0.3 pt apart, read by reportparse
and by the text of other PDF readers.

    python bench/overprint.py [--count 8] [--shares 1,0.5,0.2] [--drop 0.03] [--copies 2] [--fresh-seed N]

Word, WPS and print drivers embolden a font that has no bold face by drawing
the text a second time a fraction of a point to the side. Generated reports
are rendered to PDF (``scoring.blanked_pdf``: ruled or whitespace-aligned,
both looks, a share ``--drop`` of the cells printed empty) and each page's
text drawings (its ``BT … ET`` blocks) are drawn again, offset, with pypdf:
all of them (``share 1``), or a share of them picked at random (a bold
heading, a bold row); ``--copies 3`` draws each twice again. Read by ``reportparse.parse_file`` with each backend,
and parsed from the text of pdfminer.six ``extract_text``, pdfplumber
``extract_text`` (and ``layout=True``), PyMuPDF ``get_text``, pypdfium2 and
``pdftotext -layout``; beside each, the same reader on the PDF drawn once
(``once``). Printed per share and reader: cells right, wrong (not flagged),
empty, tables valid, and tables valid with a wrong value (must be 0).

Seeds: 7000+ (the rules of 2026-12-07 were written reading their output and
that of 5000+ and 6000+: **tuning**), and fresh seeds drawn at run time (held
out; ``--fresh-seed N`` repeats a run). Needs reportlab (dev) and the
``bench`` extra (pypdf, pdfplumber, PyMuPDF); ``pdftotext`` from poppler-utils.
"""

from __future__ import annotations

import argparse
import logging
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, TALLY, blanked_pdf, fresh_base, fresh_seed_option, pdfium_text, row, tally  # noqa: E402

import reportparse  # noqa: E402
from reportparse import ParseOptions  # noqa: E402

_BLOCK = re.compile(rb"(?s)\bBT\b.*?\bET\b")


def embolden(src: Path, dest: Path, share: float, rng: random.Random, dx: float = 0.3, copies: int = 2) -> None:
    """``src`` with a share of its text drawings drawn ``copies`` times in all, each ``dx`` points right of the last."""
    import pypdf
    from pypdf.generic import DecodedStreamObject

    writer = pypdf.PdfWriter(clone_from=str(src))
    for page in writer.pages:
        data = page.get_contents().get_data()
        again = _BLOCK.sub(lambda m: m.group() + (b"".join(b"\nq 1 0 0 1 %.2f 0 cm\n" % (dx * i) + m.group() + b"\nQ\n"
                                                           for i in range(1, copies))
                                                  if rng.random() < share else b""), data)
        stream = DecodedStreamObject()
        stream.set_data(again)
        page.replace_contents(stream)
    with open(dest, "wb") as fh:
        writer.write(fh)


def _texts(pdf: Path) -> dict[str, str]:
    import pdfplumber
    import pymupdf
    from pdfminer.high_level import extract_text

    out = {"pdfminer extract_text": extract_text(str(pdf))}
    with pdfplumber.open(str(pdf)) as doc:
        out["pdfplumber"] = "\f".join(p.extract_text() or "" for p in doc.pages)
        out["pdfplumber layout"] = "\f".join(p.extract_text(layout=True) or "" for p in doc.pages)
    with pymupdf.open(str(pdf)) as doc:
        out["pymupdf"] = "\f".join(p.get_text() for p in doc)
    out["pypdfium2"] = pdfium_text(pdf)
    if shutil.which("pdftotext"):
        out["pdftotext -layout"] = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                                  check=True).stdout.decode("utf-8", "replace")
    return out


def run(start: int, count: int, shares: list[float], drop: float, tmp: Path,
        copies: int = 2) -> dict[tuple[float, str], dict[str, int]]:
    tots: dict[tuple[float, str], dict[str, int]] = {}

    def add(key: tuple[float, str], report: reportparse.Report, truth: dict) -> None:
        tally(report, truth, tots.setdefault(key, dict.fromkeys(TALLY, 0)))

    for seed in range(start, start + count):
        plain = tmp / f"{seed}.pdf"
        gen = blanked_pdf(seed, drop, plain)
        for name, text in _texts(plain).items():
            add((0.0, name), reportparse.parse_text(text), gen.truth)
        for share in shares:
            bold = tmp / f"{seed}-{share}.pdf"
            embolden(plain, bold, share, random.Random(f"{seed}:{share}"), copies=copies)
            for backend in ("pdfminer", "pdfium"):
                add((share, f"parse_file {backend}"), reportparse.parse_file(bold, ParseOptions(pdf_backend=backend)),
                    gen.truth)
            for name, text in _texts(bold).items():
                add((share, name), reportparse.parse_text(text), gen.truth)
    return tots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=8, help="reports per seed set")
    ap.add_argument("--shares", default="1,0.5,0.2", help="shares of the text drawings drawn twice, comma-separated")
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells printed empty")
    ap.add_argument("--copies", type=int, default=2, help="times each such drawing is drawn in all (3: drawn twice again)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # pdfminer's and pdfplumber's font warnings
    shares = [float(s) for s in args.shares.split(",")]
    fresh = fresh_base(args)
    print(f"{'set':<28}{'share':<7}{'reader':<23}{HEAD}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, start in (("seeds 7000+ (tuning)", 7000), (f"fresh {fresh}+ (held out)", fresh)):
            tots = run(start, args.count, shares, args.drop, Path(tmp), args.copies)
            for (share, reader), t in sorted(tots.items(), key=lambda kv: (-kv[0][0], kv[0][1])):
                print(row(f"{name:<28}{'once' if share == 0 else share:<7}{reader}", t, 56))
    print(f"(--fresh-seed {fresh} repeats the held-out rows; --drop {args.drop}; --copies {args.copies})")


if __name__ == "__main__":
    main()
