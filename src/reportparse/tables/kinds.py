"""Table kinds: how each grammar ``layout`` is matched, extracted and validated.

Every kind offers the same three calls, and :data:`REGISTRY` maps the layout
name used in the ``grammars/`` files to its kind. The tables of a template
are data; a new way of printing a table is one class here and one entry in
the registry (and in :data:`reportparse.grammar.TABLE_LAYOUTS`).
"""

from __future__ import annotations

from typing import NamedTuple, Protocol, runtime_checkable

from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import Cell, RuleResult, Table
from ..options import ParseOptions
from ..rules import check_table
from .anchors import locate_rows
from .groups import extract_groups, one_row
from .place import SpanOf
from .prose import ProseEvidence
from .readers import read_labelled
from .stream import Stream, find_all, find_fuzzy, label_pattern

Rows = dict[str, dict[str, Cell]]


class Extracted(NamedTuple):
    rows: Rows
    diagnostics: list[Diagnostic]


@runtime_checkable
class TableKind(Protocol):
    def match(self, t: TableGrammar, s: Stream, opts: ParseOptions) -> bool:
        """Does the text of the table's section hold the table (any of its labels or headers)?"""

    def extract(self, t: TableGrammar, s: Stream, opts: ParseOptions, span_of: SpanOf,
                evidence: ProseEvidence | None = None) -> Extracted:
        """The cells, read from the text (``evidence``: what the report's prose states of them)."""

    def validate(self, t: TableGrammar, table: Table, opts: ParseOptions) -> tuple[list[RuleResult], list[Diagnostic], bool]:
        """The template's rules applied (forced values filled, misreads corrected), and whether all hold."""


class _Kind:
    def match(self, t: TableGrammar, s: Stream, opts: ParseOptions) -> bool:
        """Any label or header of the table, exact (item numbers as OCR prints
        them), else fuzzy with the same bounded error count rows are found with."""
        if any(find_all(s, [label_pattern(m, r.label) for m in r.match + r.exact]) for r in t.rows):
            return True
        return any(find_fuzzy(s, m, opts.fuzzy_errors, opts.regex_timeout) for r in t.rows for m in r.match)

    def validate(self, t: TableGrammar, table: Table, opts: ParseOptions) -> tuple[list[RuleResult], list[Diagnostic], bool]:
        return check_table(t, table, opts)  # the arithmetic is grammar data: the same for every kind


class LabelledRows(_Kind):
    """Rows with labels (二 主动公开, 三 申请): rows anchored by their labels,
    their values read by the readers (:mod:`.readers`) that detect how the
    region prints them."""

    def extract(self, t: TableGrammar, s: Stream, opts: ParseOptions, span_of: SpanOf,
                evidence: ProseEvidence | None = None) -> Extracted:
        found, found_diags = locate_rows(t, s, opts, span_of)
        got = read_labelled(t, s, found, span_of, evidence)
        return Extracted(got.rows, found_diags + got.diagnostics)


class HeaderGroups(_Kind):
    """One data row under grouped column headers (四 复议/诉讼): groups placed by their headers."""

    def match(self, t: TableGrammar, s: Stream, opts: ParseOptions) -> bool:
        """A header, or (headers garbled or lost) one line that holds a number for every cell."""
        return super().match(t, s, opts) or one_row(t, s) is not None

    def extract(self, t: TableGrammar, s: Stream, opts: ParseOptions, span_of: SpanOf,
                evidence: ProseEvidence | None = None) -> Extracted:
        return Extracted(*extract_groups(t, s, opts, span_of, evidence.c.separators if evidence is not None else None))


REGISTRY: dict[str, TableKind] = {"labelled_rows": LabelledRows(), "header_groups": HeaderGroups()}
