"""Text of a PDF whose text was drawn twice ("fake bold"), read once.

Word, WPS and print drivers embolden a font that has no bold face by drawing
its text again a fraction of a point to the side (some more than once).
poppler and PDFium see the copies and drop them; pdfminer's
``extract_text``, pdfplumber's and PyMuPDF's text do not, and give each run
again: a line after itself (``本年制发件数`` on two lines), a run after itself
(``1616`` for 16), or each character again (``规规章章 443388`` for ``规章
438``). A value drawn again reads as another number, and where every value
of a row is drawn alike its sums still hold (``34 30 64`` as ``3434 3030
6464``; 1 + 2 = 3 as 111 + 222 = 333): a table valid with every value wrong.

:func:`find_overprint` looks at every line. A line is *repeated* when it is
one run printed k times (k = 2 to 4, the copies perhaps set apart by white
space when twice), each character of each of its words k times, or the line
before again (a pair: the third of three equal lines starts the next pair).
When most lines holding Chinese are repeated and every line holding a digit
is drawn exactly twice, the whole text was drawn twice: each such line is
read once (:func:`read_once`). Otherwise (part of the text drawn again:
a bold heading, a bold row; or drawn three times) a repeated line with no
digit is read once where it was drawn twice (a label, a heading), a line
with digits is left as printed — ``11`` is 1 drawn twice or 11 drawn once,
which no rule decides — and if any line with a digit looks repeated the
tables are not valid (:attr:`Overprint.doubtful`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .offsetmap import MappedLine
from .startcache import compiled

_HAN2 = compiled(r"\p{Han}.*\p{Han}")
_DIGIT = compiled(r"\d")
_WORD = compiled(r"\S+")
MIN_LINES = 5  # repeated lines holding Chinese before a text is read as drawn again
SHARE = 0.2  # ... and their share of the lines holding Chinese
WHOLE = 0.9  # the share of them repeated in a text drawn twice throughout
_FOLDS = (2, 3, 4)


def halves(s: str) -> int:
    """Where the copy starts in ``s`` when ``s`` is a run printed twice (the
    two copies perhaps set apart by white space), else 0."""
    t = s.strip()
    n = len(t)
    if n < 2:
        return 0
    lead = len(s) - len(s.lstrip())
    if n % 2 == 0 and t[: n // 2] == t[n // 2:]:
        return lead + n // 2
    if t[0] not in t[1:]:  # (most lines: no second copy to find)
        return 0
    parts = t.split()
    k = len(parts) // 2
    if len(parts) < 2 or len(parts) % 2 or parts[0] != parts[k] or parts[:k] != parts[k:]:
        return 0
    pos = lead
    for w in parts[:k]:
        pos = s.index(w, pos) + len(w)
    return pos


def paired(s: str, k: int = 2) -> bool:
    """Is every word of ``s`` each character ``k`` times (``规规章章 443388``)?"""
    t = s.strip()
    if len(t) < k or t[0] != t[1]:
        return False
    return all(len(w) % k == 0 and all(w[i::k] == w[0::k] for i in range(1, k)) for w in t.split())


def folds(s: str) -> int:
    """How many times ``s`` was drawn, as its text shows: k when it is one
    run k times or each character k times (k = 2 to 4), else 1."""
    t = s.strip()
    n = len(t)
    if n < 2:
        return 1
    for k in _FOLDS:
        if n % k == 0 and t == t[: n // k] * k:
            return k
    if t[0] == t[1]:
        for k in _FOLDS:
            if paired(t, k):
                return k
    return 2 if halves(s) else 1


@dataclass
class Overprint:
    """What :func:`find_overprint` found: whether the whole text was drawn
    twice, the line starts to drop (a line's copy on the next line), whether
    a line with digits looks repeated in a text not drawn twice throughout
    (``doubtful``: no table is valid), and counts for the diagnostic."""

    whole: bool
    drop: set[int] = field(default_factory=set)
    repeated: int = 0  # lines repeated
    lines: int = 0  # lines with text
    doubtful: bool = False


def read_once(ln: MappedLine, digits: bool) -> None:
    """Read a line drawn twice once (a line with digits only when ``digits``:
    the whole text was drawn twice; in a text drawn twice in part, only the
    words of such a line without a digit each of whose characters is
    printed twice, four or more: a bold label beside values drawn once,
    ``规规章章 438``); the map keeps the first copy's offsets."""
    s = ln.text
    if not s.strip():
        return
    if digits or not _DIGIT.search(s):
        if cut := halves(s):
            ln.splice([(cut, len(s.rstrip()), "")])
        elif paired(s):
            ln.splice(_second_copies(s, lambda w: True))
        return
    if edits := _second_copies(s, lambda w: len(w) >= 4 and not _DIGIT.search(w) and paired(w)):
        ln.splice(edits)


def _second_copies(s: str, doubled: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """The splice that drops every second character of each word of ``s`` that is ``doubled``."""
    return [(m.start() + i, m.start() + i + 1, "") for m in _WORD.finditer(s) if doubled(m.group())
            for i in range(1, len(m.group()), 2)]


def _may_be_overprinted(text: str) -> bool:
    """A quick look first: are there :data:`MIN_LINES` lines opening with a
    Chinese character that repeat the line before, or that are one run
    repeated, or whose first two and last two characters are each the same?"""
    n, prev = 0, ""
    for line in text.split("\n"):
        t = line.strip()
        m = len(t)
        if m >= 4 and t >= "\u3400" and (t == prev or t[0] == t[1] and t[-1] == t[-2]
                                         or any(m % k == 0 and t == t[: m // k] * k for k in _FOLDS)
                                         or t[: m // 2] in t[m // 2:]):
            n += 1
            if n >= MIN_LINES:
                return True
        prev = t
    return False


def find_overprint(text: str, lines: Iterable[tuple[int, str]]) -> Overprint | None:
    """``lines``: each line's start and text, of ``text``. None when the text was not drawn again."""
    if not _may_be_overprinted(text):
        return None
    marks: list[list] = []  # each line with text: start, text, times drawn (1: not repeated), a line's copy
    prev: str | None = None  # the last line with text, when it may start a pair
    for start, body in lines:
        s = body.strip()
        if not s:
            continue
        k = folds(body)
        if k > 1:  # repeated in itself: no line's copy
            marks.append([start, s, k, False])
            prev = None
        elif s == prev:
            marks[-1][2] = 2  # the line and its copy: both drawn twice
            marks.append([start, s, 2, True])
            prev = None  # the next equal line starts a pair of its own
        else:
            marks.append([start, s, 1, False])
            prev = s
    han = [k > 1 for _, s, k, _ in marks if _HAN2.search(s)]
    digits = [k for _, s, k, _ in marks if _DIGIT.search(s)]
    if sum(han) < MIN_LINES or sum(han) < SHARE * len(han):
        return None
    whole = sum(han) >= WHOLE * len(han) and all(k == 2 for k in digits)
    # where not drawn twice throughout, only a line with no digit is read once: its copy on the next line too
    drop = {start for start, s, _, copy in marks if copy and (whole or not _DIGIT.search(s))}
    return Overprint(whole, drop, sum(m[2] > 1 for m in marks), len(marks),
                     doubtful=not whole and any(k > 1 for k in digits))
