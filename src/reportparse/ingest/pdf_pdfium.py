"""PDF pages through pypdfium2 (the ``[pdfium]`` extra): the same characters,
boxes, ruling lines, rectangles and render modes as :mod:`.pdf_pdfminer`, in
a fraction of the time (PDFium interprets the content streams in C++).

Boxes are pdfminer's: a character spans its advance width across, and from
its font's descent to descent + size upward (PDFium's *loose* box gives the
advance and the descent; its top is the font's ascent, so the top is rebuilt
from the size). Paths are classified as pdfminer classifies them: one
segment is a line, a closed axis-aligned four-segment loop a rectangle, any
other path a curve whose axis-aligned steps are lines.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pr

from ..errors import UnreadableInputError
from .pdf_page import INVISIBLE, Char, PageContent, curve_lines

_PATH, _IMAGE, _FORM = pr.FPDF_PAGEOBJ_PATH, pr.FPDF_PAGEOBJ_IMAGE, pr.FPDF_PAGEOBJ_FORM
_MOVE, _LINE, _BEZIER = pr.FPDF_SEGMENT_MOVETO, pr.FPDF_SEGMENT_LINETO, pr.FPDF_SEGMENT_BEZIERTO
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_LOCK = threading.Lock()


def read_pages(path: str | Path) -> Iterator[PageContent]:
    """Each page's content, or :class:`UnreadableInputError`. PDFium is not
    thread-safe, so a document is read whole under one process-wide lock
    (threads of a caller may parse PDFs at once; each waits its turn)."""
    with _LOCK:
        pages = _read_all(path)
    yield from pages


def _read_all(path: str | Path) -> list[PageContent]:
    name = Path(path).name
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pr.FPDF_ERR_PASSWORD, pr.FPDF_ERR_SECURITY):
            raise UnreadableInputError(f"{name}: the PDF is encrypted and cannot be opened (PDFium: {exc})") from None
        raise _corrupt(name, exc) from None
    out: list[PageContent] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                out.append(_page(page))
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise _corrupt(name, exc) from None
    finally:
        doc.close()
    return out


def _corrupt(name: str, exc: Exception) -> UnreadableInputError:
    return UnreadableInputError(f"{name}: the PDF is corrupt or truncated (PDFium: {exc})"[:300])


def _page(page: pdfium.PdfPage) -> PageContent:
    out = PageContent()
    ctm = _page_ctm(page)
    _chars(page, out, ctm)
    handle = page.raw
    for k in range(pr.FPDFPage_CountObjects(handle)):
        _object(pr.FPDFPage_GetObject(handle, k), ctm, out)
    return out


def _page_ctm(page: pdfium.PdfPage) -> Matrix:
    """The page as it is shown, as pdfminer's interpreter sets it: the
    media box's lower left at the origin and the page's /Rotate applied (a
    landscape table drawn sideways on a portrait page, turned by /Rotate,
    reads upright). PDFium gives positions in the page's own space."""
    x0, y0, x1, y1 = page.get_mediabox()
    rotate = page.get_rotation() % 360
    if rotate == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if rotate == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if rotate == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


def _shown(char: Char, ctm: Matrix, vertical: bool) -> Char:
    """A character's box through the page's matrix (:func:`_page_ctm`); its
    size, as pdfminer's, the box's height (its width in vertical writing)."""
    if ctm == _IDENTITY:  # (-0.0 == 0.0: a media box at the origin)
        return char
    a, b, c, d, e, f = ctm
    xs = (a * char.x0 + c * char.y0 + e, a * char.x1 + c * char.y1 + e)
    ys = (b * char.x0 + d * char.y0 + f, b * char.x1 + d * char.y1 + f)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    if (a, b, c, d) == (1.0, 0.0, 0.0, 1.0):
        return Char(char.text, x0, y0, x1, y1, char.size)
    return Char(char.text, x0, y0, x1, y1, x1 - x0 if vertical else y1 - y0)



def _chars(page: pdfium.PdfPage, out: PageContent, ctm: Matrix) -> None:
    tp = page.get_textpage()
    try:
        raw = tp.raw
        m = pr.FS_MATRIX()
        x, y = ctypes.c_double(), ctypes.c_double()
        fonts: dict[int | None, tuple[object, float, int]] = {}  # text object -> font, descent per unit size, render mode
        widths: dict[tuple[int | None, int], float] = {}
        value = ctypes.c_float()
        for i in range(pr.FPDFText_CountChars(raw)):
            if pr.FPDFText_IsGenerated(raw, i):
                continue  # a space or line break PDFium inferred, not drawn
            obj = pr.FPDFText_GetTextObject(raw, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value
            known = fonts.get(key)
            if known is None:
                font = pr.FPDFTextObj_GetFont(obj)
                descent = value.value if pr.FPDFFont_GetDescent(font, 1.0, value) else 0.0
                known = fonts[key] = (font, descent, pr.FPDFTextObj_GetTextRenderMode(obj))
            font, descent, mode = known
            out.drawn += 1
            out.invisible += mode == INVISIBLE
            code = pr.FPDFText_GetUnicode(raw, i)
            fkey = (ctypes.cast(font, ctypes.c_void_p).value, code)
            width = widths.get(fkey)
            if width is None:
                width = widths[fkey] = value.value if pr.FPDFFont_GetGlyphWidth(font, code, 1.0, value) else 0.0
            pr.FPDFText_GetCharOrigin(raw, i, x, y)
            pr.FPDFText_GetMatrix(raw, i, m)
            size = pr.FPDFText_GetFontSize(raw, i)
            # no Unicode mapping: PDFium gives the character code itself, which the
            # text-layer check counts as mojibake (FPDFText_HasUnicodeMapError also
            # flags characters a ToUnicode map does map, so it is not used)
            text = chr(code) if code else "\ufffd"
            char, vertical = _box(text, x.value, y.value, m, size, width, descent)
            out.chars.append(_shown(char, ctm, vertical))
            out.count_turn(m.a * ctm[0] + m.b * ctm[2], m.a * ctm[1] + m.b * ctm[3])  # its line's way, as shown
    finally:
        tp.close()


def _box(text: str, x: float, y: float, m, size: float, width: float,  # type: ignore[no-untyped-def]
         descent: float) -> tuple[Char, bool]:
    """pdfminer's box of a character drawn at (x, y) through matrix ``m``, and
    whether it is written vertically."""
    det = m.a * m.d - m.b * m.c
    if det and abs((m.a * (y - m.f) - m.b * (x - m.e)) / det) > 0.05 * size:
        # off the text line (in text space the origin moved up or down, not only
        # along): vertical writing, where PDFium's origin is the box's lower left
        # (moved by the glyph's vertical displacement); size across, advance down
        across, down = abs(m.a) * size, abs(width * m.d) * size
        return Char(text, x, y, x + across, y + down, across), True
    # the advance across, descent to descent + size up, through the matrix
    x0, y0 = x + m.c * descent * size, y + m.d * descent * size
    ax, ay = m.a * width * size, m.b * width * size
    ux, uy = m.c * size, m.d * size
    xs, ys = (x0, x0 + ax + ux), (y0, y0 + ay + uy)
    return Char(text, min(xs), min(ys), max(xs), max(ys), abs(ay + uy)), False


def _matrix(obj) -> Matrix:  # type: ignore[no-untyped-def]
    m = pr.FS_MATRIX()
    if not pr.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _object(obj, ctm: Matrix, out: PageContent) -> None:  # type: ignore[no-untyped-def]
    kind = pr.FPDFPageObj_GetType(obj)
    if kind == _PATH:
        _path(obj, _compose(_matrix(obj), ctm), out)
    elif kind == _IMAGE:
        out.image = True
    elif kind == _FORM:
        inner = _compose(_matrix(obj), ctm)
        for k in range(pr.FPDFFormObj_CountObjects(obj)):
            _object(pr.FPDFFormObj_GetObject(obj, k), inner, out)


def _path(obj, m: Matrix, out: PageContent) -> None:  # type: ignore[no-untyped-def]
    """Each subpath as pdfminer paints it (see :func:`_subpath`)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if pr.FPDFPath_GetDrawMode(obj, fill, stroke) and not fill.value and not stroke.value:
        return  # a clipping path ("W n"): not painted
    a, b, c, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for k in range(pr.FPDFPath_CountSegments(obj)):
        seg = pr.FPDFPath_GetPathSegment(obj, k)
        kind = pr.FPDFPathSegment_GetType(seg)
        pr.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _MOVE:
            if shape:
                _subpath(shape, pts, out)
            shape, pts, bezier = ["m"], [pt], 0
        elif kind == _LINE:
            shape.append("l")
            pts.append(pt)
        elif kind == _BEZIER:
            bezier += 1
            if bezier % 3 == 0:  # the end point of a curve (two control points before it)
                shape.append("c")
                pts.append(pt)
        if pr.FPDFPathSegment_GetClose(seg) and shape:
            shape.append("h")
            pts.append(pts[0])
    if shape:
        _subpath(shape, pts, out)


def _subpath(shape: list[str], pts: list[tuple[float, float]], out: PageContent) -> None:
    s = "".join(shape)
    if len(s) > 3 and s.endswith("lh") and pts[-2] == pts[0]:
        s = s[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if s in ("mlh", "ml"):
        out.lines.append((pts[0][0], pts[0][1], pts[1][0], pts[1][1]))
        return
    if s in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                 or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            xs, ys = (x0, x1, x2, x3), (y0, y1, y2, y3)
            out.rects.append((min(xs), min(ys), max(xs), max(ys)))
            return
    out.lines.extend(curve_lines(pts))
