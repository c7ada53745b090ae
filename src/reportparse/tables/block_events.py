"""A table region read as the events the block reader places (:mod:`.blocks`):
row labels (the anchors), column headers, and blocks of value-only lines, in
print order. A line of tab-separated values (a Markdown or layout table's row)
is a printed row: its cells keep their places, an empty one as None; other
value lines (pdfminer's one value per line) are runs of values between blank
lines. Page numbers between the lines of a block do not end it."""

from __future__ import annotations

from ..grammar import TableGrammar
from ..startcache import compiled
from .anchors import Anchor
from .stream import NUMERIC_LINE, Stream, find_all, label_pattern
from .tokens import Value, read_token

_PAGE_NUMBER = compiled(r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$")
_TOKEN = compiled(r"\S+")

# (compact offset, "row" | "col" | "values", row id | column id | (lines, every line a printed row))
Event = tuple[int, str, object]


def region_events(t: TableGrammar, s: Stream, anchors: dict[str, Anchor]) -> list[Event]:
    """Row labels, column headers and value blocks of the region, in print order (compact offsets)."""
    events: list[Event] = [(a.start, "row", rid) for rid, a in anchors.items()]
    taken = [(a.start, a.end) for a in anchors.values()]
    groups = {c.group for c in t.columns.values() if c.group}
    for g in groups:
        taken += [s.label_span(a, b)[:2] for a, b in find_all(s, [label_pattern(g)])]
    hits = []
    for cid, col in t.columns.items():
        for a, b in find_all(s, [label_pattern(m) for m in col.labels]):
            start, end, _ = s.label_span(a, b)
            if not any(x <= start and end <= y for x, y in taken):
                hits.append((start, end, cid))
    starts, ends = {h[0] for h in hits}, {h[1] for h in hits}
    for start, end, cid in hits:  # a header is a cell of its own (not 其他 in 不计其他情形): a line edge or another header on each side
        if (start in ends or _cell_edge(s, start)) and (end in starts or _cell_edge(s, end)):
            events.append((start, "col", cid))
    pos = 0
    lines: list[list[Value | None]] = []  # the block's value lines
    tabbed = True  # every line of the block a printed row
    run = 0
    for line in s.text.split("\n"):
        cells = printed_row(line, pos)
        if cells is not None:
            run += 1  # a printed row is a run of its own
            for v in cells:
                if v is not None:
                    v.block = run
            lines.append(cells)
            run += 1
        elif NUMERIC_LINE.match(line):
            got: list[Value | None] = []
            for m in _TOKEN.finditer(line):
                v = read_token(m.group(), pos + m.start())
                if v is not None and v.kind == "number":
                    v.block = run
                    got.append(v)
            if got:
                lines.append(got)
                tabbed = False
        elif not line.strip():
            run += 1
        elif not _PAGE_NUMBER.match(line):
            if lines:
                events.append((_first(lines).start, "values", (lines, tabbed)))
            lines, tabbed = [], True
        pos += len(line) + 1
    if lines:
        events.append((_first(lines).start, "values", (lines, tabbed)))
    return sorted(events, key=lambda e: (e[0], e[1] != "row"))


def _first(lines: list[list[Value | None]]) -> Value:
    return next(v for line in lines for v in line if v is not None)


def printed_row(line: str, pos: int) -> list[Value | None] | None:
    """A line of tab-separated values (a Markdown or layout table's row as
    printed): its cells in order, a blank field as None (an empty cell whose
    place is known); OCR look-alikes of digits read as digits. None for any
    other line."""
    body = line.strip(" ")  # (tabs kept: an empty first or last cell)
    if "\t" not in body:
        return None
    at = pos + line.index(body)
    cells: list[Value | None] = []
    for raw in body.split("\t"):
        tok = raw.strip()
        v = read_token(tok, at + len(raw) - len(raw.lstrip())) if tok else None
        if tok and (v is None or v.kind not in ("number", "ocr", "blank", "mark")):
            return None  # text: not a line of values
        cells.append(None if v is None or v.kind in ("blank", "mark") else v)  # ``-``: an empty cell
        at += len(raw) + 1
    return cells if any(v is not None and v.kind == "number" for v in cells) else None


def _cell_edge(s: Stream, i: int) -> bool:
    """A line or cell boundary of the printed text at compact offset ``i``
    (a header is a cell of its own, not 其他 inside 不计其他情形)."""
    if i <= 0 or i >= len(s.text):
        return True
    return s.text[i - 1] in "\n\t " or s.text[i] in "\n\t " or s.cmap[i] - s.cmap[i - 1] > 1
