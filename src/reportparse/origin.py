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
table cell, a heading numeral OCR damaged, a row whose value cells are text.
A text file that shows none of these is taken as digital; declare
``text_origin="ocr"`` (``--text-origin ocr``) for OCR output from elsewhere.
"""

from __future__ import annotations

from collections import Counter

from .diagnostics import Diagnostic

OCR_DAMAGE = {
    "CELL_OCR_DIGIT": "character(s) OCR confuses with a digit in table cells",
    "SEC_NUMERAL_OCR": "heading numeral(s) OCR damaged",
    "TBL_ROW_DAMAGED": "table row(s) whose values are text",
}


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
