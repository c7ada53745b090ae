"""Make realistic OCR inputs: generated reports → PDF with ruled tables →
page images → tesseract chi_sim text, with the truth beside each.

    python bench/make_ocr.py --n 60 --out bench/ocr
    python bench/make_ocr.py --start 60 --n 20 --look template --out bench/ocr
    python bench/make_ocr.py --n 60 --psm 3 --pages-only --out /tmp/psm3
    python bench/make_ocr.py --start 400 --n 40 --pages-only --signed --out bench/ocr-signed

``--look``: how the PDF draws tables 二 and 三 (``tests/generator.render_pdf``):
``simple`` (one narrow label column) or ``template`` (as the State Council
template and the real PDFs draw them: bands, the two-level applicant header,
the vertical 三、本年度办理结果 and merged group cells).

Two texts per report, from the same 300 dpi page images:
``NNN.txt`` — whole-page tesseract (``--psm 4``; ``--psm`` to change), OCR text as users get it
from other tools; ``NNN.cells.txt`` — the text reportparse's own ``--ocr``
ingest makes (tables read cell by cell, value cells voted on; see
``reportparse/ingest/ocr.py``). Existing ``NNN.txt`` files are kept
(``--redo`` remakes them).

Needs reportlab (dev/bench only; its built-in CID font STSong-Light, so no
font download), poppler's pdftoppm and tesseract with chi_sim
(Debian: tesseract-ocr tesseract-ocr-chi-sim poppler-utils).
Writes ``NNN.txt`` (the OCR text) and ``NNN.truth.json`` (template, layout,
truth of every table cell).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


from reportparse.ingest.ocr import ocr_pdf  # noqa: E402

from generator import make_report, render_pdf  # noqa: E402


def one(args: tuple[int, str, bool, str, str, bool, bool]) -> str:
    seed, out, redo, psm, look, cells, signed = args
    template = ("ogi-2021", "ogi-2019")[seed % 2]
    gen = make_report(seed, template, "tab")
    outdir = Path(out)
    (outdir / f"{seed:03d}.truth.json").write_text(json.dumps(
        {"template": template, "layout": "tesseract", "look": look, "signed": signed, "truth": gen.truth}, ensure_ascii=False), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "r.pdf"
        render_pdf(gen, pdf, look=look, signed=signed)
        if cells:
            (outdir / f"{seed:03d}.cells.txt").write_text(ocr_pdf(pdf).text, encoding="utf-8")
        if (outdir / f"{seed:03d}.txt").exists() and not redo:
            return f"{seed:03d}"
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(Path(tmp) / "p")], check=True)
        texts = []
        for png in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            res = subprocess.run(["tesseract", str(png), "-", "-l", "chi_sim", "--psm", psm], capture_output=True, text=True, check=True)
            texts.append(res.stdout)
        (outdir / f"{seed:03d}.txt").write_text("\f".join(texts), encoding="utf-8")
    return f"{seed:03d}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50, help="how many reports")
    ap.add_argument("--start", type=int, default=0, help="the first report's seed")
    ap.add_argument("--look", choices=("simple", "template"), default="simple", help="how the tables are drawn")
    ap.add_argument("--out", default=str(ROOT / "bench/ocr"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--redo", action="store_true", help="remake the whole-page OCR texts too")
    ap.add_argument("--psm", default="4", help="tesseract's page segmentation mode for the whole-page texts "
                    "(4: one column of text of variable sizes; tesseract's default 3 splits the tables into blocks)")
    ap.add_argument("--pages-only", action="store_true", help="only the whole-page texts, not the --ocr ones (NNN.cells.txt)")
    ap.add_argument("--signed", action="store_true", help="the body names the issuer and a signature ends the report "
                    "(generator.render_pdf(signed=True)): what the issuer repair from the body needs")
    args = ap.parse_args()
    Path(args.out).mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(args.jobs) as pool:
        for name in pool.map(one, [(i, args.out, args.redo, args.psm, args.look, not args.pages_only, args.signed)
                                       for i in range(args.start, args.start + args.n)]):
            print("made", name, flush=True)


if __name__ == "__main__":
    main()
