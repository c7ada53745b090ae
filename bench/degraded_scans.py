"""reportparse's own OCR (``--ocr``) on scans as copiers and phones make
them: skewed, blurred, noisy, JPEG-compressed pages at 150–300 dpi.

    python bench/degraded_scans.py [--count 12] [--fresh-seed N]

Generated reports are rendered to PDF as in ``bench/pdftotext_blanks.py``
(3% of the cells printed empty), rasterised (``pdftoppm -gray``) at a
resolution drawn per report (150, 200 or 300 dpi), and each page degraded:
rotated by up to ±1°, blurred (half the reports), Gaussian noise (σ 4–14)
and saved as JPEG at quality 30–70. The pages are put back into an
image-only PDF and parsed with ``ParseOptions(ocr=True)``; every cell is
compared with the generator's value. Printed: cells right, wrong (and of
those, how many are ``read`` or ``inferred``: not flagged), empty, tables
valid, tables valid with a wrong value.

No fix has come from reading this bench's output: every seed is held out.
About 15 s per report. Needs reportlab (dev), numpy and Pillow (with
reportlab), poppler-utils and tesseract with chi_sim.
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
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, TALLY, blanked_pdf, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402
from reportparse.options import ParseOptions  # noqa: E402


def degrade(png: Path, rng: random.Random, seed: int):
    import numpy as np
    from PIL import Image, ImageFilter

    im = Image.open(png).convert("L").rotate(rng.uniform(-1.0, 1.0), resample=Image.BILINEAR, fillcolor=255)
    if rng.random() < 0.5:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    noisy = np.asarray(im).astype(np.float32) + np.random.default_rng(seed).normal(0, rng.uniform(4, 14), im.size[::-1])
    jpg = png.with_suffix(".jpg")
    Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).save(jpg, quality=rng.randint(30, 70))
    return Image.open(jpg).convert("L")


def run(start: int, count: int) -> dict[str, int]:
    tot = dict.fromkeys(TALLY, 0)
    for seed in range(start, start + count):
        rng = random.Random(seed)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "report.pdf"
            gen = blanked_pdf(seed, 0.03, pdf)
            dpi = rng.choice([150, 200, 300])
            subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True)
            pages = [degrade(png, rng, seed) for png in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))]
            scan = Path(tmp) / "scan.pdf"
            pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=dpi)
            tally(reportparse.parse_file(scan, ParseOptions(ocr=True)), gen.truth, tot)
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=12, help="reports")
    fresh_seed_option(ap, "seeds")
    args = ap.parse_args()
    fresh = fresh_base(args)
    print(f"{'set':<34}{HEAD}")
    print(row(f"seeds {fresh}+ (held out)", run(fresh, args.count)))
    print(f"(--fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
