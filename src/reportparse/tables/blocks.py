"""Tables printed as blocks of values apart from their labels: the column
order of pdfminer.six's ``extract_text`` (and of poppler's raw text).

Such text gives a table as row labels, then column headers, then the values
column by column, one value per line, page by page (a page number such as
``- 3 -`` between). The reader walks the region as a sequence of events —
row labels, column headers, blocks of value-only lines — and gives each block
the rows whose labels came before it and are still unfilled, and the columns
whose headers came right before it (or, with no header, the columns of the
block before: a table running on over a page break). A block fills those
cells only when its count of values is rows × columns exactly.

The values of a block of several rows and several columns can be read
column by column or row by row. An order is taken only when the block's own
runs fix it (one run per column) or when, of all the combinations of readings
of the table's blocks, those under which every rule of the table holds agree
on the cell. Column sequences are taken as the headers print them, except the
column the rules single out (总计), which pdfminer may order anywhere
(hongze-2023 prints it before 其他). A table without rules (二) keeps a block
of several columns only when its values are all equal: pdfminer
orders column boxes in ways no rule can check there (measured on generated
PDFs: taking the order of the report's other tables, or the cells on which
column and row order agree, put wrong numbers into the table).

Headers fix which columns a block covers (``商业企业 科研机构`` then four
values: two columns of two rows); printed out of the template's order (a
wrapped header row pdfminer cut apart) they are not trusted, and the block is
taken as the template's columns when its count fits. A block that fits no
rows and columns stops the reading: it and the rest are left empty with a
diagnostic, never placed by guess.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..arith import equations
from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import Cell
from ..span import Span
from ..startcache import compiled
from .cells import Value, read_token
from .labelled import Anchor
from .place import SpanOf, cell_from
from .stream import NUMERIC_LINE, Stream, find_all, label_pattern

_PAGE_NUMBER = compiled(r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$")
_TOKEN = compiled(r"\S+")
MAX_COMBINATIONS = 4096  # combinations of a table's block readings tried against its rules

CellRef = tuple[str, str]


@dataclass
class Block:
    values: list[Value]
    rows: list[str]
    cols: list[str]  # in the order their headers were printed
    orders: tuple[str, ...]  # "column" and/or "row": the orders its shape allows
    span: Span | None = None
    movable: str | None = None  # a column the rules single out (总计), which may stand anywhere

    def cells(self, order: str, cols: list[str] | None = None) -> dict[CellRef, Value]:
        cols = cols or self.cols
        k, n = len(self.rows), len(cols)
        if order == "column":
            return {(r, c): self.values[j * k + i] for j, c in enumerate(cols) for i, r in enumerate(self.rows)}
        return {(r, c): self.values[i * n + j] for i, r in enumerate(self.rows) for j, c in enumerate(cols)}

    def readings(self) -> list[tuple[str, dict[CellRef, Value]]]:
        """Each way the block can be read: its orders, times the column
        sequences (as printed, or the movable column anywhere), distinct by value."""
        seqs = [self.cols]
        if self.movable in self.cols and len(self.cols) > 2:
            rest = [c for c in self.cols if c != self.movable]
            seqs += [rest[:i] + [self.movable] + rest[i:] for i in range(len(rest) + 1)]
        out: dict[tuple, tuple[str, dict[CellRef, Value]]] = {}
        for order in self.orders if self.square else self.orders[:1]:
            for seq in seqs:
                got = self.cells(order, seq)
                out.setdefault(tuple(sorted((ref, v.value) for ref, v in got.items())), (order, got))
        return list(out.values())

    @property
    def square(self) -> bool:
        """Several rows and several columns: the two orders differ."""
        return len(self.rows) > 1 and len(self.cols) > 1


@dataclass
class BlockReading:
    """The blocks placed, and the cells they fixed."""

    cells: dict[CellRef, Value] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stopped_at_rows: bool = False  # the reading stopped at a block of more values than a row has cells

    @property
    def claims(self) -> bool:
        """The region is printed this way: some block holds several rows' values
        (or the first block does, and fits nothing)."""
        return any(len(b.rows) > 1 for b in self.blocks) or self.stopped_at_rows and not self.blocks


def _events(t: TableGrammar, s: Stream, anchors: dict[str, Anchor]) -> list[tuple[int, str, object]]:
    """Row labels, column headers and value blocks of the region, in print order (compact offsets)."""
    events: list[tuple[int, str, object]] = [(a.start, "row", rid) for rid, a in anchors.items()]
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
    block: list[Value] = []
    run = 0
    for line in s.text.split("\n"):
        if NUMERIC_LINE.match(line):
            for m in _TOKEN.finditer(line):
                v = read_token(m.group(), pos + m.start())
                if v is not None and v.kind == "number":
                    v.block = run
                    block.append(v)
        elif not line.strip():
            run += 1
        elif not _PAGE_NUMBER.match(line):
            if block:
                events.append((block[0].start, "values", block))
            block = []
        pos += len(line) + 1
    if block:
        events.append((block[0].start, "values", block))
    return sorted(events, key=lambda e: (e[0], e[1] != "row"))


def _cell_edge(s: Stream, i: int) -> bool:
    """A line or cell boundary of the printed text at compact offset ``i``
    (a header is a cell of its own, not 其他 inside 不计其他情形)."""
    if i <= 0 or i >= len(s.text):
        return True
    return s.text[i - 1] in "\n\t " or s.text[i] in "\n\t " or s.cmap[i] - s.cmap[i - 1] > 1


def _in_template_order(t: TableGrammar, cols: list[str]) -> bool:
    order = list(t.columns)
    idx = [order.index(c) for c in cols]
    return len(set(cols)) == len(cols) and idx == sorted(idx)


def _shape_orders(block_vals: list[Value], k: int, n: int) -> tuple[str, ...]:
    """The orders a block's runs (values between blank lines) allow."""
    if k == 1 or n == 1:
        return ("column",)
    runs: dict[int, int] = {}
    for v in block_vals:
        runs[v.block] = runs.get(v.block, 0) + 1
    sizes = set(runs.values())
    if len(runs) == n and sizes == {k}:
        return ("column",)
    if len(runs) == k and sizes == {n}:
        return ("row",)
    return ("column", "row")


def place_blocks(t: TableGrammar, s: Stream, anchors: dict[str, Anchor],
                 span_of: SpanOf) -> BlockReading:
    """Give each value block its rows and columns (see the module's docstring)."""
    out = BlockReading()
    filled: set[CellRef] = set()
    group: list[str] = []  # rows whose labels came since the last block (and unfilled rows before)
    heads: list[str] = []  # column headers since the last block
    last_cols: list[str] = []
    after_block = True
    for _, kind, what in _events(t, s, anchors):
        if kind == "row":
            if after_block:
                group = [r for r in group if any((r, c) not in filled for c in t.row(r).columns)]
                after_block = False
            if what not in group:
                group.append(str(what))
            continue
        if kind == "col":
            if str(what) not in heads:
                heads.append(str(what))
            continue
        values: list[Value] = what  # type: ignore[assignment]
        tries = [heads] if heads and _in_template_order(t, heads) else [last_cols] if not heads and last_cols else []
        tries.append([])  # no headers to trust: the template's columns
        block = next((b for cols in tries if (b := _fit(t, group, cols, values, filled))), None)
        if block is None:
            seen = ", ".join(t.columns[c].labels[0] for c in heads) or "none"
            out.diagnostics.append(Diagnostic(
                "TBL_BLOCK_UNPLACED", f"a block of {len(values)} values printed apart from its labels fits no rows and columns "
                f"printed before it (rows: {len(group)}, column headers: {seen}); it and the values after it were left empty",
                span_of(values[0].start, values[-1].end), f"tables.{t.key}"))
            out.stopped_at_rows = len(values) > max(len(r.columns) for r in t.rows)
            break
        block.span = span_of(values[0].start, values[-1].end)
        out.blocks.append(block)
        filled.update((r, c) for r in block.rows for c in block.cols)
        last_cols = block.cols
        heads = []
        after_block = True
    return out


def _fit(t: TableGrammar, group: list[str], cols: list[str], values: list[Value],
         filled: set[CellRef]) -> Block | None:
    """The block for these values: the group's unfilled rows that have these
    columns, with or without the template's optional rows, when their count
    times the columns' is the count of values (one way only)."""
    if not cols:  # no headers read: the template's columns, when the rows have the same ones
        shapes = {t.row(r).columns for r in group if any((r, c) not in filled for c in t.row(r).columns)}
        if len(shapes) != 1:
            return None
        cols = list(next(iter(shapes)))
    order = [r.id for r in t.rows]
    rows = sorted((r for r in group if all(c in t.row(r).columns and (r, c) not in filled for c in cols)), key=order.index)
    # without the optional rows (（六）其他处理 printed as one row, found beside its three items)
    fits = [rs for rs in (rows, [r for r in rows if not t.row(r).optional]) if rs and len(rs) * len(cols) == len(values)]
    if not fits and len(cols) == 1 and all(t.row(r).columns == tuple(cols) for r in rows) and len(values) < len(rows):
        fits = [rows[:len(values)]]  # a band of one-column rows under its own header (二 行政许可 / 行政处罚, 行政强制)
    if not fits:
        return None
    chosen = fits[0]
    movable = t.total_column if t.total_column in cols else None
    return Block(values, chosen, list(cols), _shape_orders(values, len(chosen), len(cols)), movable=movable)


def decide(t: TableGrammar, reading: BlockReading) -> None:
    """Each block's cells: its one reading, or, of the combinations of the
    blocks' readings, those under which every rule of the table holds, where
    they agree (none when no combination holds). In a table without rules a
    block of several columns is taken only when all its values are equal.
    Fills ``reading.cells``."""
    eqs = equations(t)
    if not eqs:  # nothing checks the order of its columns: only blocks of one column, or of one value repeated
        for b in reading.blocks:
            if len(b.cols) > 1 and len({v.value for v in b.values}) > 1:
                reading.diagnostics.append(_undecided(t, b, "the table has no rule to decide"))
            else:
                reading.cells.update(b.cells(b.orders[0]))
        return
    ways = [b.readings() for b in reading.blocks]
    for w in ways:
        if len(w) == 1:
            reading.cells.update(w[0][1])
    multi = [(b, w) for b, w in zip(reading.blocks, ways, strict=True) if len(w) > 1]
    if not multi:
        return
    base = {ref: v.value for ref, v in reading.cells.items()}
    combos = list(itertools.islice(itertools.product(*(range(len(w)) for _, w in multi)), MAX_COMBINATIONS + 1))
    winners = []
    if len(combos) <= MAX_COMBINATIONS:
        for combo in combos:
            values = dict(base)
            for (_, w), i in zip(multi, combo, strict=True):
                values.update({ref: v.value for ref, v in w[i][1].items()})
            if not any(eq.broken(values) for eq in eqs):
                winners.append(combo)
    for k, (b, w) in enumerate(multi):
        chosen = {c[k] for c in winners}
        if chosen:  # no reading under which the rules hold: the block is not printed as read, nothing of it is taken
            agreed = [w[i][1] for i in sorted(chosen)]
            reading.cells.update({ref: v for ref, v in agreed[0].items() if all(o[ref].value == v.value for o in agreed[1:])})
        if len(chosen) == 1:
            continue
        why = "several readings" if chosen else "no reading"
        reading.diagnostics.append(_undecided(t, b, f"the table's rules hold under {why}"))


def _undecided(t: TableGrammar, b: Block, why: str) -> Diagnostic:
    return Diagnostic("TBL_ORDER_UNDECIDED", f"a block of {len(b.rows)} rows × {len(b.cols)} columns printed apart from its labels "
                      f"can be read column by column or row by row and {why}; cells where the two differ left empty",
                      b.span, f"tables.{t.key}")


def read_blocks(t: TableGrammar, s: Stream, anchors: dict[str, Anchor],
                span_of: SpanOf) -> tuple[dict[str, dict[str, Cell]], BlockReading] | None:
    """The table read as blocks of values, or None when the region is not
    printed that way (no block holds several rows' values)."""
    reading = place_blocks(t, s, anchors, span_of)
    if not reading.claims:
        return None
    decide(t, reading)
    rows: dict[str, dict[str, Cell]] = {r.id: {c: Cell() for c in r.columns} for r in t.rows}
    for (r, c), v in reading.cells.items():
        rows[r][c] = cell_from(v, t.columns[c], span_of)
    reading.diagnostics.insert(0, Diagnostic(
        "TBL_VALUE_BLOCKS", f"table read from {len(reading.blocks)} blocks of values printed apart from their labels",
        reading.blocks[0].span if reading.blocks else None, f"tables.{t.key}"))
    for row in t.rows:
        if not row.optional and all(cell.status == "missing" for cell in rows[row.id].values()):
            what = "was not found" if row.id not in anchors else "is in no block of values"
            reading.diagnostics.append(Diagnostic("TBL_ROW_NOT_FOUND", f"row {row.label!r} {what}", None, f"tables.{t.key}.{row.id}"))
    return rows, reading
