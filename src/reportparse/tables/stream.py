"""A table region as one compact string: wrapped labels rejoined, cells kept apart.

Whitespace between two text characters is dropped (so ``只计这一情\\n形`` reads
as one label); whitespace next to a digit stays as a separator. Each compact
character maps back to its canonical offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..startcache import compiled
from .tokens import NONE_MARKS, UNREAD_MARKS

_LONGEST_MARK = max(map(len, NONE_MARKS))

_DROP = compiled(r"(?<=[^\d\s])\s+(?=(?![-+]\d)[^\d\s])")  # not before a signed number (-16)
_DIGIT = compiled(r"\d")
_ITEM_BEFORE = compiled(r"(?:(?<=\s)|^)[1-9工lI][.、．]?\Z")  # (\Z: $ would let a value at a line's end, 2\n, pass)


_NUM = r"[-+]?\d+(?:\.\d+)?(?:万元|元)?"  # a value as a table prints it
NUMERIC_LINE = compiled(rf"^[\s|│｜]*(?:{_NUM}[\s|│｜]*)+$")
# a line of values and marks printed for empty cells (``203 — 19 — 15 — 237``): no text of a label
_MARK = "|".join(regex.escape(m) for m in sorted(NONE_MARKS, key=lambda m: (-len(m), m)))  # one order every run: a set's
# order changes with the hash seed, and the start-up cache keys patterns by their text
_VALUE_LINE = compiled(rf"^[\s|│｜]*(?:(?:{_NUM}|{_MARK})(?=[\s|│｜]|$)[\s|│｜]*)+$")
# the values after a label's first characters, on a line whose label cell wraps below its values
# (top-aligned: ``3.补\t0\t19\n正后申请…``; ``信239\t37`` where the gap was too narrow for a tab): dropped from
# the label view so the label reads whole — when the label's next line of text carries no values of its own
# (:func:`_continues`)
_TRAILING_VALUES = compiled(rf"(?<=[^\d\s])[\t ]*{_NUM}(?:[\t ]+{_NUM})*[\t ]*$")
_FIRST_VALUE = compiled(rf"(?:^|[\t ]){_NUM}(?=[\t ]|$)")
# the empty fields of a CSV line of a wrapped label (tabula's ``2.申请人逾期未按收费通知要求缴,,,,,,,``, run on into
# its next line in the stream): blank in the label view, as a tab text's empty cells are, so the label reads whole
_EMPTY_FIELDS = compiled(r"(?<=[^\d\s,]),{2,}(?=[^\d\s,]|[\t ]*$)")
_ITEM_HEAD = compiled(r"\d{1,2}[.、．]\p{Han}|（[一二三四五六七八九十]|[一二三四五六七八九十]、")


@dataclass
class Stream:
    text: str
    cmap: list[int]  # compact index -> canonical offset
    labels: str = ""  # the text without value-only lines, for finding labels
    lmap: list[int] | None = None  # labels index -> compact index
    # what find_all found, by pattern set: the readers, the column order and the checks of a region ask
    # for the same labels again (a stream is never changed once made)
    found: dict[tuple[str, ...], tuple[tuple[int, int], ...]] = field(default_factory=dict, repr=False, compare=False)

    def canon(self, i: int) -> int:
        return self.cmap[min(max(i, 0), len(self.cmap) - 1)] if self.cmap else 0

    def label_span(self, start: int, end: int) -> tuple[int, int, frozenset[int]]:
        """A match in ``labels`` as (start, end, every compact index it covers)."""
        assert self.lmap is not None
        covered = frozenset(self.lmap[i] for i in range(start, end))
        return self.lmap[start], self.lmap[end - 1] + 1, covered


_OCR_ALONE = compiled(rf"(?:^|\s)(?:[工lIoO〇○]{{1,3}}|[{UNREAD_MARKS}])(?=\s|$)")


def _joinable(text: str, m: regex.Match[str]) -> bool:
    """Whitespace between two text characters is dropped, unless a mark
    printed for an empty cell (``—``, ``/``, ``无``) stands alone beside it, a
    line ends in a tab (an empty cell) there, or a cell boundary (tab or
    newline) sits next to a lone OCR-digit token such as 工."""
    if _mark_beside(text, m.start(), m.end()):
        return False
    ws = m.group()
    if " " == ws or "\t" not in ws and "\n" not in ws:
        return True
    if "\t\n" in ws.replace(" ", ""):
        return False  # a line that ends in an empty cell (``行政许可\t``: a Markdown row's) ended its label
    before = _OCR_ALONE.search(text, max(0, m.start() - 4), m.start() + 1)
    after = _OCR_ALONE.match(text, m.end() - 1)
    return not (before and before.end() == m.start()) and not after


def _mark_beside(text: str, a: int, b: int) -> bool:
    """A token that is a mark printed for an empty cell ends at ``a`` or starts at ``b`` (whitespace between)."""
    j = a
    while j > 0 and a - j <= _LONGEST_MARK and not text[j - 1].isspace():
        j -= 1
    if (j == 0 or text[j - 1].isspace()) and text[j:a] in NONE_MARKS:
        return True
    k = b
    while k < len(text) and k - b <= _LONGEST_MARK and not text[k].isspace():
        k += 1
    return (k == len(text) or text[k].isspace()) and text[b:k] in NONE_MARKS


def make_stream(canon_text: str, start: int, end: int) -> Stream:
    return make_stream_of(canon_text, [(start, end)])


def make_stream_of(canon_text: str, parts: list[tuple[int, int]]) -> Stream:
    """The stream of several pieces of the text read as one (a table's region
    and its values printed after the next section's heading, the heading set
    aside: :mod:`.run_on`); a line break between pieces that do not end in one."""
    out: list[str] = []
    cmap: list[int] = []
    line_ended = True  # the text so far is empty or ends in a line break
    for start, end in parts:
        if not line_ended:
            out.append("\n")
            cmap.append(start)
            line_ended = True
        src = canon_text[start:end]
        last = 0
        for m in _DROP.finditer(src):
            if not _joinable(src, m):
                continue
            out.append(src[last:m.start()])
            cmap.extend(range(start + last, start + m.start()))
            last = m.end()
        out.append(src[last:])
        cmap.extend(range(start + last, start + len(src)))
        if src:  # (whitespace is dropped only between two characters: the piece's last one stays)
            line_ended = src.endswith("\n")
    cmap.append(parts[-1][1])
    text = "".join(out)
    labels, lmap = _label_view(text)
    return Stream(text, cmap, labels, lmap)


def _continues(line: str) -> bool:
    """The next line of text after a line with values is only more of a
    label: no values, or values after another row's item number (``（五\t1.信\t96``).
    (Values right after its text, ``获取信息\t0\t0``, may be the row's own, cut
    over two lines by OCR: then the line above stays as it is.)"""
    if not line.strip():
        return False
    first = _FIRST_VALUE.search(line)
    return first is None or bool(_ITEM_HEAD.search(line, 0, first.start()))


def _label_view(text: str) -> tuple[str, list[int]]:
    """Drop value-only lines, and the values after a label's first characters
    when the rest of the label wraps below them (:func:`_continues`), then
    rejoin text split around them (a wrapped label with its values printed on
    its first or middle line reads as one label)."""
    chars: list[str] = []
    idx: list[int] = []
    pos = 0
    lines = text.split("\n")
    prose = [not _VALUE_LINE.match(line) for line in lines]
    for i, line in enumerate(lines):
        if prose[i]:
            if (m := _TRAILING_VALUES.search(line)) and _continues(
                    next((lines[j] for j in range(i + 1, len(lines)) if prose[j]), "")):
                line = line[:m.start()] + " " * (len(line) - m.start())  # (blanks keep the offsets)
            if "," in line:
                line = _EMPTY_FIELDS.sub(lambda e: " " * len(e.group()), line)
            chars.extend(line)
            chars.append("\n")
            idx.extend(range(pos, pos + len(line) + 1))
        pos += len(line) + 1
    joined = "".join(chars)
    keep_text: list[str] = []
    keep_idx: list[int] = []
    last = 0
    for m in _DROP.finditer(joined):
        keep_text.append(joined[last:m.start()])
        keep_idx.extend(idx[last:m.start()])
        last = m.end()
    keep_text.append(joined[last:])
    keep_idx.extend(idx[last:])
    keep_idx.append(len(text))
    return "".join(keep_text), keep_idx


_PREFIX = r"(?:[一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）|[1-9][.、．]|[（(][1-9][）)])?"


@lru_cache(maxsize=4096)
def label_pattern(match: str, label: str = "") -> str:
    """A regex for one label form.

    An item number keeps its digit but accepts 、 or ． or (OCR) no dot; a
    bracketed number （六） accepts OCR's 《六》, 〈六〉, 《六）》 and a lost closing bracket; a
    label form without its number may be preceded by the row's own number
    (``label``'s), so the number is never read as a value of the row before.
    """
    m = compiled(r"^(\d{1,2})[.、．]").match(match)
    if m:
        return _item_number(m.group(1)) + regex.escape(match[m.end():])
    g = compiled(r"^（([一二三四五六七八九十]+)）").match(match)
    if g:  # OCR prints the brackets of （六） as 《 〈 and drops the closing one
        return rf"[（《〈]{g.group(1)}[）》〉]{{0,2}}" + regex.escape(match[g.end():])  # 《六）》: both
    if compiled(r"^[一二三四五六七八九十]+、").match(match):
        return regex.escape(match)
    n = compiled(r"^(\d{1,2})[.、．]").match(label)
    prefix = rf"(?:{_item_number(n.group(1))})?" if n else _PREFIX
    return prefix + regex.escape(match)


def _item_number(num: str) -> str:
    """An item number as reports print it: ``1.`` (or 、 ．, or OCR's no dot),
    or in brackets, ``（1）`` / ``(1)``, as some print the third level."""
    return rf"(?:{_item_digit(num)}[.、．]?|[（(]{_item_digit(num)}[）)])"


def _item_digit(num: str) -> str:
    """An item number as OCR may print it (1 as 工, l or I)."""
    return "[1工lI]" if num == "1" else regex.escape(num)


def find_all(stream: Stream, patterns: list[str]) -> list[tuple[int, int]]:
    """Every exact occurrence of any pattern in the label view (longest pattern first)."""
    key = tuple(patterns)
    hit = stream.found.get(key)
    if hit is None:
        hit = stream.found[key] = tuple(m.span() for m in _longest_first(patterns).finditer(stream.labels))
    return list(hit)


def _longest_first(patterns: list[str]) -> regex.Pattern[str]:
    return _alternation(tuple(sorted(patterns, key=len, reverse=True)))


@lru_cache(maxsize=1024)
def _alternation(patterns: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern of alternatives, compiled once per process (the same label sets recur in every report)."""
    return compiled("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=1024)
def _fuzzy(core: str, k: int) -> regex.Pattern[str]:
    return compiled(f"(?:{regex.escape(core)}){{e<={k}}}", regex.BESTMATCH)


MIN_FUZZY = 4  # characters a fuzzy match must cover: fewer are no evidence of a label


def find_fuzzy(stream: Stream, match: str, max_errors: int, timeout: float) -> tuple[int, int, int] | None:
    """Best fuzzy occurrence ``(start, end, errors)`` of a long label in the label view.

    The error count is bounded (at most one error per five characters) and the
    search has a timeout, so no input can make it run away. A match covers at
    least :data:`MIN_FUZZY` characters (a four-character label less one is
    part of too many words).
    """
    core = compiled(r"^\d{1,2}[.、．]").sub("", match)  # the item number is found separately below
    if len(core) < 4 or max_errors <= 0:
        return None
    k = min(max_errors, max(1, len(core) // 5))
    # k errors touch at most k of k + 1 pieces of the label: with none of them
    # in the text there is no match, and the costly fuzzy search is skipped
    step = len(core) // (k + 1)
    if not any(core[i * step:(i + 1) * step if i < k else len(core)] in stream.labels for i in range(k + 1)):
        return None
    pat = _fuzzy(core, k)
    try:
        m = pat.search(stream.labels, timeout=timeout)
    except TimeoutError:
        return None
    if not m or _DIGIT.search(m.group()) or len(m.group()) < MIN_FUZZY:
        return None  # (``予公开``, three characters of 予以公开, stands in （三）不予公开 wrapped over two lines)
    start = m.start()
    item = _ITEM_BEFORE.search(stream.labels, max(0, start - 3), start)
    if item:  # the row's item number printed just before the damaged label
        start = item.start()
    return start, m.end(), sum(m.fuzzy_counts)
