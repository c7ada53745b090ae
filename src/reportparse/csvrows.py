"""Table rows as a spreadsheet's CSV export prints them, rewritten to tab-separated cells.

``"一、本年新收政府信息公开申请数量","470","7","","544"`` (every field quoted,
as Excel's and pandas' ``QUOTE_ALL`` write them) or ``规章,"1,234",0`` (a
field quoted because it holds a comma): the quotes and separating commas go,
a tab stands between the cells, an empty field stays an empty cell, and a
comma inside a quoted field (``1,234``) stays in its cell. Only a line that
is a whole CSV row — three fields or more, one of them quoted, every quote at
a field's edge — is rewritten; prose quoting a word (``"放管服"改革,…``) is not.
A row of no quoted field is one too when a field of it is empty and one a
number, and no tab or run of spaces stands in it (``规章,3,,15``: pandas'
``to_csv`` of a web table whose empty cells are ``&nbsp;``); a number with
thousands separators (``1,234``) leaves no field empty.

A quoted field may hold line breaks (a label wrapped in its cell, as
Python's ``csv`` writes the cells pdfplumber's ``extract_tables`` gives:
``"一、本年新收政府信息公开申请数⏎量",5,10``; in a narrow column one or two
characters a line, and two such fields in a row:
``"三、⏎本年⏎度办⏎理结⏎果","（一）予以⏎公开",0,0``): :func:`join_quoted_breaks`
writes each such break as a zero-width space (offsets kept), so the row is
one line.
"""

from __future__ import annotations

from .cell_lines import GONE, pieces
from .offsetmap import MappedLine
from .startcache import compiled

_FIELD = r'(?:"(?:[^"]|"")*"|[^",]*)'
_ROW = compiled(rf"{_FIELD}(?:,{_FIELD}){{2,}}")
_ONE = compiled(_FIELD)
_ESCAPED = compiled('""')
_EMPTY_FIELD = compiled(r"^,|,,|,$")
_NUMBER_FIELD = compiled(r"(?:^|,)[-+]?\d+(?:\.\d+)?(?=,|$)")
_OPENED = compiled(rf'(?:{_FIELD},)*"(?:[^"]|"")*')  # whole fields, then a quoted one the line break leaves open
_WRAPS = 40  # lines one CSV row may run over (a label wrapped in a narrow cell, two characters a line: up to 19)
_LONGEST = 1500  # characters: a row so long is no table's


def join_quoted_breaks(original: str) -> str:
    """``original`` with each line break inside a quoted CSV field written as
    a zero-width space, where the lines so joined make one CSV row (three
    fields or more): a line ending inside a quoted field opened at a field's
    edge, then lines that go on with that field — or close it at a field's
    edge and open another the same way — up to :data:`_WRAPS` lines and
    :data:`_LONGEST` characters in all, the last closing every field it opened."""
    if '"' not in original or "\n" not in original:
        return original
    lines, starts = pieces(original, "\n")
    chars: list[str] | None = None
    budget = 4 * len(original) + 100_000  # characters the rows tried may scan: linear in the text (a text of open quotes)
    i = 0
    while i < len(lines) - 1 and budget > 0:
        row = lines[i].rstrip("\r")
        if '"' in row and _OPENED.fullmatch(row):
            for j in range(i + 1, min(i + _WRAPS, len(lines))):
                row += lines[j].rstrip("\r")
                if len(row) > _LONGEST:
                    break
                if '"' not in lines[j]:
                    continue  # the field goes on
                budget -= 2 * len(row)
                if _ROW.fullmatch(row):
                    chars = chars if chars is not None else list(original)
                    for k in range(i, j):
                        end = starts[k + 1] - 1  # the line break after line k
                        chars[end] = GONE
                        if lines[k].endswith("\r"):
                            chars[end - 1] = GONE
                    i = j
                    break
                if not _OPENED.fullmatch(row):
                    break  # a quote inside a field: no CSV row
        i += 1
    return original if chars is None else "".join(chars)


def csv_row(ln: MappedLine) -> bool:
    """Rewrite ``ln`` if it is a CSV row (see the module's text); whether it was."""
    text = ln.text
    if "," not in text:
        return False
    if '"' not in text and ("\t" in text or "  " in text or not _EMPTY_FIELD.search(text) or not _NUMBER_FIELD.search(text)):
        return False
    if not _ROW.fullmatch(text):
        return False
    edits: list[tuple[int, int, str]] = []
    pos = 0
    while True:
        m = _ONE.match(text, pos)
        assert m is not None  # (the row matched field by field)
        a, b = m.span()
        if b > a and text[a] == '"':
            edits.append((a, a + 1, ""))
            edits += [(q.start(), q.start() + 1, "") for q in _ESCAPED.finditer(text, a + 1, b - 1)]
            edits.append((b - 1, b, ""))
        if b == len(text):
            break
        edits.append((b, b + 1, "\t"))  # the comma after the field
        pos = b + 1
    ln.splice(edits)
    return True
