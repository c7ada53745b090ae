"""Read the value fields of a segment of table text.

A field is a blank (tab layouts show empty cells as nothing between tabs), a
value (a number, possibly with a unit, or an OCR-confusable spelling of one),
or text (a wrapped label fragment, dropped). Positions are compact-string offsets.
What one field reads as, and how a line splits into fields: :mod:`.tokens`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..startcache import compiled
from ..textutil import label_key
from .tokens import (
    NONE_MARKS,
    PREFIXED,
    SIGNED,
    UNIT_NAMES,
    UNREAD_MARKS,
    Positions,
    Value,
    glued,
    read_token,
    run_into_label,
    segment_lines,
    written_twice,
)


class Fields(NamedTuple):
    values: list[Value]
    tabbed: bool
    foreign: tuple[str, int, int] | None = None  # the line of another row it stopped at: text, start, end


def read_fields(text: str, positions: Positions, *, drop_first: bool, words: str = "",
                columns: tuple[str, ...] = ()) -> Fields:
    """Values of a segment, whether it is tab-separated, and the line of
    another row (a label the template does not have, or one not found) that
    ends it.

    ``drop_first``: the segment starts right after a row label, so the first
    tab field of the first line is what is left of the label cell; later lines
    lose a leading blank field (indentation). Lines without any number add
    nothing, so blank fields only count on lines that carry values.
    ``words``: the labels around a segment without a row label (table 四's
    headers), to tell a speck joined to their last word (``总计了``).
    ``columns``: the table's column names (:func:`column_keys`): a first line
    whose text before its values holds one is another row's (below).
    One or two characters before the segment's first values come back as a
    ``label_tail`` value: :func:`settle_speck` keeps it or drops it.
    """
    tabbed = "\t" in text
    values: list[Value] = []
    block = 0
    printed_empty = False  # the label's line holds its cells, every one empty (``行政许可\t``: a Markdown row)
    lines = segment_lines(text, positions, after_label=drop_first)
    if text and not text[-1].isspace() and lines and lines[-1][0]:
        # the segment ends inside a token, so a mark there is glued to the next label (``-部分公开``: OCR's dash)
        last_fields, last_tab, last_line = lines[-1]
        if last_fields[-1][0].strip() in NONE_MARKS:
            lines[-1] = (last_fields[:-1], last_tab, last_line)
    for i, (fields, tab_line, line) in enumerate(lines):
        if not fields:
            block += 1
            continue
        tail: tuple[str, int] | None = None  # the last text field before the values
        foreign: list[tuple[str, int]] = []  # the fields of another row's label and values on this line
        if tab_line:
            fields, tail, other_row = _tab_value_fields(fields, i, drop_first, words, columns)
        else:
            if drop_first and "年" in line:
                fields = _undated(fields)  # (a title printed again inside a table is no row: 2020年 is no value)
            other_row = drop_first and i > 0 and _has_value(fields) and bool(_LABEL_START.match(line))
            if drop_first and not other_row:
                fields, foreign = _label_inside(fields, bool(values))
        if other_row:  # a line of another row whose label was not recognised: never borrow its values
            return Fields(values, tabbed, _shown(fields))
        line_vals: list[Value] = []
        if (i == 0 if drop_first else not values) and tail is not None and _speck(tail[0], han=True) and fields:
            # settle_speck decides whether it is a label's last word or a value cell OCR garbled
            line_vals.append(Value("unreadable", tail[0].strip(), tail[1], tail[1] + len(tail[0]), label_tail=True))
        digits = False  # the line carries a number, or one OCR damaged
        marks, texty = False, False  # it carries marks for empty cells (—, /, 无); text
        # cells run together with separators and spaces (``规章4, 34800``): after a number a comma ends,
        # which digits are whose is not known (the next run begins with that number's last group)
        spaced = not tab_line and run_into_label(line, drop_first and i == 0)
        cut_off = False
        for j, (raw, at) in enumerate(fields):
            if j + 1 < len(fields) and fields[j + 1][0].lstrip().startswith("年") and _YEAR_END.search(raw):
                texty = True  # a year in a sentence (``（一）2024 年工作中…`` after 四's values): no cell
                continue
            v = read_token(raw, at)
            if cut_off and v is not None:
                v = Value("unreadable", raw.strip(), at, at + len(raw), damaged=True)
            cut_off = cut_off or spaced and raw.endswith(",")
            damaged = v is None and (tab_line and _digitish(raw) or glued(raw) or bool(SIGNED.match(raw))
                                     or (digits or bool(values)) and bool(PREFIXED.match(raw)))
            if v is None and (damaged or tab_line and (digits or not drop_first and _speck(raw)) and not _wordy(raw)):
                v = Value("unreadable", raw.strip(), at, at + len(raw), damaged=damaged)  # text where a value stands: keep its place
            if v is not None:
                line_vals.append(v)
                # an OCR reader's "could not read" right after a row's label (a ? in a header row is a header cell)
                marked = drop_first and i == 0 and tab_line and v.kind == "unreadable" and v.raw in UNREAD_MARKS
                digits = digits or damaged or v.unread is not None or marked or v.kind in ("number", "ocr")
                marks = marks or v.kind == "mark"
            else:
                texty = texty or bool(raw.strip())
        if marks and texty:  # a mark among words (``然 - 六``, a header OCR broke; a garbled label ``-部分公开 - 0 1``)
            marks = False  # carries no row of cells; outside a tab's cell it is no cell at all
            if not tab_line:
                line_vals = [v for v in line_vals if v.kind != "mark"]
        if drop_first and i == 0 and tab_line and line_vals and not texty and all(v.kind == "blank" for v in line_vals):
            printed_empty = True
        elif printed_empty and not values and texty and not (digits or marks):
            # words after it (a heading, another block's header): values after them are not its row's (a page
            # number under 第二十条第（六）项 is no value of 行政许可's empty cell)
            return Fields(values, tabbed)
        if digits or marks:
            for v in line_vals:
                v.block, v.line = block, i
            values.extend(v for v in line_vals if tabbed or v.kind != "blank")
        if foreign:
            return Fields(values, tabbed, _shown(foreign))
    return Fields(values, tabbed)


def _undated(fields: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The fields without a date's numbers: a year that a 年 follows, and the
    month and day after it (``青浦区人民政府``, ``2020``, ``年政府信息公开工作年度报告``:
    the report's title as a page's running header; ``截至``, ``2024``,
    ``年12``, ``月31``, ``日``: a note's date). They are no values, so a title
    is no row of values and the values after it stay the row's (one too many,
    where a page number stood before it, and the row is doubted, never
    silently short); a note's other numbers still make it a line of its own."""
    out: list[tuple[str, int]] = []
    dated = False
    for j, (raw, at) in enumerate(fields):
        after = fields[j + 1][0].lstrip()[:1] if j + 1 < len(fields) else ""
        if after == "年" and _YEAR_END.search(raw):
            dated = True
            continue
        if dated and after in ("月", "日") and _DATE_PART.match(raw.strip()):
            continue
        dated = dated and raw.strip()[:1] in ("年", "月", "日")
        out.append((raw, at))
    return out


_DATE_PART = compiled(r"^[年月]?\d{1,2}$")  # a month or a day, glued to the 年 or 月 before it or not


def _shown(fields: list[tuple[str, int]]) -> tuple[str, int, int]:
    """Another row's fields where a segment stops: their text, start and end (``Fields.foreign``)."""
    return " ".join(raw.strip() for raw, _ in fields if raw.strip()), fields[0][1], fields[-1][1] + len(fields[-1][0])


_HAN_WORD = compiled(r"\p{Han}{2,}")  # a word between values: two Han characters or more
_YEAR_END = compiled(r"(?<!\d)(?:19|20)\d\d$")  # a field that ends in a year (a 年 after it makes it a date)
_UNIT_WORD = compiled(rf"^\s*(?:{UNIT_NAMES})\s*$")


def _label_inside(fields: list[tuple[str, int]], seen: bool) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """A word of two or more Han characters between values on one line of a
    row's segment (``0100政府规章19``: text run together, a row the template
    does not have): the values after it are that row's. The fields before it,
    and from it on (empty when there is no such word). ``seen``: the segment
    had values on an earlier line. Where a word stands before the line's
    first value too (``规章1206行政规范性文件607…`` after a row whose cell was
    empty: other rows' labels and values), nothing shows which values are the
    row's, and the line is left whole (too many values: the row stays empty)."""
    for k, (raw, _) in enumerate(fields):
        if _is_value(raw):
            seen = True
        elif _HAN_WORD.search(raw) and not _UNIT_WORD.match(raw):
            if not seen:
                return fields, []
            if _has_value(fields[k + 1:]):
                return fields[:k], fields[k:]
    return fields, []


# a line that starts as a row label does (a mark or two OCR made of the merged
# cells on its left, an item number, words): without tabs, when it carries
# values it is a row of its own whose label OCR garbled, not more of the row above
_LABEL_START = compiled(r"^[^\d\s]{0,3}\s*\d{0,2}[.、]?\p{Han}{2}")
# (not a number's own separator: ``4, 369`` is one number, or none, never 369 after a label ``4,``)
_TAIL_NUMBER = compiled(r"^(.*?[^\d\s.+-][^\d]*?)(?<!\d[,，､、])[\s|│]+([-+]?\d+(?:\.\d+)?)$")


def _tab_value_fields(fields: list[tuple[str, int]], i: int, drop_first: bool, words: str,
                      columns: tuple[str, ...] = ()) -> tuple[list[tuple[str, int]], tuple[str, int] | None, bool]:
    """Line ``i`` of a segment, tab-separated: its value fields, the last text
    field before them, and whether it is a line of another row."""
    tail = None
    label_cells: list[tuple[str, int]] = []  # the text fields before the values
    fields = _split_tail_numbers(fields)
    if not drop_first and fields:
        at = next((k for k, (raw, _) in enumerate(fields) if _is_value(raw)), 0)
        if at:  # the text right before the values
            fields = fields[:at - 1] + _split_tail_speck(fields[at - 1], words) + fields[at:]
    if drop_first and fields:
        first = fields[0][0]
        if i > 0 and _foreign(fields):
            return fields, None, True
        rest = read_token(first, 0)
        if not first.strip() or (i == 0 and len(fields) > 1 and (rest is None or rest.kind == "unreadable")
                                 and not _broken_number(first)):
            tail = fields[0] if first.strip() else None
            label_cells, fields = fields[:1], fields[1:]  # indentation, or (first line) the rest of the label cell
    kept = _after_label_cells(fields, specks=not drop_first)
    if len(kept) < len(fields):
        tail = fields[-len(kept) - 1]
        label_cells += fields[:len(fields) - len(kept)]
    if drop_first and i == 0 and kept and (_after_next_item(label_cells) or _names_a_column(label_cells, columns)):
        return fields, None, True
    return kept, tail, False


# a numbered item starting a cell (``1.信``), or a bracketed one run on after other words (``已获取信息（六）其他``;
# a cell that starts with one may be the row's own label printed again, as a merged cell is)
_NEXT_ITEM = compiled(r"^\s*[1-9]\d?[.、．]\p{Han}|(?<=\p{Han})（[一二三四五六七八九十]{1,2}）\p{Han}")


def _after_next_item(label_cells: list[tuple[str, int]]) -> bool:
    """The text between a row's label and the values on its line holds
    another row's item number (``明确（五\t1.信\t96``, ``已获取信息（六）其他\t0``,
    the labels of a wrapped label column and the next row's run together):
    the values are that row's, never this one's."""
    return any(_NEXT_ITEM.search(raw) for raw, _ in label_cells)


def column_keys(names: Iterable[str]) -> tuple[str, ...]:
    """A table's column names as :func:`label_key` reduces them, those of
    four characters or more (shorter ones, 其他 and 总计, stand in row labels too)."""
    return tuple(k for name in names if len(k := label_key(name)) >= 4)


def _names_a_column(label_cells: list[tuple[str, int]], columns: tuple[str, ...]) -> bool:
    """The text between a row's label and the values on its line holds a
    column's name (``政府集中采购\n本年新制作数量\t3\t0``: a table printed
    with its rows and columns swapped, the label ending the line above and
    the stream joining the two words): the values are that line's, never the
    row's. A row's label cell never holds a column's name."""
    if not columns:
        return False
    text = label_key("".join(raw for raw, _ in label_cells))
    return any(k in text for k in columns)


def _foreign(fields: list[tuple[str, int]]) -> bool:
    """A line that starts with text and carries values: a row of its own."""
    first = fields[0][0]
    return bool(first.strip()) and read_token(first, 0) is None and _has_value(fields)


def _speck(raw: str, han: bool = False) -> bool:
    """One or two marks that are no word (``[`` for a 1 at a tilted cell's
    edge): in a row without a label cell, a value cell OCR could not read.
    ``han``: one or two Han characters count too (``王呆`` for a 5)."""
    t = raw.strip()
    return 0 < len(t) <= 2 and not (_LATIN_DIGIT if han else _HAN_LATIN).search(t)


_WORD = compiled(r"\p{Han}{3}|^\s*（[一二三四五六七八九十]{1,3}）")


def _wordy(raw: str) -> bool:
    """Three Han characters in a row, or an item number (``（三）``): a label
    or header printed beside a row (``申请人情况``, ``（三）不``), never a
    value OCR garbled (``王呆`` for a 5)."""
    return bool(_WORD.search(raw))


def _digitish(raw: str) -> bool:
    """Mostly digits with a letter or mark among them (``8S8283``): a number
    OCR damaged, never a label."""
    t = raw.strip()
    digits = sum(ch.isdigit() for ch in t)
    return digits >= 3 and 3 * digits >= 2 * len(t) and not compiled(r"\p{Han}").search(t)


def _broken_number(raw: str) -> bool:
    """A number OCR damaged (``8S8283``, ``〕1453``): never label text."""
    return _digitish(raw) or glued(raw)


_LATIN_DIGIT = compiled(r"[A-Za-z\d]")
_HAN_LATIN = compiled(r"[\p{Han}A-Za-z]")
_TAIL_SPECK = compiled(r"^(.*\p{Han})([^\p{Han}\sA-Za-z\d]{1,2})$")


def _split_tail_speck(field: tuple[str, int], words: str = "") -> list[tuple[str, int]]:
    """``…总计〔`` (a header's last word, then an unreadable first value cell
    joined to it): two fields. With the table's ``words``, one or two Han
    characters that are in none of them count too (``总计了``: the header
    总计, then a value OCR read as 了)."""
    raw, at = field
    m = _TAIL_SPECK.match(raw)
    if m:
        return [(m.group(1), at), (m.group(2), at + m.start(2))]
    t = raw.rstrip()
    for k in (2, 1) if words else ():
        word, speck = t[-k - 2:-k], t[-k:]  # the end of a header word, then the speck
        if len(t) > k + 1 and compiled(r"\p{Han}+").fullmatch(word + speck) and set(word) <= set(words) \
                and not set(speck) & set(words):
            return [(t[:-k], at), (speck, at + len(t) - k)]
    return [field]


def _is_value(raw: str) -> bool:
    return (v := read_token(raw, 0)) is not None and v.kind in ("number", "ocr")


def _has_value(fields: list[tuple[str, int]]) -> bool:
    return any(_is_value(raw) for raw, _ in fields)


def _after_label_cells(fields: list[tuple[str, int]], specks: bool = False) -> list[tuple[str, int]]:
    """Drop the label cells of a tab row: everything up to the last text cell
    before the first value (blank cells after a label are empty values;
    ``specks``: so are unreadable marks, in a row without a label cell)."""
    tokens = [read_token(raw, 0) for raw, _ in fields]
    first = next((i for i, v in enumerate(tokens) if v is not None and v.kind in ("number", "ocr")), None)
    if first is None:
        return fields
    last_text = max((i for i in range(first) if tokens[i] is None and not (specks and _speck(fields[i][0]))
                     and not _broken_number(fields[i][0])), default=-1)
    return fields[last_text + 1:]


def _split_tail_numbers(fields: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``label | 0`` in one tab cell (OCR joins a label and the first value): two fields."""
    out = []
    for raw, at in fields:
        m = _TAIL_NUMBER.match(raw)
        if m and not SIGNED.match(raw.strip()):  # (``↓ 7``: a number and its sign mark, not a label and a value)
            out.append((m.group(1), at))
            out.append((m.group(2), at + m.start(2)))
        else:
            out.append((raw, at))
    return out


def settle_speck(values: list[Value], n: int, tabbed: bool, words: str) -> list[Value]:
    """A speck read before the values (``label_tail``) is a value cell OCR
    garbled only when with it each of the ``n`` places gets a field and it
    shares no character with ``words`` (the labels around it: their last word
    cut off by OCR); otherwise it is dropped."""
    if values and values[0].label_tail:
        if not (tabbed and fit_positions(values, n) is not None) or set(values[0].raw) & set(words):
            return values[1:]
    return values


def fit_positions(values: list[Value], ncols: int,
                  holds: Callable[[list[Value]], bool] | None = None) -> list[Value] | None:
    """Trim blank fields at the ends (merged label cells, trailing tabs) down
    to ``ncols``, trailing ones first. With blanks at both ends the trims can
    place the values differently (``| | 127 | 0 | 17 | |``: a merged label
    cell before them, or an empty first cell): ``holds`` (the row's rule can
    still hold) then keeps the trims it accepts, and only one may be left."""
    excess = len(values) - ncols
    if excess < 0:
        return None
    # (a mark at an end is trimmed like a blank when the row has a field too many: OCR's dash after a label)
    lead = next((i for i, v in enumerate(values) if v.kind not in ("blank", "mark")), len(values))
    trail = next((i for i, v in enumerate(reversed(values)) if v.kind not in ("blank", "mark")), len(values))
    ways = [values[k:len(values) - (excess - k)] for k in range(max(0, excess - trail), min(lead, excess) + 1)]
    if len(ways) > 1 and holds is not None:
        ways = [w for w in ways if holds(w)]
        return ways[0] if len(ways) == 1 else None
    return ways[0] if ways else None


def moved_by_trim_of(values: list[Value], kept: list[Value]) -> list[bool]:
    """:func:`moved_by_trim` for ``kept``, a run of ``values`` (by identity)."""
    start = next((i for i, v in enumerate(values) if v is kept[0]), 0) if kept else 0
    return moved_by_trim(values, start, len(kept))


def moved_by_trim(values: list[Value], start: int, n: int) -> list[bool]:
    """Which of the ``n`` fields kept from ``values[start:]`` (empty fields
    at an end trimmed to fit the cells) would stand elsewhere if the extra
    field were not there but between the values: an empty field among them
    (a cell's rowspan or colspan one too long pushes the row along) or one
    of two equal values side by side (a cell written twice) — and the
    trimmed end a cell printed empty. The values past it move, when trailing
    fields were trimmed; those before it, when leading ones were. And every
    value moves when an empty field was kept at one end and others trimmed
    at the other (``\t0\t\t1\t``: the kept one may be the extra, a border's
    or a scraper's tab, and the other end the cell printed empty)."""
    out = [False] * n
    if len(values) <= n:
        return out
    lead = next((i for i, v in enumerate(values) if v.kind != "blank"), len(values))
    end = len(values) - next((i for i, v in enumerate(reversed(values)) if v.kind != "blank"), len(values))
    inner = [i for i in range(lead, end) if values[i].kind == "blank"]
    twice = [i for i in range(lead, end - 1) if values[i].kind != "blank" and written_twice(values[i], values[i + 1])]
    first = min([*inner, *(i + 1 for i in twice)], default=None)  # the first place the extra may stand
    last = max([*inner, *twice], default=None)
    trailing_cut, leading_cut = start + n < len(values), start > 0
    kept_at_an_end = trailing_cut and start < lead or leading_cut and start + n > end
    for i in range(start, start + n):
        trailing_moved = first is not None and trailing_cut and i >= first
        leading_moved = last is not None and leading_cut and i <= last
        out[i - start] = (trailing_moved or leading_moved or kept_at_an_end) and values[i].kind != "blank"
    return out
