"""What a PDF backend reads from one page: characters with their boxes,
ruling lines, rectangles, whether an image is drawn, and how many characters
were drawn invisible. Both backends (:mod:`.pdf_pdfminer`,
:mod:`.pdf_pdfium`) produce it; :mod:`.pdf` lays it out as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

INVISIBLE = 3  # text render mode 3: neither filled nor stroked (the OCR layer of a scan)
Segment = tuple[float, float, float, float]


class Char:
    """A character and its box; ``shown``: its box on the page as shown, when
    the page was turned to lay it out (:func:`upright`)."""

    __slots__ = ("text", "x0", "y0", "x1", "y1", "size", "shown")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float, size: float) -> None:
        self.text, self.x0, self.y0, self.x1, self.y1, self.size = text, x0, y0, x1, y1, size
        self.shown: tuple[float, float, float, float] | None = None

    @property
    def box(self) -> tuple[float, float, float, float]:
        """Where it stands on the page as shown."""
        return self.shown or (self.x0, self.y0, self.x1, self.y1)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class PageContent:
    chars: list[Char] = field(default_factory=list)
    lines: list[Segment] = field(default_factory=list)
    rects: list[Segment] = field(default_factory=list)  # x0, y0, x1, y1
    image: bool = False
    drawn: int = 0  # characters drawn
    invisible: int = 0  # of them, drawn in render mode 3
    turns: dict[int, int] = field(default_factory=dict)  # characters by the way their lines run: 0, 90, 180, 270 degrees

    def count_turn(self, a: float, b: float) -> None:
        """Count a character by which way its line runs as shown, from its
        matrix's first column: 0 left to right, 90 upward, 180 right to left
        (upside down), 270 downward."""
        turn = (0 if a >= 0 else 180) if abs(a) >= abs(b) else 90 if b > 0 else 270
        self.turns[turn] = self.turns.get(turn, 0) + 1


OVERPRINT = 0.2  # a character drawn again within this share of its box's width and height: the same one


def without_overprints(page: PageContent) -> PageContent:
    """The page with each character drawn again at (nearly) the same place
    kept once: the "fake bold" of a font with no bold face (Word, WPS and
    print drivers draw the text again offset by a fraction of a point), which
    would read ``16`` as ``1616`` or ``1166``. The same character moved by at
    most :data:`OVERPRINT` of its own box's width across and of its height
    up or down, as poppler's and PDFium's text drop it; a neighbour stands a
    whole advance away, so ``100`` keeps both zeros."""
    chars = page.chars
    if len({(ch.text, int(ch.x0 // 2), int(ch.y0 // 2)) for ch in chars}) == len(chars):
        return page  # (a quick look: no character twice in a square of 2 pt, as on most pages)
    seen: dict[tuple[str, int, int], list[Char]] = {}
    kept: list[Char] = []
    for ch in chars:
        tx, ty = OVERPRINT * (ch.x1 - ch.x0), OVERPRINT * (ch.y1 - ch.y0)
        gx, gy, rx, ry = int(ch.x0 // 2), int(ch.y0 // 2), int(tx // 2) + 1, int(ty // 2) + 1
        again = bool(ch.text.strip()) and any(abs(o.x0 - ch.x0) <= tx and abs(o.y0 - ch.y0) <= ty
                                        for i in range(gx - rx, gx + rx + 1) for j in range(gy - ry, gy + ry + 1)
                                        for o in seen.get((ch.text, i, j), ()))
        seen.setdefault((ch.text, gx, gy), []).append(ch)  # (a copy too: drawn three times, each near the last)
        if not again:
            kept.append(ch)
    page.chars = kept
    return page


def upright(page: PageContent) -> PageContent:
    """The page turned so that most of its characters' lines run left to
    right: a wide table printed sideways on a portrait page (its lines run
    up or down) is laid out as a reader turning the page sees it. Each
    character keeps its box as shown (``Char.shown``) for the report's spans."""
    if not page.chars or not page.turns:
        return page
    turn, n = max(page.turns.items(), key=lambda kv: (kv[1], -kv[0]))
    if turn == 0 or 2 * n <= sum(page.turns.values()):
        return page

    def at(x: float, y: float) -> tuple[float, float]:
        return (y, -x) if turn == 90 else (-x, -y) if turn == 180 else (-y, x)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        (ax, ay), (bx, by) = at(x0, y0), at(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    for ch in page.chars:
        ch.shown = (ch.x0, ch.y0, ch.x1, ch.y1)
        ch.x0, ch.y0, ch.x1, ch.y1 = box(*ch.shown)
        if turn != 180:
            ch.size = ch.y1 - ch.y0  # the glyph's height, as the page is turned
    page.lines = [(*at(x0, y0), *at(x1, y1)) for x0, y0, x1, y1 in page.lines]
    page.rects = [box(*r) for r in page.rects]
    return page


def curve_lines(pts: list[tuple[float, float]]) -> list[Segment]:
    """The axis-aligned steps of a polyline: a table's rules drawn as one path."""
    return [(ax, ay, bx, by) for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False)
            if abs(ax - bx) < 1 or abs(ay - by) < 1]
