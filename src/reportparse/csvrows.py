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
"""

from __future__ import annotations

from .offsetmap import MappedLine
from .startcache import compiled

_FIELD = r'(?:"(?:[^"]|"")*"|[^",]*)'
_ROW = compiled(rf"{_FIELD}(?:,{_FIELD}){{2,}}")
_ONE = compiled(_FIELD)
_ESCAPED = compiled('""')
_EMPTY_FIELD = compiled(r"^,|,,|,$")
_NUMBER_FIELD = compiled(r"(?:^|,)[-+]?\d+(?:\.\d+)?(?=,|$)")


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
