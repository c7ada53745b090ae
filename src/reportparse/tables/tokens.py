"""What one field of a table's text reads as, and how a segment's lines split into fields.

A field is a blank (tab layouts show empty cells as nothing between tabs), a
mark printed for an empty cell (``—``, ``/``, ``无`` standing alone: a printed
cell, so it keeps its place in every layout), a value (a number, possibly with
a unit, or an OCR-confusable spelling of one), or text. How numbers are
printed decides what a field is: thousands
separators (``11,398,889``; cells a comma separates, CSV), minus signs and
dashes, signs written as words or arrows (``减5``, ``5↓``), magnitudes no
unit names (``1223.72万``), OCR's marks glued to digits, digits run into
labels (``规章000行政…``). Whatever cannot be told apart is unreadable, never
a number without the character that changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..startcache import compiled

UNIT_NAMES = "万元|元|件|条|个|项|%"  # units a cell may print after its number
_UNITS = rf"({UNIT_NAMES})?"
_NUMBER = compiled(rf"^([-+]?\d+(?:\.\d+)?)\s*{_UNITS}$")
# a number with thousands separators (``11,398,889``, ``1,234.56``): read without them
_GROUPED = compiled(rf"^([-+]?[1-9]\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?)\s*{_UNITS}$")
# digits with commas inside that are no such number (``1,018073``: ``1,018`` then
# ``073`` run into it; ``51,018`` glued to a label, where ``5`` may be a cell of its
# own): which digits make which cell is not known, so the field is unreadable
_COMMA_RUN = compiled(r"^[-+]?\d+(?:[,\u201a]\d+)+(?:\.\d+)?$")
_UNSURE_COMMA = "\u201a"  # (‚) how such a run glued to a label is passed on: never read as a number
# a line whose commas separate cells (CSV: ``规章,1,0,18``; ``1, 0, 18``; ``0,0,50``):
# a comma after a word, before a space or the line's end, or before one or two
# digits; there ``120,300`` is two cells
_CSV_LINE = compiled(r"(?:^|[^\d\s,])\s*,\s*[-+]?\d|\d\s*,(?:\s|$)|,\d{1,2}(?![\d.])")
# a label run into a number that a comma and a space follow (``行政规范性文件1, 97502, 407``: 1,975 | 0 | 2,407
# with the cells run together): no CSV (whose comma would follow the label), so the commas are no cell
# boundaries, and a number a comma ends is unreadable (:data:`_GLUED`)
_RUN_INTO_LABEL = compiled(r"[^\d\s,+\-][-+]?\d+,\s|\d[-+]\d+,\s")  # (``0-82, 959``: 0, -8, 2,959)
_RUN_AT_START = compiled(r"[-+]?\d+,\s")
# one to three digits, then a comma and a space before three digits, once or more, on a line whose commas
# separate cells (``757, 4, 380``, ``5, 214.38``): a number with thousands separators as OCR and some producers print them
# (4,380) or two cells (4 | 380) — the line does not say which, so the run is one field, unreadable (never
# read either way: read as two cells, a row one cell short once came out whole, 二 valid with 4 and 380)
_SPACED_GROUPS = compiled(r"(?<![\d.,])[-+]?\d{1,3}(?:, \d{3})+(?:\.\d+)?(?![\d.]|,\d)")
_SPACED_SEP = "\u201a\u201a"  # (‚‚, as long as ``, ``) how a comma and a space inside such a run are passed on
_SPACED_RUN = compiled(rf"^[-+]?\d{{1,3}}(?:{_SPACED_SEP}\d{{3}})+(?:\.\d+)?$")


# glued to a label, a number with separators whose first group is one digit (``许可4,287``)
_ONE_DIGIT_GROUP = compiled(r"^[-+]?\d,")
# a dash right before a number (``–5``, ``—12``): a minus sign typeset as a dash, or
# an empty cell's dash with the next cell run into it — the cell is unreadable
_DASHES = "–—‒―"
_DASH_NUMBER = compiled(rf"^[{_DASHES}]+\d+(?:\.\d+)?$")
# a mark printed for an empty cell (``-`` for not applicable, ``—`` or ``无`` for none): a printed cell, so it holds
# its place among the row's values (in text aligned with spaces and one cell per line too); its value is unknown.
# ``nan``: an empty cell as pandas writes it (``read_html`` then ``to_csv``, ``to_markdown``, ``to_string``)
NONE_MARKS = frozenset({"-", "--", "—", "–", "/", "／", "无", "——", "－", "nan", "NaN"})
_OCR_DIGITS = str.maketrans({"工": "1", "l": "1", "I": "1", "o": "0", "O": "0", "〇": "0", "○": "0"})
# a sign written as a word or an arrow beside a number (2019's 本年增/减: ``↓ 5``, ``5↓``, ``5(减)``, ``5减``, ``增 3``):
# the number and its mark are one field, unreadable (never the number without its sign); a mark between two
# runs of digits (``11835减2961``) may be the one's or the other's, so both go with it
_SIGN_CHARS = "增减升降↑↓▲▼△▽"
_SIGN_MARK = rf"(?:[{_SIGN_CHARS}]|[（(][{_SIGN_CHARS}][\p{{Han}}]?[）)])"
# a dash one space before a number (``- 20``, ``— 5``): a minus sign set apart, or a mark for an empty cell
# and the next cell; which is not known, so the two are one field, unreadable (never the number alone)
_SPACED_DASH = r"[-—–－] [-+]?\d+(?:\.\d+)?"
SIGNED = compiled(rf"^(?:{_SIGN_MARK}\s*[-+]?\d+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?\s*{_SIGN_MARK}"
                   rf"|[-+]?\d+(?:\.\d+)?\s*{_SIGN_MARK}\s*[-+]?\d+(?:\.\d+)?|{_SPACED_DASH})$")
_SIGN_START = compiled(rf"^{_SIGN_MARK}")
_SIGN_WORDS = ("增加", "增长", "增减", "增强", "增设", "增至", "减少", "减免", "减至", "降低", "降至", "升高", "升级")  # words a sign character begins: not a mark
_ENDS_SIGNED = compiled(rf"\d(?:{_SIGN_MARK}|[-+—–－])$")  # (``0- 20``: the dash may be the next number's sign)
_LEAD_DIGITS = compiled(r"\d+(?:\.\d+)?")
_TOKEN = compiled(rf"{_SIGN_MARK}\s*[-+]?\d+(?:\.\d+)?(?!\S)|[-+]?\d+(?:\.\d+)?\s*{_SIGN_MARK}(?!\S)"
                  rf"|(?<!\S){_SPACED_DASH}(?!\S)|\S+")
_OCR_TOKEN = compiled(r"^[\d工lIoO〇○]{1,6}$")
# numbers one space or a rule apart in one tab cell (``128 9``, ``211 |0``): OCR
# printed two cells too close for a tab, or read the cells' rule as ``|``
_SPACED_NUMBERS = compiled(r"^\s*[-+]?\d+(?:\.\d+)?(?:(?: |\s*[|│]\s*)[-+]?\d+(?:\.\d+)?)+\s*$")
_NUMBER_RUN = compiled(r"[-+]?\d+(?:\.\d+)?")
UNREAD_MARKS = "?？"  # how an OCR reader marks a cell it could not read (ingest/ocr.py UNSURE)
_QUOTE_CHARS = "“”\"'‘’`"
_QUOTES = compiled(rf"[{_QUOTE_CHARS}]+")
_GARBLE = compiled(rf"^[{_QUOTE_CHARS}^~*·{UNREAD_MARKS}]{{1,2}}$")
# the digits after a decimal point on a line of their own: a number cut at its
# point (``7791`` / ``.09``), so neither piece is the value
_CUT_DECIMAL = compiled(r"^[.．]\d+$")
# marks and letters that OCR leaves glued to a number it damaged (``〕4`` for 14,
# ``IT7`` for 17) or in place of one of its digits (``1T7``, ``2D85``); a sign
# after a number (``6-``: OCR's reading of -9)
_JUNK = r"[A-Za-z\[\]〔〕【】]"
# a number in another magnitude than a unit this reader knows (``1223.72万``, ``5千元``, ``3亿元``): never the
# number without it (in a column of 元 that is 10,000 times too small)
_MAGNITUDE = r"[-+]?\d+(?:\.\d+)?(?:[千百亿]元?|万(?!元))"
# a sign right after a number, no digit after it (``20-``: OCR's reading of -20, or −20 printed with its sign
# after it; ``20-规章``, one cell per line joined to the next label): never the number without it (a sign
# between digits, ``2648-18538``, is read as the next number's: the digits before it end a cell)
_SIGN_AFTER = r"[-+]?\d+(?:\.\d+)?[-+](?!\d)"
_GLUED = compiled(rf"^(?:{_JUNK}{{1,2}}[-+]?\d+(?:\.\d+)?{_JUNK}{{0,2}}|[-+]?\d+(?:\.\d+)?{_JUNK}{{1,2}}"
                       rf"|[-+]?\d+{_JUNK}{{1,2}}\d+(?:\.\d+)?|{_SIGN_AFTER}|[-+]?\d+,|{_MAGNITUDE})$")
# a number with one character before it, among a row's values (``0 减5 12``, ``↓5``: 本年增/减 written
# with a word or an arrow for its sign): unreadable, never the number without it
PREFIXED = compiled(r"^[^\d\s.,+\-，、；;：:|│｜/／]-?\d+(?:\.\d+)?$")  # (not a separator: ``，0``)
# in a token of text and digits: an item number (2.其他…) stays with its text, and
# a number keeps the marks glued to it (so it reads as damaged, not as a number)
_RUNS = compiled(rf"[1-9][.、．]\p{{Han}}[^\d]*|[-+]?\d+(?:,\d+)+(?:\.\d+)?|[-+]?\d+,$|{_MAGNITUDE}|[{_DASHES}]+\d+(?:\.\d+)?"
                      rf"|{_SIGN_AFTER}|{_JUNK}{{0,2}}[-+]?\d+(?:\.\d+)?{_JUNK}{{0,2}}"
                      rf"|[^\d+-]+?(?=(?:{_JUNK}{{1,2}})?[-+\d]|[{_DASHES}]+\d|$)|[+-]")


# why a field that looks like a number is unreadable (CELL_UNREADABLE's words)
UNREADABLE_WHY = {
    # the digits after a decimal point, on a line of their own (``.09``)
    "cut": "the end of a number cut at its decimal point",
    # digits with commas that are no number with thousands separators (``1,018073``)
    "commas": "digits and commas that are no one number with thousands separators: which digits make which cell is not known",
    # a comma and a space before three digits on a line whose commas separate cells (``4, 380``)
    "spaced": "a comma and a space before three digits: a thousands separator (4, 380 for 4380) or two cells (4 and 380)",
    # a dash right before a number (``–5``)
    "dashed": "a dash before a number: a minus sign, or an empty cell's dash with the next cell run into it",
    # ``-0``: no one prints a negative zero
    "minus_zero": "a negative zero: no one prints -0, so a digit was lost (OCR reads -10 as -0)",
}
SPACED_WHY = UNREADABLE_WHY["spaced"]  # (a number printed so is no OCR damage: ``place``)


@dataclass
class Value:
    """One field: ``kind`` is ``blank`` (nothing printed), ``mark`` (a mark printed for an empty cell: ``—``,
    ``/``, ``无``), ``number``, ``ocr`` or ``unreadable``."""

    kind: str
    raw: str
    start: int
    end: int
    value: int | float | None = None
    unit: str | None = None
    block: int = 0  # values between blank lines share a block (one cell per line layouts)
    line: int = 0  # the line of its segment it stands on
    label_tail: bool = False  # a speck right after a row's label: its last word, or a value cell OCR garbled
    damaged: bool = False  # a number with letters or marks inside or glued to it (``8S8283``, ``〕4``): OCR damage
    # a number-like field that is no value, as CELL_UNREADABLE says why (one of :data:`UNREADABLE_WHY`); None: not one
    unread: str | None = None

    @property
    def digits_only(self) -> bool:
        return self.kind == "number" and self.raw.isdigit()


def written_twice(a: Value, b: Value) -> bool:
    """Whether ``b`` may be ``a``'s cell printed again (a cell doubled): the
    same text, or the same number written two ways — pandas prints a column
    with an empty cell as floats, so a doubled cell reads ``21`` beside
    ``21.0``."""
    return a.raw == b.raw or (a.kind == b.kind == "number" and a.value is not None and a.value == b.value)


def one_per_line(values: list[Value]) -> bool:
    """Two or more values, each on a line of its own: every line is one cell
    (a scraper's or pdftotext's one cell per line), so no value's digits are
    two cells run together."""
    return len(values) > 1 and len({v.line for v in values}) == len(values)


def read_token(raw: str, start: int) -> Value | None:
    """A value field, or None for text."""
    kind = _kind_of(raw)
    if kind is None:
        return None
    name, shown, value, unit, unread = kind
    return Value(name, shown, start, start + len(raw), value, unit, unread=unread)


_Kind = tuple[str, str, int | float | None, str | None, str | None]  # kind, raw as kept, value, unit, why unreadable


@lru_cache(maxsize=4096)
def _kind_of(raw: str) -> _Kind | None:
    """What one field reads as, wherever it stands (the same fields recur: 0, 1, a label's words)."""
    tok = raw.strip()
    if not tok:
        return "blank", raw, None, None, None
    if tok in NONE_MARKS:
        return "mark", tok, None, None, None
    m = _NUMBER.match(tok)
    if m:
        num = m.group(1)
        v: int | float = float(num) if "." in num else int(num)
        if v == 0 and num.startswith("-"):
            return "unreadable", tok, None, None, UNREADABLE_WHY["minus_zero"]
        return "number", tok, v, m.group(2), None
    if "," in tok or _UNSURE_COMMA in tok:
        if g := _GROUPED.match(tok):
            num = g.group(1).replace(",", "")
            return "number", tok, float(num) if "." in num else int(num), g.group(2), None
        if _SPACED_RUN.match(tok):
            return "unreadable", tok.replace(_SPACED_SEP, ", "), None, None, SPACED_WHY
        if _COMMA_RUN.match(tok):
            return "unreadable", tok.replace(_UNSURE_COMMA, ","), None, None, UNREADABLE_WHY["commas"]
    if _OCR_TOKEN.match(tok) and compiled(r"[工lIoO〇○]").search(tok):
        fixed = tok.translate(_OCR_DIGITS)
        if len(fixed) == 1 or not fixed.startswith("0"):
            return "ocr", tok, int(fixed), None, None
    if _GARBLE.match(tok):
        return "unreadable", tok, None, None, None
    if _DASH_NUMBER.match(tok):
        return "unreadable", tok, None, None, UNREADABLE_WHY["dashed"]
    if _CUT_DECIMAL.match(tok):
        return "unreadable", tok, None, None, UNREADABLE_WHY["cut"]
    return None


Positions = list[int] | range

# an article or item of a law cited in a table's text (``第20条第（5）项``, a block's
# header with Arabic numerals; ``第 20 条``): its numbers are no values, so their
# digits are read as Han numerals (one for one: the offsets stay)
_CITATION = compiled(r"第\s*[（(]?\s*\d{1,3}\s*[）)]?\s*[条项款]")
_AS_HAN = str.maketrans("0123456789", "零一二三四五六七八九")


def _cited(line: str) -> str:
    return _CITATION.sub(lambda m: m.group().translate(_AS_HAN), line) if "第" in line else line


def segment_lines(text: str, positions: Positions, *,
                  after_label: bool = False) -> list[tuple[list[tuple[str, int]], bool, str]]:
    """Split a segment into lines of raw fields with the stream offset of each.

    Tab-separated lines give one field per tab cell (empty cells included);
    other lines give one field per whitespace-separated token, with digit runs
    inside text (``规章000行政…``) kept apart. Each line comes with whether it
    has tabs, and its text. ``after_label``: the segment starts right after
    a row's label (a number at its start is run into the label).
    """
    out: list[tuple[list[tuple[str, int]], bool, str]] = []
    pos = 0
    valued = False  # a value stood before in the segment
    for printed in text.split("\n"):
        line = _cited(printed)
        fields: list[tuple[str, int]] = []
        if "\t" in line:
            p = 0
            cells = line.split("\t")
            # a cell of several values: the tool that wrote the text ran columns together there (pymupdf4llm's
            # ``0<br>21<br>35<br>0``), so its cells do not stand in the table's columns, and an empty one says
            # no place: dropped, the row reads a value short (the first cell: what is left of a row's label)
            several = [bool(_SPACED_NUMBERS.match(cell)) for cell in cells]
            merged = any(several)
            for k, cell in enumerate(cells):
                if merged and k and not cell.strip():
                    pass  # dropped (its place still counted below)
                elif several[k]:
                    fields.extend((m.group(), positions[pos + p + m.start()]) for m in _NUMBER_RUN.finditer(cell))
                else:
                    kept = cell.strip(" ")  # a value's field and span: not the spaces around it in its cell
                    lead = len(cell) - len(cell.lstrip(" ")) if kept else 0
                    fields.append((kept or cell, positions[pos + p + lead] if pos + p + lead < len(positions) else -1))
                p += len(cell) + 1
        else:
            csv = "," in line and _CSV_LINE.search(line) and not run_into_label(line, after_label and not out)
            signed_end = -1  # where a token that ends in a number and its sign mark ends (1183↓)
            cells = _SPACED_GROUPS.sub(lambda g: g.group().replace(", ", _SPACED_SEP), line).replace(",", " ") if csv else line
            for m in _TOKEN.finditer(cells):
                tok, at = m.group(), pos + m.start()
                if signed_end >= 0 and (lead := _LEAD_DIGITS.match(tok)) and fields:
                    # 1183↓ 52961 (cells run together): whose digits the mark's number took is not known
                    last = fields[-1][0]
                    fields[-1] = (line[signed_end - len(last):m.start() + lead.end()], fields[-1][1])
                    tok, at = tok[lead.end():], at + lead.end()
                    if not tok:
                        continue
                signed_end = m.end() if _ENDS_SIGNED.search(tok) else -1
                number = read_token(tok, 0) is not None
                if number or glued(tok) or SIGNED.match(tok) or valued and PREFIXED.match(tok):  # a damaged number stays one field
                    fields.append((tok, positions[at]))
                    valued = valued or number
                else:  # text with digits run into it
                    runs = _glued_runs(tok, at, positions)
                    # a mark inside a token (``------``, ``5/3``) is no mark printed for an empty cell, quotes
                    # around its numbers (``'0','2'``) no cell OCR garbled, and a page's number in dashes run into
                    # words (``项-9-信息``: a text with no white space) no cell: blanks
                    fields.extend((" " * len(raw) if raw in NONE_MARKS or _QUOTES.fullmatch(raw) or _PAGE_IN_WORDS.fullmatch(raw)
                                   else raw, p) for raw, p in _prefixed_runs(runs, valued))
                    valued = valued or any(read_token(raw, 0) is not None for raw, _ in runs)
        out.append((fields, "\t" in line, line))
        pos += len(line) + 1
    return out


def run_into_label(line: str, first_after_label: bool) -> bool:
    """A label run into a number a comma and a space follow, on ``line``
    (``first_after_label``: the line begins right after a row's label)."""
    return "," in line and bool(_RUN_INTO_LABEL.search(line) or first_after_label and _RUN_AT_START.match(line))


_PAGE_IN_WORDS = compiled(r"[-—–－―]\d{1,3}[-—–－―]")


def _glued_runs(tok: str, at: int, positions: Positions) -> list[tuple[str, int]]:
    """The fields of a token of text and digits run together. A number with
    thousands separators glued to a label keeps them only when its first group
    is one digit (``许可4,287``): from ``规章51,018`` no one knows whether ``5``
    is a cell of its own, so that run is unreadable."""
    out = []
    for q in _RUNS.finditer(tok):
        raw = q.group()
        if "," in raw and not _ONE_DIGIT_GROUP.match(raw) and not raw.endswith(","):  # (a number a comma ends: glued)
            raw = raw.replace(",", _UNSURE_COMMA)  # (same length) read_token makes it unreadable
        out.append((raw, positions[at + q.start()]))
    return out


def _prefixed_runs(runs: list[tuple[str, int]], valued: bool) -> list[tuple[str, int]]:
    """One character between a row's values and a number run into it
    (``361减52961``): that character and the number are one field, which
    :data:`PREFIXED` makes unreadable."""
    out: list[tuple[str, int]] = []
    k = 0
    while k < len(runs):
        raw, at = runs[k]
        valued = valued or read_token(raw, 0) is not None
        lead = m.group() if (m := _SIGN_START.match(raw)) and raw[:2] not in _SIGN_WORDS else ""
        if lead:  # a sign mark leads a piece (↓第二十条…, 减第二十条…), not a word (减少)
            sign, rest = lead, raw[len(lead):]
            after = runs[k + 1][0] if not rest and k + 1 < len(runs) and SIGNED.match(sign + runs[k + 1][0]) else ""
            if out and SIGNED.match(out[-1][0] + sign):  # 20↓, or 11835减2961: whose sign is it?
                out[-1] = (out[-1][0] + sign + after, out[-1][1])
                if rest:
                    out.append((rest, at + len(sign)))
                k += 2 if after else 1
                continue
            if after:  # 减5
                out.append((sign + after, at))
                k += 2
                continue
        if valued and len(raw) == 1 and k + 1 < len(runs) and PREFIXED.match(raw + runs[k + 1][0]):
            out.append((raw + runs[k + 1][0], at))
            k += 2
            continue
        out.append((raw, at))
        k += 1
    return out


def glued(raw: str) -> bool:
    """A number with a mark or a letter or two glued to it (``〕4``, ``IT7``),
    or a sign after it (``6-``)."""
    return bool(_GLUED.match(raw.strip()))
