"""Heading lines: which level and number a line opens (the GB/T 9704 heading
grammar), and where its title ends — matched against the template's standard
titles exactly, joined over broken lines, or fuzzily when OCR damaged them.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .grammar import Grammars, Template
from .normalise import Canonical
from .startcache import compiled
from .textutil import LineStream, chinese_int, key_positions, label_key

_TITLE_END = compiled(r"[。：:；;！？]")
TABLE_ROW = compiled(r"\t\s*-?\d")  # a tab then a number: a table row, not a heading
MAX_TITLE = 40
_TITLE_BEFORE_NUMBER = compiled(r"^(\p{Han}[\p{Han}、“”（）]{3,30}\p{Han})(?=\d)")


def standard_titles(template: Template | None) -> list[tuple[str, str, int | None]]:
    """(label key of a title variant, section key, number), longest first."""
    if template is None:
        return []
    out = [(label_key(t), s.key, s.number) for s in template.sections for t in s.titles
           if not template.free_format or len(t) >= 2]
    return sorted(out, key=lambda x: -len(x[0]))


def fuzzy_title(rest: str, std: list[tuple[str, str, int | None]], max_errors: int,
                 timeout: float, short_ok: bool = False) -> tuple[str, str, str, int | None] | None:
    """An OCR-damaged standard title (收到和处理政府信息公开申请情; for …情况):
    at most one error per six characters, never more than ``max_errors``
    (``short_ok``: one error in titles of four or five characters too)."""
    keep = key_positions(rest)  # compare without punctuation, as the keys are
    key_rest = label_key(rest)
    best = None
    for key, skey, num in std:
        k = min(max_errors, len(key) // 6 or (1 if short_ok and len(key) >= 4 else 0))
        if k == 0:
            continue
        # a match keeps all but k of the title's characters within its first len + k:
        # a line with fewer of them (prose) is passed over before the costly fuzzy search
        window = set(key_rest[:len(key) + k])
        if sum(map(window.__contains__, key)) < len(key) - k:
            continue
        pat = _fuzzy_pattern(key, k)
        try:
            m = pat.match(key_rest, timeout=timeout)
        except TimeoutError:
            continue
        if m and m.end() and (best is None or sum(m.fuzzy_counts) < best[0]):
            best = (sum(m.fuzzy_counts), m.end(), skey, num)
    if best is None:
        return None
    _, end, skey, num = best
    cut = keep[end - 1] + 1
    return rest[:cut].strip(), rest[cut:].lstrip("。：:；; \t"), skey, num


@lru_cache(maxsize=512)
def _fuzzy_pattern(key: str, k: int) -> regex.Pattern[str]:
    return compiled(f"(?:{regex.escape(key)}){{e<={k}}}", regex.BESTMATCH)


def split_title(rest: str, std: list[tuple[str, str, int | None]],
                 fuzzy: tuple[int, float] | None = None) -> tuple[str, str, str | None, int | None]:
    """(title, remaining body text, standard key, standard number)."""
    key_rest = label_key(rest)
    for k, skey, num in std:
        if key_rest.startswith(k):
            i = key_positions(rest)[len(k) - 1] + 1 if k else 0  # rest up to k's last character
            title = rest[:i].strip()
            remainder = rest[i:].lstrip("。：: \t")
            return title, remainder, skey, num
    if fuzzy is not None:
        hit = fuzzy_title(rest, std, *fuzzy)
        if hit:
            return hit
    m = _TITLE_END.search(rest)
    n = _TITLE_BEFORE_NUMBER.match(rest)  # 主动公开政府信息的数量2018年…: the title ends at the number
    if n and (not m or n.end(1) < m.start()):
        return n.group(1), rest[n.end(1):].strip(), None, None
    if m and m.start() <= MAX_TITLE:
        return rest[:m.start()].strip(), rest[m.end():].strip(), None, None
    if len(rest) <= MAX_TITLE and not TABLE_ROW.search(rest):
        return rest.strip(), "", None, None
    return "", rest.strip(), None, None


def title_continuation(c: Canonical, nxt: tuple[int, int], g: Grammars) -> str | None:
    """The next line continues a heading when it is a few characters with no
    punctuation and not a heading itself (``（一）存在`` / ``问题``)."""
    text = c.text[nxt[0]:nxt[1]].strip()
    if 0 < len(text) <= 8 and compiled(r"\p{Han}+").fullmatch(text) and not match_heading(text, g):
        return text
    return None


def joined_title(c: Canonical, rest: str, work: LineStream,
                 std: list[tuple[str, str, int | None]]) -> tuple[str, str, str, int | None, str, int] | None:
    """A standard title broken over up to three lines, joined while the text
    is still the start of a standard title: (title, body, key, number, the
    joined text, lines taken after ``rest``). Nothing is consumed from ``work``."""
    joined = rest
    for j in range(1, 4):
        if (nxt := work.peek(j)) is None:
            return None
        ns, ne = nxt
        joined += c.text[ns:ne].strip()
        title, body, skey, snum = split_title(joined, std)
        if skey is not None:
            return title, body, skey, snum, joined, j
        key = label_key(joined)
        if not any(t.startswith(key) for t, _, _ in std):
            return None
    return None


def join_broken_heading(c: Canonical, rest: str, work: LineStream,
                        std: list[tuple[str, str, int | None]]) -> tuple[str, str, str, int | None, int] | None:
    """A standard heading broken over up to three lines (:func:`joined_title`),
    the joined lines consumed from ``work``; the end offset of the last one."""
    hit = joined_title(c, rest, work, std)
    if hit is None:
        return None
    title, body, skey, snum, _, taken = hit
    end = work.peek(taken)[1]
    work.drop(taken)
    return title, body, skey, snum, end


def match_heading(line: str, g: Grammars) -> tuple[int, int, str] | None:
    for h in g.headings:
        m = h.pattern.match(line)
        if m:
            num = chinese_int(m["num"])
            if num is None or num == 0:
                return None
            return h.level, num, m["rest"]
    return None


_NUMERAL = compiled(r"^(（?\s*[一二三四五六七八九十\d]{1,3}\s*）?)")
_SPACE = compiled(r"\s")


def numeral(line: str) -> str:
    m = _NUMERAL.match(line)
    return _SPACE.sub("", m.group(1)) if m else ""


def free_key(title: str, template: Template) -> str | None:
    for s in template.sections:
        if any(t in title for t in s.titles):
            return s.key
    return None
