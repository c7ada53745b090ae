"""OCR for PDFs without a usable text layer: poppler's pdftoppm renders the
pages, tesseract (chi_sim) reads them; the text then takes the text path.
Both programs are optional system tools (Debian: poppler-utils,
tesseract-ocr, tesseract-ocr-chi-sim)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import UnreadableInputError
from . import SourceText

DPI = 300
# page segmentation mode 4 (one column of variable-size text) keeps table rows on
# one line; measured better than the default (3) on rendered report tables
PSM = "4"


def ocr_available() -> str | None:
    """None when OCR can run, else what is missing."""
    for tool in ("pdftoppm", "tesseract"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    if "chi_sim" not in langs.stdout.split():
        return "tesseract has no chi_sim language data"
    return None


def ocr_pdf(path: str | Path, timeout: float = 600) -> SourceText:
    missing = ocr_available()
    name = Path(path).name
    if missing:
        raise UnreadableInputError(f"{name}: cannot OCR: {missing} (Debian: apt-get install poppler-utils tesseract-ocr tesseract-ocr-chi-sim)")
    with tempfile.TemporaryDirectory(prefix="reportparse-ocr-") as tmp:
        try:
            subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(path), f"{tmp}/p"],
                           check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise UnreadableInputError(f"{name}: pdftoppm could not render the pages ({type(exc).__name__})") from None
        pages = []
        for png in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            res = subprocess.run(["tesseract", str(png), "-", "-l", "chi_sim", "--psm", PSM], capture_output=True, text=True, timeout=timeout)
            if res.returncode != 0:
                raise UnreadableInputError(f"{name}: tesseract failed on {png.name}: {res.stderr.strip()[:200]}")
            pages.append(res.stdout)
    if not any(p.strip() for p in pages):
        raise UnreadableInputError(f"{name}: OCR found no text")
    return SourceText("\f".join(pages), kind="pdf", pages=len(pages),
                      notes=[("INPUT_OCR", f"no usable text layer: {len(pages)} page(s) read by tesseract chi_sim at {DPI} dpi, psm {PSM}")])
