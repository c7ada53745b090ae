"""Where each standard section's text is: the region its table is read from.

A section's heading may be printed more than once: in a list of contents
(目录) under the title, with nothing under it but leaders and a page number;
over a line of prose, its table printed again in an appendix after 六; in
two reports' bodies run together. A section's region is the first print of
its heading with words under it and, for a section that holds a table, the
first print that holds the table (half as many of its row labels as the
fullest print, or more). A table no print holds is looked for after its
heading under a bare title (``附表1 主动公开政府信息情况``), else with no
title at all before the first standard heading or after the last (a
script's text of a Word document: python-docx's paragraphs, then its
tables), in a text of tables alone (a table extractor's), or in the body of
the standard section before it (its own heading's line lost: 三's table
under 二's). Two prints that hold the table, unlike, are two tables: which
one is the report's is not told (``TBL_SECTION_TWICE``).
"""

from __future__ import annotations

from functools import lru_cache

from .grammar import Template
from .startcache import compiled

_WORDS = compiled(r"\p{Han}")  # words under a heading (a list of contents prints leaders and page numbers)
_LABELS_HELD = 3  # row labels a section's text holds at least where its table is printed
_TITLE_LINE = 40  # characters: a bare title's line (附表1 主动公开政府信息情况统计表), not a sentence
_WORDY = 8  # Han characters of a line no table's (a title, 南岗区人民政府文件): a table's unnamed labels (总计, 第二十条第（一）项) have fewer
_FIELDS = compiled(r"[,\t]| {2,}")  # what parts a line's cells: a comma (CSV), a tab, a run of spaces
_PIECE = 2  # characters: the least piece of a header's name a table extractor cuts it into (结果 of 结果维持)
_CELL = 60  # characters: a header row's cell is no longer (a few names run together); a longer one is prose

Body = tuple[int, int]
Prints = dict[str, list[tuple[Body, str]]]


def table_regions(text: str, bodies: list[tuple[str | None, Body]], template: Template | None, start: int = 0
                  ) -> tuple[dict[str, Body], tuple[str, ...]]:
    """Each standard section's region in the canonical ``text`` (``bodies``:
    every top-level section's key and body, in order; the body of the report,
    after its header, from ``start``), and the table sections printed twice
    with the table, not alike (see the module's text)."""
    prints: Prints = {}
    first: dict[str, Body] = {}
    for key, body in bodies:
        if not key:
            continue
        first.setdefault(key, body)
        words = "".join(text[body[0]:body[1]].split())
        if _WORDS.search(words):
            prints.setdefault(key, []).append((body, words))
    labels = _table_labels(template)
    regions, twice = dict(first), []
    held: set[str] = set()  # the sections a print of whose heading holds the table
    for key, worded in prints.items():
        counts = [sum(m in words for m in labels.get(key, ())) for _, words in worded]
        most = max(counts)
        if most < _LABELS_HELD:  # no print holds the table (or the section holds none)
            regions[key] = worded[0][0]
            continue
        # prints holding half as many of its labels as the fullest or more hold the table: the first is read; two
        # unlike, two tables
        holding = [(body, words) for (body, words), n in zip(worded, counts, strict=True) if 2 * n >= most]
        regions[key] = holding[0][0]
        held.add(key)
        if len({words for _, words in holding}) > 1:
            twice.append(key)
    if template is not None and not template.free_format:
        todo = [s.key for s in template.sections if s.tables and s.key in labels and s.key not in held]
        found = _appendix(text, template, labels, regions, todo, next((body[0] for _, body in bodies), 0))
        untitled, heads = _untitled(text, template, labels, [k for k in todo if k not in found], _free_spans(text, bodies, start))
        for key, head in heads.items():  # in the body of a section that holds its own table, after that table:
            for host in held:  # the one ends, and the other begins, at the line that first names the other
                b, e = regions[host]
                if b < head < e:
                    regions[host] = (b, head - 1)
                    untitled[key] = (max(untitled[key][0], head), untitled[key][1])
        regions.update(found)
        regions.update(untitled)
    return regions, tuple(sorted(twice))


def _table_labels(template: Template | None) -> dict[str, tuple[str, ...]]:
    """Per section key, the row labels (four characters or more) of the tables it holds."""
    out: dict[str, tuple[str, ...]] = {}
    for tg in (template.tables.values() if template else ()):
        out[tg.section] = out.get(tg.section, ()) + tuple({m for r in tg.rows for m in r.match if len(m) >= 4})
    return out


def _appendix(text: str, template: Template, labels: dict[str, tuple[str, ...]],
              regions: dict[str, Body], todo: list[str], start: int) -> dict[str, Body]:
    """Tables no print of their section's heading holds (``todo``), printed
    after it under a bare title (an appendix after 六): from the line of a
    title of the table's section (short, no sentence) to the next such line
    of another table's section, or the text's end, where that span holds the
    table's row labels."""
    if not todo:
        return {}
    titled = {s.key: s.titles for s in template.sections if s.tables}
    lines = []  # (line start, line end, section key) of every bare title line of a table section
    for key, titles in titled.items():
        for t in titles:
            at = text.find(t)
            while at >= 0:
                ls, le = text.rfind("\n", 0, at) + 1, text.find("\n", at)
                le = len(text) if le < 0 else le
                if le - ls <= _TITLE_LINE and "。" not in text[ls:le]:
                    lines.append((ls, le, key))
                at = text.find(t, at + len(t))
    lines.sort()
    out = {}
    for key in todo:
        after = regions[key][0] if key in regions else start
        for k, (ls, le, owner) in enumerate(lines):
            if owner != key or ls < after:
                continue
            end = next((s2 for s2, _, o in lines[k + 1:] if o != key), len(text))
            if sum(m in "".join(text[le:end].split()) for m in labels[key]) >= _LABELS_HELD:
                out[key] = (le, end)
                break
    return out


def _free_spans(text: str, bodies: list[tuple[str | None, Body]], start: int) -> list[Body]:
    """Where a table with no title may stand outside its section: from the
    body's ``start`` (after the header) to the first standard section's
    heading, then each standard section's body to the next one's heading,
    the last's to the text's end (a text with no standard section: all of it
    from ``start``). A table whose heading was lost stands in the body of the
    standard section before it; a row of it printed alone (一、本年新收…)
    reads as a heading of no standard section, inside the span."""
    keyed = [body for key, body in bodies if key]
    if not keyed:
        return [(start, len(text))]
    heads = [text.rfind("\n", 0, max(body[0] - 1, 0)) + 1 for body in keyed]  # each standard heading's line
    spans = [(start, max(start, heads[0]))]
    for body, nxt in zip(keyed, [*heads[1:], len(text)], strict=True):
        spans.append((body[0], max(body[0], nxt)))
    return spans


def _untitled(text: str, template: Template, labels: dict[str, tuple[str, ...]], todo: list[str],
              spans: list[Body]) -> tuple[dict[str, Body], dict[str, int]]:
    """Tables no heading's print and no title holds, printed with no title
    in ``spans`` (before the first heading: tables kept apart first; after
    the last: python-docx's paragraphs, then its tables; a text of tables
    only; a standard section's body: a table whose heading was lost): each
    line outside prose (no 。) naming row or column labels (or other words
    of its header, the grammar's ``names``) of one such table only is that
    table's. The tables must come in the template's order, no
    line naming an earlier one after a later one's first; else nothing is
    told. A table's region runs from where the one before it in its span
    ends (the first's: after the span's last line of prose or of many words
    naming no table before it, a title) to the next table's first line or,
    an empty line sooner after its own last, the first line with words after
    that empty line: it ends as a section's body ends before the next
    heading, at the line break before that line (the span's last table:
    before the first line of prose or of many words naming no table after
    its own last, or at the span's end). It must hold its row labels.
    Returns the regions, and where each one's first line naming it starts."""
    if not todo:
        return {}, {}
    header_names = {k: {m for tg in template.tables.values() if tg.section == k for m in (
        *tg.names, *(n for c in tg.columns.values() for n in (*c.labels, c.group or ""))) if m} for k in todo}
    names = {k: labels[k] + tuple(sorted(m for m in header_names[k] if len(m) >= 4)) for k in todo}
    pieces = _pieces(tuple(sorted(set().union(*header_names.values()))))  # (总计 too: tabula's 结果结果其他,尚未,总计)
    firsts: dict[str, tuple[int, int]] = {}  # per table: its span and its first line's start
    lasts: dict[str, int] = {}  # the end of each table's last line naming it
    blanks: list[int] = []  # where each empty line starts
    worded: list[int] = []  # where each line with words starts
    other: list[int] = []  # where each line of words naming no table starts (prose, a title; not a short label)
    last = -1  # the rank of the latest table named
    for n, (start, stop) in enumerate(spans):
        at = start
        for line in text[start:stop].split("\n"):
            if not line.strip():
                blanks.append(at)
                at += len(line) + 1
                continue
            worded.append(at)
            words = "".join(line.split())
            named = [k for k in todo if any(m in words for m in names[k])]
            prose = "。" in line
            if prose and last >= 0 and named == [todo[last]]:  # prose run on to the table's own line (one-line text)
                lasts[named[0]] = at + len(line)
            elif prose or (not named and len(_WORDS.findall(words)) >= _WORDY and not _cut_names(line, pieces)):
                other.append(at)  # prose (a table's words there are no line of it) or a title
            elif len(named) == 1:
                rank = todo.index(named[0])
                if rank < last:
                    return {}, {}  # an earlier table named after a later one began: not told apart
                firsts.setdefault(named[0], (n, at))
                lasts[named[0]] = at + len(line)
                last = rank
            at += len(line) + 1
    keys = [k for k in todo if k in firsts]
    out, ends = {}, {}
    for i, key in enumerate(keys):
        n, at = firsts[key]
        begin = ends[keys[i - 1]] if i and firsts[keys[i - 1]][0] == n else max(
            [spans[n][0]] + [text.find("\n", o) for o in other if spans[n][0] <= o < at])
        end = min([o - 1 for o in other if lasts[key] < o < spans[n][1]] + [spans[n][1]])
        if i + 1 < len(keys) and firsts[keys[i + 1]][0] == n:
            nxt = firsts[keys[i + 1]][1]
            gap = next((b for b in blanks if lasts[key] <= b < nxt), None)
            end = min(nxt if gap is None else next(w for w in worded if w > gap), nxt) - 1
        ends[key] = end
        if sum(m in "".join(text[begin:end].split()) for m in labels[key]) >= _LABELS_HELD:
            out[key] = (begin, end)
    return out, {k: firsts[k][1] for k in out}


@lru_cache(maxsize=64)
def _pieces(names: tuple[str, ...]) -> frozenset[str]:
    """Every piece (:data:`_PIECE` characters or more) of the names in the headers of the tables looked for."""
    return frozenset(n[i:j] for n in names for i in range(len(n)) for j in range(i + _PIECE, len(n) + 1))


def _cut_names(line: str, pieces: frozenset[str]) -> bool:
    """Whether each cell of ``line`` (two or more) is pieces of the names in
    the tables' headers run together: a header row whose names a table
    extractor cut over lines and columns (tabula's ``结果 结果,其他,尚未``), no title."""
    cells = ["".join(c.split()) for c in _FIELDS.split(line)]
    return sum(map(bool, cells)) >= 2 and all(len(c) <= _CELL and _pieced(c, pieces) for c in cells if c)


def _pieced(cell: str, pieces: frozenset[str]) -> bool:
    ends = {0}  # where a run of whole pieces from the cell's start can end
    for j in range(_PIECE, len(cell) + 1):
        if any(cell[i:j] in pieces for i in ends if j - i >= _PIECE):
            ends.add(j)
    return len(cell) in ends
