"""Segment the official-document header (版头), title, signature and 版记 (GB/T 9704)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .diagnostics import Diagnostic
from .grammar import Grammars
from .level import classify
from .model import Field, Header
from .normalise import Canonical
from .textutil import chinese_int, iso_date, lines_of

_SENTENCE = regex.compile(r"[。，；！？,;]")
_TOP_LINES = 14
_BOTTOM_LINES = 16


@dataclass
class HeaderResult:
    header: Header
    body_start: int  # canonical offset where the body (after the title) starts
    body_end: int  # canonical offset where the signature / 版记 starts
    diagnostics: list[Diagnostic]


def read_header(c: Canonical, g: Grammars) -> HeaderResult:
    text = c.text
    lines = [(s, e) for s, e in lines_of(text) if text[s:e].strip()]
    h = Header()
    diags: list[Diagnostic] = []
    el = g.elements

    def field_at(s: int, e: int, value: object, raw: str | None = None) -> Field:
        return Field(value, c.span(s, e), raw if raw is not None else c.original[c.span(s, e).start:c.span(s, e).end])

    # ---- top: 发文机关标志, 发文字号, 签发人, title
    body_start = 0
    title_idx: int | None = None
    for i, (s, e) in enumerate(lines[:_TOP_LINES]):
        line = text[s:e].strip()
        if _first_heading(line, g):
            break
        if (m := el["issuer_mark"].match(line)) and h.mark.value is None:
            h.mark = field_at(s, e, line)
            body_start = e
            continue
        if (m := el["doc_number"].match(line)) and h.doc_number.value is None:
            value = f"{m['code']}〔{m['year']}〕{int(m['seq'])}号"
            h.doc_number = field_at(s, e, value)
            if h.doc_number.raw and h.doc_number.raw.strip() != value:
                diags.append(Diagnostic("HDR_DOC_NUMBER_REPAIRED", f"发文字号 {h.doc_number.raw.strip()!r} read as {value!r}", h.doc_number.span, "header.doc_number"))
            body_start = e
            continue
        if (m := el.get("signer")) and (m := m.match(line)):
            h.signer = field_at(s, e, m["signer"])
            body_start = e
            continue
        if any(line.endswith(w) for w in g.title["endings"]) and len(line) <= g.title["max_chars"]:
            title_idx = i
            break
        if _SENTENCE.search(line) and len(line) > 30:
            break
    if title_idx is not None:
        first = title_idx
        while (first > 0 and title_idx - first + 1 < g.title["max_lines"]):
            s, e = lines[first - 1]
            prev = text[s:e].strip()
            if (len(prev) > 30 or _SENTENCE.search(prev) or el["issuer_mark"].match(prev)
                    or el["doc_number"].match(prev) or e <= body_start):
                break
            first -= 1
        s0, e1 = lines[first][0], lines[title_idx][1]
        parts = [text[s:e].strip() for s, e in lines[first:title_idx + 1]]
        title = "".join(parts).replace("\t", "")
        h.title = field_at(s0, e1, title)
        body_start = e1
        nxt = title_idx + 1
        if nxt < len(lines):  # a date line in brackets under the title, e.g. （2017年2月10日）
            s, e = lines[nxt]
            if regex.fullmatch(r"（[^（）]{4,16}日）", text[s:e].strip()):
                body_start = e
    elif "标题" in c.scrape:
        h.title = Field(regex.sub(r"\s+", "", c.scrape["标题"]), None, c.scrape["标题"])
    if h.title.value is None:
        diags.append(Diagnostic("HDR_NO_TITLE", "no line ending in 报告 was found near the top"))

    # ---- bottom: 署名, 成文日期, 附注, 抄送, 印发机关和印发日期
    body_end = len(text)
    tail = [(s, e) for s, e in lines[-_BOTTOM_LINES:] if s >= body_start]
    for j in range(len(tail) - 1, -1, -1):
        s, e = tail[j]
        line = text[s:e].strip()
        if (m := el["printed"].match(line)) and h.printed_date.value is None:
            h.printed_date = field_at(s, e, iso_date(m["date"]))
            body_end = min(body_end, s)
            if m["org"]:
                h.printer = field_at(s, s + len(m["org"]), m["org"])
            elif j > 0 and _is_org_line(text[tail[j - 1][0]:tail[j - 1][1]].strip(), g):
                ps, pe = tail[j - 1]
                h.printer = field_at(ps, pe, text[ps:pe].strip())
                body_end = min(body_end, ps)
        elif (m := el["cc"].match(line)) and h.cc.value is None:
            h.cc = field_at(s, e, m["cc"].strip())
            body_end = min(body_end, s)
        elif (m := el["note"].match(line)) and h.note.value is None:
            h.note = field_at(s, e, line)
            body_end = min(body_end, s)
        elif (m := el["date_line"].match(line)) and h.issued_date.value is None and s < body_end:
            h.issued_date = field_at(s, e, iso_date(m["date"]))
            body_end = min(body_end, s)
            if j > 0:
                ps, pe = tail[j - 1]
                prev = text[ps:pe].strip()
                if _is_org_line(prev, g) and ps >= body_start:
                    h.signature = field_at(ps, pe, prev)
                    body_end = min(body_end, ps)
    _read_year(c, g, h, diags)
    _cross_check_issuer(c, h, diags)
    lv = classify(h.issuer.value, h.title.value)
    h.level = Field(lv.level, h.issuer.span, lv.government_level)
    h.place = Field(lv.place, h.issuer.span, None)
    return HeaderResult(h, body_start, max(body_end, body_start), diags)


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
