"""PDF ingest with pdfminer.six: characters and ruling lines in one pass, no
layout analysis. (This module is imported only when a PDF is parsed, which
keeps ``import reportparse`` light.) Tables become tab-separated rows rebuilt from the ruling
lines (merged cells included); prose becomes lines in reading order. Every
character keeps its page and bounding box.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLine, LTRect
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psexceptions import PSException

from ..errors import UnreadableInputError
from . import SourceText, TextBuilder
from .grid import Grid, find_grids, row_fields

_EXPECTED_PUNCT = set("，。、；：？！“”‘’（）《》〔〕【】—…·％－ ")
INVISIBLE = 3  # text render mode 3: neither filled nor stroked (the OCR layer of a scan)


class _Aggregator(PDFPageAggregator):
    """pdfminer's page aggregator, also counting the characters drawn
    invisible: a scan's OCR text layer (ocrmypdf, tesseract's PDF output,
    Acrobat's "recognise text") is invisible text laid over the page images."""

    drawn = invisible = 0

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:  # type: ignore[no-untyped-def]
        before = len(self.cur_item)
        super().render_string(textstate, seq, ncs, graphicstate)
        n = len(self.cur_item) - before
        self.drawn += n
        if textstate.render == INVISIBLE:
            self.invisible += n


class _Char:
    __slots__ = ("text", "x0", "y0", "x1", "y1", "size")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float, size: float) -> None:
        self.text, self.x0, self.y0, self.x1, self.y1, self.size = text, x0, y0, x1, y1, size

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def _collect(layout) -> tuple[list[_Char], list, list, bool]:
    """Characters, ruling lines, rectangles, and whether the page has an image."""
    chars: list[_Char] = []
    image = False
    lines: list[tuple[float, float, float, float]] = []
    rects: list[tuple[float, float, float, float]] = []
    stack = [layout]
    while stack:
        for obj in stack.pop():
            if isinstance(obj, LTChar):
                chars.append(_Char(obj.get_text(), obj.x0, obj.y0, obj.x1, obj.y1, obj.size))
            elif isinstance(obj, LTLine):
                lines.append((obj.pts[0][0], obj.pts[0][1], obj.pts[-1][0], obj.pts[-1][1]))
            elif isinstance(obj, LTRect):
                rects.append(obj.bbox)
            elif isinstance(obj, LTCurve):
                pts = obj.pts
                for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
                    if abs(ax - bx) < 1 or abs(ay - by) < 1:
                        lines.append((ax, ay, bx, by))
            elif isinstance(obj, LTFigure):
                stack.append(obj)
            elif isinstance(obj, LTImage):
                image = True
    return chars, lines, rects, image


def read_pdf(path: str | Path) -> SourceText:
    """Text and geometry of a PDF, or :class:`UnreadableInputError`."""
    name = Path(path).name
    out = _Builder()
    pages = images = 0
    try:
        with open(path, "rb") as fh:
            doc = PDFDocument(PDFParser(fh))
            rsrc = PDFResourceManager(caching=True)
            device = _Aggregator(rsrc, laparams=None)
            interp = PDFPageInterpreter(rsrc, device)
            for pageno, page in enumerate(PDFPage.create_pages(doc), 1):
                interp.process_page(page)
                chars, lines, rects, image = _collect(device.get_result())
                images += image
                if pageno > 1:
                    out.add("\f", None)
                _layout_page(pageno, chars, lines, rects, out)
                pages = pageno
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableInputError(f"{name}: the PDF is encrypted and cannot be opened ({type(exc).__name__})") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, ZeroDivisionError, RecursionError, OSError) as exc:
        raise UnreadableInputError(f"{name}: the PDF is corrupt or truncated ({type(exc).__name__}: {exc})"[:300]) from None
    if pages == 0:
        raise UnreadableInputError(f"{name}: the PDF has no pages")
    text = out.text
    _check_text_layer(name, out.n_chars, out.n_bad)
    notes = []
    if images and device.invisible > device.drawn / 2:
        notes.append(("INPUT_OCR_LAYER", f"{device.invisible} of {device.drawn} characters are invisible text over the images "
                      f"of {images} of {pages} page(s): the text layer is a scan's OCR (--ocr reads the scan again, "
                      "tables cell by cell)"))
    return SourceText(text, kind="pdf", pages=pages, boxes=out.boxes, notes=notes)


def _check_text_layer(name: str, n: int, bad: int) -> None:
    if n < 20:
        raise UnreadableInputError(f"{name}: the PDF has no text layer (a scan?); try --ocr")
    if bad > 0.2 * n:
        raise UnreadableInputError(
            f"{name}: the text layer is unreadable ({bad / n:.0%} of the characters are unmapped glyphs or mojibake: "
            "a font without a usable Unicode mapping); try --ocr")


class _Builder(TextBuilder):
    """Text with boxes, counting the characters a font left unmapped."""

    def __init__(self) -> None:
        super().__init__()
        self.n_chars = 0
        self.n_bad = 0

    def char(self, page: int, ch: _Char) -> None:
        self.n_chars += 1
        t = ch.text
        if t.startswith("(cid:") or not _plausible(t):
            self.n_bad += 1
        self.add(t, (page, ch.x0, ch.y0, ch.x1, ch.y1))


def _plausible(t: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or " " <= c <= "~" or c in _EXPECTED_PUNCT or "\u3000" <= c <= "\u303f"
               or "\uff00" <= c <= "\uffef" for c in t)


def _lines_of(chars: list[_Char]) -> list[list[_Char]]:
    """Group characters into text lines (top to bottom), each sorted left to right."""
    out: list[list[_Char]] = []
    for ch in sorted(chars, key=lambda c: (-c.cy, c.x0)):
        if out and abs(out[-1][0].cy - ch.cy) <= max(ch.size, out[-1][0].size) * 0.45:
            out[-1].append(ch)
        else:
            out.append([ch])
    for line in out:
        line.sort(key=lambda c: c.x0)
    return out


def _emit_line(page: int, line: list[_Char], out: _Builder, columns: bool = True) -> None:
    widths = [c.x1 - c.x0 for c in line if c.text.strip()] or [10.0]
    em = statistics.median(widths)
    prev = None
    for ch in line:
        if prev is not None:
            gap = ch.x0 - prev.x1
            if columns and gap > 1.8 * em:
                out.add("\t", None)  # a whitespace-aligned column
            elif gap > 0.25 * em and (prev.text.isascii() and ch.text.isascii()):
                out.add(" ", None)
        out.char(page, ch)
        prev = ch


def _emit_grid(page: int, grid: Grid, out: _Builder) -> None:
    for fields in row_fields(len(grid.ys) - 1, len(grid.xs) - 1, grid.owner):
        for k, cell in enumerate(fields):
            if k:
                out.add("\t", None)
            if cell is not None:
                for line in _lines_of(cell.chars):
                    _emit_line(page, line, out, columns=False)
        out.add("\n", None)


def _layout_page(page: int, chars: list[_Char], lines: list, rects: list, out: _Builder) -> None:
    grids = [g for g in find_grids(lines, rects) if (len(g.xs) - 1) * (len(g.ys) - 1) >= 2]
    prose: list[_Char] = []
    for ch in chars:
        if not ch.text.strip():
            continue
        for g in grids:
            cell = g.cell_at(ch.cx, ch.cy)
            if cell is not None:
                cell.chars.append(ch)
                break
        else:
            prose.append(ch)
    blocks: list[tuple[float, str, object]] = [(line[0].cy, "line", line) for line in _lines_of(prose)]
    blocks += [(g.ys[0], "grid", g) for g in grids]
    for _, kind, item in sorted(blocks, key=lambda b: -b[0]):
        if kind == "grid":
            _emit_grid(page, item, out)  # type: ignore[arg-type]
        else:
            _emit_line(page, item, out)  # type: ignore[arg-type]
            out.add("\n", None)
