"""Where the text came from: a text layer or typed document (``digital``), or OCR.

It matters to ``valid``. A misread that a rule of the template checks is
caught (the rule fails, or is repaired); a misread in a cell no rule checks —
every cell of table 二 — looks like any other number. OCR drops digits on
clean pages (``25`` read as ``5``) and no text around it shows it, so in OCR
output such cells cannot be trusted to make a report valid
(:func:`reportparse.rules.check_table`, ``TBL_UNCHECKED``).

With ``text_origin="auto"`` the text is OCR output when reportparse OCR'd
the PDF itself (``INPUT_OCR``), when the PDF's text layer is invisible text
over page images — a scan's OCR layer (``INPUT_OCR_LAYER``) — or when the parse met damage that only OCR
makes (:data:`OCR_DAMAGE`): a character OCR confuses with a digit in a
table cell, a number with a letter in it, a heading numeral or heading words
OCR damaged, a row label found only with character errors, a 发文字号 whose
brackets do not pair or whose kind is printed as a look-alike, a title whose
end or year OCR garbled, a row whose value cells are text. No clean real text
in ``corpus/`` shows any of these (``tests/test_origin.py``).
A text file that shows none of these is taken as digital; declare
``text_origin="ocr"`` (``--text-origin ocr``) for OCR output from elsewhere.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic
from .normalise import Canonical
from .startcache import compiled

if TYPE_CHECKING:
    from regex import Match

OCR_DAMAGE = {
    "CELL_OCR_DIGIT": "character(s) OCR confuses with a digit in table cells",
    "CELL_DAMAGED_NUMBER": "number(s) with letters or marks in them",
    "SEC_NUMERAL_OCR": "heading numeral(s) OCR damaged",
    "SEC_TITLE_FUZZY": "standard heading word(s) found only with character errors",
    "TBL_ROW_FUZZY": "table row label(s) found only with character errors",
    "HDR_DOC_NUMBER_OCR": "a 发文字号 whose brackets do not pair",
    "HDR_DOC_NUMBER_KIND": "a 发文字号 kind printed as its OCR look-alike",
    "HDR_TITLE_REPAIRED": "a title whose last characters or one year digit OCR damaged",
    "TBL_ROW_DAMAGED": "table row(s) whose values are text",
    "TBL_GARBLED_TEXT": "table section(s) with Latin letters run into digits or into long runs",
    "TEXT_BRACKET_OCR": "bracket(s) closed by another kind of bracket (〈一) for （一）)",
}

# an angle bracket closed by a parenthesis, or the reverse: OCR's reading of （ in 〈一) or 第〈八)项; typed
# text closes 〈 with 〉 (a title within a title: 《施行〈条例〉的通知》)
_MISPAIRED = compiled(r"〈[^〈〉()（）\n]{1,12}[)）]|[(（][^〈〉()（）\n]{1,12}〉")

# in a table's section of a Chinese report: Latin letters run into digits
# (``5019loolololelo``, ``[Rs 11101000101``) or a long run of capitals
# (``ZTCTINNIENEIEKIE``): what OCR makes of ruled cells, never typed text
_GARBLE = compiled(r"(?<![A-Za-z\d])(?:(?=[A-Za-z\d|\[\]]*[A-Za-z])(?=[A-Za-z\d|\[\]]*\d)[A-Za-z\d|\[\]]{6,}|[A-Z]{8,})(?![A-Za-z\d])")


def garbled_tables(c: Canonical, regions: dict[str, tuple[int, int]], table_sections: list[str]) -> Diagnostic | None:
    """A warning when the sections that hold the tables show OCR garbage."""
    hits = [m for key in table_sections if key in regions for m in _GARBLE.finditer(c.text, *regions[key])]
    return _seen(c, "TBL_GARBLED_TEXT", hits, "run(s) of Latin letters and digits in the tables' sections", "OCR garbled them")


def mispaired_brackets(c: Canonical) -> Diagnostic | None:
    """A note when the text closes an angle bracket with a parenthesis (or
    the reverse), which only OCR prints."""
    return _seen(c, "TEXT_BRACKET_OCR", list(_MISPAIRED.finditer(c.text)), "bracket(s) closed by another kind", "OCR misread them")


def _seen(c: Canonical, code: str, hits: list[Match[str]], what: str, verdict: str) -> Diagnostic | None:
    """The note naming OCR damage found (the first five shown, located at the first), or None."""
    if not hits:
        return None
    shown = ", ".join(m.group() for m in hits[:5])
    return Diagnostic(code, f"{len(hits)} {what} ({shown}): {verdict}", c.span(hits[0].start(), hits[0].end()))


def resolve_origin(requested: str, diags: list[Diagnostic]) -> tuple[str, Diagnostic | None]:
    """``digital`` or ``ocr`` for a requested ``auto``/``digital``/``ocr``,
    given the diagnostics of the parse so far; with a note when the text
    was found to be OCR output by its damage."""
    if requested != "auto":
        return requested, None
    codes = Counter(d.code for d in diags)
    if codes["INPUT_OCR"] or codes["INPUT_OCR_LAYER"]:
        return "ocr", None
    seen = [f"{codes[code]} {what}" for code, what in OCR_DAMAGE.items() if codes[code]]
    if not seen:
        return "digital", None
    return "ocr", Diagnostic("INPUT_OCR_TEXT", f"the text shows OCR damage ({'; '.join(seen)}): read as OCR output "
                             "(text_origin='digital' overrides)")
