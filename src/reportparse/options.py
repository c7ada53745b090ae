"""Per-call options, passed as one validated object (no global settings)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import lru_cache

from .errors import OptionsError


@lru_cache(maxsize=1)
def template_choices() -> tuple[str, ...]:
    """``auto``, every template of the grammars (newest first), ``unknown``."""
    from .grammar import template_ids

    return ("auto", *template_ids(), "unknown")

TEXT_ORIGINS = ("auto", "digital", "ocr")
PDF_BACKENDS = ("auto", "pdfminer", "pdfium")


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """How to parse one document.

    template: ``auto`` (detect) or a template id to force.
    repair: fill cells that the template's rules force, and correct a read value
        that the rules agree is wrong. Off: values stay as read, rules are only checked.
    fuzzy_errors: the most character errors allowed when matching a label fuzzily.
    regex_timeout: seconds allowed to one fuzzy match (bounds pathological input).
    max_bytes: inputs larger than this are refused with a typed error.
    ocr: when a PDF has no usable text layer, or its text layer is a scan's OCR
        (invisible text over page images), OCR its pages with tesseract (chi_sim).
    text_features: read the figures stated in the prose and cross-check them
        against the tables (loads jieba).
    text_origin: where the text came from. ``ocr``: OCR output, so a value that
        no rule of the template checks (every cell of table 二) cannot make the
        report valid; ``digital``: a text layer or a typed document; ``auto``:
        ``ocr`` when reportparse OCR'd the PDF itself or the text shows OCR
        damage (see :mod:`reportparse.origin`), else ``digital``.
    pdf_backend: what reads a PDF's characters and lines. ``pdfminer``
        (pdfminer.six, always installed); ``pdfium`` (pypdfium2, the
        ``[pdfium]`` extra: the same output, several times faster); ``auto``:
        pdfium when installed, else pdfminer.
    """

    template: str = "auto"
    repair: bool = True
    fuzzy_errors: int = 2
    regex_timeout: float = 0.5
    max_bytes: int = 64 * 1024 * 1024
    ocr: bool = False
    text_features: bool = False
    text_origin: str = "auto"
    pdf_backend: str = "auto"

    def __post_init__(self) -> None:
        choices = template_choices()
        if self.template not in choices:
            raise OptionsError(f"template: {self.template!r} is not one of {', '.join(choices)}")
        if not isinstance(self.repair, bool):
            raise OptionsError(f"repair: expected true or false, got {self.repair!r}")
        if not isinstance(self.fuzzy_errors, int) or not 0 <= self.fuzzy_errors <= 5:
            raise OptionsError(f"fuzzy_errors: expected an integer from 0 to 5, got {self.fuzzy_errors!r}")
        if not isinstance(self.regex_timeout, int | float) or not 0 < self.regex_timeout <= 60:
            raise OptionsError(f"regex_timeout: expected seconds in (0, 60], got {self.regex_timeout!r}")
        if not isinstance(self.text_features, bool):
            raise OptionsError(f"text_features: expected true or false, got {self.text_features!r}")
        if self.text_origin not in TEXT_ORIGINS:
            raise OptionsError(f"text_origin: {self.text_origin!r} is not one of {', '.join(TEXT_ORIGINS)}")
        if self.pdf_backend not in PDF_BACKENDS:
            raise OptionsError(f"pdf_backend: {self.pdf_backend!r} is not one of {', '.join(PDF_BACKENDS)}")
        if not isinstance(self.ocr, bool):
            raise OptionsError(f"ocr: expected true or false, got {self.ocr!r}")
        if not isinstance(self.max_bytes, int) or self.max_bytes <= 0:
            raise OptionsError(f"max_bytes: expected a positive integer, got {self.max_bytes!r}")

    @classmethod
    def from_mapping(cls, values: dict[str, object]) -> ParseOptions:
        """Build options from a dict, naming any unknown key in the error."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise OptionsError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return replace(cls(), **values)  # type: ignore[arg-type]
