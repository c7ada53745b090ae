"""Segment the official-document header (版头), title, signature and 版记 (GB/T 9704)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from .diagnostics import Diagnostic
from .grammar import Grammars
from .header_repair import brackets_pair, doc_kind, name_from_body, title_end, title_year
from .level import classify
from .model import Field, Header
from .normalise import Canonical
from .regions import lookup
from .startcache import compiled
from .textutil import chinese_int, iso_date, lines_from_end, lines_of

_SENTENCE = compiled(r"[。，；！？,;]")
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
        self.title_end = (0, "")  # (lines after the title's last that belong to it, characters OCR lost from its end)

    def field(self, s: int, e: int, value: object) -> Field:
        span = self.c.span(s, e)
        return Field(value, span, self.c.original[span.start:span.end])

    def top(self) -> tuple[int, int | None]:
        """发文机关标志, 发文字号, 签发人; returns (body start, index of the title's last line)."""
        h, el, body_start = self.h, self.el, 0
        fallback: tuple[int, int, tuple[int, str]] | None = None  # a title naming neither year nor issuer
        for i, (s, e) in enumerate(self.lines[:_TOP_LINES]):
            line = self.text[s:e].strip()
            if _first_heading(line, self.g):
                break
            if el["issuer_mark"].match(line) and h.mark.value is None:
                h.mark = self.field(s, e, line)
            elif (m := el["doc_number"].match(line)) and h.doc_number.value is None:
                kind = doc_kind(m["code"], self.g)
                as_printed = f"{m['code']}〔{m['year']}〕{int(m['seq'])}号"  # brackets and spaces made canonical
                value = f"{kind}{as_printed[len(m['code']):]}" if kind else as_printed
                h.doc_number = self.field(s, e, value)
                if kind:
                    self.diags.append(Diagnostic("HDR_DOC_NUMBER_KIND", f"发文字号 code {m['code']!r}: its last character is no kind "
                                                 f"in use, and OCR prints it for {kind[-1]!r}: read as {kind!r}", h.doc_number.span, "header.doc_number"))
                if h.doc_number.raw and h.doc_number.raw.strip() != as_printed:
                    self.diags.append(Diagnostic("HDR_DOC_NUMBER_REPAIRED", f"发文字号 {h.doc_number.raw.strip()!r} read as {value!r}",
                                                 h.doc_number.span, "header.doc_number"))
                    if not brackets_pair(h.doc_number.raw) and self.c.overprint is None:  # (text drawn twice: a PDF's, no OCR)
                        self.diags.append(Diagnostic("HDR_DOC_NUMBER_OCR", f"发文字号 {h.doc_number.raw.strip()!r}: its brackets do not pair",
                                                     h.doc_number.span, "header.doc_number"))
            elif "signer" in el and (m := el["signer"].match(line)):
                h.signer = self.field(s, e, m["signer"])
            elif (end := title_end(line, self._line(i + 1), self.g, self._above(i))) is not None:
                if not _names_report(self._above(i) + line) and fallback is None:
                    fallback = (body_start, i + end[0], end)  # a site's column (政务公开信息公开年报): a title may follow
                    continue
                self.title_end = end
                return body_start, i + end[0]
            elif _SENTENCE.search(line) and len(line) > 30:
                break
            else:
                continue
            body_start = e
        if fallback is not None:
            self.title_end = fallback[2]
            return fallback[0], fallback[1]
        return body_start, None

    def _above(self, i: int) -> str:
        """The short lines just above line ``i`` (a title wrapped over up to ``max_lines``), joined."""
        out = ""
        for j in range(i - 1, max(i - self.g.title["max_lines"], -1), -1):
            prev = self._line(j) or ""
            if len(prev) > 30 or _SENTENCE.search(prev):
                break
            out = prev + out
        return out

    def _line(self, i: int) -> str | None:
        if i >= len(self.lines):
            return None
        s, e = self.lines[i]
        return self.text[s:e].strip()

    def title(self, body_start: int, last: int | None) -> int:
        """The title (joined from up to ``max_lines`` short lines); returns the body start."""
        h, el, text, lines = self.h, self.el, self.text, self.lines
        if last is None:
            if "标题" in self.c.scrape:
                h.title = Field(compiled(r"\s+").sub("", self.c.scrape["标题"]), None, self.c.scrape["标题"])
            else:
                self.diags.append(Diagnostic("HDR_NO_TITLE", "no line ending in 报告 was found near the top"))
            return body_start
        first = last
        subject = self.g.title["subject"]
        while first > 0 and last - first + 1 < self.g.title["max_lines"]:
            s, e = lines[first - 1]
            prev = text[s:e].strip()
            so_far = "".join(text[a:b].strip() for a, b in lines[first:last + 1])
            if whole_title(so_far, prev, self.g):
                break  # a whole title with its issuer: above it is not the title (a site name, 名称), unless an issuer line
            if (len(prev) > 30 and not subject.search(prev) or _SENTENCE.search(prev) or el["issuer_mark"].match(prev)
                    or el["doc_number"].match(prev) or e <= body_start):
                break
            first -= 1
        s0, e1 = lines[first][0], lines[last][1]
        extra, added = self.title_end
        printed = lines[first:last + 1 - (extra if added else 0)]  # a junk line after a garbled title is not its text
        value = "".join(text[s:e].strip() for s, e in printed).replace("\t", "")
        if added:
            value = compiled(r"[^\p{Han}]+$").sub("", value) + added
            if not self._repair_agrees(value):
                self.diags.append(Diagnostic("HDR_NO_TITLE", f"{value[:-len(added)]!r} may be a title whose end OCR garbled, "
                                             "but its year or issuer disagrees with the rest of the header"))
                return body_start
        h.title = self.field(s0, e1, value)
        if added:
            self.diags.append(Diagnostic("HDR_TITLE_REPAIRED", f"title {h.title.raw.strip()!r}: its last characters are garbled "
                                         f"or lost (OCR); read as {value!r}", h.title.span, "header.title"))
        if last + 1 < len(lines):  # a date line in brackets under the title, e.g. （2017年2月10日）
            s, e = lines[last + 1]
            if compiled(r"（[^（）]{4,16}日）").fullmatch(text[s:e].strip()):
                return e
        return e1

    def _repair_agrees(self, title: str) -> bool:
        """A garbled title is taken only when its year is the statistics
        period's and its issuer the 版头's (where the document prints them)."""
        m, period = self.g.year["title"].search(title), self.g.year["period"].search(self.text[:20000])
        if m and period and m["year"] != period["year"]:
            return False
        org = title_issuer(title)
        mark = compiled(r"\s*文件$").sub("", self.h.mark.value or "")
        return not (mark and org and not (mark.startswith(org) or org.startswith(mark)))

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
    _read_year(c, g, h, r.diags, body_start)
    _cross_check_issuer(c, h, r.diags)
    name_from_body(c.text, body_start, h, r.diags, g)
    lv = classify(h.issuer.value, h.title.value)
    h.level = Field(lv.level, h.issuer.span, lv.government_level)
    h.place = Field(lv.place, h.issuer.span, None)
    region, code, message = lookup(lv.place)
    if region is not None:
        h.adcode = Field(region["adcode"], h.issuer.span, None)
        h.region = Field(region, h.issuer.span, None)
    elif code is not None:
        r.diags.append(Diagnostic(code, message, h.issuer.span, "header.adcode"))
    return HeaderResult(h, body_start, max(body_end, body_start), r.diags)


def _first_heading(line: str, g: Grammars) -> bool:
    return bool(g.headings[0].pattern.match(line)) and len(line) < 40 and not line.endswith("报告")


def whole_title(so_far: str, prev: str, g: Grammars) -> bool:
    """Whether title lines ``so_far`` are a whole title that the short line
    ``prev`` above them does not continue: they name the subject and do not
    start with the year (the issuer before it is then on ``prev``), and
    ``prev`` is neither an organisation's name nor a bare year."""
    return (bool(g.title["subject"].search(so_far)) and not compiled(r"(?:19|20)\d{2}").match(so_far)
            and not _is_org_line(prev, g) and not compiled(r"(?:19|20)\d{2}\s*年度?").fullmatch(prev))


def _names_report(title: str) -> bool:
    """Whether a title names its year or its issuer."""
    return bool(compiled(r"(?:19|20)\d{2}").search(title)) or title_issuer(title) is not None


def _is_org_line(line: str, g: Grammars) -> bool:
    return (2 <= len(line) <= 30 and not _SENTENCE.search(line) and not compiled(r"\d").search(line)
            and any(line.endswith(sfx) for sfx in g.title["org_suffixes"]))


def _read_year(c: Canonical, g: Grammars, h: Header, diags: list[Diagnostic], body_start: int) -> None:
    title = h.title.value or ""
    year: int | None = None
    period = g.year["period"].search(c.text[:20000])
    pyear = int(period["year"]) if period else None
    if m := g.year["title"].search(title):
        year = int(m["year"])
    elif m := g.year["title_chinese"].search(title):
        year = chinese_int(m["year"])
    elif fixed := title_year(title, pyear, g):
        h.title = Field(fixed[0], h.title.span, h.title.raw)
        year = fixed[1]
        diags.append(Diagnostic("HDR_TITLE_REPAIRED", f"title {title!r}: one digit of its year is damaged (OCR) and the statistics "
                                f"period says {year}: read as {fixed[0]!r}", h.title.span, "header.title"))
    if year is not None and pyear is not None and pyear != year:
        diags.append(Diagnostic("HDR_YEAR_MISMATCH", f"title says {year}, statistics period starts in {pyear}", h.title.span, "header.year"))
    if year is not None:
        if 1990 <= year <= 2100:
            h.year = Field(year, h.title.span, str(year))
            return
        year = None
    opening, ospan = None, None  # the first paragraph near the top that opens with a year (2022年，…)
    for s, e in islice(lines_of(c.text, body_start, min(len(c.text), body_start + 3000)), 40):
        line = c.text[s:e].lstrip()
        if opening := g.year["opening"].match(line):
            at = e - len(line)
            ospan = c.span(at + opening.start("year"), at + opening.end("year"))
            break
    sources = [("the statistics period", pyear, c.span(period.start("year"), period.end("year")) if period else None),
               ("the overview's opening", int(opening["year"]) if opening else None, ospan),
               ("成文日期 minus one", int(h.issued_date.value[:4]) - 1 if h.issued_date.value else None, h.issued_date.span),
               ("印发日期 minus one", int(h.printed_date.value[:4]) - 1 if h.printed_date.value else None, h.printed_date.span)]
    for source, value, span in sources:
        if value is not None and 1990 <= value <= 2100:
            h.year = Field(value, span, str(value))
            diags.append(Diagnostic("HDR_YEAR_FROM_TEXT", f"no year in the title: {value} from {source}", span, "header.year"))
            return
    diags.append(Diagnostic("HDR_NO_YEAR", "no year in the title, the statistics period, the overview's opening or the dates"))


def title_issuer(title: str) -> str | None:
    """The issuer a title names (``柱濮镇`` of ``柱濮镇2023年政府信息公开…``)."""
    m = compiled(r"^(?:(?:19|20)\d{2}\s*年度?)?(?P<org>.+?)(?:(?:19|20)\d{2}\s*年度?|关于)?\s*政府信息公开").match(title)
    if not m:
        return None
    org = m["org"]
    org = compiled(r"(?:19|20)\d{2}\s*年度?$").sub("", org)
    return org or None


def _cross_check_issuer(c: Canonical, h: Header, diags: list[Diagnostic]) -> None:
    cands: list[tuple[str, str, Field]] = []
    if h.mark.value:
        cands.append(("版头", compiled(r"\s*文件$").sub("", h.mark.value), h.mark))
    if h.signature.value:
        cands.append(("署名", h.signature.value, h.signature))
    if h.title.value and (org := title_issuer(h.title.value)):
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
