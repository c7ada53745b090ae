"""Page furniture that the line patterns of the grammar (``page_furniture``)
cannot tell: the report's title printed again as a running header (页眉) in
text without form feeds (page texts joined by a line break), or on too few
pages for a header to open most of them; page numbers printed bare
(``3``), which only their run from page to page tells from a table's value;
and a prefix before every line (its number, counting up; a quoting mark).

Left in, such a line under a table's label is read as a row the template does
not have, and the values after it as that row's: a row one value short looks
whole, the value it lost silently gone.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

import regex

from .grammar import Grammars
from .startcache import compiled

_SENTENCE = compiled(r"[。，；！？,;《》“”]")
_FIRST_HEADING = compiled(r"(?<![^\n\r\f])[ \t\u3000#*]*[一1][ \t\u3000]*[、.．]")


def _title_lines(endings: list[str]) -> regex.Pattern[str]:
    """Whole lines that end in one of the title ``endings`` (trailing spaces aside)."""
    ends = "|".join(regex.escape(e) for e in endings)
    return compiled(rf"(?<![^\n\r\f])[^\n\r\f]*(?:{ends})[ \t\u3000]*(?![^\n\r\f])")


def repeated_titles(original: str, start: int, g: Grammars) -> set[int]:
    """The starts of the lines after the body's first heading (``一、``) that
    repeat, character for character (spaces aside), a title line printed
    above it (a line ending in a title ending, naming the subject, with no
    sentence in it), alone or as a browser prints it (:func:`_printed_with`).
    A title printed again before the body (a cover page) stays. ``start``:
    where the document's own lines begin (a scrape's metadata lines above)."""
    t = g.title
    heading = _FIRST_HEADING.search(original, start)
    if heading is None:
        return set()
    body = heading.start()
    titles: dict[str, set[str]] = {}  # each title line, spaces aside, and the forms to look for
    for m in _title_lines(t["endings"]).finditer(original, start, body):
        text = "".join(m.group().split()).strip("#*")  # a Markdown heading's marks aside
        if len(text) <= t["max_chars"] and t["subject"].search(text) and not _SENTENCE.search(text):
            titles.setdefault(text, set()).update({text, m.group().strip().strip("#*").strip()})
    out: set[int] = set()
    for title, forms in titles.items():
        for form in forms:
            i = original.find(form, body)
            while i >= 0:
                a = max(original.rfind("\n", 0, i), original.rfind("\r", 0, i), original.rfind("\f", 0, i)) + 1
                ends = [e for e in (original.find(c, i) for c in "\n\r\f") if e >= 0]
                text = "".join(original[a:min(ends, default=len(original))].split()).strip("#*")
                if text == title or _printed_with(text, title):
                    out.add(a)
                i = original.find(form, i + 1)
    return out


def _printed_with(text: str, title: str) -> bool:
    """Whether ``text`` is ``title`` as a browser prints it at a page's top:
    after the date and time (``2024/3/5下午2:20``), or before the site's name
    (``…年度报告_某某区人民政府门户网站``)."""
    if text.endswith(title):
        return len(text) - len(title) <= 24
    return text.startswith(title) and len(text) - len(title) <= 30 and text[len(title)] in "_-|—–"


_BARE_NUMBER = compiled(r"^\s*(\d{1,3})\s*$")


def bare_page_numbers(lines: Iterable[tuple[int, str, int]]) -> set[int]:
    """The starts of the lines that are a page's number printed bare (``3``)
    as the page's last line: numbers alone before a form feed (or at the
    text's end) that count up by one from page to numbered page, in runs of
    two or more, on half the pages or more, one run at least three long when
    there are more than two pages. Any other number alone at a page's end may
    be a table's value (one value per line), and stays.
    ``lines``: each line's start, text and page."""
    last: dict[int, tuple[int, str]] = {}  # each page's last line with text
    for at, body, page in lines:
        if body.strip():
            last[page] = (at, body)
    found = [(at, int(m[1])) for _, (at, body) in sorted(last.items()) if (m := _BARE_NUMBER.match(body))]
    runs: list[list[int]] = []
    for k, (at, value) in enumerate(found):
        if k and value == found[k - 1][1] + 1:
            runs[-1].append(at)
        else:
            runs.append([at])
    runs = [r for r in runs if len(r) >= 2]
    counted = sum(len(r) for r in runs)
    if not runs or counted * 2 < len(last) or len(last) > 2 and max(len(r) for r in runs) < 3:
        return set()
    return {at for r in runs for at in r}


# a line's number printed before it (a code viewer's or a corpus tool's copy: ``12\t``, ``12  ``, ``12|``,
# ``12: ``, ``L12 ``; not the pipe that opens a Markdown row, ``L12 | 规章 | 0 |``, whose last pipe would then close
# a row without its first), and an e-mail's or Markdown's quoting (``> ``)
_LINE_NUMBER = compiled(r"^[ \t]*L?(\d{1,6})(?:\t|  +|[ \t]*:[ \t]?|[ \t]*[|│][ \t]?(?!(?![ \t]*[|│]).*[|│][ \t]*$)| |$)")
_QUOTED = compiled(r"^[ \t]*>+ ?")


def line_prefix(lines: list[str]) -> dict[int, int]:
    """A prefix that stands before (nearly) every line and is no text: where
    it ends on each line that carries it (line index -> end). Either each
    line's own number counting up by one from line to line, on nine lines in
    ten or more (a form feed's own line aside), or an e-mail's quoting mark on
    nine non-empty lines in ten. Empty for any other text: a number before
    only some lines (a table's values, an item number) never counts up with
    every line."""
    filled = sum(1 for line in lines if line.strip())
    if filled < 10:
        return {}
    found = [(i, m) for i, line in enumerate(lines) if (m := _LINE_NUMBER.match(line))]
    chained: dict[int, int] = {}
    for (i, m), (j, n) in pairwise(found):
        if int(n.group(1)) == int(m.group(1)) + 1 and j - i <= 2:  # (a form feed's line between)
            chained[i], chained[j] = m.end(), n.end()
    if len(chained) * 10 >= filled * 9:
        return chained
    quoted = {i: m.end() for i, line in enumerate(lines) if (m := _QUOTED.match(line))}
    return quoted if len(quoted) * 10 >= filled * 9 else {}
