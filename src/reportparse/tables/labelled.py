"""Tables whose rows carry labels (二 主动公开, 三 申请): anchor rows by their
labels, read the values after each label, place them into cells.

Rows are found by their labels (:mod:`.anchors`), never by counting
numbers. Labels found in the
template's order anchor the table; a row whose label is elsewhere (a merged
label cell printed after its values) gets values only when the values between
two anchors number exactly what the rows between them need. Values printed
apart from their labels are read in :mod:`.detached`; rows of run-together
digits are split together in :mod:`.joint_splits`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..arith import equations, row_equation
from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import SCATTERED, UNTIL_RULES_HOLD, Cell
from ..startcache import compiled
from ..textutil import key_positions, label_key
from .anchors import Anchor, in_template_order
from .cells import column_keys, read_fields
from .detached import blocks_around_label, blocks_before_labels, labels_alone_before
from .joint_splits import resolve_splits
from .place import Placed, SpanOf, cell_from, doubted, empty_cells, place_row
from .prose import ProseEvidence
from .stream import Stream
from .tokens import Value

_HAN = compiled(r"\p{Han}")


def _chunks(t: TableGrammar, s: Stream, found: dict[str, Anchor]) -> tuple[
        list[Value], dict[str, tuple[list[Value], bool]], list[tuple[str, int, int]], set[str], dict[str, tuple[int, int]]]:
    """Values before the first label, and for each label the values from its
    start to the next label's start, its own characters left out (so values
    printed inside a wrapped label belong to it); the lines of rows without a
    known label (left out: a row's values are never borrowed); and the labels
    whose values run on past a row's label printed again (not an anchor: a
    repeated line, or a label out of order), values on both sides of it;
    and where each row's values stopped at such a line (its start), with how
    many values follow that line before the next label."""
    ordered = sorted(found.values(), key=lambda a: a.start)
    if not ordered:
        return [], {}, [], set(), {}
    keys = {k for r in t.rows for k in _name_keys(r.match)}
    lost = {_whole_key(r.label) for r in t.rows if r.id not in found}  # whole labels: their ends too
    relabelled = set()
    columns = column_keys(m for col in t.columns.values() for m in col.labels)
    head = [v for v in read_fields(s.text[:ordered[0].start], range(ordered[0].start), drop_first=False).values
            if not v.label_tail]  # text before the first label is never a value
    out = {}
    foreign = []
    stops: dict[str, tuple[int, int]] = {}
    for a, nxt in zip(ordered, ordered[1:] + [None], strict=True):
        end = nxt.start if nxt else len(s.text)
        if end > a.end and s.text[end - 1] == "\t":
            end -= 1  # the separator before a label printed on the same line (``62\t（三）不``): no empty cell
        keep = [i for i in range(a.start, max(end, a.end)) if i not in a.covered]
        got = read_fields("".join(s.text[i] for i in keep), keep, drop_first=t.label_column, columns=columns)
        vals = got.values
        if vals and vals[0].label_tail and _word_end(s, vals[0].start):
            vals = vals[1:]  # the end of a word the label's match cut (无法|提: a group label beside it), no value cell
        out[a.row] = (vals, got.tabbed)
        if got.foreign:
            foreign.append(got.foreign)
            rest = [i for i in keep if i >= got.foreign[2]]  # the values after that line, before the next label
            after = read_fields("".join(s.text[i] for i in rest), rest, drop_first=False).values if rest else []
            stops[a.row] = (got.foreign[1], sum(v.kind != "blank" for v in after))
        starts = [v.start for v in vals if v.kind != "blank"]
        if not starts:
            continue
        between = s.text[a.end:starts[0]]
        if _lost_label_tail(between, lost, _whole_key(t.row(a.row).label)) or _lost_label_head(between, lost):
            relabelled.add(a.row)
        chunk = s.text[a.end:end]
        ck = label_key(chunk)
        if _own_label_again(chunk, ck, _name_keys(t.row(a.row).match)):
            relabelled.add(a.row)
        elif any(k in ck for k in keys):
            # values on both sides of a row's name (a converter's heading over its table row has none before it)
            at = key_positions(chunk)
            last = max(a.end + at[i] for k in keys if (i := ck.rfind(k)) >= 0)
            if min(starts) < last < max(starts):
                relabelled.add(a.row)
    return head, out, foreign, relabelled, stops


def extract_labelled(t: TableGrammar, s: Stream, span_of: SpanOf, found: dict[str, Anchor],
                     evidence: ProseEvidence | None = None) -> tuple[dict[str, dict[str, Cell]], list[Diagnostic]]:
    """The rows read from the values after each label found (:func:`.anchors.locate_rows`);
    ``evidence``: the prose's statements, which may decide run-together digits."""
    diags: list[Diagnostic] = []
    rows: dict[str, dict[str, Cell]] = {r.id: empty_cells(r.columns) for r in t.rows}
    head, chunks, foreign, relabelled, stops = _chunks(t, s, found)
    for text, a, b in foreign:
        diags.append(Diagnostic("TBL_UNKNOWN_ROW", f"a line that is no row of the template was left out: {text[:60]!r}", span_of(a, b), f"tables.{t.key}"))
    # a label followed by values anchors its row; a label with none (a merged
    # label cell printed away from its values) does not
    anchored = in_template_order(t, {rid: a for rid, a in found.items() if chunks[rid][0]})
    order = [r.id for r in t.rows]
    ruled = {ref for eq in equations(t) for ref in eq.cells}
    blocks = blocks_before_labels(t, found, chunks, anchored)
    blocks.update(blocks_around_label(t, found, chunks, anchored, blocks))
    segs: list[tuple[str | None, list[Value], bool]] = [(None, head, False)]
    segs += [(a, *chunks[a]) for a in anchored]
    pending: dict[str, Placed] = {}
    # values before the first label that no row took (or, in a table no rule checks, rows whose labels are
    # printed after them): the text may print a row's values before its label
    values_first = any(v.kind != "blank" for v in head)
    values_above = False  # a row's line holds all its values and another line of values follows (:func:`_left_over`)
    # rows placed from their own label's chunk: its values, the next anchor, the rows it filled
    own: dict[str, tuple[list[Value], str | None, list[str]]] = {}
    scattered = False  # a label followed by more lines of values than its row has cells
    for k, (anchor, vals, tab) in enumerate(segs):
        if anchor in blocks and not vals:
            continue  # its values came in a block (blocks_around_label)
        next_anchor = segs[k + 1][0] if k + 1 < len(segs) else None
        lo = order.index(anchor) + 1 if anchor else 0
        hi = order.index(next_anchor) if next_anchor else len(order)
        between = [rid for rid in order[lo:hi] if rid not in anchored and rid not in blocks and not t.row(rid).optional]
        targets = ([anchor] if anchor else []) + between
        if not targets or (anchor is None and not vals):
            continue
        nonblank = [v for v in vals if v.kind != "blank"]
        need = [len(t.row(r).columns) for r in targets]
        if (between and len(nonblank) == sum(need) and not any(v.kind == "blank" for v in vals)
                and not labels_alone_before(t, order, anchor, found, chunks, blocks)):
            pos, before = 0, None
            for rid, n in zip(targets, need, strict=True):
                row = t.row(rid)
                chunk = nonblank[pos:pos + n]
                checked = rid == anchor or (_headed(t, s, rid, before, chunk[0].start)
                                            and not _runs_on(s, chunk, nonblank[pos + n:pos + n + 1]))
                rows[rid] = {c: _by_count(cell_from(v, t.columns[c], span_of), checked or (rid, c) in ruled)
                             for c, v in zip(row.columns, chunk, strict=True)}
                if rid != anchor and _after_other_label(t, s, rid, chunk[0].start):
                    rows[rid] = {c: doubted(cell, ANOTHER_LABEL) for c, cell in rows[rid].items()}
                pos, before = pos + n, (rid, chunk[-1].end)
                if rid != anchor:
                    diags.append(Diagnostic("TBL_ROW_BY_ORDER", f"row {row.label!r} placed by template order between labelled rows", span_of(chunk[0].start, chunk[-1].end), f"tables.{t.key}.{rid}"))
            if anchor and _long_own_line(nonblank, need[0], [rid for rid in between if rid in found]):
                rows[anchor] = {c: _by_count(cell, (anchor, c) in ruled) for c, cell in rows[anchor].items()}
            if anchor:
                own[anchor] = (nonblank[:need[0]], next_anchor, targets)
            elif ruled or not any(rid in found for rid in between):
                # rows before the first label took them: their labels lost, or (a table no rule checks) printed
                # after them; where rules check the rows, they tell a shift (hongze's pdftotext: merged cells)
                values_first = False
            continue
        if anchor is None:
            if nonblank:
                diags.append(Diagnostic("TBL_UNALIGNED", f"{len(nonblank)} values before the first row label could not be placed", span_of(nonblank[0].start, nonblank[-1].end), f"tables.{t.key}"))
            continue
        row = t.row(anchor)
        scattered = scattered or len({v.line for v in nonblank}) > len(row.columns)
        placed = place_row(row, t.columns, vals, tab, t.total_column, row_equation(t, anchor), span_of, f"tables.{t.key}.{anchor}")
        rows[anchor] = placed.cells
        values_above = values_above or _left_over(s, found[anchor], nonblank, len(row.columns))
        diags.extend(placed.diagnostics)
        own[anchor] = (vals, next_anchor, [anchor])
        if placed.candidates:
            pending[anchor] = placed
    ends = [(r, v.end) for r, got in [*((r, c[0]) for r, c in chunks.items()), *blocks.items()] for v in got]
    headed: list[str] = []  # rows of a block placed under their own column's header
    for rid, vals in blocks.items():
        before = max(((r, e) for r, e in ends if e <= vals[0].start and r != rid), key=lambda x: x[1], default=None)
        checked = _headed(t, s, rid, before, vals[0].start)
        if checked:
            headed.append(rid)
        cells = {c: cell_from(v, t.columns[c], span_of) for c, v in zip(t.row(rid).columns, vals, strict=True)}
        # unchecked: placed by the count where no rule checks the cell, else until the rules confirm it (a block
        # of 0s, pdfminer's column order, fits any rows it is counted into)
        rows[rid] = cells if checked else {c: doubted(cell, UNTIL_RULES_HOLD if (rid, c) in ruled else BY_COUNT)
                                           for c, cell in cells.items()}
        diags.append(Diagnostic("TBL_BLOCK_BEFORE_LABELS", f"row {t.row(rid).label!r} read from a block of values printed apart from its label", span_of(vals[0].start, vals[-1].end), f"tables.{t.key}.{rid}"))
    for rid in order:
        if t.row(rid).optional:
            continue
        if all(c.status == "missing" and c.value is None and c.span is None for c in rows[rid].values()):
            what = "was not found" if rid not in found else "has no values next to it"
            diags.append(Diagnostic("TBL_ROW_NOT_FOUND", f"row {t.row(rid).label!r} {what}", found[rid] and span_of(found[rid].start, found[rid].end) if rid in found else None, f"tables.{t.key}.{rid}"))
    _group_over_its_items(t, rows, found)
    if pending:
        resolve_splits(t, rows, pending, span_of, diags, evidence.stated(t) if evidence and t.statements else {})
    if scattered:
        _doubt_counted_lines(rows, own)
    _mark_unanchored(t, s, rows, found, own, VALUES_BEFORE if values_first else VALUES_ABOVE if values_above else None)
    if headed and not ruled and any(0 < sum(v.kind != "blank" for v in vals) < len(t.row(rid).columns)
                                    for rid, (vals, _, targets) in own.items() if targets == [rid]):
        # a row short of values: the text moved or lost one, and a moved value can stand under another row's
        # header (pdftotext: 规范性文件's 4444 after 政府集中采购's header, its 采购项目数量 printed as nothing)
        for rid in headed:
            rows[rid] = {c: doubted(cell, BY_COUNT) for c, cell in rows[rid].items()}
    for rid in (r for a in relabelled if a in own for r in own[a][2]):  # a repeated line's values: never lifted
        rows[rid] = {c: doubted(cell, LABEL_AGAIN) for c, cell in rows[rid].items()}
    _doubt_page_ends(rows, own, stops, span_of)
    return rows, diags


def _doubt_page_ends(rows: dict[str, dict[str, Cell]], own: dict[str, tuple[list[Value], str | None, list[str]]],
                     stops: dict[str, tuple[int, int]], span_of: SpanOf) -> None:
    """A row whose values stopped at a line that is no row of the template
    (left out: its values are never borrowed), its last value alone on its
    line, when that line opens a page, or no more values than a row has
    follow it (the rest of a row, or a row of its own: pages joined with no
    form feed, the count cannot tell): the last value may be the page's
    number printed bare and the line a running header (an office's name, a
    document number), the row's own last value after it. The cell is placed,
    never read as though certain."""
    for rid, (stop, later) in stops.items():
        if rid not in own or own[rid][2] != [rid]:
            continue
        vals = [v for v in own[rid][0] if v.kind != "blank"]
        if not vals or vals[-1].line == 0 or len(vals) > 1 and vals[-2].line == vals[-1].line:
            continue
        last, after = span_of(vals[-1].start, vals[-1].end), span_of(stop, stop + 1)
        new_page = last.page is not None and after.page is not None and after.page != last.page
        if not new_page and not 0 < later <= len(rows[rid]):
            continue
        for col, cell in rows[rid].items():
            if cell.span is not None and cell.span.start == last.start:
                rows[rid][col] = doubted(cell, PAGE_END)


PAGE_END = ("the row's last value stands alone before a line that is no row of the template, which opens the next page or "
            "has no more values than a row's after it: the value may be the page's number, the line a running header, "
            "the row's own value after it")


def _group_over_its_items(t: TableGrammar, rows: dict[str, dict[str, Cell]], found: dict) -> None:
    """A group printed as one row (an optional row: （六）其他处理) that took
    values while a row it sums is printed with no values beside it, or not
    found while another is: the values may be that row's, its label wrapped
    around them (a report run together on one line: ``（六）其他处理1.申请人无正当理
    3 0 1 0 0 3 7 由逾期不补正…``), and the group's rule would force the row
    from them. Its values are placed, never lifted by the rules."""
    for row in t.rows:
        if not row.optional or not any(c.status == "read" for c in rows[row.id].values()):
            continue
        items = {ref[0] for eq in equations(t) if {r[0] for r in eq.lhs} == {row.id} for ref in eq.rhs} - {row.id}
        if (any(rid in found and all(c.status == "missing" for c in rows[rid].values()) for rid in items)
                or any(rid in found for rid in items) and not items <= found.keys()):  # one found, one not
            rows[row.id] = {c: doubted(cell, GROUP_OVER_ITEMS) for c, cell in rows[row.id].items()}


GROUP_OVER_ITEMS = ("a group printed as one row took these values while a row it sums is printed with no values beside "
                    "it, or not found while another is: they may be that row's, its label wrapped around them")


def _long_own_line(nonblank: list[Value], n: int, printed_empty: list[str]) -> bool:
    """The row's own line holds more values than its ``n`` cells, the rest
    counted into rows whose labels stand after it with nothing beside them:
    a row printed empty, and the line one value long (a cell written twice)
    — which of its values is the extra one, the count does not say."""
    return bool(printed_empty) and len(nonblank) > n and nonblank[n].line == nonblank[n - 1].line


def _lost_label_tail(between: str, lost: set[str], own: str) -> bool:
    """Whether the words ``between`` a label and its first value are the end
    of a row's label that was not found (pdftotext ``-raw`` with a label's
    first line lost: ``（六）其他处理`` / ``行政机关不再处理其政府信息公开`` /
    ``申请`` / values): the values may be that row's."""
    key = label_key(between)
    return (len(key) >= 4 and bool(_HAN_RUN.fullmatch(key)) and any(k.endswith(key) for k in lost)
            and not own.endswith(key))


_HAN_RUN = compiled(r"\p{Han}+")


def _lost_label_head(between: str, lost: set[str]) -> bool:
    """Whether the words ``between`` a label and its first value end with the
    start of a row's label that was not found, its end after the values (a
    report run together on one line, each label wrapped around its values:
    ``逾期不补正…申请 2.申请人逾期未按收费通知 0 0 1 要求缴纳费用…``): the
    values may be that row's."""
    key = label_key(between)
    return any(key.endswith(k[:j]) and _ITEM_HEAD.fullmatch(k[:j]) for k in lost for j in range(5, len(k)))


_ITEM_HEAD = compiled(r"\d{0,2}\p{Han}{4,}")  # an item's number (2.) and four or more characters of its name


def _doubt_counted_lines(rows: dict[str, dict[str, Cell]], own: dict[str, tuple[list[Value], str | None, list[str]]]) -> None:
    """pdfminer's and pdftotext's text of a browser's page can scatter a
    table's cells (a block of one column's values after one label, on more
    lines than its row has cells): then a label followed by exactly its row's count of
    values on lines of their own may hold seven 0s of a column, not its
    own. Such rows (values on more than one line) are placed until the rules
    confirm them (where no rule checks the cell, placed)."""
    for rid, (vals, _, targets) in own.items():
        if targets == [rid] and len({v.line for v in vals if v.kind != "blank"}) > 1:
            rows[rid] = {c: doubted(cell, SCATTERED) if cell.status == "read" else cell for c, cell in rows[rid].items()}


def _left_over(s: Stream, a: Anchor, nonblank: list[Value], n: int) -> bool:
    """A row's whole count of values on its label's own lines, and more on
    lines after them before the next label: values no row takes if each row's
    values follow its label — the text may print every row's values on the
    line above its label (OCR lines of a skewed page: a long label's values
    level with it, a short label's a line higher), so a value on a line after
    its label may be the next row's."""
    first, last = _label_lines(s, a)
    lines = [s.text.count("\n", 0, v.start) for v in nonblank]
    return sum(first <= ln <= last for ln in lines) == n and any(ln > last for ln in lines)


def _label_lines(s: Stream, a: Anchor) -> tuple[int, int]:
    """The first and last line of the stream that a row's label stands on."""
    first = s.text.count("\n", 0, a.start)
    return first, first + s.text.count("\n", a.start, a.end)


def _word_end(s: Stream, start: int) -> bool:
    """The characters at ``start`` follow a Han character with nothing
    between them in the text (``无法提``): the end of a word, not a cell of
    its own (``数量\t王呆``: a tab apart, which the stream drops)."""
    return start > 0 and bool(_HAN.match(s.text, start - 1)) and s.canon(start - 1) + 1 == s.canon(start)


BY_COUNT = ("placed by template order because the values between two labels (or after a row's own) number what "
            "the rows need, and no rule checks it (a cell printed as nothing can make the count agree)")


def _headed(t: TableGrammar, s: Stream, rid: str, before: tuple[str, int] | None, start: int) -> bool:
    """A row placed by a count of values still has its place fixed when the
    header of one of its own columns — one the row whose values come before
    it lacks — is printed between those values and its own (本年收费金额 before
    行政事业性收费's value, after 行政强制's): its values stand under it —
    unless another row with that column has its label printed between too.
    ``before``: that row and where its values end."""
    if before is None:
        return False
    prev, end = before
    between = label_key(s.text[end:start])
    return any(label_key(lbl) in between for c in t.row(rid).columns
               if c not in t.row(prev).columns and not _shared_between(t, c, between, (rid, prev))
               for lbl in t.columns[c].labels)


def _runs_on(s: Stream, chunk: list[Value], after: list[Value]) -> bool:
    """Whether a row's values, one per line, run on into the next row's with
    no text between: the header above fixes where the block of rows starts,
    not whether it is printed row by row or column by column (pdfminer's boxes
    of a 2 × 3 block of 二, 行政许可 and 其他对外管理服务事项, column by column)."""
    if not after or len({v.line for v in chunk}) < len(chunk):
        return False
    return not label_key(s.text[chunk[-1].end:after[0].start])


def _own_label_again(chunk: str, ck: str, own: tuple[str, ...]) -> bool:
    """A row's own label printed again after it (lines or a page repeated),
    with other numbers before it than after it (``（二）部分公开…`` / ``5 1 7
    9 1 5 28`` / ``（一）予以公开…`` / ``（二）部分公开…`` / ``0 2 3 0 0 0 5``):
    which of them are its own the text does not decide. A line repeated whole
    (the same numbers on both sides) is no doubt, nor a label printed twice
    with no number between (a merged cell's text in each of its columns).
    ``ck``: the chunk as :func:`label_key` reduces it."""
    at = key_positions(chunk)
    for key in own:
        i = ck.find(key)
        while i >= 0:
            start, end = at[i], at[i + len(key) - 1] + 1
            # standing whole, not inside a longer word (行政规范性文件备案, 党内规范性文件: a row the template lacks)
            if not (start > 0 and _HAN.match(chunk[start - 1]) or end < len(chunk) and _HAN.match(chunk[end])):
                before = _NUMBER.findall(chunk, 0, chunk.rfind("\n", 0, start) + 1)
                return bool(before) and before != _NUMBER.findall(chunk, end)
            i = ck.find(key, i + 1)
    return False


_NUMBER = compiled(r"\d+(?:\.\d+)?")


def _shared_between(t: TableGrammar, column: str, between: str, rows: tuple[str, str]) -> bool:
    """Whether a row other than ``rows`` that has ``column`` has its label in
    ``between``: the column's header is that row's as much (行政许可 and
    行政处罚 under one 本年处理决定数量 each, 行政强制's label lost: 行政处罚's
    19 was read as 行政许可's)."""
    return any(column in r.columns and any(k in between for k in _name_keys(r.match)) for r in t.rows if r.id not in rows)


LABEL_AGAIN = ("its values run on past a row's label printed again (a repeated line, or a label out of order), or "
               "follow the end of a label not found (its first line lost) or the start of one (its end after them): which "
               "of them are its own the text does not decide")
ANOTHER_LABEL = ("placed by template order, but its values follow another row's label, printed twice: a line repeated "
                 "where this row's was lost makes the same count")


def _after_other_label(t: TableGrammar, s: Stream, rid: str, start: int) -> bool:
    """Whether the line of a value placed in ``rid`` by template order begins
    with another row's label, not its own (a row's line lost and the line
    above repeated: 4.保护第三方合法权益's values twice, the second taken by
    5.属于三类内部事务信息)."""
    prefix = label_key(s.text[s.text.rfind("\n", 0, start) + 1:start])
    if not prefix or any(label_key(m) in prefix for m in t.row(rid).match):
        return False
    return any(key in prefix for r in t.rows if r.id != rid for key in _name_keys(r.match))


@lru_cache(maxsize=1024)
def _whole_key(label: str) -> str:
    """A row's whole label as :func:`label_key` reduces it (its end included)."""
    return label_key(label)


@lru_cache(maxsize=1024)
def _name_keys(match: tuple[str, ...]) -> tuple[str, ...]:
    """A row's label forms as :func:`label_key` reduces them, those long enough
    (four characters or more) to name the row wherever they stand."""
    return tuple(k for m in match if len(k := label_key(m)) >= 4)


def _by_count(cell: Cell, checked: bool) -> Cell:
    """A cell of a row placed by the count of values between labels (not the
    row whose label they follow): its place is a choice the text does not
    decide unless a rule checks it."""
    return cell if checked or cell.value is None else replace(cell, unanchored=BY_COUNT)


VALUES_BEFORE = "values no row took stand before the first row label"
VALUES_ABOVE = ("a row's line holds all its values and a line of values follows it before the next label: the text may "
                "print each row's values on the line above its label")


def _mark_unanchored(t: TableGrammar, s: Stream, rows: dict[str, dict[str, Cell]], found: dict[str, Anchor],
                     own: dict[str, tuple[list[Value], str | None, list[str]]], elsewhere: str | None) -> None:
    """A row read from its own label's chunk whose values stand on no line of
    its label, when the label was found only fuzzily or the next row of the
    template is missing altogether, and the chunk does not end at that next
    row's own label: the values may be the next row's (its label lost or not
    recognised), so their place rests on a choice (``Cell.unanchored``) — and
    so does the place of the rows after it that the chunk filled by order.
    ``elsewhere``: why the text may print a row's values before its label
    (:data:`VALUES_BEFORE`: values no row took stand before the first label,
    as ``pdftotext`` prints the cells of a browser's table;
    :data:`VALUES_ABOVE`: see :func:`_left_over`), or None: then every such
    row's values may be the next row's, whatever its neighbours."""
    every = [r.id for r in t.rows]
    order = [r.id for r in t.rows if not t.row(r.id).optional]
    for rid, (vals, next_anchor, filled) in own.items():
        if rid not in order or not vals:
            continue
        i = order.index(rid)
        succ = order[i + 1] if i + 1 < len(order) else None
        missing = succ is not None and all(c.status == "missing" and c.span is None for c in rows[succ].values())
        a = found[rid]
        # the chunk ends at the next row's own label (or at an optional row's printed between them: the
        # 2019 layout's （六）其他处理 as one row in a 2021 report)
        ends_at_next = next_anchor is not None and next_anchor in (succ, *every[every.index(rid) + 1:][:1])
        if not (elsewhere or ((a.fuzzy or missing) and not ends_at_next)):
            continue
        first, last = _label_lines(s, a)
        if all(first <= s.text.count("\n", 0, v.start) <= last for v in vals):
            continue  # on its label's own lines
        why = (f"label {t.row(rid).label[:12]!r} found only fuzzily" if a.fuzzy else
               f"the row after {t.row(rid).label[:12]!r} is missing" if missing and not ends_at_next else
               elsewhere) + ", its values stand on another line"
        for row_id in filled:
            for c, cell in rows[row_id].items():
                if cell.value is not None:
                    rows[row_id][c] = replace(cell, unanchored=why)


