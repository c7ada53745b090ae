"""A web table's cells one per line, its empty cells each a line of a
non-breaking space, set back on one line per row.

A scraper that writes each piece of a page's text on a line of its own
(BeautifulSoup's ``get_text("\\n")``) prints a table's cells one per line.
An empty cell that holds nothing prints nothing, and a row of fewer values
than cells does not say which are empty; but the editors of most government
sites fill an empty cell with ``&nbsp;``, which prints as a line holding only
that character: an empty cell, in its place. Each run of such lines and
lines holding one value (a number, or a mark printed for none), with at
least one of each, is one row's cells: the line breaks between them, and
the one after the line of text before them (the row's label), become tabs,
so the row reads as its label and its cells tab-separated, its empty ones
kept. So too a row of cells one space apart (``get_text(" ")``), its empty
cells each a non-breaking space between two spaces.

In a text that has such a row, every run of values or empty cells after a
line that may be a row's label (short, no sentence's end) is a row too (a
row printed whole, or printed empty); after prose, empty cells alone are a
spacer paragraph (``<p>&nbsp;</p>``), as they are. The text keeps its
length and every offset stays the input's (a ``\\r`` before a break so
replaced becomes a space).

Office suites write a table's cells one per line too (LibreOffice's text
export of a Word document: ``soffice --convert-to txt``), an empty cell an
empty line, each paragraph of prose one line with no blank line after it.
In a text so written (:func:`_blank_cells`), an empty line after a row's
label and before its last value is an empty cell of that row; after its
last value, a cell covered by a merged cell above the next row prints as
one too, before that row's label: as many such lines as stand before every
label numbered alike are the next row's (:func:`_blank_runs`), the rest
this row's empty cells. docx2txt writes the same text with every line
break doubled (:func:`_breaks_paired`: each pair is read as one, the other
written as zero-width spaces).
"""

from __future__ import annotations

from .startcache import compiled

_BLANK = " \t\u3000\xa0\u200b"
GONE = "\u200b"  # a zero-width space (the canonical text drops it): what stands for a line break read as none
_LABEL_MOST = 40  # characters: a row's label is no longer; a paragraph of prose (a spacer after it) may be
_SENTENCE_END = ("。", "；", "：", ";", ":", "！", "？")
# one value as a table's cell prints it, or a mark printed for none, alone on its line
_VALUE_LINE = compiled(rf"[{_BLANK}]*(?:[-+]?\d+(?:,\d{{3}})*(?:\.\d+)?(?:万元|元)?|[-—–/／－]{{1,2}}|无)[{_BLANK}]*\r?")
_BREAKS = {nl: compiled(f"(?:{nl})+") for nl in ("\n", "\r\n", "\r")}
_NUMBERED = compiled(r"(?P<paren>[（(][一二三四五六七八九十]+[）)])|(?P<digit>\d{1,2}[.、．])|(?P<han>[一二三四五六七八九十]+、)")
_LONE = {nl: compiled(f"(?<!{nl}){nl}(?!{nl})") for nl in ("\n", "\r\n", "\r")}
_EMPTY_LINE = {"\n": compiled(f"\n[{_BLANK}]*\r?\n"), "\r": compiled(f"\r[{_BLANK}]*\r")}
# a short line of fields white space apart, one of them a value: a row's cells on one line (``规章 0 0``, ``496 58``)
_ROW_ON_A_LINE = compiled(rf"(?=.{{0,{_LABEL_MOST}}}\r?$)[^\n]*?\S[{_BLANK}]+[-+]?\d+(?:\.\d+)?(?:[{_BLANK}]|\r?$)")


def _spaced_rows(original: str) -> str:
    """Each run of fields one space apart (``get_text(" ")``'s, its rows on
    lines of their own again: :mod:`.unflatten`) of values and empty cells
    (``\xa0``), at least one of each, tab-separated, with the space before
    and after it: ``数量 821 35 \xa0 \xa0 2 1 859`` reads as its label and
    seven cells."""
    chars = list(original)
    pos = 0
    for line in original.split("\n"):
        if " \xa0" in line:
            fields, starts = pieces(line, " ", pos)
            for i, j, v, b in _runs([_kind(f) if f else "" for f in fields]):
                if v and b:
                    for k in range(max(i, 1), min(j + 1, len(fields))):  # the space before each field, and after the last
                        chars[starts[k] - 1] = "\t"
        pos += len(line) + 1
    return "".join(chars)


def pieces(text: str, sep: str, at: int = 0) -> tuple[list[str], list[int]]:
    """``text`` split at ``sep`` (one character), and where each piece starts (``at``: where ``text`` does)."""
    parts = text.split(sep)
    starts = [at]
    for part in parts:
        starts.append(starts[-1] + len(part) + 1)
    return parts, starts


def _runs(kinds: list[str]) -> list[tuple[int, int, bool, bool]]:
    """Each run of pieces with a kind (:func:`_kind`): its first, its end
    (past its last), whether it holds a value, whether an empty cell."""
    out = []
    i = 0
    while i < len(kinds):
        j = i
        while j < len(kinds) and kinds[j]:
            j += 1
        if j > i:
            run = kinds[i:j]
            out.append((i, j, "v" in run, "b" in run))
        i = j + 1
    return out


def _kind(line: str) -> str:
    """``v``: a value alone; ``b``: a non-breaking space and nothing else (an
    empty cell); ``""``: anything else."""
    if _VALUE_LINE.fullmatch(line):
        return "v"
    if "\xa0" in line and not line.strip(_BLANK + "\r"):
        return "b"
    return ""


def _prose_unspaced(lines: list[str]) -> bool:
    """Whether a text's prose is one line a paragraph with no blank line
    after: three such lines or more, at most one in four followed by an
    empty line (texts that set paragraphs apart by blank lines — pdftotext,
    pandoc, docx2txt, OCR — have one after nearly every one)."""
    prose = spaced = 0
    for k, line in enumerate(lines[:-1]):
        if "。" in line and len(text := line.strip(_BLANK + "\r")) > _LABEL_MOST // 4 and text.endswith("。"):
            prose += 1
            spaced += not lines[k + 1].strip(_BLANK + "\r")
    return prose >= 3 and spaced * 4 <= prose


def _blank_cells(lines: list[str], kinds: list[str], runs: list[tuple[int, int, int]]) -> bool:
    """Whether the empty lines (kind ``e``) of a text whose prose is one
    line a paragraph are its empty cells: no line holds a value beside other
    text with white space between (every cell on a line of its own, where
    pdftotext's reading order, say, prints ``规章 0 0`` or ``496 58``); a
    row's values mostly on consecutive lines (not each followed by an empty
    one: twice as many values after a value as empty lines); and some row
    with an empty line between its label and its last value (``runs``:
    :func:`_blank_runs`)."""
    if any(k == "" and _ROW_ON_A_LINE.match(line) for k, line in zip(kinds, lines, strict=True)):
        return False
    adjacent = inner = 0
    for i, last, _ in runs:
        adjacent += sum(a == b == "v" for a, b in zip(kinds[i:last], kinds[i + 1:last], strict=False))
        inner += kinds[i:last].count("e")
    return 0 < inner and 2 * inner <= adjacent


def _blank_runs(lines: list[str], kinds: list[str]) -> list[tuple[int, int, int]]:
    """Each run of value lines and empty lines after a line that may be a
    row's label: its first line, the end of its last value, and its end —
    its empty lines after its last value those of its cells but for as many
    as the cells covered by the merged cells above the next row, printed
    before its label. Those are as many before every label numbered alike
    (``（二）``, ``2.``: the rows of a group after its first): the fewest
    empty lines before any such label after a row of values."""
    runs = []
    covered: dict[str, int] = {}
    for i, j, v, _ in _runs(kinds):
        if v and i > 0 and _is_label(lines[i - 1]):
            last = j
            while kinds[last - 1] == "e":
                last -= 1
            after = _numbering(lines[j]) if j < len(lines) and _is_label(lines[j]) else None
            if after is not None:
                covered[after] = min(covered.get(after, j - last), j - last)
            runs.append((i, last, j, after))
    return [(i, last, j - covered[after] if after is not None else j) for i, last, j, after in runs]


def _numbering(label: str) -> str:
    """How a row's label is numbered: ``（一）``, ``1.``, ``一、`` or not at all."""
    m = _NUMBERED.match(label.strip(_BLANK + "\r"))
    return m.lastgroup if m else ""


def _is_label(line: str) -> bool:
    label = line.strip(_BLANK + "\r")
    return bool(label) and len(label) <= _LABEL_MOST and not label.endswith(_SENTENCE_END)


def _join(chars: list[str], starts: list[int], first: int, end: int) -> None:
    """The line breaks after lines ``first`` to ``end - 2`` made tabs (a ``\\r`` before one a space)."""
    for k in range(first, end - 1):
        pos = starts[k + 1] - 1  # the line break after line k
        if chars[pos] == "\n" and pos > 0 and chars[pos - 1] == "\r":
            chars[pos - 1] = " "
        chars[pos] = "\t"


def join_cell_lines(original: str) -> str:
    """``original`` with each row of cells one per line that prints an empty
    cell as a non-breaking space set on one tab-separated line, and each row
    of cells one space apart that does so tab-separated; in a text an office
    suite wrote, each row of cells one per line, its empty cells empty lines
    (see the module's text); the text itself when it has no such row."""
    if " \xa0 " in original:
        original = _spaced_rows(original)
    if "\xa0\n" in original or "\xa0\r\n" in original:
        return _nbsp_rows(original)
    if (paired := _breaks_paired(original)) is not None:
        joined = _blank_rows(paired)
        return joined if joined != paired else original
    return _blank_rows(original)


def _nbsp_rows(original: str) -> str:
    lines, starts = pieces(original, "\n")
    runs = _runs([_kind(line) for line in lines])
    if not any(v and b for _, _, v, b in runs):
        return original
    chars = list(original)
    for i, j, v, b in runs:
        label = _is_label(lines[i - 1]) if i > 0 else False
        # after prose: a value alone no row's, empty cells alone a spacer paragraph (<p>&nbsp;</p>)
        if (v and b) or label:
            _join(chars, starts, i - 1 if label else i, j)  # the row's label's line too
    return "".join(chars)


def _blank_rows(original: str) -> str:
    """Each row of cells one per line set on one tab-separated line, its
    empty lines its empty cells, where the text is an office suite's
    (:func:`_prose_unspaced`, :func:`_blank_cells`); the text itself
    elsewhere. Lines end at ``\\n`` (``\\r\\n``), or at ``\\r`` in a text
    without one."""
    nl = "\n" if "\n" in original else "\r"
    if not _EMPTY_LINE[nl].search(original):
        return original
    if not _prose_unspaced(original.split(nl)):
        return original
    lines, starts = pieces(original, nl)
    kinds = [_kind(line) or ("e" if not line.strip(_BLANK + "\r") else "") for line in lines]
    runs = _blank_runs(lines, kinds)
    if not _blank_cells(lines, kinds, runs):
        return original
    chars = list(original)
    for i, _, end in runs:
        _join(chars, starts, i - 1, end)
    return "".join(chars)


def _breaks_paired(original: str) -> str | None:
    """docx2txt's text of a Word document ends every paragraph and every
    table cell with two line breaks, an empty cell two more: where every run
    of line breaks inside a text (ten or more) is of an even length, each
    pair is one break, its first written as zero-width spaces (which the
    canonical text drops) so the text keeps its length. None for any other text."""
    nl = "\r\n" if "\r\n" in original else "\n" if "\n" in original else "\r"
    if nl == "\r\n" and original.count("\n") != original.count("\r\n") or nl == "\n" and "\r" in original:
        return None  # breaks of two kinds
    inner = original.strip(nl)
    if _LONE[nl].search(inner):  # (ordinary text: its first line's break)
        return None
    runs = [len(m.group()) // len(nl) for m in _BREAKS[nl].finditer(inner)]
    if len(runs) < 10 or any(n % 2 for n in runs):
        return None
    return _BREAKS[nl].sub(lambda m: (GONE * len(nl) + nl) * (len(m.group()) // len(nl) // 2), original)
