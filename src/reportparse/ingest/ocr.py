"""OCR for PDFs without a usable text layer: poppler's pdftoppm renders the
pages, tesseract (chi_sim) reads them; the text then takes the text path.

Tables are read cell by cell. Whole-page OCR of a ruled table garbles the
rows whose label wraps over two lines (the values sit between the two label
lines and tesseract's line finder mixes them), so the ruling lines are found
in the image (:mod:`.raster`), the grid is rebuilt with the same pipeline as
the PDF text path (:mod:`.grid`) and each non-blank cell is read on its own.
A value cell is then read by three voters (:class:`Reader`: chi_sim+eng and
eng as one line, enlarged to a readable height and at the original size:
sizes fail on different cells); the cell gets the number every voter that saw
a number agrees on (two at least). A disputed cell is read twice more at its
original size (chi_sim, and eng allowed only digits) and gets a number read
three times of six with at most one other number read (four times: two
others; an enlarged reading's ``/`` for a 7 counts), else ``?``: unreadable,
so the template's rules may infer it, never a guess. Prose between tables is read a band at a time with page segmentation
mode 4. Every character keeps its page and the box of its cell or band.

Both programs are optional system tools (Debian: poppler-utils,
tesseract-ocr, tesseract-ocr-chi-sim, tesseract-ocr-eng).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import astuple, dataclass, field
from pathlib import Path

from ..errors import UnreadableInputError
from ..startcache import compiled
from . import SourceText, TextBuilder
from .grid import Grid, find_grids, row_fields
from .page_rules import ruling_segments, skew, text_skew
from .raster import Image
from .readers import (
    FIRST,
    FIRST_AGAIN,
    PROSE,
    STRAIGHT_VOTERS,
    TIE_BREAKERS,
    UNSURE,
    VALUE_LIKE,
    VALUE_READERS,
    Reader,
    number,
    vote,
)

DPI = 300
CELL_INSET = 2.0  # points cut from each side of a cell: the rule itself
MIN_INK = 12  # dark pixels below which a cell (or band) is blank
BAND_INSET = 3.0  # points cut from the top and bottom of a band of prose
MIN_TABLE_WIDTH = 60.0  # points




def ocr_available() -> str | None:
    """None when OCR can run, else what is missing."""
    for tool in ("pdftoppm", "tesseract"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    langs = _languages()
    for lang, package in (("chi_sim", "tesseract-ocr-chi-sim"), ("eng", "tesseract-ocr-eng")):
        if lang not in langs:
            # eng reads the digits of table cells: chi_sim alone drops decimal points (1711.87 -> 171187)
            return f"tesseract has no {lang} language data ({package})"
    return None


def _languages() -> list[str]:
    res = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return res.stdout.split()


@dataclass(eq=False)
class _Piece:
    """One image to read (a prose band or a table cell) and what was read."""

    page: int
    box: tuple[float, float, float, float]  # points
    image: Image | None  # padded, at 1x (cells: small, kept in memory)
    ink_height: int = 0
    file: Path | None = None  # prose bands: written once, at 1x (a page's worth of pixels)
    text: str = ""
    readings: list[str] = field(default_factory=list)
    straight: Image | None = None  # the cell cut from the straightened page, when the scan is askew


@dataclass
class _Table:
    page: int
    grid: Grid
    cells: dict[int, _Piece]  # id(grid cell) -> its piece; blank cells have none


def ocr_pdf(path: str | Path, timeout: float = 600, readers: tuple[Reader, ...] | None = None) -> SourceText:
    """The PDF's pages read by tesseract. ``readers``: the value cells' voters
    (default :data:`VALUE_READERS`)."""
    missing = ocr_available()
    name = Path(path).name
    if missing:
        raise UnreadableInputError(f"{name}: cannot OCR: {missing} (Debian: apt-get install poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng)")
    readers = readers or VALUE_READERS
    with tempfile.TemporaryDirectory(prefix="reportparse-ocr-") as tmp:
        files = _rasterise(path, name, Path(tmp), timeout)
        with tempfile.TemporaryDirectory(prefix="reportparse-ocr-", dir=scratch_folder(len(files))) as scratch:
            pages = _layout(files, name, Path(scratch))
            run = _Tesseract(name, Path(scratch), timeout)
            counts = _read(pages, readers, run)
    out = _Assembler()
    for n, page in enumerate(pages, 1):
        if n > 1:
            out.add("\f", None)
        for block in page:
            if isinstance(block, _Piece):
                out.add(block.text.strip("\n") + "\n", (block.page, *block.box))
            else:
                out.table(block)
    text = out.text
    if not text.replace(UNSURE, "").strip():
        raise UnreadableInputError(f"{name}: OCR found no text")
    values, disputed, unsure = counts
    note = (f"{len(pages)} page(s) read by tesseract at {DPI} dpi; tables cell by cell, "
            f"{values} value cells read {1 + len(readers)} ways ({disputed} disputed, read {len(TIE_BREAKERS)} more times), "
            f"{unsure} without agreement given as {UNSURE}")
    if run.crashed:
        note += f"; tesseract died on {len(run.crashed)} reading(s) of an image, which count as blank"
    return SourceText(text, kind="pdf", pages=len(pages), boxes=out.boxes, notes=[("INPUT_OCR", note)])


def _rasterise(path: str | Path, name: str, tmp: Path, timeout: float) -> list[Path]:
    """The pages rendered by pdftoppm, as PGM files in page order."""
    try:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(path), f"{tmp}/p"],
                       check=True, capture_output=True, timeout=timeout)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise UnreadableInputError(f"{name}: pdftoppm could not render the pages ({type(exc).__name__})") from None
    return sorted(tmp.glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))


def _layout(files: list[Path], name: str, scratch: Path) -> list[list[_Piece | _Table]]:
    """Each page laid out (bands and tables), one page image in memory at a
    time (its file deleted once read); the bands' images go to ``scratch``."""
    pages = []
    for n, f in enumerate(files, 1):
        try:
            img = Image.read_pgm(f, DPI).whitened()
        except ValueError as exc:
            raise UnreadableInputError(f"{name}: page {n} could not be rendered ({exc})") from None
        pages.append(_page_layout(n, img, scratch))
        f.unlink()
    return pages


MEMORY_FOLDER = "/dev/shm"  # a RAM-backed folder (tmpfs) on Linux
SCRATCH_PER_PAGE = 16 << 20  # room asked per page for the bands and crops: about 4 MB a page is written at a time


def scratch_folder(pages: int, where: str = MEMORY_FOLDER) -> str | None:
    """Where the images tesseract reads are written: a RAM-backed folder
    when there is one, writable, with room for ``pages`` pages and 256 MB to
    spare; else None (the default temporary folder). Written to a
    disk-backed folder, those images (about 50 MB for a five-page report:
    bands, and each cell once per reader, enlarged) cost a third of the OCR
    path's own CPU; the same bytes reach tesseract either way."""
    try:
        st = os.statvfs(where)
    except OSError:
        return None
    room = st.f_bavail * st.f_frsize
    if room < (256 << 20) + pages * SCRATCH_PER_PAGE or not os.access(where, os.W_OK | os.X_OK):
        return None
    return where


def _read(pages: list[list[_Piece | _Table]], readers: tuple[Reader, ...], run: _Tesseract) -> tuple[int, int, int]:
    """Read every band and cell and set its text: bands and cells first, then
    the value cells' voters, then the tie-breakers on disputed cells.
    Returns (value cells, disputed cells, cells given as ``?``)."""
    bands = [b for page in pages for b in page if isinstance(b, _Piece)]
    cells = [c for page in pages for t in page if isinstance(t, _Table) for c in t.cells.values()]
    for texts, pieces in zip(run.read_all([(bands, PROSE), (cells, FIRST)]), (bands, cells), strict=True):
        for p, text in zip(pieces, texts, strict=True):
            p.readings.append(text)
            p.text = text
    empty = [c for c in cells if not c.readings[0]]
    for c, text in zip(empty, run.read_all([(empty, FIRST_AGAIN)])[0], strict=True):
        c.readings[0] = c.text = text
    values = [c for c in cells if VALUE_LIKE.match(c.readings[0])]
    for texts in run.read_all([(values, reader) for reader in readers]):
        for p, text in zip(values, texts, strict=True):
            p.readings.append(text)
    tilted = [c for c in values if c.straight is not None and number(c.readings[0])
              and not any(number(r) for r in c.readings[1:])]
    for texts in run.read_all([(tilted, reader) for reader in STRAIGHT_VOTERS]):
        for c, text in zip(tilted, texts, strict=True):
            c.readings.append(text)
    for c in tilted:  # the straightened crop's readings stand in for the tilted crop's
        c.readings = [c.readings[0], *c.readings[1 + len(readers):]]
    disputed = [c for c in values if vote(c.readings, len(readers)) == UNSURE]
    for texts in run.read_all([(disputed, reader) for reader in TIE_BREAKERS]):
        for c, text in zip(disputed, texts, strict=True):
            c.readings.append(text)
    for c in values:
        c.text = vote(c.readings, len(readers))
    return len(values), len(disputed), sum(c.text == UNSURE for c in values)


def _page_layout(page: int, img: Image, tmp: Path) -> list[_Piece | _Table]:
    """The page top to bottom: prose bands and tables. A skewed scan (measured
    by its rules, or by its lines of text when it has none) is straightened by
    two shears; the rules are found and the prose read on the straightened
    page, the cells cut from the page as scanned."""
    page_img, slope = img, skew(img)
    if slope is None:  # a page without rules: by its lines of text
        slope = text_skew(img)
    if slope:
        img = img.sheared(slope)
    # a table has two rows and two columns or more and is wider than a character: the strokes of a
    # large bold title's character, level on a straightened page, can close a tiny grid; and a grid of
    # one row or one column is a table ruled between its columns or its rows only (or rules too faint
    # to find), each cell a column of values or a whole row that a cell's reading would run together:
    # it is read as the lines of text it holds
    grids = [g for g in find_grids(ruling_segments(img), [])
             if len(g.xs) > 2 and len(g.ys) > 2 and g.bbox[2] - g.bbox[0] >= MIN_TABLE_WIDTH]
    height, width = img.pt(img.height), img.pt(img.width)
    out: list[_Piece | _Table] = []
    top = height
    for g in sorted(grids, key=lambda g: -g.ys[0]):
        x0, y0, x1, y1 = g.bbox
        if y1 > top:  # beside the table before it: read as the prose beside that one
            continue
        out += _bands(page, img, [(0, y1, width, top)], tmp)
        cells = {}
        for cell in g.cells:
            # cells are cut from the page as scanned (shearing pixels blurs digits), a little
            # further in by the tilt of their own width
            box = img.unsheared_box(cell.bbox, slope) if slope else cell.bbox
            tilt = abs(slope) / 2  # a tilted border comes this far in per point of the cell's other side
            crop = page_img.crop_points(box, CELL_INSET + tilt * (box[3] - box[1]), CELL_INSET + tilt * (box[2] - box[0]))
            # a sliver of a tilted border reads as | or 1, a speck of dust as a point or a sign
            crop = crop and crop.without_edge_rules().without_specks()
            if crop is not None and crop.ink() >= MIN_INK:
                straight = img.crop_points(cell.bbox, CELL_INSET) if slope else None
                straight = straight and straight.without_edge_rules().without_specks().padded(12)
                cells[id(cell)] = _Piece(page, cell.bbox, crop.padded(12), crop.ink_height(), straight=straight)
        out.append(_Table(page, g, cells))
        out += _bands(page, img, [(0, y0, x0, y1), (x1, y0, width, y1)], tmp)  # text beside the table
        top = y0
    out += _bands(page, img, [(0, 0, width, top)], tmp)
    return out


def _bands(page: int, img: Image, boxes: list[tuple[float, float, float, float]], tmp: Path) -> list[_Piece | _Table]:
    out: list[_Piece | _Table] = []
    for box in boxes:
        crop = img.crop_points(box, 0.0, BAND_INSET)  # not the rules of the tables above and below
        if crop is not None and crop.ink() >= MIN_INK:
            f = tmp / f"band-{page}-{'-'.join(f'{v:.0f}' for v in box)}.pgm"  # boxes never repeat on a page
            f.write_bytes(crop.padded(12).to_pgm())
            out.append(_Piece(page, box, None, file=f))
    return out


@dataclass
class _Tesseract:
    """Runs tesseract once per reader over many images (a list file); readers
    that do not depend on each other run side by side, each tesseract on one
    thread (OpenMP threads only slow tesseract down on small images: 3.5x
    measured)."""

    name: str
    tmp: Path
    timeout: float
    crashed: list[str] = field(default_factory=list)  # images tesseract died on, read as blank

    def read_all(self, jobs: list[tuple[list[_Piece], Reader]]) -> list[list[str]]:
        """The texts each reader read from its pieces, in job order."""
        with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
            return list(pool.map(lambda job: self._read(*job), jobs))

    def _read(self, pieces: list[_Piece], reader: Reader) -> list[str]:
        if not pieces:
            return []
        tag = "-".join(map(str, astuple(reader)))  # one file name per reader
        paths, written = [], []
        for i, p in enumerate(pieces):
            if p.image is None:  # a band, already on disk
                paths.append(str(p.file))
                continue
            f = self.tmp / f"{tag}-{i}.pgm"
            image = p.straight if reader.straightened and p.straight is not None else p.image
            if reader.binarised:
                image = Image(image.width, image.height, image.binary, image.dpi)
            f.write_bytes(image.enlarged(reader.enlargement(p.ink_height)).to_pgm())
            paths.append(str(f))
            written.append(f)
        texts = self._run(paths, reader, tag)
        for f in written:
            f.unlink()
        return texts

    def _run(self, paths: list[str], reader: Reader, tag: str) -> list[str]:
        """One tesseract over ``paths``. Tesseract killed by a signal (5.3
        dies of a floating-point exception on some speckled crops) is run again
        on each half, so that only the images it cannot read come back blank
        (and are counted in :attr:`crashed`); any other failure is an error."""
        listing = self.tmp / f"{tag}.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
        try:
            extra = ["-c", "tessedit_char_whitelist=0123456789.-"] if reader.digits_only else []
            res = subprocess.run(["tesseract", str(listing), "-", "-l", reader.lang, "--psm", reader.psm, *extra],
                                 capture_output=True, text=True, timeout=self.timeout, env=env)
        except subprocess.TimeoutExpired:
            raise UnreadableInputError(f"{self.name}: tesseract took longer than {self.timeout:.0f} s") from None
        if res.returncode < 0:  # killed by a signal: one of the images crashed it
            if len(paths) == 1:
                self.crashed.append(paths[0])
                return [""]
            half = len(paths) // 2
            return self._run(paths[:half], reader, tag + "a") + self._run(paths[half:], reader, tag + "b")
        if res.returncode != 0:
            raise UnreadableInputError(f"{self.name}: tesseract failed: {res.stderr.strip()[:200]}")
        texts = res.stdout.split("\f")
        return [texts[i].strip() if i < len(texts) else "" for i in range(len(paths))]


class _Assembler(TextBuilder):
    """The OCR text: bands as read, tables as tab-separated rows."""

    def table(self, t: _Table) -> None:
        g = t.grid
        for fields in row_fields(len(g.ys) - 1, len(g.xs) - 1, g.owner):
            for k, cell in enumerate(fields):
                if k:
                    self.add("\t", None)
                piece = t.cells.get(id(cell)) if cell is not None else None
                if piece is not None:
                    text = piece.text
                    if _is_cjk(text):  # a label: | is a piece of a rule, never a column separator inside a cell
                        text = "".join(text.replace("|", "").replace("｜", "").split())
                    else:
                        text = " ".join(text.split())
                    self.add(text, (t.page, *cell.bbox))
            self.add("\n", None)


def _is_cjk(text: str) -> bool:
    return bool(compiled(r"\p{Han}").search(text))
