"""Ruling lines to table grids, as a pipeline of small named steps:

    edges_from_graphics → snap_edges → join_edges → group_tables → build_grid → merge_cells

Coordinates are PDF points with the origin at the bottom left. A table is a
set of horizontal and vertical edges that touch; its grid is every x of a
vertical edge and every y of a horizontal edge; two neighbouring grid cells
belong to one (merged) cell when no edge separates them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

SNAP = 3.0  # points: edges closer than this are the same line
MIN_EDGE = 3.0


@dataclass(frozen=True)
class Edge:
    orient: str  # "h" or "v"
    pos: float  # y for h, x for v
    start: float  # x0 for h, y0 for v
    end: float


@dataclass
class Cell:
    """A (possibly merged) cell: grid rows r0..r1, columns c0..c1 inclusive."""

    r0: int
    c0: int
    r1: int
    c1: int
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1
    chars: list = field(default_factory=list)
    text: str = ""  # for cells that come with text (HTML)
    more: list = field(default_factory=list)  # (page, chars): the rest of its text, on the next page (a row split there)


@dataclass
class Grid:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom (descending y)
    cells: list[Cell]
    owner: dict[tuple[int, int], Cell]  # grid position -> the cell covering it
    joined_up: bool = False  # its first row is the rest of the row above a page break, joined to it

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[-1], self.xs[-1], self.ys[0]

    def cell_at(self, x: float, y: float) -> Cell | None:
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]):
            return None
        col = next((j for j in range(len(self.xs) - 1) if x <= self.xs[j + 1]), len(self.xs) - 2)
        row = next((i for i in range(len(self.ys) - 1) if y >= self.ys[i + 1]), len(self.ys) - 2)
        return self.owner.get((row, col))


def edges_from_graphics(lines: Iterable[tuple[float, float, float, float]],
                        rects: Iterable[tuple[float, float, float, float]]) -> list[Edge]:
    """Segments (x0, y0, x1, y1) and rectangles to axis-aligned edges."""
    out: list[Edge] = []
    for x0, y0, x1, y1 in lines:
        if abs(y1 - y0) < 1 and abs(x1 - x0) >= MIN_EDGE:
            out.append(Edge("h", (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) < 1 and abs(y1 - y0) >= MIN_EDGE:
            out.append(Edge("v", (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    for x0, y0, x1, y1 in rects:
        w, h = x1 - x0, y1 - y0
        if h < 2 and w >= MIN_EDGE:
            out.append(Edge("h", (y0 + y1) / 2, x0, x1))
        elif w < 2 and h >= MIN_EDGE:
            out.append(Edge("v", (x0 + x1) / 2, y0, y1))
        elif w >= MIN_EDGE and h >= MIN_EDGE:
            out += [Edge("h", y0, x0, x1), Edge("h", y1, x0, x1), Edge("v", x0, y0, y1), Edge("v", x1, y0, y1)]
    return out


def _clusters(values: list[float], tol: float) -> dict[float, float]:
    """Map each value to the mean of its cluster (values closer than ``tol`` chain together)."""
    out: dict[float, float] = {}
    group: list[float] = []
    for v in sorted(set(values)):
        if group and v - group[-1] > tol:
            mean = sum(group) / len(group)
            out.update(dict.fromkeys(group, mean))
            group = []
        group.append(v)
    if group:
        mean = sum(group) / len(group)
        out.update(dict.fromkeys(group, mean))
    return out


def snap_edges(edges: list[Edge], tol: float = SNAP) -> list[Edge]:
    out: list[Edge] = []
    for orient in ("h", "v"):
        group = [e for e in edges if e.orient == orient]
        pos = _clusters([e.pos for e in group], tol)
        ends = _clusters([v for e in group for v in (e.start, e.end)], tol)
        out += [Edge(orient, pos[e.pos], ends[e.start], ends[e.end]) for e in group]
    return out


def join_edges(edges: list[Edge], tol: float = SNAP) -> list[Edge]:
    """Merge collinear edges that overlap or nearly touch."""
    out: list[Edge] = []
    key = lambda e: (e.orient, e.pos, e.start)  # noqa: E731
    for e in sorted(edges, key=key):
        last = out[-1] if out else None
        if last and last.orient == e.orient and last.pos == e.pos and e.start <= last.end + tol:
            out[-1] = Edge(e.orient, e.pos, last.start, max(last.end, e.end))
        else:
            out.append(e)
    return out


def _touch(h: Edge, v: Edge, tol: float = SNAP) -> bool:
    return h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol


def group_tables(edges: list[Edge]) -> list[list[Edge]]:
    """Connected groups of edges that touch; groups without a real grid are dropped."""
    hs = [e for e in edges if e.orient == "h"]
    vs = [e for e in edges if e.orient == "v"]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _touch(h, v):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, list[Edge]] = {}
    for i, e in enumerate(hs + vs):
        groups.setdefault(find(i), []).append(e)
    out = []
    for g in groups.values():
        nh = len({e.pos for e in g if e.orient == "h"})
        nv = len({e.pos for e in g if e.orient == "v"})
        if nh >= 2 and nv >= 2:
            out.append(g)
    return sorted(out, key=lambda g: -max(e.pos for e in g if e.orient == "h"))


def _covered(edges: list[Edge], pos: float, at: float, tol: float = SNAP) -> bool:
    return any(abs(e.pos - pos) <= 0.01 and e.start - tol <= at <= e.end + tol for e in edges)


def build_grid(group: list[Edge]) -> Grid:
    hs = [e for e in group if e.orient == "h"]
    vs = [e for e in group if e.orient == "v"]
    hs += _open_ends(hs, vs)
    xs = sorted({e.pos for e in vs})
    ys = sorted({e.pos for e in hs}, reverse=True)
    return merge_cells(xs, ys, hs, vs)


def _open_ends(hs: list[Edge], vs: list[Edge], tol: float = SNAP) -> list[Edge]:
    """A closing rule where a table runs on over a page break without one:
    when the outer vertical rules both run on past the last (or first)
    horizontal rule to the same end, that end closes the table."""
    if not hs or len(vs) < 2:
        return []
    left, right = min(vs, key=lambda e: e.pos), max(vs, key=lambda e: e.pos)
    bottom, top = min(e.pos for e in hs), max(e.pos for e in hs)
    out = []
    if left.start < bottom - 2 * tol and abs(left.start - right.start) <= tol:
        out.append(Edge("h", min(left.start, right.start), left.pos, right.pos))
    if left.end > top + 2 * tol and abs(left.end - right.end) <= tol:
        out.append(Edge("h", max(left.end, right.end), left.pos, right.pos))
    return out


def merge_cells(xs: list[float], ys: list[float], hs: list[Edge], vs: list[Edge]) -> Grid:
    """Union grid positions that no edge separates into merged cells."""
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = {(r, c): (r, c) for r in range(nr) for c in range(nc)}

    def find(p: tuple[int, int]) -> tuple[int, int]:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    for r in range(nr):
        ymid = (ys[r] + ys[r + 1]) / 2
        for c in range(nc - 1):
            if not _covered(vs, xs[c + 1], ymid):
                parent[find((r, c + 1))] = find((r, c))
    for c in range(nc):
        xmid = (xs[c] + xs[c + 1]) / 2
        for r in range(nr - 1):
            if not _covered(hs, ys[r + 1], xmid):
                parent[find((r + 1, c))] = find((r, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for p in parent:
        members.setdefault(find(p), []).append(p)
    cells: list[Cell] = []
    owner: dict[tuple[int, int], Cell] = {}
    for ps in members.values():
        r0, r1 = min(p[0] for p in ps), max(p[0] for p in ps)
        c0, c1 = min(p[1] for p in ps), max(p[1] for p in ps)
        cell = Cell(r0, c0, r1, c1, (xs[c0], ys[r1 + 1], xs[c1 + 1], ys[r0]))
        cells.append(cell)
        for p in ps:
            owner[p] = cell
    cells.sort(key=lambda k: (k.r0, k.c0))
    return Grid(xs, ys, cells, owner)


def find_grids(lines: Iterable[tuple[float, float, float, float]],
               rects: Iterable[tuple[float, float, float, float]]) -> list[Grid]:
    """The whole pipeline for one page."""
    edges = join_edges(snap_edges(edges_from_graphics(lines, rects)))
    return [build_grid(g) for g in group_tables(edges)]


def row_fields(nrows: int, ncols: int, owner: dict[tuple[int, int], Cell],
               markup: bool = False) -> list[list[Cell | None]]:
    """Each grid row as the fields a text rendering shows: a cell where it
    starts, ``None`` (an empty field) where a cell from a row above continues,
    nothing for the rest of a cell merged across columns. In a table of
    ``markup`` (HTML), a row whose cells end before the table's widest does
    not print the rest: no cell was written there, so which of the row's
    cells is lost is not known — unlike a cell written empty, it is no
    empty field (a ruled PDF table's grid covers every place)."""
    out: list[list[Cell | None]] = []
    for r in range(nrows):
        row: list[Cell | None] = []
        width = ncols if not markup else 1 + max((c for c in range(ncols) if (r, c) in owner), default=-1)
        for c in range(width):
            cell = owner.get((r, c))
            if cell is None:
                row.append(None)
            elif cell.c0 == c:
                row.append(cell if cell.r0 == r else None)
        out.append(row)
    return out
