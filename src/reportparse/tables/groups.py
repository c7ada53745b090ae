"""Tables with one unlabelled data row under grouped headers (四 复议/诉讼).

The groups (行政复议, 未经复议直接起诉, 复议后起诉) are placed by their
headers (exact, else fuzzy): in the order the headers appear, not the order
the template lists them; or, when each group is printed apart under its own
header (a table per group), from the values under each header; or, when no
header names a group (garbled, split or lost), from the one line that holds
every value, in the template's order — a placement no rule can check, so
those values keep the table from being valid (``TBL_UNANCHORED``). Digits run
together are cut by the groups' rules; a cell lost from the line is looked
for the same way (only values every possible place of it leaves in the same
cell are read).
"""

from __future__ import annotations

from dataclasses import replace
from math import comb

import regex

from ..arith import row_equation
from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import BLANK_ENDS_TRIMMED, EXTRA_FIELD_SHIFTED, Cell
from ..options import ParseOptions
from ..span import Span
from ..startcache import compiled
from ..textutil import lines_of
from .cells import fit_positions, moved_by_trim_of, read_fields, settle_speck
from .count_shifts import undecided_by_extra
from .place import CUT_SEVERAL_WAYS, SpanOf, cell_from, doubted, empty_cells, unprinted, value_notes
from .split import agreed, ambiguous, readings, splits
from .stream import Stream, find_all, find_fuzzy, label_pattern
from .tokens import Value, one_per_line


def _headers(t: TableGrammar, s: Stream, opts: ParseOptions, span_of: SpanOf,
             diags: list[Diagnostic]) -> tuple[dict[str, tuple[int, int]], int, list[tuple[int, int]]]:
    """Where each group's header is (label-view offsets): exact, else fuzzy
    with a bounded error count (OCR: 8议后起诉 for 复议后起诉); where the last
    header occurrence ends (compact offset: the values come after it); and
    the notes after the first header (:func:`_notes`), whose words are no
    header (说明：行政复议结果纠正2件)."""
    found = {r.id: find_all(s, [label_pattern(m) for m in r.match]) for r in t.rows}
    starts = [s.label_span(*o)[0] for occ in found.values() for o in occ]
    notes = [n for n in _notes(s.text) if n[0] > min(starts)] if starts else []

    def outside(o: tuple[int, int]) -> bool:
        at = s.label_span(*o)[0]
        return not any(a <= at < b for a, b in notes)

    out: dict[str, tuple[int, int]] = {}
    end = 0
    for r in t.rows:
        occ = [o for o in found[r.id] if outside(o)]
        if occ:
            out[r.id] = occ[0]
            end = max([end] + [_past_bracket(s.text, s.label_span(*o)[1]) for o in occ])
            continue
        for m in r.match:
            hit = find_fuzzy(s, m, opts.fuzzy_errors, opts.regex_timeout)
            if hit and outside(hit[:2]):
                out[r.id] = hit[:2]
                a, b, _ = s.label_span(*hit[:2])
                end = max(end, b)
                diags.append(Diagnostic("TBL_ROW_FUZZY", f"header {r.label!r} matched {s.labels[hit[0]:hit[1]]!r} with {hit[2]} error(s)", span_of(a, b), f"tables.{t.key}.{r.id}"))
                break
    return out, end, notes


def extract_groups(t: TableGrammar, s: Stream, opts: ParseOptions, span_of: SpanOf,
                   original: str | None = None) -> tuple[dict[str, dict[str, Cell]], list[Diagnostic]]:
    """The groups' cells (``original``: the input's text, where an empty field
    is seen to be a tab's, an empty cell's, or spaces', an indentation's)."""
    diags: list[Diagnostic] = []
    rows = {r.id: empty_cells(r.columns) for r in t.rows}
    path = f"tables.{t.key}"
    headers, header_end, notes = _headers(t, s, opts, span_of, diags)
    text = _blanked(s.text, notes)  # a note's words and figures (a date, a count) are no cells
    stop = len(text)
    positions = {rid: at[0] for rid, at in headers.items()}
    default = [r.id for r in t.rows]
    order = default
    if len(positions) == len(default):  # reorder only on complete header evidence
        order = sorted(default, key=lambda rid: positions[rid])
        if order != default:
            diags.append(Diagnostic("TBL_GROUP_ORDER", f"column groups printed as {', '.join(order)}", None, path))
    words = _words(t)
    by_order = None
    if not headers and (line := one_row(t, s)) is not None:  # no header names a group: one line of every value
        header_end, stop = line
        by_order = "placed in the template's order from one line of values: no header names the groups (garbled, split or missing)"
        diags.append(Diagnostic("TBL_GROUPS_BY_ORDER", f"no group header found; one line of {sum(len(r.columns) for r in t.rows)} "
                                "values read in the template's order", span_of(header_end, stop), path))
    apart = _under_own_headers(t, s, text, headers, words, span_of) if len(headers) == len(default) else None
    if apart is not None:  # each group printed under its own header (a table per group)
        diags.append(Diagnostic("TBL_GROUPS_APART", f"column groups printed apart, each under its header: {', '.join(order)}", None, path))
        return apart, diags
    doubled = False
    if headers:
        first = min(s.label_span(*at)[0] for at in headers.values())
        header_end = _past_header_lines(t, text, header_end, stop)
        digit = _HAS_DIGIT.search(text, header_end, stop)  # the names after the last group's header, on its line too
        doubled = _name_doubled(t, text[first:digit.start() if digit else stop])
    vals, tab, _ = read_fields(text[header_end:stop], range(header_end, stop), drop_first=False, words=words)
    widths = [len(t.row(r).columns) for r in order]
    need = sum(widths)
    if tab and vals and vals[0].kind == "blank" and _no_first_cell(text, header_end, original, span_of(vals[0].start, vals[0].end)):
        vals = vals[1:]
    printed = list(vals)
    vals, tab = _trimmed(s.text, vals, need, tab, words)
    nonblank = [v for v in vals if v.kind != "blank"]
    diags += value_notes(nonblank, span_of, path)
    flat: list[Cell] | None = None
    lost: list[list[Value | None]] | None = None  # the places a lost cell could have been, once tried
    if tab and len(vals) == need or not tab and len(nonblank) == need:
        kept = vals if tab else nonblank  # (not tab: no empty field counts, or only some at lines' ends did)
        refs = [(r, c) for r in order for c in t.row(r).columns]
        flat = [cell_from(v, t.columns[c], span_of) for v, (_, c) in zip(kept, refs, strict=True)]
        shifted: set[tuple[str, str]] = set()
        # (only where an empty field is a tab's: in text aligned with spaces a line's leading ones are its indentation)
        if len(printed) > need and original is not None and any(
                f.kind == "blank" and _char_at(original, span_of(f.start, f.end).start) == "\t" for f in printed):
            shifted = undecided_by_extra([eq for r in order if (eq := row_equation(t, r)) is not None], refs, printed, kept)
        moves = moved_by_trim_of(printed, kept) if tab else [False] * need
        flat = [doubted(cell, EXTRA_FIELD_SHIFTED if ref in shifted else BLANK_ENDS_TRIMMED) if moved or ref in shifted else cell
                for cell, moved, ref in zip(flat, moves, refs, strict=True)]
    elif nonblank and len(nonblank) < need and all(v.digits_only for v in nonblank) and not any(v.kind == "blank" for v in vals):
        glued = False
        eqs = [row_equation(t, r) for r in order]
        cols = [(r, c) for r in order for c in t.row(r).columns]
        apart = one_per_line(nonblank)  # each line one cell: no digits cut
        if apart:
            diags.append(unprinted(len(nonblank), need, span_of(nonblank[0].start, nonblank[-1].end), path))

        ends = {sum(widths[:i + 1]): eq for i, eq in enumerate(eqs)}  # group boundaries

        def group_ok(acc: list[int]) -> bool:
            eq = ends.get(len(acc))
            if eq is None:
                return True
            values = dict(zip(cols, acc, strict=False))
            return eq.residual(values) == 0
        sols, complete = ([], True) if apart else splits([v.raw for v in nonblank], need, None, prune=group_ok)
        # values short on a line with separators: cells may have been lost (printed as nothing) too
        lost = _lost_tries(t, order, nonblank) if len(nonblank) == need - 1 > 1 else None
        kinds = [(t.columns[c].signed, t.columns[c].decimal) for _, c in cols]

        def blank_fits(sol: list) -> bool:
            return None in sol and not any(eq is not None and eq.impossible(dict(zip(cols, sol, strict=True))) for eq in eqs)
        mixed: list[list] = []  # two or more short: cells printed as nothing, with digits cut or not
        if need - len(nonblank) > 1 and len(nonblank) > 1:
            if comb(need, len(nonblank)) > MAX_PLACINGS:  # too many places for the empty cells to weigh: none read
                complete = False
            else:
                mixed, done = readings([v.raw for v in nonblank], kinds, most=len(nonblank) if apart else need - 1, keep=blank_fits)
                complete = complete and done
        elif len(nonblank) == 1 and sols and complete:
            # digits run together with no separator at all: a cell printed as nothing would leave no trace
            # either; if one fits the rules, the cuts (the one, or where several agree) are a choice the
            # text does not decide (44 0 0 0 44 with 结果维持 printed as nothing: ``00044`` cut 0 0 0 4 4)
            glued = readings([nonblank[0].raw], kinds, most=need - 1, keep=blank_fits, first=True)[0] != []
        span = span_of(nonblank[0].start, nonblank[-1].end)
        raw = " ".join(v.raw for v in nonblank)
        if len(sols) == 1 and complete and not lost and not mixed:  # (None: not tried, [] no place)
            why = GLUED_BLANK if glued else None
            flat = [Cell(x, raw, "read", span, unanchored=why) for x in sols[0]]
            diags.append(Diagnostic("TBL_SPLIT", f"{raw!r} split as {sols[0]}", span, path))
        elif not complete:
            diags.append(Diagnostic("TBL_SPLIT_AMBIGUOUS", f"{raw!r} has too many possible splits; cells left empty", span, path))
            return rows, diags
        elif sols or mixed:  # the cells every reading agrees on are read, the rest stay empty
            # (with cells printed as nothing, where they agree rests on the printed order, which the rules
            # check only where a value is not 0: a column-order text's moved values agree as well)
            why = BLANKS_AGREED if mixed else GLUED_BLANK if glued else None
            sols += mixed
            kept = agreed(sols + [[v.value if v is not None else None for v in seq] for seq in lost or []])
            flat = [Cell(x, raw, "read", span, unanchored=why) if x is not None else Cell(None, raw, "missing", span, unanchored=CUT_SEVERAL_WAYS)
                    for x in kept]
            diags.append(Diagnostic("TBL_SPLIT_AMBIGUOUS", ambiguous(raw, len(sols) + len(lost or []), [f"{r}.{c}" for r, c in cols], kept), span, path))
    if flat is None and len(nonblank) == need - 1 and not any(v.kind == "blank" for v in vals):
        kept = lost if lost is not None else _lost_tries(t, order, nonblank)
        flat = _one_cell_lost(t, order, nonblank, kept, span_of, diags, path)  # no cut of the digits balances: a cell was lost
    if flat is None:
        if nonblank:
            diags.append(Diagnostic("TBL_UNALIGNED", f"{len(nonblank)} values for {need} cells: {' '.join(v.raw for v in nonblank)[:80]}", span_of(nonblank[0].start, nonblank[-1].end), path))
        return rows, diags
    flat = _doubt_printed_order(t, order, nonblank, flat, len(nonblank) == need - 1)
    if order != default or by_order or doubled:  # groups balance in any order, and a doubled cell's row: no rule tells which is which
        why = by_order or (NAME_DOUBLED if doubled else
                           "the column groups were placed in the order their headers are printed, which no rule can check")
        flat = [replace(cell, unanchored=why) if cell.value is not None else cell for cell in flat]
    k = 0
    for rid, w in zip(order, widths, strict=True):
        rows[rid] = dict(zip(t.row(rid).columns, flat[k:k + w], strict=True))
        k += w
    return rows, diags


def _no_first_cell(text: str, at: int, original: str | None, first: Span) -> bool:
    """Whether the empty field the values start with is no cell: a single tab
    right after a header's word on its line (``复议后起诉\t0``: a scraper's
    ``get_text("\t")`` of a table whose header and values it ran together;
    not ``复议后起诉\t\t0``, a cell between), or a line's leading spaces in
    text aligned with spaces (its indentation, or the indentation and a first
    cell printed as nothing — which, the line does not say: a cell printed as
    nothing is a wider gap anywhere) — not where a pipe closes them (html2text's
    `` |  | 1| …``: a first cell printed empty)."""
    if (0 < at < len(text) - 1 and text[at] == "\t" and text[at + 1] != "\t" and text[at - 1] not in "\t\n"
            and not text[at - 1].isdigit()):
        return True
    return (original is not None and _char_at(original, first.start) in (" ", "\u3000")
            and not _PIPE_OPENS.match(original, original.rfind("\n", 0, first.start) + 1))


def _trimmed(text: str, vals: list[Value], need: int, tab: bool, words: str) -> tuple[list[Value], bool]:
    """The fields that can be cells, and whether empty fields still count:
    trailing empty fields past the cells dropped, a speck before the values
    settled, and the empty fields at lines' ends of a scraper's text
    (:func:`_edge_blanks_only`) dropped, after which none counts."""
    if tab:
        while len(vals) > need and vals[-1].kind == "blank":
            vals = vals[:-1]
    vals = settle_speck(vals, need, tab, words)  # a header's last word, or the first value OCR garbled
    if tab and len(vals) != need and _edge_blanks_only(text, vals, need):
        return [v for v in vals if v.kind != "blank"], False
    return vals, tab


def _edge_blanks_only(text: str, vals: list[Value], need: int) -> bool:
    """Every empty field of the values stands at a line's start or end, and the
    fields left are exactly the cells: the tab a scraper puts around every piece
    of text (BeautifulSoup's ``get_text("\\t")`` of a page whose source sets a
    row's cells on several lines: ``\\t376\\t97\\t196\\t121\\t790\\t``), read as
    the values of a text with no empty field are — when every line of values
    opens with such a tab (a line ``0\\t…\\t0\\t`` ends in a cell printed as
    nothing, a page number after it). An empty field between two values is an
    empty cell, and keeps its place."""
    blanks = [v for v in vals if v.kind == "blank"]
    edges = [_line_edges(text, v.start) for v in blanks]
    if not blanks or len(vals) - len(blanks) != need or not all(opens or ends for opens, ends in edges):
        return False
    opened = {v.line for v, (opens, _) in zip(blanks, edges, strict=True) if opens}
    return all(v.line in opened for v in vals if v.kind != "blank")


def _line_edges(text: str, at: int) -> tuple[bool, bool]:
    """Whether nothing but spaces stands between ``at`` and its line's start, and its line's end."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return not text[start:at].strip(" "), not text[at:len(text) if end < 0 else end].strip(" ")


# a note printed under or inside the table (a page's foot), its first line opening with a note's mark
# (注：本表数据统计期限为2023年1月1日至…, 注1, 说明：, 备注), and the lines after it that hold its next items
_PIPE_OPENS = compiled(r"[ \u3000]*[|｜]")  # a line whose first mark is a pipe: its leading spaces are a cell's
_NOTE_LINE = compiled(r"(?m)^[ \t]*(?:注释?|说明|备注)[ \t]*(?:[:：\d\t]|$)")
_VALUES_ONLY = compiled(r"[ \t|│｜]*(?:[-+]?\d+(?:\.\d+)?[ \t|│｜]*)+")
_NOT_BREAK = compiled(r"[^\n]")
_NOTE_ITEM = compiled(r"[ \t]*(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)])[ \t]*\p{Han}")  # a note's next item (2.数据截至…)


def _notes(text: str) -> list[tuple[int, int]]:
    """Each note's lines: ``[start, end)``, its last line break not in it."""
    out: list[tuple[int, int]] = []
    for m in _NOTE_LINE.finditer(text):
        a = m.start()
        if out and a < out[-1][1]:
            continue
        b = text.find("\n", a)
        while 0 <= b < len(text):
            nxt = text.find("\n", b + 1)
            line = text[b + 1:len(text) if nxt < 0 else nxt]
            if not _NOTE_ITEM.match(line) or _VALUES_ONLY.fullmatch(line):
                break
            b = len(text) if nxt < 0 else nxt
        out.append((a, len(text) if b < 0 else b))
    return out


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans' characters (not their line breaks) made spaces: the same offsets."""
    if not spans:
        return text
    parts, last = [], 0
    for a, b in spans:
        parts += [text[last:a], _NOT_BREAK.sub(" ", text[a:b])]
        last = b
    return "".join(parts) + text[last:]
_NUMBER_LINE = compiled(r"[ \t]*\d+(?:[ \t]+\d+)*[ \t]*")


def one_row(t: TableGrammar, s: Stream) -> tuple[int, int] | None:
    """The one line of the section that is nothing but as many numbers as the
    table has cells (stream offsets), if exactly one is."""
    need = sum(len(r.columns) for r in t.rows if not r.optional)
    found, pos = [], 0
    for line in s.text.split("\n"):
        if _NUMBER_LINE.fullmatch(line) and len(line.split()) == need:
            found.append((pos, pos + len(line)))
        pos += len(line) + 1
    return found[0] if len(found) == 1 else None


MAX_PLACINGS = 500  # ways to choose which cells hold the values, weighed when cells were printed as nothing
BLANKS_AGREED = ("two or more cells printed as nothing: values placed where every reading the rules allow puts them, "
                 "which rests on the order the text prints them in")
ORDER_BROKEN = ("values on lines that are not one per group placed in the order the text prints them, and a group does "
                "not balance: the text does not print them in the template's order, so the groups that balance may "
                "hold moved values too")
LOST_APART = ("values on several lines, one fewer than cells, nothing showing which was lost: placed in the order "
              "the text prints them, which the rules check only where a value is not 0")
GLUED_BLANK = ("digits run together with no separator, cut the one way the rules allow when no cell is empty; "
               "an empty cell, which prints nothing, would fit them too")


def _doubt_printed_order(t: TableGrammar, order: list[str], nonblank: list[Value], flat: list[Cell],
                         short: bool) -> list[Cell]:
    """Values placed in the order the text prints them rest on that order
    (pdfminer's column order prints them in another; a narrow column wraps a
    number onto the next line) when they stand on several lines and are
    one fewer than the cells (``short``), or on lines that are not one per group
    and a group does not balance: the groups that balance may hold moved
    values (0s most of all) too."""
    if len({v.line for v in nonblank}) < 2:
        return flat  # one line (OCR lost a cell of it): its order is the line's
    why = (LOST_APART if short else
           ORDER_BROKEN if not _line_per_group(t, order, nonblank) and _some_group_fails(t, order, flat) else None)
    return flat if why is None else [doubted(cell, why) for cell in flat]


def _line_per_group(t: TableGrammar, order: list[str], nonblank: list[Value]) -> bool:
    """Each group's values on a line of their own, in order (a group that
    does not balance is then a misprint of that line, not a moved value)."""
    per_line: dict[int, int] = {}
    for v in nonblank:
        per_line[v.line] = per_line.get(v.line, 0) + 1
    return list(per_line.values()) == [len(t.row(r).columns) for r in order]


def _some_group_fails(t: TableGrammar, order: list[str], flat: list[Cell]) -> bool:
    """A group whose cells all hold a value does not balance."""
    k = 0
    for rid in order:
        cols = t.row(rid).columns
        eq = row_equation(t, rid)
        values = {(rid, c): cell.value for c, cell in zip(cols, flat[k:k + len(cols)], strict=True)}
        k += len(cols)
        if eq is not None and eq.residual(values) not in (None, 0):
            return True
    return False


def _lost_tries(t: TableGrammar, order: list[str], nonblank: list[Value]) -> list[list[Value | None]]:
    """Every place a lost cell could have been (None there) under which each
    group whose cells are all read balances."""
    cols = [(r, c) for r in order for c in t.row(r).columns]
    eqs = [row_equation(t, r) for r in order]
    kept: list[list[Value | None]] = []
    for lost in range(len(cols)):
        seq: list[Value | None] = [*nonblank[:lost], None, *nonblank[lost:]]
        values = {ref: v.value if v is not None and v.kind in ("number", "ocr") else None
                  for ref, v in zip(cols, seq, strict=True)}
        if not any(eq is not None and eq.impossible(values) for eq in eqs):
            kept.append(seq)
    return kept


def _one_cell_lost(t: TableGrammar, order: list[str], nonblank: list[Value], kept: list[list[Value | None]],
                   span_of: SpanOf, diags: list[Diagnostic], path: str) -> list[Cell] | None:
    """One value fewer than cells, and no blank to say which (OCR lost a cell
    of a space-aligned line): ``kept`` holds every place the lost cell could
    have been under which each group whose cells are all read balances
    (:func:`_lost_tries`). A value is placed where every kept try puts it;
    the other cells stay empty. None when no try is kept."""
    cols = [(r, c) for r in order for c in t.row(r).columns]
    if not kept:
        return None
    flat = [cell_from(v, t.columns[c], span_of) if (v := kept[0][k]) is not None and all(seq[k] is v for seq in kept)
            else Cell() for k, (_, c) in enumerate(cols)]
    placed = sum(cell.span is not None for cell in flat)
    diags.append(Diagnostic("TBL_CELL_LOST", f"{len(nonblank)} values for {len(cols)} cells: one cell was lost; "
                            f"{placed} values placed where each of the {len(kept)} places the rules allow for it puts them",
                            span_of(nonblank[0].start, nonblank[-1].end), path))
    return flat


def _under_own_headers(t: TableGrammar, s: Stream, text: str, headers: dict[str, tuple[int, int]], words: str,
                       span_of: SpanOf) -> dict[str, dict[str, Cell]] | None:
    """Groups printed one after another, each under its own header
    (行政复议 / 行政诉讼（未经复议直接起诉） / 行政诉讼（复议后起诉）, as
    PDF-to-Markdown converters and some web pages give them): the values
    between a header and the next are that group's, when every group gets
    exactly its own number of values."""
    ordered = sorted(headers, key=lambda rid: headers[rid][0])
    ends = [_past_bracket(s.text, s.label_span(*headers[rid])[1]) for rid in ordered]
    starts = [s.label_span(*headers[rid])[0] for rid in ordered[1:]] + [len(text)]
    out: dict[str, dict[str, Cell]] = {}
    for rid, a, b in zip(ordered, ends, starts, strict=True):
        vals, tab, _ = read_fields(text[a:b], range(a, b), drop_first=False, words=words)
        if vals and vals[0].kind == "blank" and "\n" not in text[a:vals[0].start]:
            vals = vals[1:]  # the rest of the header's own cell, its values on its line: no cell of the group
        row = t.row(rid)
        n = len(row.columns)
        vals = settle_speck(vals, n, tab, words)
        fitted = fit_positions(vals, n) if tab else [v for v in vals if v.kind != "blank"]
        if not fitted or len(fitted) != n or any(v.kind not in ("number", "ocr", "blank", "mark") for v in fitted):
            return None
        out[rid] = {c: cell_from(v, t.columns[c], span_of) for c, v in zip(row.columns, fitted, strict=True)}
    return out


_CLOSING = compiled(r"[ \t]*[）)】\]》〉]")


def _past_bracket(text: str, end: int) -> int:
    """Where a header ends, its closing bracket included: a group's header
    in brackets after its kind (行政诉讼（复议后起诉）) ends at the bracket, which
    is no value of the group."""
    m = _CLOSING.match(text, end)
    return m.end() if m else end


_HAS_DIGIT = compiled(r"\d")
_SEPARATORS = compiled(r"[\s|,，、]*")
NAME_DOUBLED = ("a column's name printed twice side by side in the header: a cell of the printed grid doubled, so a value "
                "may be too, and with another cell printed as nothing the count still fits")


def _name_doubled(t: TableGrammar, header: str) -> bool:
    """Whether a column's name stands twice in the ``header``'s text with
    nothing but separators between (``结果纠正\t结果纠正``): no header of the
    template prints one so (a web page's grid with a cell doubled, as a
    damaged editor leaves it)."""
    # (a total's name is left out: where the other names are cut in two lines, two groups' 总计 stand side by side)
    names = sorted({lab for c in t.columns.values() if c.id != t.total_column for lab in c.labels if len(lab) >= 2},
                   key=lambda n: (-len(n), n))  # (one pattern whatever the hash seed: the start-up cache keeps it)
    if not names:
        return False
    seen = list(compiled("|".join(regex.escape(n) for n in names)).finditer(header))
    return any(a.group() == b.group() and _SEPARATORS.fullmatch(header, a.end(), b.start()) for a, b in zip(seen, seen[1:], strict=False))


def _past_header_lines(t: TableGrammar, text: str, at: int, stop: int) -> int:
    """Past the rest of the last group header's line and the lines after it
    that name the columns (结果维持 … 总计) when none of them holds a digit:
    a mark printed there is a header cell, no value (pandas pads the header
    rows of a table that gained a column with ``NaN``). Values begin on the
    first line that holds a digit, or on the header's own line when they
    follow it there."""
    names = {lab for c in t.columns.values() for lab in c.labels}
    for a, b in lines_of(text, at, stop):
        line = text[a:b]
        if _HAS_DIGIT.search(line) or a > at and not any(name in line for name in names):
            return a
        if b == stop:
            return at  # no line of values after the header's: the values are on it
    return stop


def _char_at(text: str, at: int) -> str:
    return text[at:at + 1]


def _words(t: TableGrammar) -> str:
    """Every label and header word of the table."""
    return "".join([*(lab for c in t.columns.values() for lab in c.labels), *(w for r in t.rows for w in (r.label, *r.match, *r.exact))])
