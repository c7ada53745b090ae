"""Repairs of header fields OCR damaged, each from evidence in the same
document and the grammar's data, each with a diagnostic and the printed text
kept in ``raw``. A field read clean is never changed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .diagnostics import Diagnostic
from .grammar import Grammars
from .model import Field, Header
from .regions import near_divisions
from .startcache import compiled
from .textutil import line_chunks

_JUNK_END = compiled(r"[^\p{Han}]+$")


def title_end(line: str, nxt: str | None, g: Grammars, before: str = "") -> tuple[int, str] | None:
    """How a title ends on ``line`` (``nxt``: the next nonblank line): ``(0, "")``
    printed whole; ``(1, "")`` its ending's last one or two characters wrapped
    onto the next line; ``(k, added)`` garbled: the ending lost ``added`` to
    OCR (``k``: 1 when the next line is OCR junk, such as ``| ma |``, that
    belongs to the title). None: not a title's last line. ``before``: the
    short lines just above, which a title wrapped over may start on."""
    t = g.title
    endings = sorted(t["endings"], key=len, reverse=True)
    if any(line.endswith(w) for w in endings):
        return (0, "") if len(line) <= t["max_chars"] else None
    if not t["subject"].search(before + line) or len(line) > t["max_chars"]:
        return None
    if nxt is not None and len(nxt) <= 2 and compiled(r"\p{Han}+").fullmatch(nxt) and any((line + nxt).endswith(w) for w in endings):
        return 1, ""
    stripped = _JUNK_END.sub("", line)
    junk_next = nxt is not None and not compiled(r"\p{Han}").search(nxt) and len(nxt) <= 12
    if nxt is not None and not junk_next and not compiled(r"[。，；：:]|^[一二三四五六七八九十]+、").search(nxt):
        return None  # the next line may still complete it (…工作年度 / 报告)
    for w in endings:
        for k in (1, 2):
            if len(w) - k >= 2 and stripped.endswith(w[:-k]):
                return int(junk_next), w[-k:]
    return None


def title_year(title: str, period: int | None, g: Grammars) -> tuple[str, int] | None:
    """A title whose year has one digit OCR damaged (``202〕年``) and the
    statistics period's year that it is one character from: the repaired title
    and the year."""
    if period is None or g.year["title"].search(title):
        return None
    m = g.year["title_damaged"].search(title)
    if not m:
        return None
    y = m["year"]
    if sum(a != b for a, b in zip(y, str(period), strict=True)) != 1 or not all(a == b or not a.isdigit() for a, b in zip(y, str(period), strict=True)):
        return None
    return title[:m.start("year")] + str(period) + title[m.end("year"):], period


def doc_kind(code: str, g: Grammars) -> str | None:
    """A 发文字号 code whose last character (its kind) is one OCR prints for
    exactly one kind in use: the code with that kind."""
    rp = g.repair
    last = code[-1:]
    if not last or last in rp["doc_kinds"]:
        return None
    kinds = rp["doc_kind_lookalikes"].get(last, "")
    return code[:-1] + kinds if len(kinds) == 1 else None


def name_from_body(text: str, body_start: int, h: Header, diags: list[Diagnostic], g: Grammars) -> None:
    """An issuer name the body never uses, where the body names one other
    name two or more times that differs in one character (or in two side by
    side, in a name of six or more), or whose place part (柱濮镇 of
    柱濮镇人民政府, when the rest is an organisation word read clean) does:
    the body's spelling, in the issuer and the title.
    (OCR read 洪泽区 as 潜泽区 or 潜译区 in a title's large type.)"""
    name = h.issuer.value
    if not name or len(name) < 4:
        return

    def flats() -> Iterator[str]:  # made again for each pass: one chunk in memory at a time
        return _body_flats(text, body_start)

    m = compiled(rf"^\p{{Han}}{{2,12}}?[{g.repair['place_units']}]").match(name)
    rest = name[len(m.group()):] if m else ""
    # the place part alone, when the rest is an organisation name read clean (人民政府, 教育局)
    stem = m.group() if m and rest and any(rest.endswith(x) for x in g.title["org_suffixes"]) else None
    uncertain: tuple[str, Counter[str]] | None = None
    for part in [name] + ([stem] if stem else []):
        if any(part in flat for flat in flats()):
            return  # the body spells it as printed
        better, seen = _one_spelling(part, flats)
        if not better and seen:
            uncertain = part, seen  # the place part's spellings, when it has any: the widest view
        if better:
            fixed, n = name.replace(part, better[0], 1), better[1]
            raw = h.issuer.raw if h.issuer.raw is not None else name
            h.issuer = Field(fixed, h.issuer.span, raw)
            diags.append(Diagnostic("HDR_NAME_FROM_BODY", f"issuer {name!r}: the body never spells {part!r}, but {better[0]!r} "
                                    f"{n} times: read as {fixed!r}", h.issuer.span, "header.issuer"))
            if h.title.value and part in h.title.value:
                title_raw = h.title.raw if h.title.raw is not None else h.title.value
                h.title = Field(h.title.value.replace(part, better[0]), h.title.span, title_raw)
                diags.append(Diagnostic("HDR_NAME_FROM_BODY", f"title: {part!r} read as {better[0]!r}, as the body spells it",
                                        h.title.span, "header.title"))
            return
    if uncertain is not None:
        part, seen = uncertain
        others = ", ".join(f"{s!r} ({n}x)" for s, n in sorted(seen.items()))
        why = (f"issuer {name!r}: the body never spells {part!r} but prints {others}: "
               "no one spelling to prefer, the name is kept as the header prints it and may be misread")
        diags.append(Diagnostic("HDR_NAME_UNCERTAIN", why, h.issuer.span, "header.issuer"))
        if h.title.value and part in h.title.value:  # the title names the doubted place too
            diags.append(Diagnostic("HDR_NAME_UNCERTAIN", why, h.title.span, "header.title"))


def ocr_place_doubt(h: Header, diags: list[Diagnostic], text: str, body_start: int) -> list[Diagnostic]:
    """In OCR text: an issuer whose place is no division the code table holds
    while one a character away is (兰汉市 beside 兰溪市, 兰州市) may be misread
    wherever it is printed, so the body cannot correct it; one whose place the
    table does not hold at all (a township: 柱奖镇 for 柱濮镇) and that the body
    never spells has nothing to confirm it. A warning on the issuer, and on the
    title that names the place. Nothing is changed."""
    place = h.place.value
    if not place or h.adcode.value is not None:
        return []
    if near := near_divisions(place):
        why = (f"OCR text, and the issuer's place {place!r} is no division the code table holds while "
               f"{', '.join(near[:3])} {'is' if len(near) == 1 else 'are'} one character away: the name may be misread")
    elif not any(place in flat for flat in _body_flats(text, body_start)):
        why = (f"OCR text, and the issuer's place {place!r} is no division the code table holds (a township, "
               "or a name it lacks) and the body never spells it: nothing confirms how it was read")
    else:
        return []
    doubted = {d.path for d in diags if d.code == "HDR_NAME_UNCERTAIN"}
    out = [] if "header.issuer" in doubted else [Diagnostic("HDR_NAME_UNCERTAIN", why, h.issuer.span, "header.issuer")]
    if h.title.value and place in h.title.value and "header.title" not in doubted:
        out.append(Diagnostic("HDR_NAME_UNCERTAIN", why, h.title.span, "header.title"))
    return out


def _body_flats(text: str, body_start: int) -> Iterator[str]:
    """The body from ``body_start`` with its white space removed, in chunks of
    whole lines (one chunk in memory at a time)."""
    return (compiled(r"\s+").sub("", chunk) for chunk in line_chunks(text, body_start, 1 << 16))


def _variants(part: str) -> Iterator[tuple[str, str, int]]:
    """The spellings of ``part`` with one character other (two side by side
    in six or more): each as (the characters before, after, how many other)."""
    for k in (1, 2) if len(part) >= 6 else (1,):
        for i in range(len(part) - k + 1):
            if _HAN_RUN.fullmatch(part[i:i + k]):
                yield part[:i], part[i + k:], k


def _occurrences(flat: str, head: str, tail: str, k: int) -> Iterator[tuple[int, str]]:
    """Where ``head``, ``k`` Han characters and ``tail`` stand in ``flat``, left
    to right and not overlapping (as a pattern's ``finditer`` finds them; no
    pattern is compiled for a name the input gives)."""
    size = len(head) + k + len(tail)
    lit, off = (head, 0) if len(head) >= len(tail) else (tail, len(head) + k)  # the longer known part, searched for
    after = 0
    q = flat.find(lit, off)
    while q != -1:
        j = q - off
        if (j >= after and j + size <= len(flat) and flat.startswith(head, j) and flat.startswith(tail, j + len(head) + k)
                and _HAN_RUN.fullmatch(flat, j + len(head), j + len(head) + k)):
            yield j, flat[j:j + size]
            after = j + size
        q = flat.find(lit, q + 1)


_HAN_RUN = compiled(r"\p{Han}+")


def _one_spelling(part: str, flats) -> tuple[tuple[str, int] | None, Counter[str]]:
    """The one spelling of ``part`` with one character other (two side by
    side in six or more) that the body uses two or more times (or None), and
    every such spelling the body uses, with its count."""
    variants = list(_variants(part))
    found: set[tuple[int, int, str]] = set()
    for n, flat in enumerate(flats()):
        for head, tail, k in variants:
            found.update((n, at, text) for at, text in _occurrences(flat, head, tail, k))
    seen = Counter(text for _, _, text in found)
    if len(seen) != 1 or max(seen.values()) < 2:
        return None, seen
    return next(iter(seen.items())), seen


_PAIRS = {"〔": "〕", "【": "】", "[": "]", "（": "）", "(": ")", "［": "］", "｛": "｝", "{": "}", "〖": "〗"}


def brackets_pair(raw: str) -> bool:
    """Does the year of a 发文字号 stand between two brackets of one pair
    (``〔2023〕``, ``[2023]``)? OCR prints ``【2023]`` or ``〔2023】``."""
    m = compiled(r"(\S)\s*\d{4}\s*(\S)").search(raw)
    return not m or _PAIRS.get(m.group(1)) == m.group(2) or m.group(1) not in _PAIRS and m.group(2) not in _PAIRS.values()
