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
"""

from __future__ import annotations

from .startcache import compiled

_BLANK = " \t\u3000\xa0"
_LABEL_MOST = 40  # characters: a row's label is no longer; a paragraph of prose (a spacer after it) may be
_SENTENCE_END = ("。", "；", "：", ";", ":", "！", "？")
# one value as a table's cell prints it, or a mark printed for none, alone on its line
_VALUE_LINE = compiled(rf"[{_BLANK}]*(?:[-+]?\d+(?:,\d{{3}})*(?:\.\d+)?(?:万元|元)?|[-—–/／－]{{1,2}}|无)[{_BLANK}]*\r?")


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
            fields, starts = _pieces(line, " ", pos)
            for i, j, v, b in _runs([_kind(f) if f else "" for f in fields]):
                if v and b:
                    for k in range(max(i, 1), min(j + 1, len(fields))):  # the space before each field, and after the last
                        chars[starts[k] - 1] = "\t"
        pos += len(line) + 1
    return "".join(chars)


def _pieces(text: str, sep: str, at: int = 0) -> tuple[list[str], list[int]]:
    """``text`` split at ``sep`` (one character), and where each piece starts (``at``: where ``text`` does)."""
    pieces = text.split(sep)
    starts = [at]
    for piece in pieces:
        starts.append(starts[-1] + len(piece) + 1)
    return pieces, starts


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


def join_cell_lines(original: str) -> str:
    """``original`` with each row of cells one per line that prints an empty
    cell as a non-breaking space set on one tab-separated line, and each row
    of cells one space apart that does so tab-separated (see the module's
    text); the text itself when it has no such row."""
    if " \xa0 " in original:
        original = _spaced_rows(original)
    if "\xa0\n" not in original and "\xa0\r\n" not in original:
        return original
    lines, starts = _pieces(original, "\n")
    runs = _runs([_kind(line) for line in lines])
    if not any(v and b for _, _, v, b in runs):
        return original
    chars = list(original)
    for i, j, v, b in runs:
        label = lines[i - 1].strip(_BLANK + "\r") if i > 0 else ""
        if not (label and len(label) <= _LABEL_MOST and not label.endswith(_SENTENCE_END)):
            label = ""  # prose: a value alone after it no row's, empty cells alone a spacer paragraph (<p>&nbsp;</p>)
        if not (v and b) and not label:
            continue
        for k in range(i - 1 if label else i, j - 1):  # the row's label's line too
            pos = starts[k + 1] - 1  # the line break after line k
            chars[pos] = "\t"
            if pos > 0 and chars[pos - 1] == "\r":
                chars[pos - 1] = " "
    return "".join(chars)
