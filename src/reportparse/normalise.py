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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import regex

from .cell_lines import join_cell_lines
from .csvrows import csv_row, join_quoted_breaks
from .dash_ruled import any_rule, dash_ruled
from .furniture import bare_page_numbers, line_prefix, repeated_titles
from .grammar import Grammars
from .offsetmap import MappedLine, OffsetMap, Run, cut
from .overprint import Overprint, find_overprint, read_once
from .span import Span
from .startcache import compiled
from .textutil import line_chunks
from .unflatten import restore_breaks

# a line and its break: CR, LF, CRLF; Unicode's line and paragraph separators, NEL and a vertical tab (Word's
# manual line break) too; a form feed after it (or alone) ends a page
_LINE = compiled(r"[^\r\n\f\v\x85\u2028\u2029]*(?:\r\n\f?|[\n\v\x85\u2028\u2029]\f?|\r\f?|\f|$)")
_PREFIXED = compiled(r"\s*(?:L?\d|>)")  # a text whose first line may carry a line number or a quoting mark
_RARE_BREAK = compiled(r"[\r\f\v\x85\u2028\u2029]")
# text stored with its line breaks escaped (a JSON string or a database dump, ``…情况\n一、…``): the literal
# escapes are its line breaks, tabs and characters
_ESCAPED_BREAK = compiled(r"(?:\\r)?\\n(?:\\f)?|\\f")
_ESCAPE = compiled(r'\\(?:[tr"/\\]|u[0-9a-fA-F]{4})')
_UNESCAPED = {"t": "\t", "r": "", '"': '"', "/": "/", "\\": "\\"}
_CJK = r"\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》"
# a space inside Chinese words, or between an item number and its dot (``2 .其他``, OCR)
_SPACE_IN_WORD = compiled(
    rf"(?<=[{_CJK}]) (?=[{_CJK}\d])|(?<=[{_CJK}\d]) (?=[{_CJK}])|(?<=(?:^|[\t |])\d{{1,2}}) (?=[.、]\p{{Han}})"
)
_SPACE_RUN = compiled(r" {2,}")
_TRAILING_SPACES = compiled(r" +$")
_TRAILING_TAB = compiled(r"\t$")
_TAB_PAIR = compiled(r"\t\t")
_TAB_RUN = compiled(r"\t+")
_HAN = compiled(r"\p{Han}")
_HEADING_START = compiled(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])")
_KV = compiled(r"^\s*([^:：\s]{1,8})\s*[:：]\s*(.*?)\s*$")
# Markdown, as PDF-to-Markdown converters write reports: table rows | a | b |,
# separator rows |---|---|, heading marks ##, bold **
_MD_RULE = compiled(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|\s*$")
# a placeholder a converter writes for a header cell it could not read (Column1, Unnamed: 2, 列3)
_MD_PLACEHOLDER = compiled(r"(?<=^|\t)(?:Column|Col|Field|Unnamed:?\s?|列)\s?\d{1,2}(?=\t|$)")
_MD_ROW = compiled(r"^\s*\|.*\|\s*$")
_MD_EDGE = compiled(r"^\s*\|\s*|\s*\|\s*$")
_MD_CELL = compiled(r"\s*\|\s*")
_MD_MARK = compiled(r"^\s*#{1,6}\s+|\*\*")
# a line break inside a cell as converters write it (``社会<br>公益<br>组织``): the cell's text runs on
_MD_BREAK = compiled(r"<br\s*/?>", regex.IGNORECASE)
_MD_BREAK_DIGITS = compiled(r"(?<=\d)<br\s*/?>(?=\d)", regex.IGNORECASE)
# an HTML character reference a converter left in (``&nbsp;0``): the character it names
_MD_ENTITY = compiled(r"&(?:[A-Za-z]{2,8}|#\d{2,5}|#[xX][0-9A-Fa-f]{2,4});")
_ENTITY = compiled(r"&(?:[A-Za-z]{2,8}|#\d{1,5}|#[xX][0-9A-Fa-f]{1,4});")
_MD_HEADING = compiled(r"^\s*#{1,6}\s+\S")
# a text table whose cells are set apart by pipes (``label | 3 |  | 55``): a pipe
# with white space (or the line's edge) on both sides is a cell boundary, so an
# empty cell stays a field of its own instead of vanishing between two spaces
_PIPE_SEP = compiled(r"(?:^|(?<=\s))\|(?=\s|$)")
_PIPE_CELL = compiled(r"[ \t]*\|[ \t]*")


def _width_table(g: Grammars) -> dict[int, str]:
    table: dict[int, str] = {}
    for i in range(0xFF10, 0xFF1A):
        table[i] = chr(i - 0xFEE0)
    for i in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):
        table[i] = chr(i - 0xFEE0)
    for src, dst in (("．", "."), ("／", "/"), ("－", "-"), ("\u2212", "-"), ("\ufe63", "-"), ("％", "%"), ("＋", "+"), ("＝", "="),
                     ("｜", "|"), ("\u200b", ""), ("\ufeff", ""), ("\u3007", "〇"),
                     # invisible: a soft hyphen, zero-width non-joiner and joiner, word joiner (a word or number split by one)
                     ("\u00ad", ""), ("\u200c", ""), ("\u200d", ""), ("\u2060", "")):
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
    omap: OffsetMap  # the original offset of each canonical character, and of the end
    line_starts: Sequence[int]  # offsets where original lines start
    page_starts: list[int] = field(default_factory=lambda: [0])  # original offsets where pages start
    scrape: dict[str, str] = field(default_factory=dict)
    removed: Counter[str] = field(default_factory=Counter)
    boxes: list | None = None  # per original character: (page, x0, y0, x1, y1) or None (PDF input)
    overprint: Overprint | None = None  # the text was drawn twice (fake bold), in whole or in part
    cut_at_rules: str | None = None  # the original, each gap a rule of dashes made a separator a tab (dash_ruled)

    @property
    def separators(self) -> str:
        """The original as the readers that ask what separates two fields see
        it: a gap between columns a rule of dashes marks is a tab's."""
        return self.original if self.cut_at_rules is None else self.cut_at_rules

    def orig(self, pos: int) -> int:
        return self.omap.clamped(pos) if len(self.omap) else 0

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


_TABLES: dict[int, tuple[Grammars, dict[int, str], regex.Pattern[str]]] = {}


def _table_for(g: Grammars) -> tuple[dict[int, str], regex.Pattern[str]]:
    """The character rewrites, and a pattern of the characters they delete."""
    hit = _TABLES.get(id(g))
    if hit is None or hit[0] is not g:
        table = _width_table(g)
        gone = "".join(regex.escape(chr(k)) for k, v in table.items() if v == "")
        hit = _TABLES[id(g)] = (g, table, compiled(f"[{gone}]+"))
    return hit[1], hit[2]


def normalise(original: str, g: Grammars, boxes: list | None = None, part: tuple[int, int] | None = None) -> Canonical:
    """Produce the canonical text of a decoded document (``boxes``: per-character
    geometry of a PDF; ``part``: only the lines starting in ``[start, end)`` of
    the original, one report of a file that holds several; offsets and line
    numbers stay those of the whole input).

    Streams: each line is rewritten and copied out before the next is read, so
    memory is the output and its map, not an object per line."""
    table, deleted = _table_for(g)
    given = original
    original = restore_breaks(original, g)  # a report run together on one line: its line breaks back (same offsets)
    original = join_cell_lines(original)  # a row's cells one per line, its empty ones &nbsp;: on one line (same offsets)
    original = join_quoted_breaks(original)  # a CSV row's quoted field holding a line break: on one line (same offsets)
    canon = Canonical(original, "", OffsetMap(), array("q"), [0], boxes=boxes)
    skip = _scrape_metadata(original, g, canon)
    chrome = _occurring(list(g.web_chrome), original, table)  # patterns run only where they occur
    prefix = line_prefix([body for _, body, _, _ in _raw_lines(original)]) if _PREFIXED.match(original) else {}
    # a Markdown table, or Markdown headings (converters that write tables as HTML): the document is Markdown
    headings = 0
    for n, (_, body, _, _) in enumerate(_raw_lines(original) if "#" in original or "---" in original else ()):
        body = body[prefix.get(n, 0):]
        if _MD_RULE.match(body):
            headings = 2
            break
        headings += bool(_MD_HEADING.match(body))
    rw = _Rewriter(g, table, deleted, chrome, headings >= 2, escaped(original))
    margins, padded = _block_layout(original) if "\n  " in original or "  \n" in original else (None, None)
    tab_ended = _tab_terminated(original) if "\t\n" in original else False
    tab_paired = _tab_paired(original) if "\t\t" in original else False
    canon.overprint = op = find_overprint(original, ((s, body) for s, body, _, _ in _raw_lines(original)))
    ruled = (dash_ruled([body[prefix.get(n, 0):] for n, (_, body, _, _) in enumerate(_raw_lines(original))])
             if op is None and any_rule(original) else {})  # (a text drawn twice is read once first: no columns)
    running = _running_headers(original, skip, rw, g, prefix, op) if original.count("\f") >= 2 else set()
    first = next(islice(_raw_lines(original), skip, None), (len(original),))[0] if skip else 0
    again = repeated_titles(original, first, g)  # line starts
    if "\f" in original:
        again |= bare_page_numbers((s, body, page) for s, body, page, _ in _raw_lines(original) if s >= first)
    out = _Output("i" if len(original) < 2**31 - 1 else "q")
    furniture = _furniture(g.page_furniture)
    seen: set[int] = set()  # pages whose first line of text was read
    shown: list[str] | None = None  # the original with the gaps cut at rules of dashes as tabs
    for n, (s, body, page, page_end) in enumerate(_raw_lines(original)):
        canon.line_starts.append(s)
        if page_end is not None:
            canon.page_starts.append(page_end)
        if n < skip or part is not None and not part[0] <= s < part[1]:
            continue
        if op is not None and s in op.drop:  # the line before, drawn again
            continue
        ln = _opened(body, s, page, prefix.get(n, 0), op)
        if n in ruled:
            ln.splice(ruled[n])  # a table whose columns a rule of dashes marks: cut at them (dash_ruled)
            shown = shown if shown is not None else list(original)
            at = s + prefix.get(n, 0)
            for a, b, tabs in ruled[n]:
                if tabs:
                    shown[at + a:at + b] = "\t" * (b - a)
        if margins is not None and padded is not None and "\t" not in body:
            if margins[n]:
                ln.sub(compiled(f"^ {{{margins[n]}}}"), "")  # the block's common indentation is no empty cell
            if padded[n]:
                ln.sub(_TRAILING_SPACES, "")  # every line of the block padded (to the page's width): no empty last cell
        if tab_paired and "\t" in body:
            ln.sub(_TAB_PAIR, "\t")  # two tabs between two cells (resiliparse's text): one separator
        if tab_ended and "\t" in body:
            ln.sub(_TRAILING_TAB, "")  # a tab after every text (a scraper's get_text("\t")): no empty last cell
        rw.rewrite(ln, canon.removed)
        if ln.text and furniture.match(ln.text):
            canon.removed["page_number"] += 1
            continue
        if s in again:
            canon.removed["running_header" if ln.text.strip() and not ln.text.strip().isdigit() else "page_number"] += 1
            continue
        if page not in seen and ln.text.strip():
            seen.add(page)
            if page > 1 and ln.text in running:
                canon.removed["running_header"] += 1
                continue
        out.add(ln)
    canon.cut_at_rules = "".join(shown) if shown is not None else None
    canon.text, canon.omap = out.close(min(part[1], len(original)) if part else len(original))
    if original is not given:  # a span's line is the input's own (the breaks put back are no lines of it)
        canon.line_starts = array("q", (s for s, _, _, _ in _raw_lines(given)))
    return canon


@lru_cache(maxsize=8)
def _furniture(patterns: tuple[regex.Pattern[str], ...]) -> regex.Pattern[str]:
    """The grammar's page-furniture line patterns as one (a line is furniture when any matches it whole)."""
    flags = patterns[0].flags if patterns else 0
    if any(p.flags != flags for p in patterns):  # (one pattern a line would need one flag set)
        return _AnyOf(patterns)  # type: ignore[return-value]
    return compiled("|".join(f"(?:{p.pattern})" for p in patterns) or r"(?!)", flags)


class _AnyOf:
    """Patterns of different flags, matched one after another."""

    def __init__(self, patterns: tuple[regex.Pattern[str], ...]) -> None:
        self.patterns = patterns

    def match(self, text: str) -> bool:
        return any(p.match(text) for p in self.patterns)


def _tab_terminated(original: str) -> bool:
    """Whether the lines that hold a tab (three or more) all end in one, but
    at most one of them: a scraper that puts a tab after every piece of text
    (BeautifulSoup's ``get_text("\t")``), where an empty cell prints nothing
    and the last tab of a line ends it, not an empty last cell. Text whose
    empty cells are empty fields ends only some lines in a tab."""
    tabbed = ended = 0
    for _, body, _, _ in _raw_lines(original):
        if "\t" in body:
            tabbed += 1
            ended += body.endswith("\t")
    return tabbed >= 3 and ended >= tabbed - 1


def _tab_paired(original: str) -> bool:
    """Whether every run of tabs in the text is of an even length, on three
    lines or more: a tool that puts two tabs between two cells (resiliparse's
    ``extract_plain_text``), where four are an empty cell between. In text of
    one tab a cell, a row's values stand one tab apart."""
    lines = 0
    for _, body, _, _ in _raw_lines(original):
        if "\t" in body:
            if any(len(run) % 2 for run in _TAB_RUN.findall(body)):
                return False
            lines += 1
    return lines >= 3


def _block_layout(original: str) -> tuple[array, bytearray]:
    """For each line, the indentation (in spaces) that every line of its block
    (the lines between two blank lines) shares: a text browser's or pandoc's
    left margin, which a space-aligned line must not read as an empty first
    cell. Indentation beyond it (a line of a block indented further) stays.
    And whether every line of its block ends in a space, but those as long
    as its longest: lines padded to the page's width (pdfplumber's layout
    text, which counts the width in characters, so a line of wide ones may
    end in a single space, and one as wide as the page in none), whose
    padding is no empty last cell; where some lines end flush (pandoc's plain tables), a
    line's trailing spaces are an empty last cell."""
    margins, padded = array("i"), bytearray()
    block: list[int] = []
    flush: list[int] = []  # the lengths of the block's lines that end in no space
    longest = 0  # the length of the block's longest line

    def close() -> None:
        margins.extend([min(block)] * len(block) if block else [])
        # padded: every line ends in a space, but the longest (the page's width), which may end flush
        pads = not flush or len(flush) < len(block) and min(flush) >= longest
        padded.extend([pads] * len(block))

    for _, body, _, _ in _raw_lines(original):
        if body.strip():
            block.append(len(body) - len(body.lstrip(" ")))
            longest = max(longest, len(body))
            if not body.endswith(" "):
                flush.append(len(body))
            continue
        close()
        margins.append(0)
        padded.append(False)
        block, flush, longest = [], [], 0
    close()
    return margins, padded


def escaped(original: str) -> bool:
    """The text has no line break but three or more escaped ones (``\\n``): one line of a JSON string."""
    return "\n" not in original and original.count("\\n") >= 3 and not _RARE_BREAK.search(original)


def _unescape(m: regex.Match[str]) -> str:
    e = m.group()[1:]
    return chr(int(e[1:], 16)) if e[0] == "u" else _UNESCAPED[e]


def _opened(body: str, start: int, page: int, prefix: int, op: Overprint | None = None) -> MappedLine:
    """A raw line to rewrite, the ``prefix`` characters before its text (its
    number, a quoting mark: :func:`furniture.line_prefix`) cut; in a text
    drawn twice (``op``), read once (:func:`overprint.read_once`), in the
    running-header pass as in the main loop."""
    ln = MappedLine(body, start, page, start + len(body))
    if prefix:
        ln.splice([(0, prefix, "")])
    if op is not None:
        read_once(ln, op.whole)
    return ln


def _raw_lines(original: str) -> Iterator[tuple[int, str, int, int | None]]:
    """Each line: its start, its text without the line break, its page, and
    where the next page starts when a form feed ends it."""
    if escaped(original):
        start, page = 0, 1
        for m in _ESCAPED_BREAK.finditer(original):
            feed = m.group().endswith("f")
            yield start, original[start:m.start()], page, m.end() if feed else None
            start, page = m.end(), page + feed
        if start < len(original):
            yield start, original[start:], page, None
        return
    if not _RARE_BREAK.search(original):  # the common case, read faster
        start = 0
        while (nl := original.find("\n", start)) >= 0:
            yield start, original[start:nl], 1, None
            start = nl + 1
        if start < len(original):
            yield start, original[start:], 1, None
        return
    page = 1
    for m in _LINE.finditer(original):
        s, e = m.span()
        if s == e and s == len(original):
            break
        raw = m.group()
        feed = raw.endswith("\f")
        yield s, raw.rstrip("\r\n\f\v\x85\u2028\u2029"), page, e if feed else None
        page += feed


class _Rewriter:
    """The per-line rewrites, in order."""

    def __init__(self, g: Grammars, table: dict[int, str], deleted: regex.Pattern[str],
                 chrome: list[regex.Pattern[str]], markdown: bool, escaped: bool = False) -> None:
        self.g, self.table, self.deleted, self.chrome, self.markdown = g, table, deleted, chrome, markdown
        self.escaped = escaped
        self.box = _box_patterns(g.cell_borders, g.rule_strokes) if g.cell_borders else None

    def rewrite(self, ln: MappedLine, removed: Counter[str]) -> None:
        if not ln.text:
            return
        if self.escaped and "\\" in ln.text:
            ln.sub(_ESCAPE, _unescape)
        translated = ln.text.translate(self.table)
        if len(translated) != len(ln.text):  # a zero-width character is deleted
            ln.sub(self.deleted, "")
            translated = ln.text.translate(self.table)
        ln.text = translated
        self._phrases(ln)
        for pat in self.chrome:
            removed["web_chrome"] += ln.sub(pat, "")
        if self.box is not None and self.box[0].search(ln.text):
            _box_drawn(ln, self.box)
        if "&" in ln.text and not self.markdown:  # HTML's entities left in scraped text (``&nbsp;``, ``&#9;``)
            ln.sub(_ENTITY, lambda m: _entity(m, "\t"))
        if "," in ln.text:
            csv_row(ln)
        if self.markdown:
            _markdown(ln, removed)
        elif "|" in ln.text and len(_PIPE_SEP.findall(ln.text)) >= 2:
            if _MD_ROW.match(ln.text):  # between outer pipes (Markdown rows without their rule line: trafilatura)
                ln.sub(_MD_EDGE, "")  # the outer pipes are the table's borders, no empty first or last cell
            ln.sub(_PIPE_CELL, "\t")
        if " " in ln.text:
            ln.sub(_SPACE_RUN, "\t")
            ln.sub(_SPACE_IN_WORD, "")
            _strip_spaces(ln)
            self._phrases(ln)  # (a term a space split: ``资 讯公开``)

    def _phrases(self, ln: MappedLine) -> None:
        for a, b in self.g.phrases:
            if a in ln.text:
                ln.text = ln.text.replace(a, b)  # same length: the map stays as it is


class _Output:
    """The canonical text and its offset map, built a line at a time (text in
    chunks, so that no string per line outlives its chunk)."""

    def __init__(self, code: str) -> None:
        self.chunks, self.parts, self.pos = [], [], 0
        self.map, self.prev_end = OffsetMap(code), -1

    def add(self, ln: MappedLine) -> None:
        push, n = self.map.push, len(ln.text)
        if self.prev_end >= 0:
            self.parts.append("\n")
            push(self.pos, self.prev_end, 1)  # one character: step 1 lets the next line's run merge
            self.pos += 1
        self.parts.append(ln.text)
        pos = self.pos
        for p, o, s in ln.runs:
            if p < n:
                push(pos + p, o, s)
        self.pos += n
        self.prev_end = ln.end
        if len(self.parts) >= 4096:
            self.chunks.append("".join(self.parts))
            self.parts.clear()

    def close(self, end: int) -> tuple[str, OffsetMap]:
        self.map.push(self.pos, end, 0)  # sentinel for end-of-text spans
        self.chunks.append("".join(self.parts))
        text = "".join(self.chunks)
        self.chunks = self.parts = []
        return text, self.map.close(self.pos + 1)


def _occurring(patterns: list[regex.Pattern[str]], original: str, table: dict[int, str],
               chunk: int = 1 << 20) -> list[regex.Pattern[str]]:
    """The one-line patterns that match the rewritten text, read a chunk of lines at a time."""
    left, found = list(patterns), set()
    for piece in line_chunks(original, 0, chunk):
        if not left:
            break
        piece = piece.translate(table)
        found.update(id(p) for p in left if p.search(piece))
        left = [p for p in left if id(p) not in found]
    return [p for p in patterns if id(p) in found]


def _markdown(ln: MappedLine, removed: Counter[str]) -> None:
    """A Markdown line as plain text: a table row's cells tab-separated, a
    separator row dropped, heading and bold marks removed."""
    if _MD_RULE.match(ln.text):
        ln.text, ln.runs = "", []
        removed["markup"] += 1
        return
    if _MD_ROW.match(ln.text):
        ln.sub(_MD_EDGE, "")
        ln.sub(_MD_CELL, "\t")
        ln.sub(_MD_PLACEHOLDER, "")
        removed["markup"] += 1
    elif "|" in ln.text and _PIPE_SEP.search(ln.text):  # a row written without its outer pipes (html2text: ``规章 | 3 |  | 5``)
        ln.sub(_PIPE_CELL, "\t")
        removed["markup"] += 1
    removed["markup"] += ln.sub(_MD_MARK, "") + ln.sub(_MD_BREAK_DIGITS, " ") + ln.sub(_MD_BREAK, "")
    if "&" in ln.text:
        ln.sub(_MD_ENTITY, _entity)


def _entity(m: regex.Match[str], tab: str = " ") -> str:
    """The character an entity names, white space as a space (``tab``: what a tab
    becomes; in text outside Markdown it stays a cell boundary)."""
    import html  # only for a document that has one

    ch = html.unescape(m.group())
    return tab if ch == "\t" else " " if ch.isspace() else ch


@lru_cache(maxsize=8)
def _box_patterns(borders: str, strokes: str) -> tuple[regex.Pattern[str], ...]:
    b = "".join(regex.escape(ch) for ch in borders)
    stroke = compiled(f"[{''.join(regex.escape(ch) for ch in strokes)}]") if strokes else compiled(r"(?!)")
    return (compiled(f"[{b}]"), stroke, compiled(f"^[ \t]*[{b}]+[ \t]*|[ \t]*[{b}]+[ \t]*$"),
            compiled(f"[ \t]*[{b}]+[ \t]*"), compiled(r"^\s+$"))


def _box_drawn(ln: MappedLine, box: tuple[regex.Pattern[str], ...]) -> None:
    """A line of a table drawn with box-drawing characters (``│ 4 │ 2 │``,
    ``├───┼───┤``): its cells tab-separated, a rule between rows empty."""
    _, stroke, edge, cell, blank = box
    ln.sub(stroke, " ")
    ln.sub(edge, "")
    ln.sub(cell, "\t")
    ln.sub(blank, "")


def _strip_spaces(ln: MappedLine) -> None:
    text = ln.text
    left = len(text) - len(text.lstrip(" "))
    right = len(text.rstrip(" "))
    if left or right < len(text):
        out: list[Run] = []
        cut(ln.runs, left, right, 0, out)
        ln.text, ln.runs = text[left:right], out


def _scrape_metadata(original: str, g: Grammars, canon: Canonical) -> int:
    """A web crawl's metadata lines (``key: value``) at the top, ended by the
    grammar's end line: kept as ``canon.scrape``; how many lines to drop."""
    end_pat = g.scrape["end"]
    head = [body for _, body, _, _ in islice(_raw_lines(original), 40)]
    for i, text in enumerate(head):
        if end_pat.match(text):
            for prev in head[:i]:
                m = _KV.match(prev)
                if m and m.group(2):
                    canon.scrape[m.group(1)] = m.group(2)
            canon.removed["scrape_metadata"] += i + 1
            return i + 1
    return 0


def _running_headers(original: str, skip: int, rw: _Rewriter, g: Grammars,
                     prefix: dict[int, int], op: Overprint | None = None) -> set[str]:
    """Texts that open (after page numbers) at least half of the pages after the first: running headers."""
    firsts: dict[int, str] = {}
    furniture = _furniture(g.page_furniture)
    pages = 1
    for n, (s, body, page, page_end) in enumerate(_raw_lines(original)):
        pages += page_end is not None
        if n < skip or page in firsts:
            continue
        ln = _opened(body, s, page, prefix.get(n, 0), op)
        rw.rewrite(ln, Counter())
        if ln.text.strip() and not furniture.match(ln.text):
            firsts[page] = ln.text
    counts = Counter(t for p, t in firsts.items() if p > 1)
    found = {t for t, k in counts.items() if k >= 2 and k * 2 >= pages - 1
             and 4 <= len(t) <= 40 and _HAN.search(t) and not _HEADING_START.match(t)}
    if found:  # a table's header line (two or more of a template's column names) is none: 二's blocks repeat one
        # header, and a page may open with each — the order it names the columns in is read
        names = {label for t in g.templates.values() for tg in t.tables.values() for col in tg.columns.values()
                 for label in col.labels}
        found = {t for t in found if sum(name in t for name in names) < 2}
    return found
