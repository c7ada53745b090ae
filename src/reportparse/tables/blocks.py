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
of several rows and columns only when its values are all equal, or when of
its two orders exactly one puts every value where its column allows it (a
negative number only under 本年增/减, a fraction only under an amount:
``TBL_BLOCK_DOMAIN``), its cells placed, not read: pdfminer orders column
boxes in ways no rule can check there (measured on generated PDFs: taking
the order of the report's other tables, or the cells on which column and row
order agree, put wrong numbers into the table).

PDF-to-Markdown converters detach the label column the same way: the labels
as loose lines, then the values as bare pipe rows in template order under a
placeholder header. A block whose every line is a printed row (tab-separated
cells; :mod:`.block_events`) is read row by row, one printed row per row,
when the counts agree; an empty cell keeps its place as an unknown; a row one
cell short (the converter dropped a cell) is read with the lost cell at each
place in turn, and the rules keep the cells on which every placing they allow
agrees (``TBL_ROW_SHORT``). In a table without rules a printed row's order is
its own, so it is taken; a short row there stays empty.

Headers fix which columns a block covers (``商业企业 科研机构`` then four
values: two columns of two rows); printed out of the template's order (a
wrapped header row pdfminer cut apart) they are not trusted, and the block is
taken as the template's columns when its count fits. A block that fits no
rows and columns stops the reading: it and the rest are left empty with a
diagnostic, never placed by guess. So does a block with no header that
would fit more than one kind of waiting row (行政事业性收费's one value after
行政强制's label), and a band of one-column rows given fewer values than it
has rows keeps them only if later blocks fill the rest of the band.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..arith import equations
from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import Cell
from ..span import Span
from .anchors import Anchor
from .block_decide import decide
from .block_events import region_events
from .place import SpanOf, cell_from, empty_cells, value_notes
from .stream import Stream
from .tokens import Value

MAX_UNORDERED = 3  # column headers printed out of order whose orders are all tried
MAX_SHORT_ROWS = 2  # printed rows one cell short in a block (each multiplies its readings by its width)

CellRef = tuple[str, str]


@dataclass
class Block:
    values: list[Value]
    rows: list[str]
    cols: list[str]  # in the order their headers were printed
    orders: tuple[str, ...]  # "column" and/or "row": the orders its shape allows
    span: Span | None = None
    movable: str | None = None  # a column the rules single out (总计), which may stand anywhere
    # printed rows (lines of tab- or pipe-separated cells): the values with their unknown
    # cells (None) — an empty cell in its place, a short row's lost cell at each place it
    # may have stood, one list per such placing; empty: ``values`` as they are
    variants: list[list[Value | None]] = field(default_factory=list)
    short_rows: int = 0
    pending: list[str] = field(default_factory=list)  # rows after its own that later blocks must fill
    printed: bool = False  # one printed row per row: its order is its own
    unordered: bool = False  # its columns' headers were printed out of the template's order: any order of them
    # cells of its rows and columns an earlier block gave (the first column's top cells pdfminer
    # printed among the labels): not in this block, which holds the rest, column by column
    given: frozenset[CellRef] = frozenset()
    # the first column's top cells printed among the labels: taken only where the table's
    # rules, every cell of theirs known, hold over each of its cells
    lead: bool = False

    def cells(self, order: str, cols: list[str] | None = None,
              values: list[Value | None] | None = None) -> dict[CellRef, Value | None]:
        cols = cols or self.cols
        vals: list[Value | None] = values if values is not None else list(self.values)
        if order == "column":
            refs = [(r, c) for c in cols for r in self.rows if (r, c) not in self.given]
        else:
            refs = [(r, c) for r in self.rows for c in cols if (r, c) not in self.given]
        return dict(zip(refs, vals, strict=True))

    def readings(self) -> list[tuple[str, dict[CellRef, Value | None]]]:
        """Each way the block can be read: its orders, times the column
        sequences (as printed, or the movable column anywhere), times the places
        of the cells its short rows lost; distinct by value."""
        out: dict[tuple, tuple[str, dict[CellRef, Value | None]]] = {}
        for values in self.variants or [list(self.values)]:
            for order in self.orders if self.square else self.orders[:1]:
                for seq in self.sequences():
                    got = self.cells(order, seq, values)
                    out.setdefault(tuple(sorted((ref, _num(v)) for ref, v in got.items())), (order, got))
        return list(out.values())

    def sequences(self) -> list[list[str]]:
        """The column sequences it may be printed in: as its headers print
        them, and the movable column anywhere."""
        if self.unordered:
            return [list(p) for p in itertools.permutations(self.cols)]
        seqs = [self.cols]
        if self.movable in self.cols and len(self.cols) > 2:
            rest = [c for c in self.cols if c != self.movable]
            seqs += [s for i in range(len(rest) + 1) if (s := rest[:i] + [self.movable] + rest[i:]) != self.cols]
        return seqs

    @property
    def supposed(self) -> bool:
        """Its place rests on a supposition (the lead block's column, or the
        cells a lead block gave): taken only where the rules check every cell."""
        return self.lead or bool(self.given)

    @property
    def square(self) -> bool:
        """Several rows and several columns: the two orders differ."""
        return len(self.rows) > 1 and len(self.cols) > 1


def _num(v: Value | None) -> int | float | None:
    return None if v is None else v.value


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
        (not a block whose place is a supposition), or the first block does and
        fits nothing. (A block that holds the rest of lead blocks' rows claims
        it only once the rules confirm its cells: :func:`read_blocks`.)"""
        return any(len(b.rows) > 1 and not b.supposed for b in self.blocks) or self.stopped_at_rows and not self.blocks


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
    led: set[CellRef] = set()  # cells lead blocks filled (a supposition)
    group: list[str] = []  # rows whose labels came since the last block (and unfilled rows before)
    heads: list[str] = []  # column headers since the last block
    last_cols: list[str] = []
    last_rows: list[str] = []
    last_lead = False
    after_block = True
    for _, kind, what in region_events(t, s, anchors):
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
        lines, tabbed = what  # type: ignore[misc]
        values = [v for line in lines for v in line if v is not None]
        block = _place(t, group, heads, last_cols, lines if tabbed else [values], filled, tabbed)
        if block is None and not tabbed and equations(t):  # (a lead is a supposition only rules can confirm)
            cols = _columns_over(t, group, heads)
            block = (_ragged(t, group, cols, values, filled, led) or _lead(t, group, cols, values, filled)
                     or _lead_row(t, group, cols, values, filled))
        elif (block is not None and last_lead and not block.given
              and (heads or block.cols == last_cols or set(block.rows) & set(last_rows))):
            # its column is the lead block's, or it holds the rest of a lead row's cells, or its headers were
            # printed before the lead block (they head the block holding the rest of the lead's rows, if
            # any): its place is a supposition too
            block.lead = True
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
        if block.lead:
            led.update((r, c) for r in block.rows for c in block.cols)
        last_cols, last_rows, last_lead = block.cols, block.rows, block.lead
        if not block.lead:  # (headers printed before a lead block head the block that holds the rest of its rows)
            heads = []
        after_block = True
    for b in [b for b in out.blocks if any((r, c) not in filled for r in b.pending for c in b.cols)]:
        out.blocks.remove(b)  # its band lost a value: which row's is unknown
        out.diagnostics.append(Diagnostic(
            "TBL_BLOCK_UNPLACED", f"a block of {len(b.values)} values printed apart from its labels is fewer than the "
            f"{len(b.rows) + len(b.pending)} rows of its band and no later block gives the rest; left empty", b.span, f"tables.{t.key}"))
    return out


def _place(t: TableGrammar, group: list[str], heads: list[str], last_cols: list[str],
           lines: list[list[Value | None]], filled: set[CellRef], printed: bool) -> Block | None:
    """The block's rows and columns: under headers printed in the template's
    order, those columns (else the template's); with no header, the columns of
    the block before (a table running on over a page) or of the rows waiting
    for values — only when one of these fits (fees' one value after 行政强制's
    label may be either row's)."""
    if heads:
        if _in_template_order(t, heads):
            return _fit(t, group, heads, lines, filled, printed) or _fit(t, group, [], lines, filled, printed)
        block = _fit(t, group, [], lines, filled, printed)
        if printed or block is not None or len(set(heads)) != len(heads):
            return block
        # pdfminer's value-only blocks under headers out of the template's order (its boxes, or a wrapped
        # header row cut apart), the template's columns not fitting: 总计 anywhere among the others in
        # their order (movable), or a few columns in any order, the rules to decide
        cols = [c for c in t.columns if c in heads]
        if _in_template_order(t, [h for h in heads if h != t.total_column]):
            return _fit(t, group, cols, lines, filled, printed)
        if len(heads) <= MAX_UNORDERED:
            block = _fit(t, group, cols, lines, filled, printed)
            if block is not None:
                block.unordered = True
        return block
    shapes = [last_cols] if last_cols else []
    for r in group:
        cols = [c for c in t.row(r).columns if (r, c) not in filled]
        if cols and cols not in shapes:
            shapes.append(cols)
    fits = {(tuple(b.rows), tuple(b.cols)): b for cols in shapes if (b := _fit(t, group, cols, lines, filled, printed))}
    if len(fits) > 1:
        return None
    return next(iter(fits.values()), None) or _fit(t, group, [], lines, filled, printed)


def _fit(t: TableGrammar, group: list[str], cols: list[str], lines: list[list[Value | None]],
         filled: set[CellRef], printed: bool = False) -> Block | None:
    """The block for these values: the group's unfilled rows that have these
    columns, with or without the template's optional rows. ``lines``: the
    block's printed rows when each of its lines is one (tab- or pipe-separated
    cells: ``printed``), else its values as one list. Printed rows, one per
    row (a row may be one cell short), are read row by row; otherwise the
    count of rows times the columns' must be the count of values (of printed
    cells, empty ones included)."""
    fields = [v for line in lines for v in line]  # printed rows: an empty cell keeps its place (None)
    values = [v for v in fields if v is not None]
    if not cols:  # no headers read: the template's columns, when the rows have the same ones
        shapes = {t.row(r).columns for r in group if any((r, c) not in filled for c in t.row(r).columns)}
        if len(shapes) != 1:
            return None
        cols = list(next(iter(shapes)))
    order = [r.id for r in t.rows]
    rows = sorted((r for r in group if all(c in t.row(r).columns and (r, c) not in filled for c in cols)), key=order.index)
    # without the optional rows (（六）其他处理 printed as one row, found beside its three items)
    choices = [rs for rs in (rows, [r for r in rows if not t.row(r).optional]) if rs]
    movable = t.total_column if t.total_column in cols else None
    n = len(cols)
    for rs in choices:  # one printed row per row: read in row order, a short row's lost cell anywhere
        if printed and n > 1 and len(lines) == len(rs) and all(len(line) in (n, n - 1) for line in lines):
            short = [i for i, line in enumerate(lines) if len(line) < n]
            if len(short) <= MAX_SHORT_ROWS:
                return Block(values, rs, list(cols), ("row",), variants=_variants(lines, n), short_rows=len(short),
                             printed=True)
    # printed rows holding several rows each (四's fifteen values on one line): every field counts
    fits = [rs for rs in choices if len(rs) * n == len(fields if printed else values)]
    pending: list[str] = []
    if (not fits and all(t.row(r).columns == tuple(cols) for r in rows) and values and len(values) % n == 0
            and len(values) < len(rows) * n and (n == 1 or not equations(t))):
        # a band of rows with the same columns under its own header (2021 二 行政许可 / 行政处罚, 行政强制;
        # 2019 二 行政许可, 其他对外管理服务事项 / 行政处罚, 行政强制): its first whole rows, on condition that
        # later blocks fill the rest (else a value of the band was lost, place unknown). Several columns
        # only in a table without rules: where rules check the cells, such a count is the first column's
        # top cells or the rest of a lead block's rows (_lead, _ragged)
        k = len(values) // n
        fits, pending = [rows[:k]], rows[k:]
    if not fits:
        return None
    chosen = fits[0]
    return Block(values, chosen, list(cols), _shape_orders(values, len(chosen), len(cols)), movable=movable,
                 pending=pending, variants=[fields] if printed and None in fields else [])


def _columns_over(t: TableGrammar, group: list[str], heads: list[str]) -> list[str]:
    """The columns a block that fits no rows × columns may still cover: those of
    its headers, in the template's order (总计 anywhere), or with none since
    the last block, those of the group's rows when they have the same."""
    if heads:
        ordered = _in_template_order(t, [h for h in heads if h != t.total_column])
        return [c for c in t.columns if c in heads] if ordered else []
    shapes = {t.row(r).columns for r in group}
    return list(next(iter(shapes))) if len(shapes) == 1 else []


def _ragged(t: TableGrammar, group: list[str], cols: list[str], values: list[Value], filled: set[CellRef],
            led: set[CellRef]) -> Block | None:
    """The block as the rest of the group's rows × these columns when lead
    blocks gave some of those cells (a first column's top cells printed among
    the labels): its count must be the count of the cells left; read column by
    column (or in bands), never row by row. Only cells a lead block gave
    (``led``) may be missing: cells other blocks filled make no such shape."""
    order = [r.id for r in t.rows]
    rows = sorted((r for r in group if all(c in t.row(r).columns for c in cols)
                   and any((r, c) not in filled for c in cols)), key=order.index)
    # with or without the template's optional rows (（六）其他处理 printed as one row), as in _fit
    for rs in (rows, [r for r in rows if not t.row(r).optional]):
        given = frozenset((r, c) for r in rs for c in cols if (r, c) in filled)
        if len(rs) >= 2 and len(cols) >= 2 and given and given <= led and len(rs) * len(cols) - len(given) == len(values):
            movable = t.total_column if t.total_column in cols else None
            return Block(values, rs, list(cols), ("column",), movable=movable, given=given)
    return None


def _lead(t: TableGrammar, group: list[str], cols: list[str], values: list[Value],
          filled: set[CellRef]) -> Block | None:
    """A first column's cells printed right after their rows' labels (pdfminer
    groups them with the label column): values no more than the rows whose
    labels came since the last block, under several columns
    (:func:`_columns_over`) — the first column's cells of the rows whose
    labels came last, provisionally (``lead``)."""
    if len(cols) < 2:
        return None
    waiting = [r for r in group if cols[0] in t.row(r).columns and (r, cols[0]) not in filled]
    if not values or len(values) > len(waiting):
        return None
    order = [r.id for r in t.rows]
    return Block(values, sorted(waiting[-len(values):], key=order.index), [cols[0]], ("column",), lead=True)


def _lead_row(t: TableGrammar, group: list[str], cols: list[str], values: list[Value],
              filled: set[CellRef]) -> Block | None:
    """A row's first cells printed right after its label (pdfminer groups them
    with the label column: ``一、本年新收…`` / ``1721`` / ``19`` / ``二、上年结转…``):
    more than one value but fewer than the columns, after the one row whose
    label came since the last block — that row's first cells, provisionally
    (``lead``); the rest of its cells come in a later block (:func:`_ragged`)."""
    waiting = [r for r in group if all(c in t.row(r).columns and (r, c) not in filled for c in cols)]
    if len(cols) < 3 or len(waiting) != 1 or not 1 < len(values) < len(cols):
        return None
    return Block(values, waiting, cols[:len(values)], ("row",), lead=True)


def _variants(lines: list[list[Value | None]], n: int) -> list[list[Value | None]]:
    """The block's values in row order, once for each way of placing an unknown
    cell in each row one cell short."""
    per_row: list[list[list[Value | None]]] = []
    for line in lines:
        cells: list[Value | None] = list(line)
        per_row.append([cells] if len(line) == n else [cells[:i] + [None] + cells[i:] for i in range(n)])
    return [[v for row in combo for v in row] for combo in itertools.product(*per_row)]


def read_blocks(t: TableGrammar, s: Stream, anchors: dict[str, Anchor],
                span_of: SpanOf) -> tuple[dict[str, dict[str, Cell]], BlockReading] | None:
    """The table read as blocks of values, or None when the region is not
    printed that way (no block holds several rows' values)."""
    reading = place_blocks(t, s, anchors, span_of)
    rest = [b for b in reading.blocks if b.given and len(b.rows) > 1]  # the rest of lead blocks' rows (_ragged)
    if not reading.claims and not rest:
        return None
    decide(t, reading)
    if not reading.claims and not any((r, c) in reading.cells for b in rest for r in b.rows for c in b.cols):
        return None  # only suppositions, none of them confirmed by the rules
    rows: dict[str, dict[str, Cell]] = {r.id: empty_cells(r.columns) for r in t.rows}
    for (r, c), v in reading.cells.items():
        rows[r][c] = cell_from(v, t.columns[c], span_of)
    reading.diagnostics += value_notes([v for v in reading.cells.values() if v.kind == "ocr"], span_of, f"tables.{t.key}")
    reading.diagnostics.insert(0, Diagnostic(
        "TBL_VALUE_BLOCKS", f"table read from {len(reading.blocks)} blocks of values printed apart from their labels",
        reading.blocks[0].span if reading.blocks else None, f"tables.{t.key}"))
    for row in t.rows:
        if not row.optional and all(cell.status == "missing" for cell in rows[row.id].values()):
            what = "was not found" if row.id not in anchors else "is in no block of values"
            reading.diagnostics.append(Diagnostic("TBL_ROW_NOT_FOUND", f"row {row.label!r} {what}", None, f"tables.{t.key}.{row.id}"))
    return rows, reading
