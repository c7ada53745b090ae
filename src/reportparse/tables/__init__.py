"""Fixed tables: find each table of the template in its section, read its
cells, and validate them against the template's rules.

Each table goes through the kind its grammar ``layout`` names
(:data:`.kinds.REGISTRY`): ``match`` (is the table there at all),
``extract`` (the cells) and ``validate`` (the arithmetic).
"""

from __future__ import annotations

from dataclasses import replace

from ..arith import equations, every_cell_ruled
from ..diagnostics import Diagnostic
from ..grammar import TableGrammar, Template
from ..model import (
    COUNT_ON_LINES,
    COUNT_SHIFTED,
    EDGE_SEPARATOR_EMPTY,
    GROUP_LINES,
    OCR_LINES,
    Cell,
    RuleResult,
    Table,
)
from ..normalise import Canonical
from ..options import ParseOptions
from ..rules import unvouched
from .columns import reorder_columns
from .count_shifts import undecided_by_count
from .joined_digits import joined_digits_doubted
from .kinds import REGISTRY, TableKind
from .place import SpanOf, doubted, empty_cells
from .prose import ProseEvidence
from .readers import Rows, settled
from .run_on import run_on_ends
from .stream import Stream, make_stream, make_stream_of
from .two_prints import holds_values, reconcile, second_print
from .units import header_units
from .values_above import doubt_value_lines, moved_parts

__all__ = ["REGISTRY", "TableKind", "extract_tables", "validate_tables"]


def extract_tables(c: Canonical, regions: dict[str, tuple[int, int]], template: Template | None,
                   opts: ParseOptions) -> tuple[dict[str, Table], list[Diagnostic]]:
    if template is None:
        return {}, []
    evidence = ProseEvidence(c)
    read = {key: _read_table(c, tg, regions, opts, evidence, False) for key, tg in template.tables.items()}
    if any(moved for *_, moved in read.values()):
        # the rules proved that this text prints each row's values above its label: so it reads a table no
        # rule checks (:mod:`.values_above`)
        read.update({key: _read_table(c, tg, regions, opts, evidence, True) for key, tg in template.tables.items()
                     if not every_cell_ruled(tg)})
    out = {key: table for key, (table, _, _) in read.items()}
    diags = [d for _, tdiags, _ in read.values() for d in tdiags]
    if any(d.code == "TBL_EMPTY_UNPRINTED" for d in diags):
        _counts_unproven(template, out)
    _edge_separator_doubted(c.separators, out)
    joined_digits_doubted(c.original, out)
    return out, diags


def _read_table(c: Canonical, tg: TableGrammar, regions: dict[str, tuple[int, int]], opts: ParseOptions,
                evidence: ProseEvidence, values_above: bool) -> tuple[Table, list[Diagnostic], bool]:
    """One table of the template: its cells and diagnostics, and whether it
    was read with its values above its labels (``values_above``: the text is
    known to print them so, and a table no rule checks may be read so too)."""
    key = tg.key
    units = {cid: col.unit for cid, col in tg.columns.items() if col.unit}
    labels = {"rows": {r.id: r.label for r in tg.rows}, "columns": {col.id: col.labels[0] for col in tg.columns.values()}}
    empty = {r.id: empty_cells(r.columns) for r in tg.rows}
    region = regions.get(tg.section)
    if region is None:
        return (Table(key, tg.title, False, empty, None, units, labels=labels),
                [Diagnostic("TBL_NOT_FOUND", f"table {tg.title!r}: its section was not found", None, f"tables.{key}")], False)
    start, end = region
    stream = make_stream(c.text, start, end)
    kind = REGISTRY[tg.layout]
    if not kind.match(tg, stream, opts):
        return (Table(key, tg.title, False, empty, c.span(start, end), units, labels=labels),
                [Diagnostic("TBL_NOT_FOUND", f"table {tg.title!r}: none of its row labels or headers is in its section",
                            c.span(start, end), f"tables.{key}")], False)
    rows, tdiags = kind.extract(tg, stream, opts, _span_of(c, stream), evidence)
    moved = None
    whole = settled(tg, rows)
    if (equations(tg) and any(d.code == "TBL_VALUE_BLOCKS" for d in tdiags) and not whole
            and (got := _run_on(c, tg, kind, start, end, regions, opts, evidence)) is not None):
        stream, end, rows, tdiags = got
    elif not whole and (parts := moved_parts(c.text, start, end)) is not None:
        # lines as a text of values above labels prints them: read so where the rules then hold whole (a table no
        # rule checks: where another table of the text was), else every value on a line of its own is a choice
        if (values_above or every_cell_ruled(tg)) and (moved := _values_above(c, tg, kind, (start, end), parts, opts,
                                                                                evidence)):
            stream, rows, tdiags = moved
        else:
            rows = doubt_value_lines(c.original, rows)
    if (cut := second_print(tg, stream, c.text)) is not None:
        rows, tdiags = _two_prints(c, tg, kind, (start, cut, end), rows, tdiags, opts, evidence)
    rows, cdiags = reorder_columns(tg, stream, rows, f"tables.{key}", c.text)
    rows, udiags = header_units(tg, stream, rows, f"tables.{key}")
    found = any(cell.status != "missing" for cols in rows.values() for cell in cols.values())
    return Table(key, tg.title, found, rows, c.span(start, end), units, labels=labels), tdiags + cdiags + udiags, moved is not None


def _two_prints(c: Canonical, tg: TableGrammar, kind: TableKind, bounds: tuple[int, int, int], rows: Rows,
                diags: list[Diagnostic], opts: ParseOptions, evidence: ProseEvidence) -> tuple[Rows, list[Diagnostic]]:
    """A section that prints the table twice (:mod:`.two_prints`): each
    print read on its own; where they differ the cells are left empty (or,
    one print read only in part, every value of the section read as one is
    placed). ``bounds``: the region's start, where the later print starts,
    its end."""
    start, cut, end = bounds

    def read(a: int, b: int) -> tuple[Rows, list[Diagnostic], bool]:
        part = make_stream(c.text, a, b)
        return *kind.extract(tg, part, opts, _span_of(c, part), evidence), holds_values(tg, part)

    (first, first_diags, printed_first), (second, _, printed_second) = read(start, cut), read(cut, end)
    got = reconcile(tg, rows, first, second, f"tables.{tg.key}", c.span(cut, end), (printed_first, printed_second))
    if got is None:
        return rows, diags
    kept = diags if got.whole else first_diags
    return got.rows, kept if got.note is None else [*kept, got.note]


def _span_of(c: Canonical, s: Stream) -> SpanOf:
    return lambda a, b: c.span(s.canon(a), s.canon(b - 1) + 1)


def _run_on(c: Canonical, tg: TableGrammar, kind: TableKind, start: int, end: int,
            regions: dict[str, tuple[int, int]], opts: ParseOptions, evidence: ProseEvidence
            ) -> tuple[Stream, int, Rows, list[Diagnostic]] | None:
    """The table read over its region run on into the next one (:mod:`.run_on`):
    the first such region under which it is read whole with every rule holding."""
    for cut, first in run_on_ends(c.text, end, regions):
        for parts in ([(start, cut)], [(start, end), (first, cut)]):
            stream = make_stream_of(c.text, parts)
            rows, diags = kind.extract(tg, stream, opts, _span_of(c, stream), evidence)
            if settled(tg, rows):
                aside = (" with the heading and the header words before those values set aside"
                         if len(parts) > 1 else "")
                diags.append(Diagnostic(
                    "TBL_RUNS_ON", f"table {tg.title!r}: its last values are printed after the next section's heading "
                    f"(pdfminer's text-box order); read over its region run on to them{aside}, under which every "
                    "cell is read and every rule holds", c.span(end, cut), f"tables.{tg.key}"))
                return stream, cut, rows, diags
    return None


def _values_above(c: Canonical, tg: TableGrammar, kind: TableKind, region: tuple[int, int], parts: list[tuple[int, int]],
                  opts: ParseOptions, evidence: ProseEvidence) -> tuple[Stream, Rows, list[Diagnostic]] | None:
    """The table read from its ``region``'s lines in the order ``parts`` gives
    them, each line of values below the line of text after it
    (:mod:`.values_above`), when that reads it whole with every rule holding."""
    stream = make_stream_of(c.text, parts)
    rows, diags = kind.extract(tg, stream, opts, _span_of(c, stream), evidence)
    if not settled(tg, rows):
        return None
    diags.append(Diagnostic(
        "TBL_VALUES_ABOVE_LABELS", f"table {tg.title!r}: each row's values are printed on the line above its label "
        "(Ghostscript's txtwrite orders text by baseline); read with each line of values below the line after it, "
        + ("under which every cell is read and every rule holds" if equations(tg) else
           "as another table of this text is read under its rules, and every cell is read"),
        c.span(*region), f"tables.{tg.key}"))
    return stream, rows, diags


def _edge_separator_doubted(original: str, tables: dict[str, Table]) -> None:
    """A row's last cell read empty only because its line ends in spaces or a
    tab, or its first only because its line begins in them.

    In text aligned with spaces a run of spaces is one separator, so trailing
    spaces are an empty last cell (pandoc's plain tables), or the padding of
    the cell before it (inscriptis pads every cell to its column's width):
    then a cell printed as nothing stands elsewhere on the line, and its
    values one place off (not after a pipe that separates cells: a row that
    does not open with one, in a text whose pipe rows end in a cell, not a
    pipe — html2text's ``| 1|    ``). So is a trailing tab in text that
    prints no empty field within a line: it may be the tab a scraper puts
    after every piece of text (``get_text("\t")``, when a line was added or lost and the
    text's lines no longer all end in one), where an empty cell prints as
    nothing. Text that prints empty cells as empty fields (``0\t\t1``: Word's
    and HTML tables) ends a line in a tab only for an empty last cell. Every
    value on such a line is placed until the rules, every cell of theirs
    known and holding, confirm it. Likewise a line of values with no label
    (四's) whose indentation was read as an empty first cell (pandoc's plain
    tables indent every line, and the indentation is no cell only where the
    lines around share it: a blank line lost before the next heading undid
    that, and 四's values were read one place to the right)."""
    empty_fields: bool | None = None  # whether the text prints an empty field within a line (computed if needed)
    open_ended: bool | None = None  # whether its pipe rows end in a cell, not a pipe (computed if needed)

    def separator(cell: Cell, last: bool) -> str | None:
        """The character beside an empty first or last cell at the start or end of its line."""
        span = cell.span
        if cell.value is not None or span is None or span.end != span.start:
            return None
        at = span.start
        if last:
            if not (0 < at and (at == len(original) or original[at] in "\r\n\f")):
                return None
            j = at - 1
            while j > 0 and original[j] in " \xa0\u3000":
                j -= 1
            start = original.rfind("\n", 0, j) + 1
            if (original[j] in "|｜" and original[start:j].lstrip(" \t\u3000")[:1] not in ("|", "｜")
                    and pipes_between()):
                return "|"  # a pipe between cells, no border (html2text's rows): what follows it is a cell
            return original[at - 1]
        return original[at] if at < len(original) and (at == 0 or original[at - 1] in "\n\f") else None

    def pipes_between() -> bool:
        """Rows of pipe-separated cells that neither open nor end in a pipe
        (html2text's), so a pipe at a row's end is no border."""
        nonlocal open_ended
        if open_ended is None:
            open_ended = any(ln.count("|") >= 2 and ln.strip()[:1] != "|" and ln.strip()[-1:] not in ("|", "｜")
                             and not ln.lstrip().startswith("---") for ln in original.splitlines())
        return open_ended

    def at_edge(cell: Cell, last: bool) -> bool:
        nonlocal empty_fields
        sep = separator(cell, last)
        if sep != "\t":
            return sep == " "
        if empty_fields is None:
            empty_fields = any("\t\t" in ln.strip("\t") for ln in original.splitlines() if "\t" in ln)
        return not empty_fields

    for table in tables.values():
        lines: set[int] = set()
        for row in table.rows.values():
            cells = list(row.values())
            for cell, last in ((cells[0], False), (cells[-1], True)):
                if at_edge(cell, last) and cell.span is not None:
                    lines.add(cell.span.line)
        if not lines:
            continue
        for row in table.rows.values():
            for cid, cell in row.items():
                if cell.span is not None and cell.span.line in lines:
                    row[cid] = doubted(cell, EDGE_SEPARATOR_EMPTY)


COUNT_UNPROVEN = ("values on several lines in a text that prints an empty cell as nothing, in a table no rule checks: "
                  "a repeated or moved line can make up the row's count")


def _counts_unproven(template: Template, tables: dict[str, Table]) -> None:
    """In a text that prints empty cells as nothing, a row whose values stand
    on several lines rests on its count alone: the value of a row above
    printed as nothing and another's moved in make the same count, and so do
    a cell printed as nothing and a line repeated (a repeated 0 keeps the
    row's sum). In a table without rules its values are placed
    (``Cell.unanchored``), not read; in a table with rules they are placed
    until the rules, every cell of theirs known and holding, confirm them.
    In a table whose rules each hold one row (四), a shift within a row keeps
    its sum: the values another such reading moves are placed for good
    (:mod:`.count_shifts`)."""
    for key, tg in template.tables.items():
        eqs = equations(tg)
        why = COUNT_ON_LINES if eqs else COUNT_UNPROVEN
        if eqs and all(eq.one_row for eq in eqs):  # rules each within one row (四's)
            for rid, cid in undecided_by_count(eqs, [(r.id, c) for r in tg.rows for c in r.columns], tables[key]):
                cell = tables[key].rows[rid][cid]
                tables[key].rows[rid][cid] = replace(cell, unanchored=COUNT_SHIFTED)
        for cells in tables[key].rows.values():
            if len(set(_value_lines(cells))) > 1:
                _doubt_row(cells, why)


def _rows_on_lines_doubted(tables: dict[str, Table], template: Template) -> None:
    """In OCR text, a row whose values stand on several lines may not be in
    the printed order: OCR writes a line of the boxes whose middles are level,
    and a cell that stands a little lower goes to the next line (RapidOCR's
    boxes grouped into lines gave ``0 0 0 1 3`` / ``o 4`` for 0 0 0 0 1 3 4,
    the row's rule holding). Its values are placed until rules over other
    rows, every cell of theirs known and holding, confirm them. Values one
    per line are boxes in the reader's order, not lines it grouped: kept.
    四's groups are one printed row: its values on several lines may hold
    whole groups in another order (复议's five on a lower line than 诉讼's ten,
    read after them), and each group balances in any order: no rule confirms
    them (``GROUP_LINES``)."""
    grouped = _groups_on_lines_doubted(tables, template)
    for key, table in tables.items():
        if key in grouped:
            continue
        for cells in table.rows.values():
            lines = _value_lines(cells)
            if 1 < len(set(lines)) < len(lines):  # on several lines, two or more on one
                _doubt_row(cells, OCR_LINES)


def _groups_on_lines_doubted(tables: dict[str, Table], template: Template) -> set[str]:
    """The tables of column groups (四) whose values stand on several lines,
    values of two or more groups on one: each value placed by a choice
    (``GROUP_LINES``, see :func:`_rows_on_lines_doubted`). Groups each on a
    line of their own (printed apart, under their own headers) and the row
    on one line are kept. Returns their keys."""
    out = set()
    for key, table in tables.items():
        if template.tables[key].layout != "header_groups":
            continue
        groups_on = {}  # line: the groups with values on it
        for rid, cells in table.rows.items():
            for ln in _value_lines(cells):
                groups_on.setdefault(ln, set()).add(rid)
        if len(groups_on) > 1 and any(len(g) > 1 for g in groups_on.values()):
            out.add(key)
            for cells in table.rows.values():
                _doubt_row(cells, GROUP_LINES)
    return out


def _value_lines(cells: dict[str, Cell]) -> list[int]:
    """The source line of each of a row's values that has a place in the source."""
    return [cell.span.line for cell in cells.values() if cell.value is not None and cell.span is not None]


def _doubt_row(cells: dict[str, Cell], why: str) -> None:
    """Every value of a row placed by a choice (``why``), in place."""
    for c, cell in cells.items():
        cells[c] = doubted(cell, why)


def validate_tables(tables: dict[str, Table], template: Template | None, opts: ParseOptions,
                    origin_guessed: bool = False) -> tuple[list[RuleResult], list[Diagnostic], bool]:
    """Every table's rules, through its kind, and each table's ``valid``;
    the report is valid only when every table is. ``origin_guessed``: a text
    file taken as digital only because it shows no OCR damage
    (:func:`_validate_guessed`)."""
    if template is None or template.free_format or not template.tables:
        return [], [], False
    if origin_guessed and opts.text_origin == "digital":
        return _validate_guessed(tables, template, opts)
    return _validate(tables, template, opts)


def _validate_guessed(tables: dict[str, Table], template: Template,
                      opts: ParseOptions) -> tuple[list[RuleResult], list[Diagnostic], bool]:
    """A text file taken as digital only because it shows no OCR damage: its
    origin is a guess. When the rules of one of its tables fail, or correct a
    printed value, its digits are in doubt — OCR that leaves no other mark
    misreads so (RapidOCR on a skewed scan: 二's 38 as 88, 6↔9 in 三 the only
    trace) — and its tables are checked again as OCR output's are
    (``TBL_DIGITS_IN_DOUBT``; its origin stays ``digital``). Where its
    arithmetic holds, the tables the rules check vouch for the digits of
    those no rule checks (二, in which RapidOCR read 9 as 6 in a text with
    nothing else amiss): these are valid only when the checked tables are
    (:func:`~reportparse.rules.unvouched`). 四's groups on several lines are
    doubted either way (:func:`_groups_on_lines_doubted`): whole groups moved
    balance every rule."""
    before = {k: {rid: dict(cells) for rid, cells in t.rows.items()} for k, t in tables.items()}
    results, diags, valid = _validate(tables, template, opts, guessed=True)
    broken = _arithmetic_broken(tables, results)
    if broken:
        for key, rows in before.items():
            tables[key].rows = rows
        results, diags, valid = _validate(tables, template, replace(opts, text_origin="ocr"))
        diags.insert(0, Diagnostic("TBL_DIGITS_IN_DOUBT", f"the text shows no OCR damage, but the rules of table(s) {', '.join(broken)} "
                                   "fail or corrected a printed value: OCR that leaves no other mark misreads so, and its tables "
                                   "are checked as OCR output's are (its origin stays digital)", None, "tables"))
    elif not all(tables[k].valid for k, tg in template.tables.items() if equations(tg)):
        diags.extend(d for key, tg in template.tables.items() if (d := unvouched(tg, tables[key])))
        valid = False
    return results, diags, valid


def _arithmetic_broken(tables: dict[str, Table], results: list[RuleResult]) -> list[str]:
    """The tables with a rule that fails or a value the rules corrected."""
    return sorted({r.table for r in results if r.status == "fail"}
                  | {k for k, t in tables.items() if any(c.status == "corrected" for cells in t.rows.values() for c in cells.values())})


def _validate(tables: dict[str, Table], template: Template, opts: ParseOptions,
              guessed: bool = False) -> tuple[list[RuleResult], list[Diagnostic], bool]:
    if opts.text_origin == "ocr":
        _rows_on_lines_doubted(tables, template)
    elif guessed:
        _groups_on_lines_doubted(tables, template)
    results: list[RuleResult] = []
    diags: list[Diagnostic] = []
    valid = True
    for key, tg in template.tables.items():
        r, d, ok = REGISTRY[tg.layout].validate(tg, tables[key], opts)
        results.extend(r)
        diags.extend(d)
        tables[key].valid = ok
        valid = valid and ok
    return results, diags, valid
