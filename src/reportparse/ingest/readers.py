"""Who reads an OCR'd table cell, and how their readings become its text.

Each :class:`Reader` is one way of running tesseract on a cell image
(language, page segmentation mode, size, and which crop). Every non-blank
cell is read by :data:`FIRST`; a value cell then by three voters
(:data:`VALUE_READERS`) and, when they disagree, by two tie-breakers
(:data:`TIE_BREAKERS`); on an askew page, a cell in which only FIRST saw a
number is read again by :data:`STRAIGHT_VOTERS`. :func:`vote` turns the
readings into the cell's text: a number the readers agree on, or ``?``
(unreadable: the template's rules may infer it, never a guess).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..startcache import compiled

PSM_PROSE = "4"  # one column of variable-size text
PSM_CELL = "6"  # one block (label cells wrap over lines)
UNSURE = "?"
TEXT_HEIGHT = 45  # pixels: digits much smaller than this are misread, and so are much larger ones


@dataclass(frozen=True)
class Reader:
    """One way of reading a cell: tesseract language(s), page segmentation
    mode, enlargement, and which crop of the cell. Readers at different sizes fail on different cells
    (narrow 1 and 7 of table fonts), which is what makes their agreement worth
    something."""

    lang: str
    psm: str
    scale: int  # 0: enlarge small text to about TEXT_HEIGHT pixels
    digits_only: bool = False  # tesseract may only answer digits, point and minus
    straightened: bool = False  # read the cell cut from the straightened page (askew scans)
    binarised: bool = False  # read ink and paper only (tesseract's own thresholding fails on some crops)

    def enlargement(self, ink_height: int) -> int:
        if self.scale:
            return self.scale
        return max(1, min(4, round(TEXT_HEIGHT / ink_height))) if ink_height else 1


PROSE = Reader("chi_sim", PSM_PROSE, 1)  # bands of text between tables
# every non-blank cell: labels, and which cells hold values; a tilted label is
# read from the straightened page (at 3° tesseract garbles it), digits from the
# page as scanned (shearing blurs them)
FIRST = Reader("chi_sim", PSM_CELL, 0, straightened=True)
# a cell with ink that FIRST read as nothing: tesseract's thresholding lost a grey line of text
FIRST_AGAIN = Reader("chi_sim", PSM_CELL, 1, straightened=True, binarised=True)
# the value cells' voters (measured on bench/make_ocr.py pages: this trio and
# two agreeing readers gave the most right values with no wrong one)
VALUE_READERS = (Reader("chi_sim+eng", "7", 0), Reader("eng", "7", 0), Reader("eng", "7", 1))
# cells the voters disagree on get two more readings at the original size (the
# enlarged readers take a table font's 7 for /: measured on bench/make_ocr.py
# pages); then three of all six readings must agree with at most one other
# number among them, or four with at most two
TIE_BREAKERS = (Reader("chi_sim", "7", 1), Reader("eng", "7", 1, digits_only=True))
# an askew page's cell in which no voter saw a number but FIRST (reading the
# straightened crop) did: thin tilted digits of a wide cell. The voters read
# the straightened crop instead, and are counted in place of their first readings
STRAIGHT_VOTERS = tuple(Reader(r.lang, r.psm, r.scale, r.digits_only, straightened=True) for r in VALUE_READERS)

# what the first reading of a value cell looks like: digits, OCR's stand-ins
# for them and specks; three characters at most; or digits with one letter
# anywhere or one Han character between them (2D85, 29人1: a misread digit,
# not a unit, which follows the number)
VALUE_LIKE = compiled(r"^[\s\d.,，\-+－工lIoO〇○|\]\[)(/]{1,14}$|^\S{0,3}$"
                           r"|^(?=(?:\D*\d){2})[\d.,\-]*(?:\p{Latin}|(?<=\d)\p{Han}(?=\d))[\d.,\-]*$")
_NUMBER = compiled(r"^-?\d+(?:\.\d+)?$")
_POINT = compiled(r"\d\s*[.,·]\s*\d")  # a decimal point between digits, in any reading
_DIGITS = str.maketrans({"工": "1", "l": "1", "I": "1", "o": "0", "O": "0", "〇": "0", "○": "0", "，": ",", "－": "-"})


def vote(readings: list[str], voters: int) -> str:
    """A value cell's text from its readings (the first reading, the
    ``voters``' readings, then any tie-breakers'): the number every voter that
    saw a number agrees on (at least two of them); the first reading when no
    voter saw a number and it is no number either; else, with tie-breakers,
    a number read three times with at most one other number read, or four
    times with at most two (an enlarged reader's ``/`` for a 7 counting for
    the number read most often; when no voter saw a number: only if every
    voter's reading shows its digits in their places, ``1]`` for 11); else
    ``?``. A whole number is never taken while any reading shows a decimal
    point between its digits: readers drop the point (1711.87 -> 171187),
    they hardly invent one."""
    numbers = [number(r) for r in readings]
    seen = [t for t in numbers[1:1 + voters] if t]
    winner = None
    if len(seen) >= 2 and len(set(seen)) == 1:
        winner = seen[0]
    elif len(readings) > 1 + voters and any(numbers):
        counts = Counter(t for t in _with_slashed_sevens(readings, numbers) if t).most_common()
        if counts[0][1] >= 3 and sum(n for _, n in counts[1:]) <= counts[0][1] - 2:
            winner = counts[0][0]
    if not seen and not (winner and all(_fits(r, winner) for r in readings[1:1 + voters])):
        # a text cell; but a number only the first reader saw is no number yet,
        # unless the tie-breakers read it too and every voter saw its digits in place (11 as 1])
        return UNSURE if numbers[0] else readings[0]
    if winner is None or ("." not in winner and any(_POINT.search(r) for r in readings)):
        return UNSURE
    return winner


def _with_slashed_sevens(readings: list[str], numbers: list[str | None]) -> list[str | None]:
    """``numbers``, where a reading with ``/`` for a digit (enlarged, a table
    font's 7 looks like ``/``: ``38/6``) also counts for the number read most
    often, if that has a 7 there (3876) and no other number was read as often.
    Only when counting all readings: a ``/`` never makes the voters' first
    agreement, nor breaks a tie."""
    counts = Counter(t for t in numbers if t).most_common(2)
    if not counts or (len(counts) == 2 and counts[1][1] == counts[0][1]):
        return numbers
    top = counts[0][0]
    return [top if t is None and "/" in r and number(r.replace("/", "7")) == top else t
            for r, t in zip(readings, numbers, strict=True)]


def _fits(reading: str, winner: str) -> bool:
    """``reading`` has ``winner``'s length and its digits where it has digits (``1]`` for 11)."""
    t = "".join(reading.split())
    return len(t) == len(winner) and all(a == b or not a.isdigit() for a, b in zip(t, winner, strict=True)) \
        and any(a.isdigit() for a in t)


def number(reading: str) -> str | None:
    t = "".join(reading.translate(_DIGITS).split()).replace("()", "0")  # a narrow 0 read as ()
    t = t.rstrip(",")  # a speck of a rule's corner after the digits (not a quote: “ is often a lost digit)
    return t if _NUMBER.match(t) else None
