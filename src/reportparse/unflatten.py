"""Text whose line breaks were lost, given them back.

Corpora built by crawls and pipelines often store a report as one line: its
line breaks replaced by spaces (``text.replace("\\n", " ")``, a table's tabs
kept, its pages' form feeds sometimes too) or every run of white space made
one space (``" ".join(text.split())``). The report's structure is still in
its words: each part opens with a standard heading (``二、主动公开政府信息情况``),
each row of a table with its label (``行政规范性文件``), the title with its
issuer and year (after the 发文机关标志 and 发文字号 of an official
document), each after the white space that was a line break. When two
standard headings or more stand after words on their line, each after
white space, a line break is put back (in every line of the text: a page
its form feed set apart is one) before each heading and row label of the
templates, after the 文件 and 发文字号 before the title and after the title
(when nothing but a piece of its issuer stands between them), before and
after a later report's title (after its 发文字号, a sentence's end or a
版记's: two reports joined), before and after page furniture no other
reading of which overlaps it, and, where tabs, runs of spaces or pipes set
cells apart, before and after a row's run of values (a word and one space
on either side). The space before each
becomes the line break, so the text keeps its length and every offset stays
the input's. A label inside a longer one (``规范性文件`` in ``行政规范性文件``)
or after other text than white space is no line's start; nothing else is
changed. A text whose every break became a tab (a scraper's
``get_text("\t")`` of a page served on one line: headings after tabs, not
spaces) is read so with its tabs taken for spaces: a line break in place of
the tab before each line's start.
"""

from __future__ import annotations

import regex

from .grammar import Grammars
from .startcache import compiled

LONG = 400  # characters: a text shorter than this is no report run together
HEAD = 400  # characters at the start of such a line in which its title is looked for
_SPACE = " \u3000"
_HAN = compiled(r"\p{Han}")
_WORDS_IN = compiled(r"[^\d\s/]")
_BREAKS = "\n\r\f\v\x85\u2028\u2029"
_LINE = compiled(rf"[^{_BREAKS}]+")  # a line between breaks of any kind
# where tabs, two spaces or more or pipes set cells apart: a run of values after a word and one space (四's, under its
# header) ...
_VALUE_RUN = compiled(r"(?<=[\p{Han}）)] )[-+]?\d+(?:\.\d+)?(?=\t| {2}| ?[|│｜] )")
# ... and a word after a row's last value and one space (第二十条第（五）项 after 行政规范性文件's values), not a unit
# or a date's (a number a blank line's two spaces stand before may open a paragraph: 2023 年，…)
_AFTER_VALUES = compiled(r"(?<=(?:\t| {2,}|[|│｜] )[-+]?\d+(?:\.\d+)? )(?![年月日时件个项次人元万余多])[\p{Han}（(]")
_SEPARATOR = compiled(r"\t| {2,}| [|│｜] ")
_MARK_END = compiled(r"文件(?=[ \u3000])")  # the end of a 发文机关标志 (柱濮镇人民政府文件)
# what may stand between the header's last element (or the line's start) and a title found after a space: nothing,
# or a piece of its issuer a space split off (平潭综 合实验区…); anything else (a site's path: 首页 政务公开 信息公开年报)
# may or may not be the title's, and no line break is put after the title (which then is read from no line)
_PIECE = compiled(r"\p{Han}{0,3}")
_SENTENCE_END = ("。", "！", "？", "；", "印发")  # a sentence's end, or a 版记's (…2022年1月16日印发)

_PATTERNS: dict[int, tuple] = {}


def restore_breaks(original: str, g: Grammars) -> str:
    """``original`` with a line break in place of the white space where each
    line of a report run together began (see the module's text): the same
    length and offsets; the text itself when it is no such report."""
    if len(original) < LONG or "\\n" in original and "\n" not in original:  # (a JSON string's escapes are its breaks)
        return original
    text = original
    if not _run_together(original, _patterns(g)[0]):
        # every break a tab (a scraper's get_text("\t") of a page served on one line): its tabs read as the spaces
        # (same length), and a line break put back in place of the tab before each line's start
        text = original.replace("\t", " ") if "\t" in original else ""
        if not text or not _run_together(text, _patterns(g)[0]):
            return original
    chars = list(original)
    for m in _LINE.finditer(text):  # (the pages of a text with form feeds: each a line)
        for at in _cuts(m.group(), g):
            chars[m.start() + at - 1] = "\n"
    return "".join(chars)


def _run_together(text: str, headings: regex.Pattern[str]) -> bool:
    """Two standard headings or more stand after words on their line (not
    after its indentation, number or quoting mark): one scan of the text."""
    found = 0
    for h in headings.finditer(text):
        start = max(text.rfind(ch, 0, h.start()) for ch in _BREAKS) + 1
        found += bool(_HAN.search(text, start, h.start()))
        if found == 2:
            return True
    return False


def _cuts(line: str, g: Grammars) -> list[int]:
    """Where a line starts in a report run together (see the module's text)."""
    headings, labels, title, doc_number, furniture = _patterns(g)
    starts = {m.start() for m in headings.finditer(line)} | {m.start() for m in labels.finditer(line)}
    if len(line) < LONG and not starts:
        return []  # a short line with no heading or row label (a crawl's ``发布时间: 2021-03-05 08:58``): as it is
    # page furniture (``- 9 -``, ``第 3 页``) on a line of its own again, where it is no run of values (``3 / 9``)
    starts |= {a for s, e in _furniture_spans(line, furniture) for a in (s, e + 1)}
    if len(_SEPARATOR.findall(line)) >= 10:
        starts |= {m.start() for m in _VALUE_RUN.finditer(line)} | {m.start() for m in _AFTER_VALUES.finditer(line)}
    t = title.search(line, 0, HEAD)
    head = [m.end() + 1 for m in _MARK_END.finditer(line, 0, t.start() if t else HEAD)]
    head += [a for m in doc_number.finditer(line, 0, t.start() if t else HEAD) for a in (m.start(), m.end() + 1)]
    starts.update(head)
    if t is not None and _PIECE.fullmatch(line[max([0, *(a for a in head if a <= t.start())]):t.start()].strip(_SPACE)):
        starts.add(t.end() + 1)
    starts.update(_later_reports(line, title, doc_number))
    return sorted(a for a in starts if 0 < a < len(line) and line[a - 1] in _SPACE)


def _later_reports(line: str, title: regex.Pattern[str], doc_number: regex.Pattern[str]) -> set[int]:
    """Where a report after another in the same line starts (a crawl's bundle
    of reports, each stored as one line and joined): a 发文字号 past the
    line's head and a title right after it, each a line; the 发文机关标志
    (…文件) just before the 发文字号, its word a line too; a title past the
    line's head right after a sentence's end or a 版记's (…印发), a line."""
    out: set[int] = set()
    for t in title.finditer(line, HEAD):
        k = t.start()
        while k > 0 and line[k - 1] in _SPACE:
            k -= 1
        if line.endswith(_SENTENCE_END, 0, k):
            out.update((t.start(), t.end() + 1))
    for m in doc_number.finditer(line, HEAD):
        t = title.match(line, m.end() + 1)
        if t is None:
            continue
        out.update((m.start(), m.end() + 1, t.end() + 1))
        for mark in _MARK_END.finditer(line, max(0, m.start() - 40), m.start()):
            out.add(max(line.rfind(ch, 0, mark.start()) for ch in _SPACE) + 1)
    return out


def _furniture_spans(line: str, furniture: regex.Pattern[str]) -> list[tuple[int, int]]:
    """Where page furniture stands within ``line``, none that shares characters
    with another: in ``0 -9 - 8 - 0`` both ``-9 -`` and ``- 8 -`` read as a page
    number, and which one is a value (-9 and an empty cell, or 8) the line
    does not say, so neither is cut out."""
    found = [(m.start(), m.end()) for m in furniture.finditer(line, overlapped=True) if _WORDS_IN.search(m.group())]
    return [(s, e) for s, e in found if not any(s2 < e and s < e2 for s2, e2 in found if (s2, e2) != (s, e))]


def _patterns(g: Grammars) -> tuple[regex.Pattern[str], ...]:
    """The templates' standard level-1 headings; their row labels (one of
    fewer than four characters, ``规章``, only before a value), an item
    number allowed before each; a report's title (its issuer, year, subject
    and ending, from the title grammar); a 发文字号 (the header grammar's,
    within a line); the grammar's page furniture, within a line — each after
    white space."""
    hit = _PATTERNS.get(id(g))
    if hit is None or hit[0] is not g:
        hit = _PATTERNS[id(g)] = (g, *_build(g))
    return hit[1:]


def _build(g: Grammars) -> tuple[regex.Pattern[str], ...]:
    def alternation(words: set[str] | list[str]) -> str:
        return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))

    after_space = rf"(?<=[{_SPACE}])"
    titles = {t for tpl in g.templates.values() for s in tpl.sections for t in s.titles}
    headings = compiled(after_space + rf"[一二三四五六七八九十]{{1,2}}[、.．][{_SPACE}\t]*(?:" + alternation(titles) + ")")
    labels = {m for tpl in g.templates.values() for tg in tpl.tables.values() for r in tg.rows for m in r.match}
    number = r"(?:[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.、．])?"  # (its item number)
    short = [m for m in labels if len(m) < 4]
    rows = compiled(after_space + number + "(?:" + alternation([m for m in labels if len(m) >= 4])
                    + (f"|(?:{alternation(short)})" + r"(?=[\t ]+[-+]?\d)" if short else "") + ")")
    title = compiled(rf"(?<![^{_SPACE}])[\p{{Han}}（）]{{2,40}}?[{_SPACE}]?(?:19|20)\d{{2}}[{_SPACE}]?年度?"
                     rf"(?:{_source(g.title['subject'])})\S{{0,12}}?(?:{alternation(g.title['endings'])})(?=[{_SPACE}])")
    doc = _source(g.elements["doc_number"])
    doc_number = compiled(after_space + doc.removeprefix("^").removesuffix("$") + rf"(?=[{_SPACE}])")
    lines = [_source(p) for p in g.page_furniture]
    inner = [p[len(r"^\s*"):-len(r"\s*$")] for p in lines if p.startswith(r"^\s*") and p.endswith(r"\s*$")]
    furniture = compiled(after_space + "(?:" + "|".join(f"(?:{p})" for p in inner or ["(?!)"]) + rf")(?=[{_SPACE}]|$)")
    return headings, rows, title, doc_number, furniture


def _source(pattern: str | regex.Pattern[str]) -> str:
    return pattern if isinstance(pattern, str) else pattern.pattern
