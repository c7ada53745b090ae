"""Segment the official-document header (版头), title, signature and 版记 (GB/T 9704)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import regex

from .diagnostics import Diagnostic
from .grammar import Grammars
from .level import classify
from .model import Field, Header
from .normalise import Canonical
from .textutil import chinese_int, iso_date, lines_from_end, lines_of

_SENTENCE = regex.compile(r"[。，；！？,;]")
_TOP_LINES = 14
_BOTTOM_LINES = 16


@dataclass
class HeaderResult:
    header: Header
    body_start: int  # canonical offset where the body (after the title) starts
    body_end: int  # canonical offset where the signature / 版记 starts
    diagnostics: list[Diagnostic]


class _Reader:
    def __init__(self, c: Canonical, g: Grammars) -> None:
        self.c, self.g, self.el = c, g, g.elements
        self.text = c.text
        # the nonblank lines where header and 版记 can be: the first few and the last few
        self.lines = list(islice(((s, e) for s, e in lines_of(c.text) if c.text[s:e].strip()), _TOP_LINES + 1))
        tail = islice(((s, e) for s, e in lines_from_end(c.text) if c.text[s:e].strip()), _BOTTOM_LINES)
        self.tail = list(tail)[::-1]
        self.h = Header()
        self.diags: list[Diagnostic] = []

    def field(self, s: int, e: int, value: object) -> Field:
        span = self.c.span(s, e)
        return Field(value, span, self.c.original[span.start:span.end])

    def top(self) -> tuple[int, int | None]:
        """发文机关标志, 发文字号, 签发人; returns (body start, index of the title's last line)."""
        h, el, body_start = self.h, self.el, 0
        for i, (s, e) in enumerate(self.lines[:_TOP_LINES]):
            line = self.text[s:e].strip()
            if _first_heading(line, self.g):
                break
            if el["issuer_mark"].match(line) and h.mark.value is None:
                h.mark = self.field(s, e, line)
            elif (m := el["doc_number"].match(line)) and h.doc_number.value is None:
                value = f"{m['code']}〔{m['year']}〕{int(m['seq'])}号"
                h.doc_number = self.field(s, e, value)
                if h.doc_number.raw and h.doc_number.raw.strip() != value:
                    self.diags.append(Diagnostic("HDR_DOC_NUMBER_REPAIRED", f"发文字号 {h.doc_number.raw.strip()!r} read as {value!r}",
                                                 h.doc_number.span, "header.doc_number"))
                    if not _brackets_pair(h.doc_number.raw):
                        self.diags.append(Diagnostic("HDR_DOC_NUMBER_OCR", f"发文字号 {h.doc_number.raw.strip()!r}: its brackets do not pair",
                                                     h.doc_number.span, "header.doc_number"))
            elif "signer" in el and (m := el["signer"].match(line)):
                h.signer = self.field(s, e, m["signer"])
            elif any(line.endswith(w) for w in self.g.title["endings"]) and len(line) <= self.g.title["max_chars"]:
                return body_start, i
            elif _SENTENCE.search(line) and len(line) > 30:
                break
            else:
                continue
            body_start = e
        return body_start, None

    def title(self, body_start: int, last: int | None) -> int:
        """The title (joined from up to ``max_lines`` short lines); returns the body start."""
        h, el, text, lines = self.h, self.el, self.text, self.lines
        if last is None:
            if "标题" in self.c.scrape:
                h.title = Field(regex.sub(r"\s+", "", self.c.scrape["标题"]), None, self.c.scrape["标题"])
            else:
                self.diags.append(Diagnostic("HDR_NO_TITLE", "no line ending in 报告 was found near the top"))
            return body_start
        first = last
        while first > 0 and last - first + 1 < self.g.title["max_lines"]:
            s, e = lines[first - 1]
            prev = text[s:e].strip()
            if (len(prev) > 30 or _SENTENCE.search(prev) or el["issuer_mark"].match(prev)
                    or el["doc_number"].match(prev) or e <= body_start):
                break
            first -= 1
        s0, e1 = lines[first][0], lines[last][1]
        h.title = self.field(s0, e1, "".join(text[s:e].strip() for s, e in lines[first:last + 1]).replace("\t", ""))
        if last + 1 < len(lines):  # a date line in brackets under the title, e.g. （2017年2月10日）
            s, e = lines[last + 1]
            if regex.fullmatch(r"（[^（）]{4,16}日）", text[s:e].strip()):
                return e
        return e1

    def bottom(self, body_start: int) -> int:
        """署名, 成文日期, 附注, 抄送, 印发机关和印发日期, read upwards; returns the body end."""
        h, el, text, g = self.h, self.el, self.text, self.g
        body_end = len(text)
        tail = [(s, e) for s, e in self.tail if s >= body_start]
        for j in range(len(tail) - 1, -1, -1):
            s, e = tail[j]
            line = text[s:e].strip()
            prev = text[tail[j - 1][0]:tail[j - 1][1]].strip() if j > 0 else ""
            if (m := el["printed"].match(line)) and h.printed_date.value is None:
                h.printed_date = self.field(s, e, iso_date(m["date"]))
                body_end = min(body_end, s)
                if m["org"]:
                    h.printer = self.field(s, s + len(m["org"]), m["org"])
                elif _is_org_line(prev, g):
                    h.printer = self.field(*tail[j - 1], prev)
                    body_end = min(body_end, tail[j - 1][0])
            elif (m := el["cc"].match(line)) and h.cc.value is None:
                h.cc = self.field(s, e, m["cc"].strip())
                body_end = min(body_end, s)
            elif el["note"].match(line) and h.note.value is None:
                h.note = self.field(s, e, line)
                body_end = min(body_end, s)
            elif (m := el["date_line"].match(line)) and h.issued_date.value is None and s < body_end:
                h.issued_date = self.field(s, e, iso_date(m["date"]))
                body_end = min(body_end, s)
                if _is_org_line(prev, g) and tail[j - 1][0] >= body_start:
                    h.signature = self.field(*tail[j - 1], prev)
                    body_end = min(body_end, tail[j - 1][0])
        return body_end


def read_header(c: Canonical, g: Grammars) -> HeaderResult:
    r = _Reader(c, g)
    body_start, title_line = r.top()
    body_start = r.title(body_start, title_line)
    body_end = r.bottom(body_start)
    h = r.h
    _read_year(c, g, h, r.diags)
    _cross_check_issuer(c, h, r.diags)
    _name_from_body(c.text, body_start, h, r.diags)
    lv = classify(h.issuer.value, h.title.value)
    h.level = Field(lv.level, h.issuer.span, lv.government_level)
    h.place = Field(lv.place, h.issuer.span, None)
    return HeaderResult(h, body_start, max(body_end, body_start), r.diags)


def _first_heading(line: str, g: Grammars) -> bool:
    return bool(g.headings[0].pattern.match(line)) and len(line) < 40 and not line.endswith("报告")


def _is_org_line(line: str, g: Grammars) -> bool:
    return (2 <= len(line) <= 30 and not _SENTENCE.search(line) and not regex.search(r"\d", line)
            and any(line.endswith(sfx) for sfx in g.title["org_suffixes"]))


def _read_year(c: Canonical, g: Grammars, h: Header, diags: list[Diagnostic]) -> None:
    title = h.title.value or ""
    year: int | None = None
    if m := g.year["title"].search(title):
        year = int(m["year"])
    elif m := g.year["title_chinese"].search(title):
        year = chinese_int(m["year"])
    period = g.year["period"].search(c.text[:20000])
    if year is None and period:
        year = int(period["year"])
    elif year is not None and period and int(period["year"]) != year:
        diags.append(Diagnostic("HDR_YEAR_MISMATCH", f"title says {year}, statistics period starts in {period['year']}", h.title.span, "header.year"))
    if year is None and h.printed_date.value:
        year = int(h.printed_date.value[:4]) - 1
    if year is None and h.issued_date.value:
        year = int(h.issued_date.value[:4]) - 1
    if year is None or not 1990 <= year <= 2100:
        diags.append(Diagnostic("HDR_NO_YEAR", "no year in the title, the statistics period or the dates"))
        return
    h.year = Field(year, h.title.span, str(year))


def _title_issuer(title: str) -> str | None:
    m = regex.match(r"^(?:(?:19|20)\d{2}\s*年度?)?(?P<org>.+?)(?:(?:19|20)\d{2}\s*年度?|关于)?\s*政府信息公开", title)
    if not m:
        return None
    org = m["org"]
    org = regex.sub(r"(?:19|20)\d{2}\s*年度?$", "", org)
    return org or None


def _cross_check_issuer(c: Canonical, h: Header, diags: list[Diagnostic]) -> None:
    cands: list[tuple[str, str, Field]] = []
    if h.mark.value:
        cands.append(("版头", regex.sub(r"\s*文件$", "", h.mark.value), h.mark))
    if h.signature.value:
        cands.append(("署名", h.signature.value, h.signature))
    if h.title.value and (org := _title_issuer(h.title.value)):
        cands.append(("标题", org, h.title))
    if not cands and c.scrape.get("发布机构"):
        cands.append(("网页", c.scrape["发布机构"], Field(c.scrape["发布机构"])))
    if not cands:
        diags.append(Diagnostic("HDR_NO_ISSUER", "no 发文机关标志, 署名 or title naming the issuer"))
        return

    def agree(a: str, b: str) -> bool:
        return a.startswith(b) or b.startswith(a)

    scores = [sum(agree(n, o) for _, o, _ in cands) for _, n, _ in cands]
    best = max(range(len(cands)), key=lambda i: (scores[i], -i))
    group = [x for x in cands if agree(x[1], cands[best][1])]
    src, name, fld = max(group, key=lambda x: len(x[1]))
    h.issuer = Field(name, fld.span, fld.raw)
    others = [x for x in cands if not agree(x[1], name)]
    if others:
        said = "; ".join(f"{s}: {n}" for s, n, _ in cands)
        diags.append(Diagnostic("HDR_ISSUER_CONFLICT", f"issuer differs between sources ({said}); kept {name!r} from {src}", fld.span, "header.issuer"))


def _name_from_body(text: str, body_start: int, h: Header, diags: list[Diagnostic]) -> None:
    """An issuer name the body never uses, where the body names one other body
    two or more times that differs in one character, or in two side by side in
    a name of six characters or more (OCR read 洪泽区 as 潜泽区 or 潜译区 in a
    title's large type): the body's spelling, in the issuer and the title,
    with a diagnostic; the printed text stays in ``raw``."""
    name = h.issuer.value
    if not name or len(name) < 4:
        return
    def flats() -> Iterator[str]:  # made again for each pass: one chunk in memory at a time
        return (regex.sub(r"\s+", "", chunk) for chunk in _chunks(text, body_start, 1 << 16))

    if any(name in flat for flat in flats()):
        return
    # one character, or two side by side in a name of six or more (a word: 洪泽区 read as 潜译区)
    widths = (1, 2) if len(name) >= 6 else (1,)
    patterns = [regex.compile(regex.escape(name[:i]) + rf"\p{{Han}}{{{k}}}" + regex.escape(name[i + k:]))
                for k in widths for i in range(len(name) - k + 1) if regex.fullmatch(r"\p{Han}+", name[i:i + k])]
    found: set[tuple[int, int, str]] = set()
    for n, flat in enumerate(flats()):
        for pattern in patterns:
            found.update((n, m.start(), m.group()) for m in pattern.finditer(flat))
    seen = Counter(text for _, _, text in found)
    if len(seen) != 1 or max(seen.values()) < 2:
        return
    (better, n), = seen.items()
    raw = h.issuer.raw if h.issuer.raw is not None else name
    h.issuer = Field(better, h.issuer.span, raw)
    if h.title.value and name in h.title.value:
        title_raw = h.title.raw if h.title.raw is not None else h.title.value
        h.title = Field(h.title.value.replace(name, better), h.title.span, title_raw)
    diags.append(Diagnostic("HDR_NAME_FROM_BODY", f"issuer {name!r} is nowhere in the body, which names {better!r} {n} times: read as {better!r}", h.issuer.span, "header.issuer"))


def _chunks(text: str, start: int, size: int) -> Iterator[str]:
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


_PAIRS = {"〔": "〕", "【": "】", "[": "]", "（": "）", "(": ")", "［": "］", "｛": "｝", "{": "}", "〖": "〗"}


def _brackets_pair(raw: str) -> bool:
    """Does the year of a 发文字号 stand between two brackets of one pair
    (``〔2023〕``, ``[2023]``)? OCR prints ``【2023]`` or ``〔2023】``."""
    m = regex.search(r"(\S)\s*\d{4}\s*(\S)", raw)
    return not m or _PAIRS.get(m.group(1)) == m.group(2) or m.group(1) not in _PAIRS and m.group(2) not in _PAIRS.values()
