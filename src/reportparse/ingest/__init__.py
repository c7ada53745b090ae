"""Ingest: turn an input file into text (with geometry for PDFs).

Text, PDF and HTML differ only here; everything downstream reads one
:class:`SourceText`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[int, float, float, float, float]  # page (1-based), x0, y0, x1, y1 (PDF points, origin bottom-left)


@dataclass
class SourceText:
    text: str
    kind: str = "text"  # text | pdf | html
    encoding: str | None = None
    pages: int | None = None
    boxes: list[Box | None] | None = None  # per character of ``text``, for PDFs
    notes: list[tuple[str, str]] = field(default_factory=list)  # (diagnostic code, message) from ingest


class TextBuilder:
    """Text assembled piece by piece with one box (or None) per character."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.boxes: list[Box | None] = []

    def add(self, text: str, box: Box | None) -> None:
        self.parts.append(text)
        self.boxes.extend([box] * len(text))

    @property
    def text(self) -> str:
        return "".join(self.parts)
