"""Page furniture that the line patterns of the grammar (``page_furniture``)
cannot tell: the report's title printed again as a running header (页眉) in
text without form feeds (page texts joined by a line break), or on too few
pages for a header to open most of them; and page numbers printed bare
(``3``), which only their run from page to page tells from a table's value.

Left in, such a line under a table's label is read as a row the template does
not have, and the values after it as that row's: a row one value short looks
whole, the value it lost silently gone.
"""

from __future__ import annotations

from collections.abc import Iterable

from .grammar import Grammars
from .startcache import compiled

_SENTENCE = compiled(r"[。，；！？,;《》“”]")
_FIRST_HEADING = compiled(r"^[一1][、.．]")


def repeated_titles(lines: Iterable[tuple[int, str]], g: Grammars) -> set[int]:
    """The numbers of the lines after the body's first heading (``一、``) that
    repeat, character for character (spaces aside), a title line printed
    above it (a line ending in a title ending, naming the subject, with no
    sentence in it), alone or as a browser prints it (:func:`_printed_with`).
    A title printed again before the body (a cover page) stays."""
    t = g.title
    endings = tuple(t["endings"])
    titles: set[str] = set()
    body = False
    out: set[int] = set()
    for n, raw in lines:
        text = "".join(raw.split()).strip("#*")  # a Markdown heading's marks aside
        if not body and _FIRST_HEADING.match(text):
            body = True
            continue
        if body and titles and not text.endswith(endings) and any(_printed_with(text, title) for title in titles):
            out.add(n)
            continue
        if (not text.endswith(endings) or len(text) > t["max_chars"] or not t["subject"].search(text)
                or _SENTENCE.search(text)):
            continue
        if not body:
            titles.add(text)
        elif text in titles or any(_printed_with(text, title) for title in titles):
            out.add(n)
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
    """The numbers of the lines that are a page's number printed bare (``3``)
    as the page's last line: numbers alone before a form feed (or at the
    text's end) that count up by one from page to numbered page, in runs of
    two or more, on half the pages or more, one run at least three long when
    there are more than two pages. Any other number alone at a page's end may
    be a table's value (one value per line), and stays.
    ``lines``: each line's number, text and page."""
    last: dict[int, tuple[int, str]] = {}  # each page's last line with text
    for n, body, page in lines:
        if body.strip():
            last[page] = (n, body)
    found = [(n, int(m[1])) for _, (n, body) in sorted(last.items()) if (m := _BARE_NUMBER.match(body))]
    runs: list[list[int]] = []
    for k, (n, value) in enumerate(found):
        if k and value == found[k - 1][1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    runs = [r for r in runs if len(r) >= 2]
    counted = sum(len(r) for r in runs)
    if not runs or counted * 2 < len(last) or len(last) > 2 and max(len(r) for r in runs) < 3:
        return set()
    return {n for r in runs for n in r}
