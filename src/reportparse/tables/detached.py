"""Rows whose values are printed apart from their labels, one cell per
line (pdftotext of merged cells, a column of labels then their values):
which rows such a block of values fills, and in which order it reads."""

from __future__ import annotations

from ..grammar import TableGrammar
from .anchors import Anchor
from .tokens import Value


def labels_alone_before(t: TableGrammar, order: list[str], anchor: str | None, found: dict[str, Anchor],
                         chunks: dict[str, tuple[list[Value], bool]], filled: dict[str, list[Value]]) -> bool:
    """The rows right before ``anchor`` in the template are labels with no
    values of their own, which no block gave any (``filled``) and the values
    after the row before them do not cover (``9 0 … 9`` and ``0 0 … 0``
    after 部分公开: its own and 1.属于国家秘密's): values after the anchor that
    number what it and the rows after it need may as well be the values of
    the labels before it (a column of labels, then their values:
    ``pdftotext`` of a narrow Word table), and the count cannot tell which."""
    if anchor is None or anchor not in order:
        return False
    alone, i = [], order.index(anchor) - 1
    while i >= 0 and order[i] in found and not chunks[order[i]][0] and order[i] not in filled:
        alone.append(order[i])
        i -= 1
    if not alone:
        return False
    if i < 0 or order[i] not in found:
        return True
    surplus = len(chunks[order[i]][0]) - len(t.row(order[i]).columns)
    return surplus < sum(len(t.row(r).columns) for r in alone)




def blocks_before_labels(t: TableGrammar, found: dict[str, Anchor], chunks: dict[str, tuple[list[Value], bool]],
                          anchored: list[str]) -> dict[str, list[Value]]:
    """One cell per line, printed before the labels (pdftotext of merged cells):
    a row's values run on into a block of m more rows, and the next m labels
    in the document — label-only, consecutive in the template — are those rows.
    The block is read column by column when it comes as one run per column
    (blank lines between columns), row by row when every value stands alone.
    Not when the labels before the anchor stand alone as well
    (:func:`labels_alone_before`): then the block may be their values.
    Trimmed from the anchor's own chunk; returns the rows so filled."""
    out: dict[str, list[Value]] = {}
    order = [r.id for r in t.rows if not r.optional]
    by_pos = sorted(found.values(), key=lambda a: a.start)
    for a in anchored:
        vals, tabbed = chunks[a]
        n = len(t.row(a).columns)
        extra = len(vals) - n
        if tabbed or extra <= 0 or a not in order:
            continue
        start = order.index(a)
        after = [x.row for x in by_pos if x.start > found[a].start]
        run = []
        for rid in after:
            if rid in order and order.index(rid) < start:
                continue  # a row placed earlier (its label printed late)
            if rid in order and not chunks[rid][0] and rid not in out:
                run.append(rid)
            else:
                break
        if any(len(t.row(r).columns) != n for r in run) or extra % n:
            continue
        m = extra // n
        rows = run[:m]
        if len(rows) != m or rows != order[start + 1:start + 1 + m]:
            continue
        if labels_alone_before(t, order, a, found, chunks, out):
            continue  # the block may be the rows' before (a label column, then its values)
        own, rest = vals[:n], vals[n:]
        if len({v.block for v in own}) != n and len({v.block for v in own}) != 1:
            continue
        grid = _block_grid(rest, m, n)
        if grid is None and len({v.block for v in rest}) == len(rest):  # one value per line: row by row
            grid = [rest[r * n:(r + 1) * n] for r in range(m)]
        if grid is None:
            continue
        chunks[a] = (own, tabbed)
        for rid, row_vals in zip(rows, grid, strict=True):
            out[rid] = row_vals
    return out


def blocks_around_label(t: TableGrammar, found: dict[str, Anchor], chunks: dict[str, tuple[list[Value], bool]],
                         anchored: list[str], taken: dict[str, list[Value]]) -> dict[str, list[Value]]:
    """One cell per line, k rows' worth of values after one label and the
    other k-1 labels printed elsewhere without values (pdftotext of a column of
    merged cells: hongze-2023 prints 3.要求提供公开出版物 before the values of
    the four rows 3.补正后… to 3.要求提供…). The k rows are taken only when
    exactly one run of k consecutive rows of the template (among the rows
    whose labels are in the document) holds the label and otherwise only
    label-only rows; the values must group as k per column, or n per row, or
    (one per line) read the same both ways, and none may stand inside the
    label's own wrapped lines (``5.要求…重新出`` / values / ``具已获取信息``:
    those are its own). Returns the rows so filled."""
    out: dict[str, list[Value]] = {}
    present = [r.id for r in t.rows if r.id in found]
    for a in anchored:
        vals, tabbed = chunks[a]
        n = len(t.row(a).columns)
        if tabbed or a in taken or len(vals) <= n or len(vals) % n or a not in present:
            continue
        if vals[0].start < found[a].end:
            continue  # values printed inside the label's own wrapped lines: the label's, not the first of a block
        k, i = len(vals) // n, present.index(a)
        windows = [w for s0 in range(max(0, i - k + 1), i + 1) if len(w := present[s0:s0 + k]) == k
                   and all(r == a or (not chunks[r][0] and r not in taken and r not in out) for r in w)
                   and all(len(t.row(r).columns) == n for r in w)]
        grid = _block_grid(vals, k, n) if len(windows) == 1 else None
        if grid is None:
            continue
        chunks[a] = ([], tabbed)
        out.update(zip(windows[0], grid, strict=True))
    return out


def _block_grid(vals: list[Value], k: int, n: int) -> list[list[Value]] | None:
    """k rows of n values: column by column (n runs of k), row by row (k runs
    of n), or one value per run when both readings give the same numbers."""
    groups: dict[int, list[Value]] = {}
    for v in vals:
        groups.setdefault(v.block, []).append(v)
    runs = list(groups.values())
    by_col = [[vals[c * k + r] for c in range(n)] for r in range(k)]
    by_row = [vals[r * n:(r + 1) * n] for r in range(k)]
    if len(runs) == n and {len(g) for g in runs} == {k}:
        return by_col
    if len(runs) == k and {len(g) for g in runs} == {n}:
        return by_row
    same = all(x.value == y.value for rc, rr in zip(by_col, by_row, strict=True) for x, y in zip(rc, rr, strict=True))
    return by_row if len(runs) == len(vals) and same else None


