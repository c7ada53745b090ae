"""Fixed tables: find each table of the template in its section and read its cells.

The registry maps a grammar layout to the extractor that reads it; every table
is read through the same interface ``(grammar, stream, options, span_of) -> (rows, diagnostics)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..diagnostics import Diagnostic
from ..grammar import TableGrammar, Template
from ..model import Cell, Table
from ..normalise import Canonical
from ..options import ParseOptions
from .groups import extract_groups
from .labelled import extract_labelled
from .place import empty_cells
from .stream import Stream, make_stream

Extractor = Callable[[TableGrammar, Stream, ParseOptions, Any], tuple[dict[str, dict[str, Cell]], list[Diagnostic]]]

REGISTRY: dict[str, Extractor] = {
    "labelled_rows": extract_labelled,
    "header_groups": lambda t, s, o, span_of: extract_groups(t, s, span_of),
}


def extract_tables(c: Canonical, regions: dict[str, tuple[int, int]], template: Template | None,
                   opts: ParseOptions) -> tuple[dict[str, Table], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    out: dict[str, Table] = {}
    if template is None:
        return out, diags
    for key, tg in template.tables.items():
        units = {cid: col.unit for cid, col in tg.columns.items() if col.unit}
        region = regions.get(tg.section)
        if region is None:
            out[key] = Table(key, tg.title, False, {r.id: empty_cells(r.columns) for r in tg.rows}, None, units)
            diags.append(Diagnostic("TBL_NOT_FOUND", f"table {tg.title!r}: its section was not found", None, f"tables.{key}"))
            continue
        start, end = region
        stream = make_stream(c.text, start, end)

        def span_of(a: int, b: int, s: Stream = stream) -> Any:
            return c.span(s.canon(a), s.canon(b - 1) + 1)

        rows, tdiags = REGISTRY[tg.layout](tg, stream, opts, span_of)
        diags.extend(tdiags)
        found = any(cell.status != "missing" for cols in rows.values() for cell in cols.values())
        out[key] = Table(key, tg.title, found, rows, c.span(start, end), units)
    return out, diags
