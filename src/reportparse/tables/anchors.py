"""Where a table's rows are: each row's label found in the stream (exact,
then fuzzy with a bounded error count), one place per row in the template's
order (:func:`locate_rows`, through :func:`longest_chain`), and the longest
run of rows found in that order (:func:`in_template_order`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..options import ParseOptions
from ..startcache import compiled
from .place import SpanOf
from .stream import Stream, find_all, find_fuzzy, label_pattern

_HAN = compiled(r"\p{Han}")
MAX_PLACES = 200  # places of all labels of a table weighed together (a bound on a quadratic search)


@dataclass
class Anchor:
    row: str
    start: int  # compact offsets
    end: int
    covered: frozenset[int]  # compact offsets of the label's own characters
    fuzzy: bool = False  # found only with character errors


def locate_rows(t: TableGrammar, s: Stream, opts: ParseOptions, span_of: SpanOf) -> tuple[dict[str, Anchor], list[Diagnostic]]:
    """Where each row's label is, and a diagnostic for each found only fuzzily."""
    diags: list[Diagnostic] = []
    found: dict[str, Anchor] = {}
    places: dict[str, tuple[list[tuple[int, int]], bool]] = {}
    for row in t.rows:
        occ = _whole_first(s, find_all(s, [label_pattern(m, row.label) for m in row.match + row.exact]))
        fuzzy = not occ
        if not occ:
            for m in row.match:  # never the exact-only forms (其他处理 took 要他处理 in a wrapped line)
                hit = find_fuzzy(s, m, opts.fuzzy_errors, opts.regex_timeout)
                if hit:
                    occ = [(hit[0], hit[1])]
                    a, b, _ = s.label_span(hit[0], hit[1])
                    diags.append(Diagnostic("TBL_ROW_FUZZY", f"label {row.label!r} matched {s.labels[hit[0]:hit[1]]!r} with {hit[2]} error(s)", span_of(a, b), f"tables.{t.key}.{row.id}"))
                    break
        if occ:
            places[row.id] = (occ, fuzzy)
    chain = longest_chain({rid: occ for rid, (occ, _) in places.items()})
    cursor = 0
    for rid, (occ, fuzzy) in places.items():
        start, end = chain[rid] if rid in chain else next((o for o in occ if o[0] >= cursor), occ[0])
        if rid in chain:
            cursor = end
        found[rid] = Anchor(rid, *s.label_span(_line_start(s, start), end), fuzzy=fuzzy)
    return found, diags


def _whole_first(s: Stream, occ: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A label found both standing whole and inside a longer label of a row
    the template does not have (规范性文件 in 党内规范性文件, 规章 in 政府规章,
    行政规范性文件 in 行政规范性文件备案, a row some reports add): only where it
    stands whole — first where no word runs on after it (in text run
    together the label before its values: ``规章000``, not ``规章备案5``), then
    where none runs into it, then where no bracketed qualifier follows it.
    Where no place is better, all stay."""
    # a word run on after its end, then into its start, then a bracketed qualifier after it (予以公开(含部分）)
    for runs_on, side in ((_joined, 1), (_joined, 0), (_qualified, 1)):
        if len(occ) < 2:
            break
        whole = [o for o in occ if not runs_on(s, s.label_span(*o)[side])]
        occ = whole or occ
    return occ


def _qualified(s: Stream, i: int) -> bool:
    """An opening bracket at compact offset ``i``, printed right after the character before it."""
    return 0 < i < len(s.text) and s.text[i] in "(（" and s.cmap[i] == s.cmap[i - 1] + 1


def _joined(s: Stream, i: int) -> bool:
    """Han characters at compact offsets ``i - 1`` and ``i`` with nothing
    between them in the printed text (no space, tab or line break)."""
    return 0 < i < len(s.text) and bool(_HAN.match(s.text[i - 1])) and bool(_HAN.match(s.text[i])) \
        and s.cmap[i] == s.cmap[i - 1] + 1


def longest_chain(places: dict[str, list[tuple[int, int]]]) -> dict[str, tuple[int, int]]:
    """One place per row, for the most rows whose places follow the template's
    order (``places`` in that order), the earliest places among equal chains:
    a label printed twice (pdftotext reprints a table's label column after its
    values) is taken where its neighbours in the template are, and a label
    printed only out of order does not push the rows after it elsewhere."""
    if sum(map(len, places.values())) > MAX_PLACES:  # a label repeated all over a long input: first places in order
        cursor, greedy = 0, {}
        for rid, occ in places.items():
            if o := next((o for o in occ if o[0] >= cursor), None):
                greedy[rid], cursor = o, o[1]
        return greedy
    best: list[tuple[int, tuple[int, ...], str, tuple[int, int], int]] = []  # (length, -starts, row, place, previous)
    for rid, occ in places.items():
        for o in occ:
            prev = [i for i, b in enumerate(best) if b[3][1] <= o[0] and b[2] != rid]
            j = max(prev, key=lambda i: (best[i][0], best[i][1]), default=-1)
            length, starts = (best[j][0], best[j][1]) if j >= 0 else (0, ())
            best.append((length + 1, (*starts, -o[0]), rid, o, j))
    if not best:
        return {}
    k = max(range(len(best)), key=lambda i: (best[i][0], best[i][1]))
    out: dict[str, tuple[int, int]] = {}
    while k >= 0:
        out[best[k][2]] = best[k][3]
        k = best[k][4]
    return out


_NUMBERED = compiled(r"[（《〈][一二三四五六七八九十]{1,2}[）》〉]|[一二三四五六七八九十]{1,2}、")
_LABEL_HEAD = compiled(r"[1-9工lI](?:[^\s\d]?[.、．])?[\p{Han}“”]{0,10}")  # 7了.属于…: OCR junk before the dot


def _line_start(s: Stream, start: int) -> int:
    """Take in the item number and the first characters of a label matched only
    by its end (``2.申请人训期未按…`` matched at 未按…, ``7了.属于…`` at 属于…):
    they are not values."""
    line_start = max(s.labels.rfind("\n", 0, start), s.labels.rfind("\t", 0, start)) + 1
    if _NUMBERED.match(s.labels, start):
        return start  # the label has its own number (（二）…): what is before it is no part of it (``l`` a value OCR read)
    head = _LABEL_HEAD.fullmatch(s.labels, line_start, start)
    return line_start if head and start > line_start else start


def in_template_order(t: TableGrammar, found: dict[str, Anchor]) -> list[str]:
    """Longest run of found rows whose positions follow the template's order."""
    ids = [r.id for r in t.rows if r.id in found]
    best: list[list[str]] = []
    for i, rid in enumerate(ids):
        prev = [best[j] for j in range(i) if found[ids[j]].end <= found[rid].start]
        chain = max(prev, key=len, default=[])
        best.append(chain + [rid])
    return max(best, key=len, default=[])


