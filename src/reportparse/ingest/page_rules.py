"""Measure a greyscale page image: how far it is turned (by its table rules,
or by its lines of text when it has none) and where its table rules are,
as segments in PDF points for :mod:`~reportparse.ingest.grid`."""

from __future__ import annotations

import bisect
import math
from operator import add, mul

from .raster import Image, Segment, long_runs


def skew(img: Image, min_votes: int = 20) -> float | None:
    """The slope (dy/dx, pixel rows counted downwards) of the page's long
    horizontal rules: 0.0 when they are level, None when the page has none
    to measure (too few shifts and no rule a quarter of the page wide).

    A rule tilted by a small angle shows in each pixel row as a run of ink
    that the next row repeats shifted sideways by the same amount at both
    ends (1/slope pixels); the median of those shifts over all long runs is
    the slope. A run a quarter of the page wide in one pixel row is a rule
    level to within 1/(w/4) (0.1° at A4 width): the lines of text of such a
    page are as level, below what :func:`text_skew` turns a page by."""
    w, h, binary = img.width, img.height, img.binary
    shifts: list[int] = []
    by_row = long_runs(binary, w, h, max(8, img.px(10.0)))
    for y, spans in by_row.items():
        prev = by_row.get(y - 1, [])
        for a, b in spans:
            for pa, pb in prev:
                d = a - pa
                if 4 <= abs(d) <= w // 4 and abs((b - pb) - d) <= 2 and pa < b and a < pb:
                    shifts.append(d)
    if len(shifts) < min_votes:
        return 0.0 if any(b - a >= w // 4 for spans in by_row.values() for a, b in spans) else None
    shifts.sort()
    return 1.0 / shifts[len(shifts) // 2]


_STRIPS = 24  # vertical strips whose ink per pixel row is shifted as a whole


def text_skew(img: Image, max_degrees: float = 5.0, step: int = 2) -> float:
    """The slope of a page's lines of text (dy/dx, pixel rows counted
    downwards), for a page with no ruling lines to measure: the slope at which
    the page's ink, summed along lines of that slope, is most concentrated
    into rows (lines of text and the gaps between them). 0.0 for a page that
    is level, or has too little text to tell."""
    w, h, binary = img.width, img.height, img.binary
    strip = w // _STRIPS
    if strip < 8 or h < 200:
        return 0.0
    rows = range(0, h, step)
    counts = [[binary.count(0, y * w + k * strip, y * w + (k + 1) * strip) for y in rows] for k in range(_STRIPS)]
    if sum(map(sum, counts)) < 2000:
        return 0.0
    centres = [(k + 0.5) * strip - w / 2 for k in range(_STRIPS)]
    pad = int(math.tan(math.radians(abs(max_degrees))) * w / 2 / step) + 2

    def score(slope: float) -> int:
        profile = [0] * (len(rows) + 2 * pad)
        for k, col in enumerate(counts):
            at = pad - round(slope * centres[k] / step)
            profile[at:at + len(col)] = map(add, profile[at:at + len(col)], col)
        return sum(map(mul, profile, profile))

    def best(slopes: list[float]) -> tuple[int, float]:
        return max((score(sl), -abs(sl), sl) for sl in slopes)[::2]  # ties: the smaller slope

    coarse = [math.tan(math.radians(d / 2)) for d in range(-int(2 * max_degrees), int(2 * max_degrees) + 1)]
    _, around = best(coarse)
    fine = [around + math.tan(math.radians(d / 10)) for d in range(-5, 6)]
    top, slope = best(fine)
    level = score(0.0)
    # a level page, or no clear text lines: keep the page as it is
    return slope if abs(slope) >= math.tan(math.radians(0.3)) and top > 1.1 * level else 0.0


def ruling_segments(img: Image, min_len_pt: float = 18.0, min_cell_pt: float = 6.0) -> list[Segment]:
    """Table rules as segments (points): horizontal runs of ink at least
    ``min_len_pt`` long (a run of text is broken by the gaps between glyphs;
    the longest stroke of a CJK glyph at body size is about 10 pt), and
    vertical runs as long, or at least ``min_cell_pt`` long with both ends on
    a horizontal rule (the borders of a one-row table fragment after a page
    break). A rule several pixels thick repeats the same run row after row (or
    column after column): one segment is kept; the grid pipeline snaps the rest.
    A page without a horizontal rule gives none (its vertical runs could form
    no grid: the columns are not searched)."""
    w, h, binary = img.width, img.height, img.binary
    long_px, tol = max(8, img.px(min_len_pt)), img.px(3.0)
    # a one-pixel rule of a straightened scan steps sideways (up or down) now and then:
    # a pixel counts as ink where it or its neighbour to the right (below) is
    # (AND of 0 = ink, 255 = paper)
    as_int = int.from_bytes(binary, "big")
    tall = (as_int & int.from_bytes(binary[w:] + b"\xff" * w, "big")).to_bytes(len(binary), "big")
    # taken together with the row below, strokes of neighbouring glyphs can chain up:
    # a run found only that way must be twice as long to be a rule
    rules: list[tuple[int, int, int]] = []  # y, x0, x1 in pixels, top to bottom
    plain, chained = long_runs(binary, w, h, long_px), long_runs(tall, w, h, 2 * long_px)
    for y in sorted(plain.keys() | chained.keys()):
        rules += [(y, x0, x1) for x0, x1 in sorted({*plain.get(y, ()), *chained.get(y, ())})]
    if not rules:  # vertical rules alone make no grid (a table's rules touch two horizontal ones)
        return []
    rule_ys = [r[0] for r in rules]

    def on_rule(y: int, x: int) -> bool:
        lo = bisect.bisect_left(rule_ys, y - tol)
        return any(x0 - tol <= x <= x1 + tol for _, x0, x1 in rules[lo:bisect.bisect_right(rule_ys, y + tol)])

    out: list[Segment] = []
    seen = {(y, x0, x1) for y, x0, x1 in rules}
    for y, x0, x1 in rules:
        if (y - 1, x0, x1) not in seen:  # not the same rule one pixel row further down
            out.append((img.pt(x0), img.pt(h - y), img.pt(x1), img.pt(h - y)))
    wide = (as_int & int.from_bytes(binary[1:] + b"\xff", "big")).to_bytes(len(binary), "big")
    columns = long_runs(b"".join(wide[x::w] for x in range(w)), h, w, max(4, img.px(min_cell_pt)))  # the image turned
    prev_v: list[tuple[int, int]] = []
    for x in range(w):
        runs = columns.get(x)
        spans = [(a, b) for a, b in runs if b - a >= long_px or (on_rule(a, x) and on_rule(b - 1, x))] if runs else []
        if spans != prev_v:
            out += [(img.pt(x), img.pt(h - b), img.pt(x), img.pt(h - a)) for a, b in spans]
        prev_v = spans
    return out
