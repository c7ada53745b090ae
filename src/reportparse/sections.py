"""Segment the body into the numbered section tree (一、 / （一） / 1. / （1）).

Headings are found with the GB/T 9704 heading grammar; the template's section
grammar names the standard sections. Inside sections that hold the fixed
tables, lines that look like headings are table rows, not sections.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from .diagnostics import Diagnostic
from .grammar import Grammars, Template
from .headings import (
    MAX_TITLE,
    TABLE_ROW,
    free_key,
    fuzzy_title,
    join_broken_heading,
    joined_title,
    match_heading,
    numeral,
    split_title,
    standard_titles,
    title_continuation,
)
from .model import Section
from .normalise import Canonical
from .startcache import compiled
from .table_regions import table_regions
from .textutil import LineStream, join_lines, label_key, lines_of

_CN = dict(enumerate("〇一二三四五六七八九十"))
_DAMAGED_NUMERAL = compiled(r"^(\S{0,3}?)\s*[、，,]\s*(\p{Han}.*)$")  # the mark damaged, or lost


# a node's own text: the rest of its heading line (a string), then its lines as
# canonical ranges (start, end, whether the range is whole lines to read one by one)
Part = str | tuple[int, int, bool]


@dataclass
class _Node:
    section: Section
    start: int
    end: int
    parts: list[Part]
    body_start: int = 0


def _add_part(parts: list[Part], text: str, s: int, e: int) -> None:
    """Add the line ``text[s:e]``; a line that follows the last on the next line extends it."""
    if "\n" in text[s:e]:  # a heading joined over lines, then not taken: one part, as printed
        parts.append((s, e, False))
    elif parts and isinstance(last := parts[-1], tuple) and last[2] and last[1] + 1 == s and text[last[1]] == "\n":
        parts[-1] = (last[0], e, True)
    else:
        parts.append((s, e, True))


def _part_texts(text: str, parts: list[Part]) -> Iterator[str]:
    for p in parts:
        if isinstance(p, str):
            yield p
        elif p[2]:
            yield from (text[s:e] for s, e in lines_of(text, p[0], p[1]))
        else:
            yield text[p[0]:p[1]]


def _not_headings(template: Template | None) -> list[str]:
    if template is None:
        return []
    keys = []
    for t in template.tables.values():
        for r in t.rows:
            keys.extend(label_key(m) for m in r.match)
        keys.append("本年度办理结果")
    return [k for k in keys if len(k) >= 4]


@lru_cache(maxsize=64)
def _inline_headings(titles: tuple[str, ...], sub: str) -> regex.Pattern[str]:
    """A standard heading (its number and one of its titles) or a second-level number, run into a line."""
    alts = "|".join(regex.escape(t) for t in titles)
    return compiled(rf"[一二三四五六七八九十]{{1,2}}、(?:{alts})|{sub}")


def split_inline(c: Canonical, start: int, end: int, template: Template | None) -> Iterator[tuple[int, int]]:
    """Lines of the body, with standard headings run into a line (web scrapes) split off."""
    pat = None
    sub = r"(?<=[。；！？：: \n）]|^)（[一二三四五六七八九十]{1,2}）(?=\p{Han}{2,20})"
    if template is not None and not template.free_format:
        pat = _inline_headings(tuple(t for s in template.sections for t in s.titles), sub)
    elif template is not None:  # free format: any 一、 after a sentence end
        pat = compiled(rf"(?<=[。；！？ \n]|^)[一二三四五六七八九十]{{1,2}}、\s*\p{{Han}}|{sub}")
    for s, e in lines_of(c.text, start, end):
        if pat is None or e - s < 8:
            yield s, e
            continue
        prev = s
        for m in pat.finditer(c.text, s, e):
            if m.start() > s:
                yield prev, m.start()
                prev = m.start()
        yield prev, e


@dataclass
class SectionTree:
    sections: list[Section]
    diagnostics: list[Diagnostic]
    preamble: str
    regions: dict[str, tuple[int, int]]  # standard key -> canonical (body start, end), heading excluded
    ranges: list[tuple[Section, int, int]]  # every top-level section -> canonical (body start, end)
    # table sections printed twice with the table, not alike (two reports' bodies: :mod:`.table_regions`)
    twice: tuple[str, ...] = ()


class _Builder:
    """Walks the body's lines once, opening a node at each accepted heading."""

    def __init__(self, c: Canonical, g: Grammars, template: Template | None,
                 fuzzy: tuple[int, float] | None) -> None:
        self.c, self.g, self.template, self.fuzzy = c, g, template, fuzzy
        self.std = standard_titles(template)
        self.not_headings = _not_headings(template)
        self.table_keys = ({s.key for s in template.sections if s.tables}
                           if template and not template.free_format else set())
        self.free = template is None or template.free_format
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.nodes: list[_Node] = []
        self.preamble: list[Part] = []
        self.diags: list[Diagnostic] = []
        self.counters: dict[int, int] = {}
        self.in_table = False
        self.body = (0, len(c.text))  # canonical extent of the body (set by build_sections)
        self._numbered: set[str] | None = None  # standard sections the body prints with a number (on first need)
        self.title_starts = {t[:1] for t, _, _ in self.std}  # (a line that starts no standard title is none)

    def run(self, work: LineStream) -> None:
        while (line := work.next()) is not None:
            s, e = line
            stripped = self.c.text[s:e].strip()
            heading = match_heading(stripped, self.g) if stripped else None
            accepted = self._damaged_numeral(stripped, s, e) if heading is None and stripped else None
            if accepted:
                self._open(accepted, work, s, e, _CN[accepted[1]])
                continue
            if heading is None and stripped:
                accepted, e = self._unnumbered(stripped, work, s, e)
                if accepted:
                    self._open(accepted, work, s, e, "")
                    continue
            if heading and heading[0] == 1:
                accepted, e = self._level_one(heading, work, s, e)
            elif heading and not self.in_table and self.stack:
                accepted, e = self._sub_level(heading, work, e)
            if accepted is None:
                _add_part(self.stack[-1].parts if self.stack else self.preamble, self.c.text, s, e)
                for open_node in self.stack:
                    open_node.end = e
            else:
                self._open(accepted, work, s, e, numeral(stripped))

    def _damaged_numeral(self, line: str, s: int, e: int) -> tuple | None:
        """``人人、 总体情况``: OCR damaged the number of a standard heading. Taken only
        when the title is a standard one and its number is the one expected next."""
        m = _DAMAGED_NUMERAL.match(line)
        if not m or not self.std or self.in_table and not self.stack or not m.group(1) and not line.startswith("、"):
            return None  # (a lost mark: only before 、, never a line of prose starting with a comma)
        title, _, skey, num = split_title(m.group(2), self.std)
        if skey is None and self.fuzzy is not None:
            hit = fuzzy_title(m.group(2), self.std, self.fuzzy[0], self.fuzzy[1], short_ok=True)
            if hit:
                title, _, skey, num = hit
                self.diags.append(Diagnostic("SEC_TITLE_FUZZY", f"heading {m.group(2)[:30]!r} read as {title}", self.c.span(s, e)))
        if skey is None or num != self.counters.get(1, 0) + 1 or _other_numeral(m.group(1), num):
            return None
        self.diags.append(Diagnostic("SEC_NUMERAL_OCR", f"heading {m.group(1)!r} read as {_CN[num]}、{title}", self.c.span(s, e)))
        body = m.group(2)[len(title):].lstrip("。：:；; \t") if m.group(2).startswith(title) else ""
        return 1, num, title, body, skey

    def _unnumbered(self, line: str, work: LineStream, s: int, e: int) -> tuple[tuple | None, int]:
        """A standard title alone on a line, printed without its number:
        ``总体情况`` before the numbered sections (converters renumber the
        sections after it: ``一、主动公开政府信息情况``), or any standard
        section not yet found that comes after those found in the template's
        order (a converter that dropped the numbers) — never a section the
        report also prints with its number (a list of contents, a sentence).
        Index 0, so numbered sections after it follow without a gap. A title
        broken over lines (up to three) is joined when together they are the
        whole title."""
        if not self.std or len(line) > MAX_TITLE or label_key(line[:2])[:1] not in self.title_starts:
            return None, e
        title, body, skey, number = split_title(line, self.std)
        joined, taken = line, 0
        if skey is None and any(t.startswith(label_key(line)) for t, _, _ in self.std):
            if hit := joined_title(self.c, line, work, self.std):
                title, body, skey, number, joined, taken = hit
        if skey is None or body or title != joined:
            return None, e  # not a whole title
        found = {n.section.key for n in self.roots if n.section.key}
        if skey in found or any((num or 0) >= (number or 0) for _, k, num in self.std if k in found):
            return None, e  # seen already, or out of the template's order: prose that names a section
        if skey in self._numbered_keys():
            return None, e  # the report numbers that section elsewhere: prose, or a list of contents
        if taken:
            e = work.peek(taken)[1]
            work.drop(taken)
        self.diags.append(Diagnostic("SEC_UNNUMBERED", f"heading {joined!r} has no number: read as the standard section {title}",
                                     self.c.span(s, e)))
        return (1, 0, title, "", skey), e

    def _numbered_keys(self) -> set[str]:
        """The standard sections whose titles the body prints after a level-one
        number somewhere (read once, only for a body that has a bare title)."""
        if self._numbered is None:
            a, b = self.body
            self._numbered = set()
            for line in self.c.text[a:b].split("\n"):
                heading = match_heading(line.strip(), self.g)
                if heading and heading[0] == 1 and (key := split_title(heading[2], self.std)[2]):
                    self._numbered.add(key)
        return self._numbered

    def _level_one(self, heading: tuple[int, int, str], work: LineStream, s: int, e: int) -> tuple[tuple | None, int]:
        level, num, rest = heading
        title, body, skey, _ = split_title(rest, self.std)
        if skey is None and self.std and len(rest) < MAX_TITLE:
            joined = join_broken_heading(self.c, rest, work, self.std)
            if joined:
                title, body, skey, _, e = joined
        if skey is None and self.fuzzy is not None:  # an OCR-damaged standard title
            title, body, skey, _ = split_title(rest, self.std, self.fuzzy)
            if skey is not None:
                self.diags.append(Diagnostic("SEC_TITLE_FUZZY", f"heading {rest[:30]!r} read as {_CN.get(num, num)}、{title}", self.c.span(s, e)))
        rest_key = label_key(rest)
        if TABLE_ROW.search(rest) or any(rest_key.startswith(t) for t in self.not_headings):
            return None, e  # a table row such as 四、结转下年度继续办理
        expected = (self.counters.get(1, 0) + 1) == num
        if skey is not None and body and self.g.heading_continued.match(body):
            # a section's heading printed again on a new page (二、…（续）): a line of the section it stands in (one
            # that names another section, a running header out of place, opens none either)
            self.diags.append(Diagnostic("SEC_CONTINUED", f"heading {rest[:30]!r} marked continued: read as a line of the section it stands in", self.c.span(s, e)))
            return None, e
        if skey is not None:
            return (level, num, title, body, skey), e
        if title and (self.free or (not self.in_table or expected) and not (self.std and self.in_table)):
            return (level, num, title, body, None), e
        return None, e

    def _sub_level(self, heading: tuple[int, int, str], work: LineStream, e: int) -> tuple[tuple | None, int]:
        level, num, rest = heading
        title, body, _, _ = split_title(rest, [])
        if title and not body and len(rest) >= 12 and (nxt := work.peek()) is not None:  # long enough to have wrapped
            more = title_continuation(self.c, nxt, self.g)
            if more and len(title) + len(more) <= MAX_TITLE:  # a short heading broken over two lines
                title += more
                e = nxt[1]
                work.drop()
        if TABLE_ROW.search(rest):
            return None, e
        return (level, num, title, body, None), e

    def _open(self, accepted: tuple, work: LineStream, s: int, e: int, number: str) -> None:
        level, num, title, body, skey = accepted
        c = self.c
        sub = match_heading(body, self.g) if body else None
        if sub and sub[0] > level:  # a sub-heading run into this heading's line
            line_end = s + len(c.text[s:e].rstrip())
            work.push((line_end - len(body), e))
            e, body = line_end - len(body), ""
        if self.free and level == 1 and self.template is not None:
            skey = free_key(title, self.template)
        while self.stack and self.stack[-1].section.level >= level:
            self.stack.pop()
        for open_node in self.stack:
            open_node.end = e
        last = (self.stack[-1].section.children[-1:] if self.stack
                else [self.roots[-1].section] if self.roots else [])  # the previous sibling (no list of every root)
        prev_num = last[0].index if last else 0
        span = c.span(s, e)
        if num and num != prev_num + 1:  # (index 0: a title printed without its number)
            code = "SEC_NUMBER_GAP" if num > prev_num + 1 else "SEC_NUMBER_REPEAT"
            self.diags.append(Diagnostic(code, f"heading {num} at level {level} follows {prev_num}", span))
        section = Section(level, number, num, title, "", span, skey)
        line_end = s + len(c.text[s:e].rstrip())
        node = _Node(section, s, e, [body] if body else [], line_end - len(body) if body else e)
        if self.stack:
            self.stack[-1].section.children.append(section)
        else:
            self.roots.append(node)
        self.stack.append(node)
        self.nodes.append(node)
        self.counters = {lv: n for lv, n in self.counters.items() if lv < level}
        self.counters[level] = num
        if level == 1:
            self.in_table = skey in self.table_keys


def _other_numeral(mark: str, num: int) -> bool:
    """The damaged mark is a numeral of its own (``一，主动公开情况`` for the
    sub-heading （一）主动公开情况, not section 二), or bracketed like one."""
    if compiled(r"[（(〔【\[）)〕】\]]").search(mark):
        return True
    digits = "".join(ch for ch in mark if ch in "一二三四五六七八九十")
    return bool(digits) and _CN.get(num) != digits


def build_sections(c: Canonical, start: int, end: int, g: Grammars,
                   template: Template | None, fuzzy: tuple[int, float] | None = (2, 0.5)) -> SectionTree:
    """Build the section tree of the body ``c.text[start:end]``."""
    b = _Builder(c, g, template, fuzzy)
    b.body = (start, end)
    b.run(LineStream(split_inline(c, start, end, template)))
    for node in b.nodes:  # texts and spans, now that every node's extent is known
        sec = node.section
        parts = _part_texts(c.text, node.parts)
        sec.text = ("\n".join(p.strip() for p in parts if p.strip()) if sec.key in b.table_keys
                    else join_lines(parts))
        sec.span = c.span(node.start, node.end)
    if template is not None and not template.free_format:
        b.diags.extend(_check_standard([n.section for n in b.roots], template))
    ranges = [(n.section, n.body_start, max(n.end, n.body_start)) for n in b.roots]
    regions, twice = table_regions(c.text, [(sec.key, (a, e)) for sec, a, e in ranges], template, start)
    return SectionTree([n.section for n in b.roots], b.diags, join_lines(_part_texts(c.text, b.preamble)), regions, ranges,
                       twice)


def _check_standard(roots: list[Section], template: Template) -> list[Diagnostic]:
    diags = []
    found = [s.key for s in roots if s.key]
    for rule in template.sections:
        if rule.key not in found:
            diags.append(Diagnostic("SEC_MISSING", f"section {rule.number}、{rule.titles[0]} ({rule.key}) was not found"))
    order = [next(r.number for r in template.sections if r.key == k) for k in found]
    if order != sorted(order):
        diags.append(Diagnostic("SEC_OUT_OF_ORDER", f"standard sections appear in the order {order}"))
    return diags
