"""Where a table's header names its columns: the label view before its first
row (:func:`head_of`), each column's places in it, and the evidence a damaged
header still gives — a name one character off (:func:`misspelt`), words
half a missing name's where the template does not have that column
(:func:`gaps_disagree`), or the empty cell a name lost whole left there
(:func:`filled_order`). :mod:`.columns` decides the order from these."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

from ..grammar import TableGrammar
from ..startcache import compiled
from .stream import Stream, find_all, label_pattern

_WORD = compiled(r"[\p{Han}A-Za-z]")


def head_of(t: TableGrammar, s: Stream) -> str:
    """The label view before the table's first row label: its header."""
    # the first occurrence of any row's label: the first of each row's (which the column order and the anchors
    # ask the stream for too, and it keeps), not one search of every label at every place
    firsts = [found[0][0] for row in t.rows if (found := find_all(s, [label_pattern(m, row.label) for m in row.match]))]
    return s.labels[:min(firsts)] if firsts else ""


def blanked(t: TableGrammar, head: str) -> str:
    """``head`` with the merged headers' names blanked (same length): 法人或其他组织 holds 其他, never a column's name."""
    for name in {col.group for col in t.columns.values() if col.group}:
        head = head.replace(name, "\u3000" * len(name))
    return head


def word_places(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def column_places(t: TableGrammar, text: str, cols: list[str]) -> dict[str, list[int]]:
    """Where each of ``cols`` is named in ``text``, its merged headers' names blanked."""
    text = blanked(t, text)
    return {cid: [i for label in t.columns[cid].labels for i in word_places(text, label)] for cid in cols}


def lost_whole(t: TableGrammar, head: str, named: list[str], missing: list[str]) -> bool:
    """Whether the ``missing`` columns' names are gone whole from a header
    that names the ``named`` columns once each: no two characters of one of
    them side by side stand in ``head`` once the merged headers' names and
    the names found are blanked (a name printed in pieces, 法律服务 / 机构, or
    shortened, 社会公益, is no loss)."""
    head = blanked(t, head)
    for c in named:
        for label in t.columns[c].labels:
            head = head.replace(label, "\u3000" * len(label))
    return not any(label[k:k + 2] in head for c in missing for label in t.columns[c].labels for k in range(len(label) - 1))


def misspelt(t: TableGrammar, head: str, missing: list[str], at: dict[str, int]) -> dict[str, int]:
    """Where each of the ``missing`` columns is named with one character
    wrong (OCR: 科研机构 as 科研机沟; :func:`near_names`), in one place only
    and clear of the names found (``at``: where each starts)."""
    exact = [(p, p + max(len(x) for x in t.columns[cid].labels)) for cid, p in at.items()]
    hits = near_names(t, head, missing, exact)
    return {cid: i for i, _, cid in hits if sum(c == cid for _, _, c in hits) == 1}


def gaps_disagree(t: TableGrammar, s: Stream, cols: list[str], named: list[str]) -> bool:
    """Whether a header that names only some of a merged header's columns
    (``named``, in the order printed) prints one of the others where the
    template does not have it: between two names it found stand words as long
    as that column's name with half its characters in place, one its own (a
    name OCR garbled past reading: 科研机构 as 科口口构; 机构机构 is none), and
    the template does not put that column between those two, or before the
    first or after the last as those words stand. Words that are no such name say nothing (a
    header whose cells wrapped interleaves its names' pieces)."""
    if named != [c for c in cols if c in named]:
        return False  # out of the template's order: the moved runs' rule
    head = blanked(t, head_of(t, s))
    spans = {}
    for cid in named:
        found = [(i, i + len(label)) for label in t.columns[cid].labels for i in word_places(head, label)]
        if len(found) != 1:
            return False
        spans[cid] = found[0]
    missing = [c for c in cols if c not in named]
    rank = {c: i for i, c in enumerate(cols)}
    for a, b in zip(named, named[1:], strict=False):
        words = "".join(_WORD.findall(head, spans[a][1], spans[b][0]))
        if any(half_name(t, words, m) and not rank[a] < rank[m] < rank[b] for m in missing):
            return True
    # just before the first name found, or just after the last: the template must put that column there too
    first, last = spans[named[0]][0], spans[named[-1]][1]
    return any(half_name(t, head[first - len(x):first], m) and rank[m] > rank[named[0]]
               or half_name(t, head[last:last + len(x)], m) and rank[m] < rank[named[-1]]
               for m in missing for x in t.columns[m].labels if first >= len(x))


def filled_order(t: TableGrammar, line: str, cols: list[str]) -> list[str] | None:
    """The order a header line whose cells are set apart (tabs: a tab table,
    pipes, Markdown) prints ``cols`` in when it names all of them but one and
    leaves an empty cell for it: the cells from the first name to the last,
    nothing but names between, and the empty cells right before and after
    them, are one per column, the one empty cell the unnamed column's (its
    name lost whole: 商业企业 | 社会公益组织 |  | 法律服务机构 | 其他). None
    when the line says less, or names them in the template's order."""
    if "\t" not in line:
        return None
    fields = [f.strip(" |│｜") for f in line.split("\t")]
    at: dict[str, int] = {}
    for k, f in enumerate(fields):
        for cid in cols:
            if f in t.columns[cid].labels:
                if cid in at:
                    return None  # named twice
                at[cid] = k
    missing = [c for c in cols if c not in at]
    if len(missing) != 1 or not at:
        return None
    lo, hi = min(at.values()), max(at.values())
    if any(fields[k] for k in range(lo, hi + 1) if k not in at.values()):
        return None  # other words among the names
    while lo > 0 and not fields[lo - 1]:
        lo -= 1
    while hi + 1 < len(fields) and not fields[hi + 1]:
        hi += 1
    if hi - lo + 1 != len(cols):
        return None
    by_place = {k: cid for cid, k in at.items()}
    order = [by_place.get(k, missing[0]) for k in range(lo, hi + 1)]
    return None if order == cols else order


def empty_cell_order(t: TableGrammar, s: Stream, text: str, cols: list[str]) -> list[str] | None:
    """三: the group's columns named before the first row, all but one, on
    one line of the canonical ``text`` whose empty cell puts the other where
    the template does not (:func:`filled_order`)."""
    places = column_places(t, head_of(t, s), cols)
    lines = {line_at(s, text, p[0])[0] for p in places.values() if len(p) == 1}
    if len(lines) != 1 or any(len(p) > 1 for p in places.values()):
        return None
    return filled_order(t, line_text(s, text, next(p[0] for p in places.values() if p)), cols)


def line_text(s: Stream, text: str, i: int) -> str:
    """The canonical line holding index ``i`` of the label view."""
    return _line_of(s, text, i)[2]


def _line_of(s: Stream, text: str, i: int) -> tuple[int, int, str]:
    """Index ``i`` of the label view in the canonical ``text``: its line's
    start, its own offset, and the line."""
    at = _canon_at(s, i)
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    return start, at, text[start:len(text) if end < 0 else end]


def grid_cells(s: Stream, text: str, places: list[int]) -> list[int] | None:
    """The cell each name at ``places`` (label-view indexes) stands in, where
    they stand on two lines or more of one drawn grid — lines that each hold
    the same number (three or more) of cell walls: tabs, as the canonical
    text sets a drawn grid's cells apart, or ``|``. Such a header, its cells
    wrapped (``+---+`` text, a name on a cell's second line), is read line by
    line, so its reading order is not its columns' order; a cell's place is.
    None elsewhere (one line, text that flows, one cell a line): there the
    reading order is the columns' order."""
    where = []
    for i in places:
        start, at, line = _line_of(s, text, i)
        where.append((start, len(_WALL.findall(line)), len(_WALL.findall(line, 0, at - start))))
    if len({w[0] for w in where}) < 2 or len({w[1] for w in where}) != 1 or where[0][1] < 3:
        return None
    return [cell for _, _, cell in where]


_WALL = compiled(r"[\t|│｜]")


def indented_lines(s: Stream, text: str, places: list[int]) -> bool:
    """Whether the names at ``places`` (label-view indexes) stand on two
    lines or more, each indented (text aligned with spaces: the canonical
    line opens with a tab). A cell of such a header may hold its name on a
    lower line than the next cell's (cells set to their middle or foot,
    names of one and of two lines), so the reading order is not shown to be
    the columns' order; text that flows (a line opening at the margin)
    keeps its reading order."""
    lines = {start: line for start, _, line in (_line_of(s, text, i) for i in places)}
    return len(lines) >= 2 and all(line[:1] in ("\t", " ") for line in lines.values())


def line_at(s: Stream, text: str, i: int) -> tuple[int, int]:
    """Where index ``i`` of the label view stands in the canonical ``text``: (line, offset)."""
    at = _canon_at(s, i)
    return text.count("\n", 0, at), at


def _canon_at(s: Stream, i: int) -> int:
    """Index ``i`` of the label view as an offset in the canonical text."""
    return s.canon(s.lmap[i]) if s.lmap else s.canon(i)


def near_names(t: TableGrammar, text: str, cols: list[str], exact: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Each place in ``text`` where one of ``cols`` is named with one
    character wrong (four characters or more), as (start, end, column): the
    headers of 二's blocks and 四's groups, printed again and again, each print
    OCR may garble alike. The wrong character may not start another column's
    name; a place may not overlap a name found whole (``exact``: their spans)
    or hold a character that is no word's, and two names that fit one place
    leave it out."""
    starts = {x[:2] for col in t.columns.values() for x in col.labels if len(x) >= 2}

    def fits(i: int, window: str, label: str, cid: str) -> bool:
        wrong = [k for k, (a, b) in enumerate(zip(window, label, strict=True)) if a != b]
        return len(wrong) == 1 and text[i + wrong[0]:i + wrong[0] + 2] not in starts

    return _fuzzy_places(t, text, cols, exact, lambda n: 1, fits)


def half_name(t: TableGrammar, words: str, cid: str) -> bool:
    """Whether ``words`` are column ``cid``'s name garbled past reading: as
    long as one of its labels, half its characters in place, one of them a
    character the names of the columns beside it (in any row) lack
    (科口口构 is 科研机构's; 机构机构 is none)."""
    return _half(words, t.columns[cid].labels, _beside_chars(t, cid))


def half_names(t: TableGrammar, text: str, cols: list[str], taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Each place in ``text``, clear of the ``taken`` spans and of any
    character that is no word's, holding one of ``cols``'s names garbled past
    reading (:func:`half_name`), and no other's: (start, end, column)."""
    beside = {cid: _beside_chars(t, cid) for cid in cols}
    return _fuzzy_places(t, text, cols, taken, lambda n: n // 2,  # half its characters in place
                         lambda i, window, label, cid: _half(window, t.columns[cid].labels, beside[cid]))


def _beside_chars(t: TableGrammar, cid: str) -> set[str]:
    """The characters of the names of the columns beside ``cid`` in any row."""
    beside = {c for r in t.rows if cid in r.columns for c in r.columns} - {cid}
    return {ch for c in beside for x in t.columns[c].labels for ch in x}


def _half(words: str, labels: tuple[str, ...], others: set[str]) -> bool:
    return any(len(words) == len(x) and 2 * len(same := {p for p, q in zip(words, x, strict=True) if p == q}) >= len(x)
               and not same <= others for x in labels)


def _fuzzy_places(t: TableGrammar, text: str, cols: list[str], taken: list[tuple[int, int]],
                  wrong: Callable[[int], int], fits: Callable[[int, str, str, str], bool]) -> list[tuple[int, int, str]]:
    """Each place in ``text``, clear of the ``taken`` spans and of any
    character that is no word's, where a name (four characters or more) of one
    of ``cols`` stands with up to ``wrong(its length)`` characters substituted
    (found by the ``regex`` module's fuzzy matching, in C) and ``fits(start,
    window, name, column)``; a place two columns fit is left out."""
    used = {i for a, b in taken for i in range(a, b)}
    hits: dict[tuple[int, int], set[str]] = {}
    for cid in cols:
        for label in (x for x in t.columns[cid].labels if len(x) >= 4):
            n = len(label)
            for m in _within(label, wrong(n)).finditer(text, overlapped=True):
                i, window = m.start(), m.group()
                if used.isdisjoint(range(i, i + n)) and len(_WORD.findall(window)) == n and fits(i, window, label, cid):
                    hits.setdefault((i, i + n), set()).add(cid)
    return sorted((i, e, next(iter(c))) for (i, e), c in hits.items() if len(c) == 1)


@lru_cache(maxsize=1024)
def _within(label: str, wrong: int) -> regex.Pattern[str]:
    """A pattern of ``label`` with up to ``wrong`` characters substituted."""
    return compiled(f"(?:{regex.escape(label)}){{s<={wrong}}}")
