"""PDF ingest: a backend (:mod:`.pdf_pdfminer`, or :mod:`.pdf_pdfium` when the
``[pdfium]`` extra is installed) reads each page's characters and ruling
lines; this module lays them out. (It is imported only when a PDF is parsed,
which keeps ``import reportparse`` light.) Tables become tab-separated rows rebuilt from the ruling
lines (merged cells included); prose becomes lines in reading order. Every
character keeps its page and bounding box.
"""

from __future__ import annotations

import statistics
from functools import lru_cache
from pathlib import Path

from ..errors import UnreadableInputError
from ..startcache import compiled
from . import SourceText, TextBuilder
from .grid import Grid, find_grids, row_fields
from .pdf_page import Char, PageContent, upright, without_overprints

_NUMBER = compiled(r"[-+]?\d+(?:\.\d+)?")
_EXPECTED_PUNCT = set("，。、；：？！“”‘’（）《》〔〕【】—…·％－ ")


@lru_cache(maxsize=1)
def pdfium_available() -> bool:
    """Is the ``[pdfium]`` extra (pypdfium2) installed? (Looked up once per process.)"""
    from importlib.util import find_spec

    return find_spec("pypdfium2") is not None


def backend_for(choice: str) -> str:
    """The backend a choice names: ``auto`` is pdfium when installed, else pdfminer."""
    if choice == "auto":
        return "pdfium" if pdfium_available() else "pdfminer"
    if choice == "pdfium" and not pdfium_available():
        raise UnreadableInputError("the pdfium backend needs pypdfium2: pip install 'reportparse[pdfium]'")
    return choice


def read_pdf(path: str | Path, backend: str = "pdfminer") -> SourceText:
    """Text and geometry of a PDF, or :class:`UnreadableInputError`.
    ``backend``: ``pdfminer`` (always there), ``pdfium`` or ``auto``."""
    used = backend_for(backend)
    if used == "pdfium":
        from .pdf_pdfium import read_pages
    else:
        from .pdf_pdfminer import read_pages
    name = Path(path).name
    out = _Builder()
    pages = images = drawn = invisible = 0
    held: list[_Block] | None = None  # the page before, laid out, emitted once the next is seen
    for pageno, page in enumerate(read_pages(path), 1):
        images += page.image
        drawn += page.drawn
        invisible += page.invisible
        blocks = _place(upright(without_overprints(page)))
        if held is not None:
            _join_split_row(held, blocks, pageno)
            _emit_page(pageno - 1, held, out)
            out.add("\f", None)
        held, pages = blocks, pageno
    if held is not None:
        _emit_page(pages, held, out)
    if pages == 0:
        raise UnreadableInputError(f"{name}: the PDF has no pages")
    text = out.text
    _check_text_layer(name, out.n_chars, out.n_bad)
    notes = []
    if images and invisible > drawn / 2:
        notes.append(("INPUT_OCR_LAYER", f"{invisible} of {drawn} characters are invisible text over the images "
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

    def char(self, page: int, ch: Char) -> None:
        self.n_chars += 1
        t = ch.text
        if t.startswith("(cid:") or not _plausible(t):
            self.n_bad += 1
        self.add(t, (page, *ch.box))


def _plausible(t: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or " " <= c <= "~" or c in _EXPECTED_PUNCT or "\u3000" <= c <= "\u303f"
               or "\uff00" <= c <= "\uffef" for c in t)


def _lines_of(chars: list[Char]) -> list[list[Char]]:
    """Group characters into text lines (top to bottom), each sorted left to right."""
    out: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: (-c.cy, c.x0)):
        if out and abs(out[-1][0].cy - ch.cy) <= max(ch.size, out[-1][0].size) * 0.45:
            out[-1].append(ch)
        else:
            out.append([ch])
    for line in out:
        line.sort(key=lambda c: c.x0)
    return out


def _emit_line(page: int, line: list[Char], out: _Builder, columns: bool = True) -> None:
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
    for r, fields in enumerate(row_fields(len(grid.ys) - 1, len(grid.xs) - 1, grid.owner)):
        if r == 0 and grid.joined_up:
            continue  # the rest of a row split over a page break, emitted with the row (_join_split_row)
        for k, cell in enumerate(fields):
            if k:
                out.add("\t", None)
            if cell is not None:
                for line in _lines_of(cell.chars):
                    _emit_line(page, line, out, columns=False)
                for more_page, chars in cell.more:
                    for line in _lines_of(chars):
                        _emit_line(more_page, line, out, columns=False)
        out.add("\n", None)


_Block = tuple[float, str, object]  # top y, "line" or "grid", the line's characters or the grid


def _place(content: PageContent) -> list[_Block]:
    """A page's characters placed in the cells of its ruled tables, the rest
    grouped into lines: its blocks, top to bottom."""
    grids = [g for g in find_grids(content.lines, content.rects) if (len(g.xs) - 1) * (len(g.ys) - 1) >= 2]
    prose: list[Char] = []
    for ch in content.chars:
        if not ch.text.strip():
            continue
        for g in grids:
            cell = g.cell_at(ch.cx, ch.cy)
            if cell is not None:
                cell.chars.append(ch)
                break
        else:
            prose.append(ch)
    for g in [g for g in grids if _rows_unruled(g)]:  # its characters are lines of text, aligned by whitespace
        grids.remove(g)
        prose += [ch for cell in g.cells for ch in cell.chars]
    blocks: list[_Block] = [(line[0].cy, "line", line) for line in _lines_of(prose)]
    blocks += [(g.ys[0], "grid", g) for g in grids]
    return sorted(blocks, key=lambda b: -b[0])


def _rows_unruled(grid: Grid) -> bool:
    """A table drawn with lines between its columns but none between its
    rows (most of its cells hold three or more lines of text: a column's
    values, one per row, which a cell would run together), or with lines
    between its rows but none between its columns (one column: each row's
    cells one ruled cell). Read as the lines of a table aligned by
    whitespace instead."""
    if len(grid.xs) == 2:
        return True
    held = [len(_lines_of(cell.chars)) for cell in grid.cells if cell.chars]
    return len(held) >= 2 and statistics.median(held) >= 3


def _emit_page(page: int, blocks: list[_Block], out: _Builder) -> None:
    for _, kind, item in blocks:
        if kind == "grid":
            _emit_grid(page, item, out)  # type: ignore[arg-type]
        else:
            _emit_line(page, item, out)  # type: ignore[arg-type]
            out.add("\n", None)


def _join_split_row(before: list[_Block], after: list[_Block], page: int) -> None:
    """A table row that a page break split (Word and LibreOffice let a row
    break across pages): its values and the first characters of its labels
    end one page (``（三 | 1.属 | 0 | 0 …``), the rest of its labels begin the
    next (``）不予公开 | 于国家秘密 |  | …``), each half a row of the same
    columns. The second half's text joins the cells above it, so each label
    reads whole on its row. Only when the second half is text in columns
    whose cells above are text, and empty in every column above holding a
    number."""
    grids_before = [b[2] for b in before if b[1] == "grid"]
    first_after = next((b for b in after if b[1] == "grid"), None)
    if not grids_before or first_after is None:
        return
    up, down = grids_before[-1], first_after[2]
    assert isinstance(up, Grid) and isinstance(down, Grid)
    if len(up.xs) != len(down.xs) or any(abs(a - b) > 3 for a, b in zip(up.xs, down.xs, strict=True)) or len(down.ys) < 3:
        return
    last = len(up.ys) - 2
    ncols = len(up.xs) - 1
    found = [up.owner.get((last, c)) for c in range(ncols)]
    above = [a for a in found if a is not None]
    if len(above) < ncols:
        return
    below = [down.owner.get((0, c)) for c in range(ncols)]
    moving = {c: b for c, b in enumerate(below) if b is not None and b.chars}
    up_text = ["".join(ch.text for ch in a.chars) for a in above]
    numbers = {c for c, t in enumerate(up_text) if _NUMBER.fullmatch(t)}
    if not moving or not numbers:
        return
    if any(c in numbers or not up_text[c] or _NUMBER.search("".join(ch.text for ch in b.chars)) for c, b in moving.items()):
        return
    for c, b in moving.items():
        above[c].more.append((page, b.chars))
        b.chars = []
    down.joined_up = True
