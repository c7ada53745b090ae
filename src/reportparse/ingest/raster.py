"""Greyscale page images for OCR, in pure Python over ``bytes``: read the PGM
files pdftoppm writes, whiten grey paper, crop, clean (rule slivers, specks)
and enlarge cells; :mod:`.page_rules` measures a page's tilt and its rules.

Every step is a C-speed ``bytes`` operation (translate, slicing, regex over a
row or a column), so a 300 dpi A4 page takes a fraction of a second and no
imaging library is needed. Coordinates given out are PDF points with the
origin at the bottom left, like the PDF text path, so the same
:mod:`~reportparse.ingest.grid` pipeline turns the lines into table grids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

_DARK = 160  # grey values below this are ink
_BINARY = bytes(0 if v < _DARK else 255 for v in range(256))
_PGM = re.compile(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s")

Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in points


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    pixels: bytes  # one byte per pixel, rows top to bottom
    dpi: int = 300

    @classmethod
    def read_pgm(cls, path: str | Path, dpi: int = 300) -> Image:
        data = Path(path).read_bytes()
        m = _PGM.match(data)
        if not m or int(m[3]) > 255:
            raise ValueError(f"{Path(path).name}: not an 8-bit binary PGM image")
        w, h = int(m[1]), int(m[2])
        px = data[m.end():m.end() + w * h]
        if len(px) != w * h:
            raise ValueError(f"{Path(path).name}: truncated PGM image")
        return cls(w, h, px, dpi)

    def whitened(self) -> Image:
        """The page with its paper white: grey levels scaled so that the
        commonest light level (the paper of a grey or yellowed scan) becomes
        255. Cells are read on white: tesseract's own threshold splits a grey
        crop with whitened rule slivers between paper and white, not between
        ink and paper (0 read as 四). A page on white paper is returned as it is."""
        paper = _commonest_light(self.pixels[::7])
        if paper >= 250:
            return self
        table = bytes(min(255, round(v * 255 / paper)) for v in range(256))
        return Image(self.width, self.height, self.pixels.translate(table), self.dpi)

    def to_pgm(self) -> bytes:
        return b"P5 %d %d 255\n" % (self.width, self.height) + self.pixels

    # geometry: pixels <-> points
    def pt(self, px: float) -> float:
        return px * 72 / self.dpi

    def px(self, pt: float) -> int:
        return round(pt * self.dpi / 72)

    def crop_points(self, box: tuple[float, float, float, float], inset_pt: float = 0.0,
                    inset_y_pt: float | None = None) -> Image | None:
        """The part of the page inside ``box`` (points), ``inset_pt`` in from
        each side (``inset_y_pt`` from the top and bottom, if given)."""
        x0, y0, x1, y1 = box
        iy = inset_pt if inset_y_pt is None else inset_y_pt
        left, right = self.px(x0 + inset_pt), self.px(x1 - inset_pt)
        top, bottom = self.px(self.pt(self.height) - y1 + iy), self.px(self.pt(self.height) - y0 - iy)
        left, top = max(0, left), max(0, top)
        right, bottom = min(self.width, right), min(self.height, bottom)
        if right - left < 2 or bottom - top < 2:
            return None
        w = self.width
        px = memoryview(self.pixels)  # slices of a memoryview are not copied before the join
        rows = b"".join([px[y * w + left:y * w + right] for y in range(top, bottom)])
        return Image(right - left, bottom - top, rows, self.dpi)

    @cached_property
    def binary(self) -> bytes:
        """The pixels as ink (0) or paper (255), computed once."""
        return self.pixels.translate(_BINARY)

    def ink(self) -> int:
        """Number of dark pixels."""
        return self.binary.count(0)

    def ink_height(self) -> int:
        """Height in pixels of the rows that carry ink (0 when blank)."""
        w, binary = self.width, self.binary
        rows = [y for y in range(self.height) if binary.find(0, y * w, (y + 1) * w) >= 0]
        return rows[-1] - rows[0] + 1 if rows else 0

    def without_edge_rules(self, frac: float = 0.4) -> Image:
        """The image with pieces of ruling line along its edges whitened: a
        column (row) at the left or right (top or bottom) edge, and the ones
        next to it inwards, whose longest ink run covers ``frac`` of the
        image's height (width). A cell cut from a tilted scan keeps a sliver of
        its border, which readers take for | or 1; a glyph at the edge of a
        cell crop would already be clipped."""
        w, h, binary = self.width, self.height, self.binary
        cols = [x for edge in (range(w), range(w - 1, -1, -1))
                for x in _rule_lines(((x, binary[x::w]) for x in edge[:max(1, w // 4)]), frac * h)]
        rows = [y for edge in (range(h), range(h - 1, -1, -1))
                for y in _rule_lines(((y, binary[y * w:(y + 1) * w]) for y in edge[:max(1, h // 4)]), frac * w)]
        if not cols and not rows:
            return self
        px = bytearray(self.pixels)
        for x in cols:
            px[x::w] = b"\xff" * h
        for y in rows:
            px[y * w:(y + 1) * w] = b"\xff" * w
        return Image(w, h, bytes(px), self.dpi)

    def without_specks(self, most: int = 4) -> Image:
        """The image with its specks whitened: groups of touching ink pixels
        (diagonals touch) of ``most`` pixels or fewer, which readers take for
        points, signs and digits (dust; a point of a number at 300 dpi is
        larger). Groups are found from the runs of ink of each row."""
        w, binary = self.width, self.binary
        runs: list[tuple[int, int, int]] = []  # row, first, end
        parent: list[int] = []

        def root(a: int) -> int:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a
        prev: list[int] = []
        last = -2
        for y, row in row_runs(binary, w, self.height, _INK_RUN).items():
            if y != last + 1:
                prev = []  # the row above has no ink
            last = y
            cur = []
            k = 0  # the runs of both rows are in order: the runs above that touch one are consecutive
            for a, b in row:
                i = len(runs)
                runs.append((y, a, b))
                parent.append(i)
                while k < len(prev) and runs[prev[k]][2] < a:
                    k += 1  # ends left of this run: touches no later run either
                m = k
                while m < len(prev) and runs[prev[m]][1] <= b:
                    parent[root(prev[m])] = root(i)
                    m += 1
                cur.append(i)
            prev = cur
        size: dict[int, int] = {}
        for i, (_, a, b) in enumerate(runs):
            size[root(i)] = size.get(root(i), 0) + b - a
        small = [runs[i] for i in range(len(runs)) if size[root(i)] <= most]
        if not small:
            return self
        px = bytearray(self.pixels)
        for y, a, b in small:
            px[y * w + a:y * w + b] = b"\xff" * (b - a)
        return Image(w, self.height, bytes(px), self.dpi)

    def padded(self, pad: int) -> Image:
        """White margin around the image (tesseract reads a glyph touching the edge badly)."""
        w = self.width + 2 * pad
        white = b"\xff" * pad
        px, iw = memoryview(self.pixels), self.width
        body = white + (white + white).join([px[y * iw:(y + 1) * iw] for y in range(self.height)]) + white if self.height else b""
        blank = b"\xff" * (w * pad)
        return Image(w, self.height + 2 * pad, blank + body + blank, self.dpi)

    def sheared(self, slope: float) -> Image:
        """The page turned back by a small skew (``slope`` = dy/dx of its rules,
        pixel rows counted downwards), as two shears: each column moved up or
        down (rules become level), then each row moved sideways (cell borders
        become upright). Both are slice assignments; no pixel is visited in Python."""
        w, h = self.width, self.height
        cx, cy = w / 2, h / 2
        white = b"\xff"
        cols = bytearray(white * (w * h))
        for x in range(w):
            k = round(slope * (x - cx))  # this column's content moves up by k rows
            col = self.pixels[x::w]
            cols[x::w] = col[k:] + white * k if k >= 0 else white * -k + col[:h + k]
        rows = []
        for y in range(h):
            k = round(slope * (y - cy))  # this row's content moves right by k pixels
            row = bytes(cols[y * w:(y + 1) * w])
            rows.append(white * k + row[:w - k] if k >= 0 else row[-k:] + white * -k)
        return Image(w, h, b"".join(rows), self.dpi)

    def unsheared_box(self, box: tuple[float, float, float, float], slope: float) -> tuple[float, float, float, float]:
        """Where a box (points) of :meth:`sheared` lies on the page before the
        shears: the same size around its centre mapped back."""
        x0, y0, x1, y1 = box
        cx, cy = self.width / 2, self.height / 2
        xs, ys = self.px((x0 + x1) / 2), self.height - self.px((y0 + y1) / 2)  # pixels, rows downwards
        x = xs - slope * (ys - cy)
        y = ys + slope * (x - cx)
        mx, my = self.pt(x), self.pt(self.height - y)
        return mx - (x1 - x0) / 2, my - (y1 - y0) / 2, mx + (x1 - x0) / 2, my + (y1 - y0) / 2

    def enlarged(self, k: int) -> Image:
        """Nearest-neighbour ``k``-times enlargement: small digits at table
        font sizes are read far better by tesseract at twice the size."""
        if k == 1:
            return self
        out = []
        for y in range(self.height):
            row = self.pixels[y * self.width:(y + 1) * self.width]
            wide = bytearray(self.width * k)
            for i in range(k):
                wide[i::k] = row
            out.append(bytes(wide) * k)
        return Image(self.width * k, self.height * k, b"".join(out), self.dpi * k)


_INK_RUN = re.compile(rb"\x00+")


def _commonest_light(sample: bytes) -> int:
    """The commonest grey level from ``_DARK`` up (the lowest of equals):
    levels are counted from white down, and counting stops once the pixels
    not yet counted are fewer than the best count (a page on white paper:
    one count instead of about 200)."""
    best, best_n, left = 255, -1, len(sample)
    for v in range(255, _DARK - 1, -1):
        if left < best_n:
            break
        n = sample.count(v)
        left -= n
        if n >= best_n:
            best, best_n = v, n
    return best


def _rule_lines(lines: Iterable[tuple[int, bytes]], long: float) -> list[int]:
    """From an image edge inwards: the lines (pixel columns or rows) whose
    longest ink run is ``long`` or more. Blank lines right at the edge are
    passed over; a line of anything else ends the search."""
    out: list[int] = []
    for i, (at, line) in enumerate(lines):
        run = max((len(m) for m in _INK_RUN.findall(line)), default=0)
        if run >= long:
            out.append(at)
        elif run or out or i >= 3:
            break
    return out


def _separated_rows(binary: bytes, w: int, h: int) -> bytes:
    """The image's rows one after another with a paper byte after each, so
    that no run found in it crosses a row's end."""
    px = memoryview(binary)
    return b"\xff".join([px[y * w:(y + 1) * w] for y in range(h)])


def long_runs(binary: bytes, w: int, h: int, least: int) -> dict[int, list[tuple[int, int]]]:
    """What :func:`row_runs` gives for ``\\x00{least,}`` on an ink/paper image
    (bytes 0 and 255 only): the runs of ``least`` or more ink pixels of each
    row. Found with ``bytes.find`` for ``least`` ink bytes, which steps over
    paper ``least`` bytes at a time where a regex stops at every ink pixel
    (of text, too): a page's rules in milliseconds instead of 80 ms."""
    rows = _separated_rows(binary, w, h)
    stride, needle = w + 1, b"\x00" * least
    out: dict[int, list[tuple[int, int]]] = {}
    pos = rows.find(needle)
    while pos >= 0:
        end = rows.find(b"\xff", pos + least)
        end = len(rows) if end < 0 else end
        y = pos // stride
        x = pos - y * stride
        out.setdefault(y, []).append((x, x + end - pos))
        pos = rows.find(needle, end)
    return out


def row_runs(binary: bytes, w: int, h: int, pattern: re.Pattern[bytes]) -> dict[int, list[tuple[int, int]]]:
    """The runs a pattern finds in each pixel row, by row from the top (rows
    without a run left out), each row's runs from the left: one search over
    the whole image (:func:`_separated_rows`), where a search per row cost a
    Python call per row."""
    rows = _separated_rows(binary, w, h)
    stride = w + 1
    out: dict[int, list[tuple[int, int]]] = {}
    at, cur = -1, []
    for m in pattern.finditer(rows):
        start, end = m.span()
        y = start // stride
        if y != at:
            at, cur = y, []
            out[y] = cur
        x = start - y * stride
        cur.append((x, x + end - start))
    return out
