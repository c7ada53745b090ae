"""Canonicalise first, parse once.

Rewrites the decoded input into canonical text — half-width digits and Latin
letters, one form per bracket (（） and 〔〕), no spaces inside CJK words, tabs
between layout columns, no page furniture or web chrome — and keeps an offset
map so that every canonical character points back to the original input.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from .grammar import Grammars
from .span import Span

_LINE = regex.compile(r"[^\r\n\f]*(?:\r\n\f?|\n\f?|\r\f?|\f|$)")
_CJK = r"\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》"
# a space inside Chinese words, or between an item number and its dot (``2 .其他``, OCR)
_SPACE_IN_WORD = regex.compile(
    rf"(?<=[{_CJK}]) (?=[{_CJK}\d])|(?<=[{_CJK}\d]) (?=[{_CJK}])|(?<=(?:^|[\t |])\d{{1,2}}) (?=[.、]\p{{Han}})"
)
_SPACE_RUN = regex.compile(r" {2,}")
_HAN = regex.compile(r"\p{Han}")
_HEADING_START = regex.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])")
_KV = regex.compile(r"^\s*([^:：\s]{1,8})\s*[:：]\s*(.*?)\s*$")
# Markdown, as PDF-to-Markdown converters write reports: table rows | a | b |,
# separator rows |---|---|, heading marks ##, bold **
_MD_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_MD_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_MD_EDGE = regex.compile(r"^\s*\|\s*|\s*\|\s*$")
_MD_CELL = regex.compile(r"\s*\|\s*")
_MD_MARK = regex.compile(r"^\s*#{1,6}\s+|\*\*")
_MD_HEADING = regex.compile(r"^\s*#{1,6}\s+\S")
# a text table whose cells are set apart by pipes (``label | 3 |  | 55``): a pipe
# with white space (or the line's edge) on both sides is a cell boundary, so an
# empty cell stays a field of its own instead of vanishing between two spaces
_PIPE_SEP = regex.compile(r"(?:^|(?<=\s))\|(?=\s|$)")
_PIPE_CELL = regex.compile(r"[ \t]*\|[ \t]*")


def _width_table(g: Grammars) -> dict[int, str]:
    table: dict[int, str] = {}
    for i in range(0xFF10, 0xFF1A):
        table[i] = chr(i - 0xFEE0)
    for i in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):
        table[i] = chr(i - 0xFEE0)
    for src, dst in (("．", "."), ("／", "/"), ("－", "-"), ("％", "%"), ("＋", "+"), ("＝", "="),
                     ("｜", "|"), ("\u200b", ""), ("\ufeff", ""), ("\u3007", "〇")):
        table[ord(src)] = dst
    for ch in g.blanks:
        table[ord(ch)] = " "
    table.update(g.brackets)
    return table


@dataclass
class Canonical:
    """Canonical text with a map from each canonical character to the original offset."""

    original: str
    text: str
    omap: Sequence[int]  # an array of offsets
    line_starts: list[int]  # offsets where original lines start
    page_starts: list[int] = field(default_factory=lambda: [0])  # original offsets where pages start
    scrape: dict[str, str] = field(default_factory=dict)
    removed: Counter[str] = field(default_factory=Counter)
    boxes: list | None = None  # per original character: (page, x0, y0, x1, y1) or None (PDF input)

    def orig(self, pos: int) -> int:
        if not self.omap:
            return 0
        return self.omap[min(max(pos, 0), len(self.omap) - 1)]

    def span(self, start: int, end: int) -> Span:
        """Span of canonical ``[start, end)`` in the original input."""
        o_start = self.orig(start)
        o_end = self.orig(end - 1) + 1 if end > start else o_start
        line = bisect_right(self.line_starts, o_start)
        page = bisect_right(self.page_starts, o_start) if len(self.page_starts) > 1 else None
        bbox = None
        if self.boxes is not None:
            found = [b for b in self.boxes[o_start:max(o_end, o_start + 1)] if b is not None]
            if found:
                page = found[0][0]
                same = [b for b in found if b[0] == page]
                bbox = (min(b[1] for b in same), min(b[2] for b in same), max(b[3] for b in same), max(b[4] for b in same))
        return Span(o_start, max(o_end, o_start), line, page, bbox)


class _Line:
    """One line being normalised, with the original offset of each of its
    characters: kept as a start offset while the line is unchanged (most
    lines), as an array once a rewrite moves characters."""

    __slots__ = ("text", "_map", "start", "code", "page", "end")

    def __init__(self, text: str, start: int, code: str, page: int, end: int) -> None:
        self.text, self._map, self.start, self.code, self.page, self.end = text, None, start, code, page, end

    @property
    def map(self) -> array:
        if self._map is None:
            return array(self.code, range(self.start, self.start + len(self.text)))
        return self._map

    @map.setter
    def map(self, value: array) -> None:
        self._map = value

    def sub(self, pattern: regex.Pattern[str], repl: str | Callable[[regex.Match[str]], str]) -> int:
        """Replace matches, keeping the map: a replacement maps to its match's first character."""
        text = self.text
        matches = [m for m in pattern.finditer(text) if m.start() != m.end()]
        if not matches:
            return 0
        omap = self.map
        out_t: list[str] = []
        out_m = array(self.code)
        last = 0
        for m in matches:
            s, e = m.span()
            out_t.append(text[last:s])
            out_m.extend(omap[last:s])
            r = repl if isinstance(repl, str) else repl(m)
            out_t.append(r)
            out_m.extend([omap[s]] * len(r))
            last = e
        out_t.append(text[last:])
        out_m.extend(omap[last:])
        self.text, self.map = "".join(out_t), out_m
        return len(matches)


_TABLES: dict[int, tuple[Grammars, dict[int, str]]] = {}


def _table_for(g: Grammars) -> dict[int, str]:
    hit = _TABLES.get(id(g))
    if hit is None or hit[0] is not g:
        hit = _TABLES[id(g)] = (g, _width_table(g))
    return hit[1]


def normalise(original: str, g: Grammars, boxes: list | None = None) -> Canonical:
    """Produce the canonical text of a decoded document (``boxes``: per-character geometry of a PDF)."""
    table = _table_for(g)
    lines: list[_Line] = []
    line_starts: list[int] = []
    page_starts = [0]
    page = 1
    code = "i" if len(original) < 2**31 - 1 else "q"  # offsets as 4-byte integers where they fit
    for m in _LINE.finditer(original):
        s, e = m.span()
        if s == e and s == len(original):
            break
        raw = m.group()
        body = raw.rstrip("\r\n\f")
        line_starts.append(s)
        lines.append(_Line(body, s, code, page, s + len(body)))
        if raw.endswith("\f"):
            page += 1
            page_starts.append(e)
    canon = Canonical(original, "", [], line_starts, page_starts, boxes=boxes)
    lines = _drop_scrape_metadata(lines, g, canon)
    # web chrome patterns run per line, but only those that occur in the document at all
    translated = original.translate(table)
    chrome = [p for p in g.web_chrome if p.search(translated)]
    # a Markdown table, or Markdown headings (converters that write tables as HTML): the document is Markdown
    markdown = any(_MD_RULE.match(ln.text) for ln in lines) or sum(bool(_MD_HEADING.match(ln.text)) for ln in lines) >= 2
    for ln in lines:
        if ln.text:
            translated = ln.text.translate(table)
            if len(translated) != len(ln.text):  # a zero-width character was deleted
                old = ln.map  # built once: for an unchanged line each access makes a new array
                ln.map = array(ln.code, (old[i] for i, ch in enumerate(ln.text) if ch.translate(table)))
            ln.text = translated
            for a, b in g.phrases:
                if a in ln.text:
                    ln.text = ln.text.replace(a, b)  # same length: the map stays as it is
            for pat in chrome:
                canon.removed["web_chrome"] += ln.sub(pat, "")
            if markdown:
                _markdown(ln, canon)
            elif "|" in ln.text and len(_PIPE_SEP.findall(ln.text)) >= 2:
                ln.sub(_PIPE_CELL, "\t")
            if " " in ln.text:
                ln.sub(_SPACE_RUN, "\t")
                ln.sub(_SPACE_IN_WORD, "")
                _strip_spaces(ln)
    lines = _drop_page_furniture(lines, g, canon)
    text_parts: list[str] = []
    omap = array(code)  # 4 bytes a character (a list of ints is 36): memory stays a few times the input
    for i, ln in enumerate(lines):
        if i:
            text_parts.append("\n")
            omap.append(lines[i - 1].end)
        text_parts.append(ln.text)
        omap.extend(ln.map)
        ln.map = array(code)  # a rewritten line's map is freed as soon as it is copied
    omap.append(len(original))  # sentinel for end-of-text spans
    canon.text = "".join(text_parts)
    canon.omap = omap
    return canon


def _markdown(ln: _Line, canon: Canonical) -> None:
    """A Markdown line as plain text: a table row's cells tab-separated, a
    separator row dropped, heading and bold marks removed."""
    if _MD_RULE.match(ln.text):
        ln.text, ln.map = "", array(ln.code)
        canon.removed["markup"] += 1
        return
    if _MD_ROW.match(ln.text):
        ln.sub(_MD_EDGE, "")
        ln.sub(_MD_CELL, "\t")
        canon.removed["markup"] += 1
    canon.removed["markup"] += ln.sub(_MD_MARK, "")


def _strip_spaces(ln: _Line) -> None:
    text = ln.text
    left = len(text) - len(text.lstrip(" "))
    right = len(text.rstrip(" "))
    if left or right < len(text):
        if ln._map is None:  # unchanged so far: the map is still just its start
            ln.text, ln.start = text[left:right], ln.start + left
        else:
            ln.text, ln.map = text[left:right], ln.map[left:right]


def _drop_scrape_metadata(lines: list[_Line], g: Grammars, canon: Canonical) -> list[_Line]:
    end_pat = g.scrape["end"]
    for i, ln in enumerate(lines[:40]):
        if end_pat.match(ln.text):
            for prev in lines[:i]:
                m = _KV.match(prev.text)
                if m and m.group(2):
                    canon.scrape[m.group(1)] = m.group(2)
            canon.removed["scrape_metadata"] += i + 1
            return lines[i + 1:]
    return lines


def _drop_page_furniture(lines: list[_Line], g: Grammars, canon: Canonical) -> list[_Line]:
    keep: list[_Line] = []
    for ln in lines:
        if ln.text and any(p.match(ln.text) for p in g.page_furniture):
            canon.removed["page_number"] += 1
            continue
        keep.append(ln)
    if len(canon.page_starts) > 2:
        firsts: dict[int, _Line] = {}
        for ln in keep:
            if ln.text.strip() and ln.page not in firsts:
                firsts[ln.page] = ln
        counts = Counter(ln.text for p, ln in firsts.items() if p > 1)
        running = {t for t, n in counts.items() if n >= 2 and n * 2 >= len(canon.page_starts) - 1
                   and 4 <= len(t) <= 40 and _HAN.search(t) and not _HEADING_START.match(t)}
        if running:
            dropped = {id(ln) for p, ln in firsts.items() if p > 1 and ln.text in running}
            canon.removed["running_header"] += len(dropped)
            keep = [ln for ln in keep if id(ln) not in dropped]
    return keep
