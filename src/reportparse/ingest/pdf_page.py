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
    __slots__ = ("text", "x0", "y0", "x1", "y1", "size")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float, size: float) -> None:
        self.text, self.x0, self.y0, self.x1, self.y1, self.size = text, x0, y0, x1, y1, size

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


def curve_lines(pts: list[tuple[float, float]]) -> list[Segment]:
    """The axis-aligned steps of a polyline: a table's rules drawn as one path."""
    return [(ax, ay, bx, by) for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False)
            if abs(ax - bx) < 1 or abs(ay - by) < 1]
