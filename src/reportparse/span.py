"""Where a node came from in the original input."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into the decoded original text, the
    1-based line of ``start``, and for PDFs the 1-based page and bounding box."""

    start: int
    end: int
    line: int
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "line": self.line}
        if self.page is not None:
            out["page"] = self.page
        if self.bbox is not None:
            out["bbox"] = [round(v, 2) for v in self.bbox]
        return out
