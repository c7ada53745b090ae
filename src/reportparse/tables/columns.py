"""What a table's header says of its columns' order.

Rows are read in the template's column order. A report's own table may print
columns in another order: table 三's five under one merged header
(法人或其他组织: 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他), or table
四's four parts of each group (结果维持, 结果纠正, 其他结果, 尚未审结). The rules
hold whatever the order of such columns (each column's rule is within the
column, a row's or group's total is a sum), so only the header shows where
each value belongs:

* 三, every column of the group named once before the first row, in another
  order: each row's values of the group go to the columns the header names
  (``TBL_COLUMN_ORDER``);
* 三 with only some named, out of order, or 四 with its parts named out of
  order: those columns' values are placed, never read — nothing shows where
  each belongs (四's 总计 may stand anywhere among them as a tool linearises
  its two-level header, so the parts' order alone does not place them); a
  name one character off is named (OCR's 科研机沟: :mod:`.header_names`);
* 三 with only some named, in the template's order, but words half a
  missing name's where the template does not have it (科口口构 after 其他),
  or (cells set apart) the empty cell of a name lost whole there: placed;
* 四 with each group's 总计 named before its parts (the first group after
  a 总计, the last followed by none): placed too — the template's order holds the group's rule whenever its one
  value is its first or last part.

Table 二 prints a header over each block of rows that share their columns
(规章 and 行政规范性文件 under 本年制发件数, 本年废止件数, 现行有效件数): a
header naming every column of its block once, in another order, moves the
values of the rows under it (up to the next header); one naming only some
of them out of order, or one of two beside an empty cell where the template
has not the other, leaves those rows' values placed.

(A money column's header naming another unit: :mod:`.units`.)
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..grammar import Row, TableGrammar
from ..model import COLUMNS_REORDERED, Cell
from ..startcache import compiled
from .header_names import (
    blanked,
    column_places,
    empty_cell_order,
    filled_order,
    gaps_disagree,
    grid_cells,
    half_names,
    head_of,
    indented_lines,
    line_at,
    line_text,
    lost_whole,
    misspelt,
    near_names,
    word_places,
)
from .place import doubted
from .stream import Stream, find_all, label_pattern

Rows = dict[str, dict[str, Cell]]


def printed_order(t: TableGrammar, s: Stream) -> tuple[list[str], list[list[str]], dict[str, int]]:
    """The columns whose order a header may change, in the template's order,
    the runs of them the header names, each in its order, and (三) where the
    header before the first row names each (a label-view index)."""
    if t.layout == "header_groups":
        return *_parts_named(t, s), {}
    return _group_named(t, s)


def _group_named(t: TableGrammar, s: Stream) -> tuple[list[str], list[list[str]], dict[str, int]]:
    """三: the columns under a merged header, each named once before the first
    row — one run — and each header printed again between two rows (the
    header repeated over the 办理结果 rows, or on a new page) that names
    every one of them once: a run each. Headers that disagree say nothing of
    the order (a tool or a damaged text scrambled one of them)."""
    cols = [cid for cid, col in t.columns.items() if col.group]
    if len(cols) < 2:
        return cols, [], {}
    at = _head_places(t, s, cols)
    return cols, [sorted(at, key=at.__getitem__), *_repeated_heads(t, s, cols)], at


def _head_places(t: TableGrammar, s: Stream, cols: list[str]) -> dict[str, int]:
    """Where the header before the first row names each of ``cols`` once (a
    label-view index), a name one character off included."""
    head = head_of(t, s)
    places = column_places(t, head, cols)
    at = {cid: p[0] for cid, p in places.items() if len(p) == 1}
    if at and len(at) < len(cols):
        at.update(misspelt(t, blanked(t, head), [c for c in cols if not places[c]], at))
    return at


def _repeated_heads(t: TableGrammar, s: Stream, cols: list[str]) -> list[list[str]]:
    """The group's columns in the order each header printed between two rows
    (in the label view, from one row label's end to the next one's start)
    names them, where it names every one of them exactly once."""
    spans = sorted(span for row in t.rows for span in find_all(s, [label_pattern(m, row.label) for m in row.match]))
    out = []
    for (_, end), (start, _) in zip(spans, [*spans[1:], (len(s.labels), 0)], strict=False):
        places = column_places(t, s.labels[end:start], cols)
        if all(len(p) == 1 for p in places.values()):
            out.append(sorted(cols, key=lambda c: places[c][0]))
    return out


def _parts_named(t: TableGrammar, s: Stream) -> tuple[list[str], list[list[str]]]:
    """四: a group's parts (not its total), named once per group; a run ends
    where a part is named again or other words stand between (the group's
    总计, printed before or after its parts as a tool linearises the
    two-level header; pieces of a header whose cells wrap, ``尚未`` / ``审结``,
    which a PDF's text scrambles); separators between parts (``其他结果 |
    尚未审结``) keep a run whole."""
    cols, runs = _part_runs(t, s)
    return cols, [[cid for _, _, cid in run] for run in runs]


def _part_runs(t: TableGrammar, s: Stream) -> tuple[list[str], list[list[tuple[int, int, str]]]]:
    """四's parts (not its total) and the runs the header names them in, each
    name as (start, end, column) in the label view (see :func:`_parts_named`)."""
    cols = [cid for cid in t.columns if cid != t.total_column]
    named = sorted((i, i + len(label), cid) for cid in cols for label in t.columns[cid].labels for i in word_places(s.labels, label))
    named = sorted(named + near_names(t, s.labels, cols, [(i, e) for i, e, _ in named]))  # OCR's 结果纠止 in each group
    runs: list[list[tuple[int, int, str]]] = []
    end = -1
    for i, e, cid in named:
        if not runs or cid in (c for _, _, c in runs[-1]) or i < end or not _SEPARATORS.fullmatch(s.labels, end, i):
            runs.append([])
        runs[-1].append((i, e, cid))
        end = e
    return cols, runs


def _sides(t: TableGrammar) -> list[str]:
    """三's top-level columns in the template's order: 自然人, the merged header 法人或其他组织, 总计."""
    out: list[str] = []
    for col in t.columns.values():
        name = col.group or col.labels[0]
        if name not in out:
            out.append(name)
    return out


def _sides_moved(t: TableGrammar, s: Stream, text: str) -> bool:
    """三: the header names 自然人, 法人或其他组织 (and the group's columns, all on
    one line: where they begin) and 总计 once each before the first
    row, two of them on one line of the text in another order than the
    template's. Every rule holds whatever their order (the row's total is a
    sum, each column's rules are its own), so 自然人 printed after the group
    was read as 商业企业's values shifted one column — and valid. Names on
    different lines say nothing: a tool writes a cell merged down two rows
    (自然人, 总计) on the line after the merged header 法人或其他组织."""
    sides = _sides(t)
    if len(sides) < 3:
        return False
    head = head_of(t, s)
    groups = {col.group for col in t.columns.values() if col.group}
    blank = blanked(t, head)

    def where(i: int) -> tuple[int, int]:
        return line_at(s, text, i)

    named: list[list[tuple[int, int]]] = []
    for name in sides:
        places = [where(i) for i in word_places(head if name in groups else blank, name)]
        if name in groups:  # the merged header, and where its columns begin
            cols = [[i for label in col.labels for i in word_places(blank, label)] for col in t.columns.values() if col.group == name]
            lines = {where(p[0])[0] for p in cols if len(p) == 1}
            if all(len(p) == 1 for p in cols) and len(lines) == 1:  # all of them on one line
                places.append(where(min(p[0] for p in cols)))
            if len(places) > 2 or len({line for line, _ in places}) < len(places):
                return False
        elif len(places) != 1:
            return False
        named.append(places)
    return any(pa[1] > pb[1] and pa[0] == pb[0] for k, a in enumerate(named) for b in named[k + 1:] for pa in a for pb in b)


def _groups_moved(t: TableGrammar, s: Stream, text: str) -> bool:
    """四: two of its groups named on one line of the header in another order
    than the template's (行政诉讼 before 行政复议; 复议后起诉 before
    未经复议直接起诉). Each group's rule is its own, so a table whose groups
    were printed in another order was valid with every group's values under
    another. A group's name is the part of its label that tells it from the
    group before (``行政诉讼·复议后起诉``: 复议后起诉 after 未经复议直接起诉, 行政诉讼
    after 行政复议). Both stand in the header's first row, so a tool writes them
    on one line, or (one cell per line) each alone on lines one after the
    other; names elsewhere, or named more than once, say nothing."""
    parts = [row.label.split("·") for row in t.rows]
    for a, b in zip(parts, parts[1:], strict=False):
        k = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
        if k is None:
            continue
        places = [word_places(s.labels, a[k]), word_places(s.labels, b[k])]
        if any(len(p) != 1 for p in places):
            continue
        (line_a, at_a), (line_b, at_b) = (line_at(s, text, p[0]) for p in places)
        if at_b < at_a and (line_a == line_b or line_a == line_b + 1 and _alone(text, at_a, a[k]) and _alone(text, at_b, b[k])):
            return True
    return False


def _alone(text: str, at: int, name: str) -> bool:
    """``name`` at ``at`` is all its line holds (one cell per line)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:len(text) if end < 0 else end].strip(" \t|│｜") == name


def _block_headers(t: TableGrammar, s: Stream) -> list[tuple[int, int, list[str | None], bool]]:
    """二: each run of column names printed side by side (nothing but
    separators between them) as (start, end, the columns in printed order,
    whether one of them is a name garbled past reading); a name inside a
    longer one (处理决定数量 in 本年处理决定数量) is not another. A name one
    character off is that column's (OCR's 本年废口件数); words half a name's
    (本口口发件数) stand for it, and a cell of other words between two names
    for a column not named (None): neither can move a value (:func:`_reorder_blocks`)."""
    named = sorted((i, i + len(label), cid) for cid, col in t.columns.items() for label in col.labels
                   for i in word_places(s.labels, label))
    named += near_names(t, s.labels, list(t.columns), [(i, e) for i, e, _ in named])
    garbled = half_names(t, s.labels, list(t.columns), [(i, e) for i, e, _ in named])
    runs: list[tuple[int, int, list[str | None], bool]] = []
    end = -1
    for i, e, cid in sorted(named + garbled, key=lambda x: (x[0], -x[1], x[2])):  # at a place, the longer name first
        if i < end:
            continue
        half = (i, e, cid) in garbled
        if runs and _SEPARATORS.fullmatch(s.labels, end, i):
            runs[-1] = (runs[-1][0], e, [*runs[-1][2], cid], runs[-1][3] or half)
        elif (runs and cid not in runs[-1][2] and _OTHER_CELL.fullmatch(s.labels, end, i)
              and any({*runs[-1][2], cid} - {None} <= set(r.columns) for r in t.rows)):  # one block's header
            runs[-1] = (runs[-1][0], e, [*runs[-1][2], None, cid], True)
        else:
            runs.append((i, e, [cid], half))
        end = e
    return runs


_SEPARATORS = compiled(r"[\s|│｜]*")
# a header cell of other words: two to twelve characters, a word's at each end (a CSV's "," is none)
_OTHER_CELL = compiled(r"[\s|│｜\p{P}]*[\p{Han}A-Za-z][^\s|│｜\d]{0,10}[\p{Han}A-Za-z][\s|│｜\p{P}]*")


def _reorder_blocks(t: TableGrammar, s: Stream, rows: Rows, path: str, text: str) -> tuple[Rows, list[Diagnostic]]:
    """二: the values of the rows under a header that names their columns in
    another order; under a header that names one of two and leaves the other's
    cell empty where the template does not have it, or shows no cell of it at
    all, placed (``text``: the canonical text)."""
    heads = _block_headers(t, s)
    out, diags = rows, []
    labelled = {r.id: find_all(s, [label_pattern(m, r.label) for m in r.match]) for r in t.rows if r.id in rows}
    for k, (start, end, printed, garbled) in enumerate(heads):
        until = heads[k + 1][0] if k + 1 < len(heads) else len(s.labels)
        under = [r for r in t.rows if r.id in labelled and {c for c in printed if c} <= set(r.columns)
                 and any(end <= i < until for i, _ in labelled[r.id])]
        if not under:
            continue
        one_of_two = len(printed) == 1 and printed[0] and len(under[0].columns) == 2  # a block of two, one name found
        if one_of_two and not garbled and (filled := filled_order(t, line_text(s, text, start), list(under[0].columns))):
            mine = {r.id for r in under}
            out = {rid: {cid: doubted(cell, COLUMNS_REORDERED) for cid, cell in cells.items()} if rid in mine else cells
                   for rid, cells in out.items()}
            diags.append(Diagnostic("TBL_COLUMN_ORDER", "a header names " + t.columns[printed[0]].labels[0] + " and leaves a "
                                    "cell empty where the template does not have the other column (read as "
                                    + " ".join(t.columns[c].labels[0] for c in filled) + "): the values of "
                                    f"{', '.join(r.label for r in under)} were placed, not read", None, path))
            continue
        if len(printed) < 2 and not (one_of_two and _other_lost(t, s, printed[0], under, labelled, (start, until))):
            continue
        own = [c for c in under[0].columns if c in printed]
        if (printed == own and len(own) == len(under[0].columns)) or _in_place(printed, list(under[0].columns)):
            continue
        names = " ".join(t.columns[c].labels[0] if c else "？" for c in printed)
        out = {rid: dict(cells) for rid, cells in out.items()}
        whole = len(set(printed)) == len(printed) == len(under[0].columns) and not garbled
        for r in under:
            cells = rows[r.id]
            if whole and list(r.columns) == own:
                for where, cid in zip(own, printed, strict=True):
                    out[r.id][cid] = cells[where]
            else:  # a column the header does not name may stand anywhere among those it names
                out[r.id] = {cid: doubted(cell, COLUMNS_REORDERED) for cid, cell in cells.items()}
        diags.append(Diagnostic("TBL_COLUMN_ORDER", f"a header prints the columns in the order {names}: the values of "
                                f"{', '.join(r.label for r in under)} were " + ("placed under them" if whole else "placed, not read"),
                                None, path))
    return out, diags


def _other_lost(t: TableGrammar, s: Stream, named: str, under: list[Row],
                labelled: dict[str, list[tuple[int, int]]], span: tuple[int, int]) -> bool:
    """A header of two columns that names one, with no empty cell beside it
    (a gap of spaces is one separator, one name a line) and the other's name
    nowhere between the row before it and the first row under it: lost whole,
    it may have stood on either side. (A name the header search missed but
    printed is no loss.) ``labelled``: each row's label places."""
    after = max((j for places in labelled.values() for _, j in places if j <= span[0]), default=0)  # the row before
    first_row = min((i for r in under for i, _ in labelled[r.id] if span[0] <= i < span[1]), default=span[1])
    head, other = s.labels[after:first_row], next(c for c in under[0].columns if c != named)
    return not any(label in head for label in t.columns[other].labels)


def _in_place(printed: list[str | None], cols: list[str]) -> bool:
    """Whether a header with cells it does not name (None: a name garbled
    past reading) names each other column where the template has it."""
    return None in printed and len(printed) == len(cols) and all(c is None or c == cols[j] for j, c in enumerate(printed))


def _total_first(t: TableGrammar, s: Stream) -> bool:
    """四: the header's first group of four parts named right after a 总计,
    and its last with none right after it — each group's 总计 printed before
    its parts. The template's order holds a group's rule only where its one
    value is its first or last part, so such a table was valid with that
    value under the wrong part. (The template's order names each group's
    parts after a group name and its 总计 after them; a line repeated within
    one group, ``尚未审结审结总计``, changes neither end.)"""
    assert t.total_column is not None
    totals = sorted(i for label in t.columns[t.total_column].labels for i in word_places(s.labels, label))
    ends = {i + len(label) for label in t.columns[t.total_column].labels for i in totals}
    cols, runs = _part_runs(t, s)
    whole = [(run[0][0], run[-1][1]) for run in runs if len(run) == len(cols)]  # each group named with all its parts
    if not whole:
        return False
    (first, _), (_, last) = whole[0], whole[-1]
    return (any(_SEPARATORS.fullmatch(s.labels, e, first) for e in ends if e <= first)
            and not any(_SEPARATORS.fullmatch(s.labels, last, i) for i in totals if i >= last))


def _placed(rows: Rows, path: str, message: str, alike_kept: bool = False,
            cols: list[str] | None = None) -> tuple[Rows, list[Diagnostic]]:
    """Every value of ``rows`` placed, not read — or only those of ``cols``
    (``alike_kept``: but a row's whose values there are all alike), with one
    ``TBL_COLUMN_ORDER``."""
    def mine(c: str) -> bool:
        return cols is None or c in cols

    return ({rid: cells if alike_kept and len({cell.value for c, cell in cells.items() if mine(c)}) <= 1
             else {c: doubted(cell, COLUMNS_REORDERED) if mine(c) else cell for c, cell in cells.items()}
             for rid, cells in rows.items()},
            [Diagnostic("TBL_COLUMN_ORDER", message, None, path)])


def reorder_columns(t: TableGrammar, s: Stream, rows: Rows, path: str, text: str) -> tuple[Rows, list[Diagnostic]]:
    """``rows`` with the values moved to the columns the header names (``text``: the canonical text)."""
    if t.layout == "labelled_rows" and not any(col.group for col in t.columns.values()):
        return _reorder_blocks(t, s, rows, path, text)
    if t.layout == "header_groups" and t.total_column and _total_first(t, s):
        # a group whose values are all alike (all 0) reads the same in any order
        return _placed(rows, path, f"the header names a group's {t.columns[t.total_column].labels[0]} before its parts: "
                       "which value is which is not shown, so they are placed, not read", alike_kept=True)
    if t.layout == "header_groups" and _groups_moved(t, s, text):
        return _placed(rows, path, "the header names the groups (" + ", ".join(r.label for r in t.rows)
                       + ") in another order than the template: their values are placed, not read")
    if t.layout == "labelled_rows" and _sides_moved(t, s, text):
        return _placed(rows, path, "the header names the columns around a merged header (" + ", ".join(_sides(t))
                       + ") in another order than the template: their values are placed, not read")
    cols, runs, at = printed_order(t, s)
    if t.layout == "labelled_rows" and runs and len(runs[0]) >= 2:
        head = [at[c] for c in runs[0]]
        if (cells := grid_cells(s, text, head)) is not None:
            # a drawn grid's header whose cells wrap: the names' order is their cells' order
            if len(set(cells)) < len(cells):
                return _placed(rows, path, "the header's grid holds two of the names of the columns under "
                               f"{t.columns[cols[0]].group} in one cell: which value is whose is not shown (a row's "
                               "values alike aside), so they are placed, not read", alike_kept=True, cols=cols)
            runs = [[c for _, c in sorted(zip(cells, runs[0], strict=True))], *runs[1:]]
        elif indented_lines(s, text, head) and runs[0] != [c for c in cols if c in runs[0]]:
            return _placed(rows, path, "the header names " + " ".join(t.columns[c].labels[0] for c in runs[0])
                           + f" of the columns under {t.columns[cols[0]].group} in another order than the template, "
                           "on indented lines of text aligned with spaces, where a cell's name may stand on a lower "
                           "line than the next cell's: which value is whose is not shown (a row's values alike "
                           "aside), so they are placed, not read", alike_kept=True, cols=cols)
    if t.layout == "labelled_rows" and runs and 1 <= len(runs[0]) < len(cols) and (filled := empty_cell_order(t, s, text, cols)):
        return _placed(rows, path, "the header names " + " ".join(t.columns[c].labels[0] for c in runs[0])
                       + f" of the columns under {t.columns[cols[0]].group} and leaves a cell empty where the template "
                       f"has {t.columns[next(c for c in cols if c not in runs[0])].labels[0]} elsewhere (read as "
                       + " ".join(t.columns[c].labels[0] for c in filled) + "): which value is whose is not shown "
                       "(a row's values alike aside), so they are placed, not read", alike_kept=True, cols=cols)
    if t.layout == "labelled_rows" and runs and 2 <= len(runs[0]) < len(cols) and gaps_disagree(t, s, cols, runs[0]):
        # names found in the template's order, but the text between them puts the others elsewhere
        return _placed(rows, path, "the header names " + " ".join(t.columns[c].labels[0] for c in runs[0])
                       + f" of the columns under {t.columns[cols[0]].group}, and the words between them are not "
                       "where the template has the others: which value is whose is not shown (a row's values alike "
                       "aside), so they are placed, not read", alike_kept=True, cols=cols)
    moved_runs = [run for run in runs if len(run) >= 2 and run != [c for c in cols if c in run]]
    if (t.layout == "labelled_rows" and not moved_runs and runs and 2 <= len(runs[0]) < len(cols)
            and not any(len(run) == len(cols) for run in runs[1:])
            and lost_whole(t, head_of(t, s), runs[0], lost := [c for c in cols if c not in runs[0]])):
        # names found in the template's order, the others' gone whole: where they stood is not shown
        return _placed(rows, path, "the header names " + " ".join(t.columns[c].labels[0] for c in runs[0])
                       + f" of the columns under {t.columns[cols[0]].group} and not "
                       + " ".join(t.columns[c].labels[0] for c in lost) + ", which may have stood anywhere among "
                       "them: which value is whose is not shown (a row's values alike aside), so they are placed, "
                       "not read", alike_kept=True, cols=cols)
    if not moved_runs:
        return rows, []
    printed = moved_runs[0]
    names = " ".join(t.columns[c].labels[0] for c in printed)
    if len(printed) < len(cols) or any(run != printed for run in runs) or t.layout == "header_groups":
        # 四's total may stand anywhere among its parts as the header is linearised: the parts' order alone
        # does not say where each value is
        doubted_rows = {rid: {c: doubted(cell, COLUMNS_REORDERED) if c in cols else cell for c, cell in cells.items()}
                        for rid, cells in rows.items()}
        why = ("another header of the table names them otherwise" if len(printed) == len(cols) and t.layout != "header_groups"
               else "not every column alike")
        return doubted_rows, [Diagnostic("TBL_COLUMN_ORDER", f"the header names {names} in another order than the template, "
                                         f"and {why}: their values are placed, not read", None, path)]
    moved = {}
    for rid, cells in rows.items():
        out = dict(cells)
        for where, cid in zip(cols, printed, strict=True):  # the value read as ``where`` was printed under ``cid``
            if where in cells and cid in cells:
                out[cid] = cells[where]
        moved[rid] = out
    return moved, [Diagnostic("TBL_COLUMN_ORDER", f"the header prints the columns in the order {names}: "
                              "each row's values were placed under them", None, path)]
