"""Place the values read after one label into the cells of its row."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..arith import Equation
from ..diagnostics import Diagnostic
from ..grammar import Column, Row
from ..model import BLANK_ENDS_TRIMMED, CUT_WITHOUT_BLANKS, LAST_AS_TOTAL, PLACES_UNCHECKED, Cell
from ..span import Span
from .cells import fit_positions, moved_by_trim_of, settle_speck
from .split import readings, splits
from .tokens import SPACED_WHY, UNREAD_MARKS, Value, one_per_line

SpanOf = Callable[[int, int], Span]
CUT_SEVERAL_WAYS = "its row's digits can be cut several ways, so a value the rules force may not be the one printed"
BLANKS_SEVERAL_PLACES = ("its row prints fewer values than cells, and the empty ones could stand in several places, "
                         "so a value the rules force may not be the one printed")
LONG_ROW = ("its row printed more values than cells (a line repeated, or another row's values beside its own), so a "
            "value the rules force may not be the one printed")
MAX_UNPRINTED = 2  # cells printed as nothing in one row of aligned text whose places are tried
DAMAGED = 2  # text in this many value cells of a row: the row is OCR-garbled
MONEY = {"元": 1, "万元": 10_000}  # a cell printed with its own unit is read in its column's unit


@dataclass
class Placed:
    cells: dict[str, Cell]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    candidates: list[list[int]] = field(default_factory=list)  # ambiguous splits, for the caller
    doubt: str | None = None  # why the candidates' values, once chosen, rest on a choice (Cell.unanchored)
    unchecked: str | None = None  # why a chosen value no complete rule checks rests on a choice (default: a cut)


def empty_cells(columns: tuple[str, ...]) -> dict[str, Cell]:
    return {c: Cell() for c in columns}


def doubted(cell: Cell, why: str) -> Cell:
    """A value whose place rests on a choice (``Cell.unanchored``), keeping
    a doubt it already has; an empty cell stays as it is."""
    return replace(cell, unanchored=cell.unanchored or why) if cell.value is not None else cell


def in_column_unit(value: int | float, unit: str, col: Column) -> int | float:
    """A money value given in ``unit``, in its column's unit."""
    converted = round(value * MONEY[unit] / MONEY[col.unit], 6)
    return int(converted) if float(converted).is_integer() and not col.decimal else converted


def cell_from(v: Value, col: Column, span_of: SpanOf) -> Cell:
    span = span_of(v.start, v.end)
    if v.kind in ("blank", "mark"):
        return Cell(None, v.raw.strip(), "missing", span)
    if v.kind == "unreadable":
        return Cell(None, v.raw, "missing", span)
    if v.kind == "number" and v.raw[:1] == "0" and len(v.raw) > 1 and v.raw.isdigit():
        return Cell(None, v.raw, "missing", span)  # 04398: no cell prints a leading zero, two run together (0 · 4398)
    value = v.value
    if v.unit is not None and (v.unit in MONEY) != (col.unit in MONEY) or v.unit == "%":
        return Cell(None, v.raw, "missing", span)  # 580万元 or 5% as a count, 12件 as money: not this column's value
    if value is not None and v.unit in MONEY and col.unit in MONEY and v.unit != col.unit:
        value = in_column_unit(value, v.unit, col)  # 25.1万元 in a column of 元: 251000
    if value is not None and not col.decimal and isinstance(value, float):
        if value.is_integer():
            value = int(value)
        else:
            return Cell(None, v.raw, "missing", span)
    return Cell(value, v.raw, "read", span)


def value_notes(values: list[Value], span_of: SpanOf, path: str) -> list[Diagnostic]:
    """What reading the values took: OCR digits read as digits, text where a value stands."""
    out = []
    for v in values:
        if v.kind == "ocr":
            out.append(Diagnostic("CELL_OCR_DIGIT", f"{v.raw!r} read as {v.value}", span_of(v.start, v.end), path))
        if v.kind == "unreadable" and v.damaged:
            out.append(Diagnostic("CELL_DAMAGED_NUMBER", f"{v.raw!r} is a number with letters or marks in it", span_of(v.start, v.end), path))
        elif v.kind == "unreadable":
            out.append(Diagnostic("CELL_UNREADABLE", f"{v.raw!r} is {v.unread or 'not a number'}", span_of(v.start, v.end), path))
    return out


def place_row(row: Row, columns: dict[str, Column], values: list[Value], tabbed: bool,
              total_column: str | None, eq: Equation | None, span_of: SpanOf, path: str) -> Placed:
    cols = row.columns
    n = len(cols)
    out = Placed(empty_cells(cols))
    values = settle_speck(values, n, tabbed, "".join((row.label, *row.match, *row.exact)))  # its last word, or its missing cell
    nonblank = [v for v in values if v.kind != "blank"]
    out.diagnostics += value_notes(nonblank, span_of, path)
    fitted = fit_positions(values, n, _rule_holds(eq, row.id, cols)) if tabbed else (nonblank if len(nonblank) == n else None)
    if fitted is None and tabbed and (once := spans_repeated(values, nonblank, [columns[c].span for c in cols])):
        fitted = once
        out.diagnostics.append(Diagnostic("TBL_SPAN_REPEATED", f"{' '.join(v.raw for v in nonblank)!r}: one value per merged cell", span_of(nonblank[0].start, nonblank[-1].end), path))
    # ?: only that cell was unreadable; ``4, 380``: a number printed with a spaced separator, no OCR damage
    junk = [v for v in (fitted or []) if v.kind == "unreadable" and v.raw.strip() not in UNREAD_MARKS and v.unread != SPACED_WHY]
    if fitted is not None and len(junk) >= DAMAGED:
        # OCR garbles a whole line (a baseline between two label lines): its digits are no better than its junk
        out.cells = {c: Cell(None, v.raw.strip(), "missing", span_of(v.start, v.end)) for c, v in zip(cols, fitted, strict=True)}
        out.diagnostics.append(Diagnostic("TBL_ROW_DAMAGED", f"{len(junk)} of {n} cells are not numbers ({' '.join(v.raw for v in junk)[:40]}): the row's values are not trusted", span_of(values[0].start, values[-1].end), path))
        return out
    if fitted is not None:
        out.cells = {c: cell_from(v, columns[c], span_of) for c, v in zip(cols, fitted, strict=True)}
        for c, moved in zip(cols, moved_by_trim_of(values, fitted), strict=True):
            if moved:
                out.cells[c] = doubted(out.cells[c], BLANK_ENDS_TRIMMED)
        return out
    if not nonblank:
        if values:
            out.cells = {c: Cell(None, "", "missing", span_of(values[0].start, values[-1].end)) for c in cols}
        return out
    if (tabbed and eq is not None and fitted is None and len(nonblank) == len(values) and 0 < n - len(values) <= MAX_UNPRINTED
            and all(v.kind == "number" and not v.unit for v in values)):
        # fields apart but fewer than the cells, none empty: a line aligned with spaces (lynx, pandoc's plain
        # tables), where an empty cell prints as nothing but a wider gap. Each value is a cell; the empty
        # ones may stand wherever the row's rule allows, and the table's rules choose (joint_splits.resolve_splits)
        sols, complete = readings([v.raw for v in values], _kinds(columns, cols), most=len(values),
                                  keep=lambda sol: _may_hold(eq, row.id, zip(cols, sol, strict=True)))
        if sols:
            span = span_of(values[0].start, values[-1].end)
            raw = " ".join(v.raw for v in values)
            out.candidates, out.unchecked = (sols if complete else []), PLACES_UNCHECKED
            out.cells = {c: Cell(None, raw, "missing", span, unanchored=BLANKS_SEVERAL_PLACES) for c in cols}
            out.diagnostics.append(unprinted_apart(len(values), n, span, path))
            return out
    if len(nonblank) < n and all(v.kind == "number" and not v.unit for v in nonblank) and not tabbed:
        # digits run together (平潭 scrapes); tab-separated cells are cells, never split
        tokens = [v.raw for v in nonblank]
        kinds = _kinds(columns, cols)
        apart = one_per_line(nonblank)  # each line is a cell: no digits are cut (a cell printed as nothing may be)
        if apart:
            out.diagnostics.append(unprinted(len(nonblank), n, span_of(nonblank[0].start, nonblank[-1].end), path))
        if eq is not None:
            def accept(acc: list) -> bool:
                vals = dict(zip(cols, acc, strict=True))
                return sum(vals[c] for _, c in eq.lhs) == sum(vals[c] for _, c in eq.rhs)

            def blank_fits(sol: list) -> bool:  # some cell printed as nothing, and the row's rule can still hold
                return None in sol and _may_hold(eq, row.id, zip(cols, sol, strict=True))
            last = eq.lhs == ((eq.lhs[0][0], cols[-1]),) and {c for _, c in eq.rhs} == set(cols[:-1])
            sols, complete = ([], True) if apart else splits(tokens, n, accept, kinds=kinds, total_last=last)
            if len(tokens) == n - 1 > 1:
                # one value short in text with separators: a lost separator (two cells in one token) or a
                # blank cell printed as nothing (space-aligned or pipe text) — both count (values one per
                # line: only the blank). Two or more short: not tried (their places multiply the rows'
                # combinations); such a row stays empty, or, cut, is placed (below)
                blanks, done = readings(tokens, kinds, keep=blank_fits, most=n - 1)
                sols += blanks
                complete = complete and done
            elif not apart and n - len(tokens) > 1 and readings(tokens, kinds, keep=blank_fits, most=n - 1, first=True)[0]:
                # two or more short, or one run of digits: digits run together (平潭's scraped pages, a
                # scraper's get_text()), or cells printed as nothing; the cut is kept, as a choice the rules lift
                out.doubt = CUT_WITHOUT_BLANKS
        else:  # no rule checks the cut, and an empty cell prints nothing: every choice of empty cells counts
            sols, complete = readings(tokens, kinds)
        span = span_of(nonblank[0].start, nonblank[-1].end)
        raw = " ".join(tokens)
        if len(sols) == 1 and complete and None not in sols[0]:
            out.cells = {c: Cell(x, raw, "read", span, unanchored=out.doubt) for c, x in zip(cols, sols[0], strict=True)}
            out.diagnostics.append(Diagnostic("TBL_SPLIT", f"{raw!r} split as {sols[0]}", span, path))
            return out
        if sols or not complete:
            out.candidates = sols if complete else []
            out.cells = {c: Cell(None, raw, "missing", span, unanchored=CUT_SEVERAL_WAYS) for c in cols}
            if not complete:
                out.diagnostics.append(Diagnostic("TBL_SPLIT_AMBIGUOUS", f"{raw!r} has too many possible splits", span, path))
            return out
    if (tabbed and len(values) < n and total_column in cols and values[-1].kind in ("number", "ocr")
            and any(v.kind == "blank" for v in values)):  # blank cells: a merged label cell took one place
        last = values[-1]
        out.cells[total_column] = doubted(cell_from(last, columns[total_column], span_of), LAST_AS_TOTAL)
        out.diagnostics.append(Diagnostic("TBL_SHORT_ROW", f"{len(values)} cells for {n} columns; only the last ({total_column}) was placed", span_of(values[0].start, last.end), path))
        return out
    code = "TBL_LONG_ROW" if len(nonblank) > n else "TBL_SHORT_ROW"
    if len(nonblank) > n:  # the printed values are not unknown: a value forced here may contradict them
        out.cells = {c: Cell(unanchored=LONG_ROW) for c in cols}
    out.diagnostics.append(Diagnostic(code, f"{len(nonblank)} values for {n} columns: {' '.join(v.raw for v in nonblank)[:80]}", span_of(values[0].start, values[-1].end), path))
    return out


def spans_repeated(values: list[Value], nonblank: list[Value], widths: list[int]) -> list[Value] | None:
    """A row whose cells the template merges over several grid columns
    (本年处理决定数量 over 3), its value printed in each column the cell
    covers, as a converter that fills a merged cell's grid gives it
    (``| 行政许可 | 9 | 9 | 9 |``): each cell's copies side by side, alike,
    and nothing else in the row. The values once, or None."""
    if len(nonblank) != sum(widths) or sum(widths) == len(widths) or len({v.line for v in nonblank}) > 1:
        return None
    lead = next(i for i, v in enumerate(values) if v is nonblank[0])
    if any(a is not b for a, b in zip(values[lead:lead + len(nonblank)], nonblank, strict=True)):  # an empty field between copies: no filled grid
        return None
    once, i = [], 0
    for w in widths:
        run = nonblank[i:i + w]
        if run[0].kind != "number" or any(v.raw != run[0].raw for v in run):
            return None
        once.append(run[0])
        i += w
    return once


def _kinds(columns: dict[str, Column], cols: tuple[str, ...]) -> list[tuple[bool, bool]]:
    """Each cell's (signed, decimal): what a cut piece may hold (:func:`.split.value_of`)."""
    return [(columns[c].signed, columns[c].decimal) for c in cols]


def unprinted_apart(got: int, n: int, span: Span, path: str) -> Diagnostic:
    """The note that a row's values stand apart on a line and are fewer than its cells."""
    return Diagnostic("TBL_EMPTY_ALIGNED", f"{got} values apart on one line for {n} cells: this text prints an empty "
                      "cell as nothing; the table's rules place the values", span, path)


def unprinted(got: int, n: int, span: Span, path: str) -> Diagnostic:
    """The note that a row's values stand one per line and are fewer than its cells."""
    return Diagnostic("TBL_EMPTY_UNPRINTED", f"{got} values one per line for {n} cells: this text prints an empty cell "
                      "as nothing", span, path)


def _may_hold(eq: Equation, row_id: str, by_column: Iterable[tuple[str, int | float | None]]) -> bool:
    """Can the row's rule hold for a reading (empty cells: any count, never negative)?"""
    return not eq.impossible({(row_id, c): v for c, v in by_column})


def _rule_holds(eq: Equation | None, row_id: str, cols: list[str]) -> Callable[[list[Value]], bool] | None:
    """Whether the row's rule can still hold with its fields so placed (None: the row has no rule)."""
    if eq is None:
        return None
    return lambda vals: _may_hold(eq, row_id, ((c, v.value if v.kind in ("number", "ocr") else None)
                                               for c, v in zip(cols, vals, strict=True)))
