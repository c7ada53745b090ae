"""The Report tree: what a parse returns, and its JSON and flat views."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .diagnostics import ERROR, Diagnostic
from .grammar import table_cell_keys
from .span import Span

SCHEMA_VERSION = "1.0"


def _span(s: Span | None) -> dict[str, Any] | None:
    return s.to_dict() if s else None


@dataclass(slots=True)
class Field:
    """One header value with where it was read."""

    value: Any = None
    span: Span | None = None
    raw: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "raw": self.raw, "span": _span(self.span)}


HEADER_FIELDS = ("mark", "issuer", "doc_number", "signer", "title", "year", "signature",
                 "issued_date", "note", "cc", "printer", "printed_date", "level", "place", "adcode", "region")
EXTRA_FLAT_KEYS = ("header.level", "header.place", "header.adcode")  # after the contract keys


@dataclass(slots=True)
class Header:
    """GB/T 9704 elements: 发文机关标志 (mark), issuer, 发文字号, 签发人, title, year,
    发文机关署名 (signature), 成文日期 (issued_date), 附注 (note), 抄送 (cc),
    印发机关 (printer) and 印发日期 (printed_date); and, derived from the issuer,
    the level of government (``level``: province, city, county, township,
    special_zone, department, unknown; for a department ``raw`` names its
    government's level) and the place (``place``)."""

    mark: Field = field(default_factory=Field)
    issuer: Field = field(default_factory=Field)
    doc_number: Field = field(default_factory=Field)
    signer: Field = field(default_factory=Field)
    title: Field = field(default_factory=Field)
    year: Field = field(default_factory=Field)
    signature: Field = field(default_factory=Field)
    issued_date: Field = field(default_factory=Field)
    note: Field = field(default_factory=Field)
    cc: Field = field(default_factory=Field)
    printer: Field = field(default_factory=Field)
    printed_date: Field = field(default_factory=Field)
    level: Field = field(default_factory=Field)
    place: Field = field(default_factory=Field)
    adcode: Field = field(default_factory=Field)
    region: Field = field(default_factory=Field)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name).to_dict() for name in HEADER_FIELDS}


@dataclass(slots=True)
class Section:
    """A numbered heading (一、 / （一） / 1. / （1）) with its text and sub-sections."""

    level: int
    number: str
    index: int
    title: str
    text: str
    span: Span
    key: str | None = None
    children: list[Section] = field(default_factory=list)

    def keywords(self, k: int = 10) -> list[str]:
        """Top-k keywords of this section and its sub-sections (jieba TF-IDF, loaded on first use)."""
        from .features import _section_text, keywords

        return keywords(_section_text(self), k)

    def walk(self) -> list[Section]:
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "level": self.level, "number": self.number, "index": self.index,
                "title": self.title, "text": self.text, "span": _span(self.span),
                "children": [c.to_dict() for c in self.children]}


# a doubt that the rules lift: a value placed by a choice the rules check, kept from making its table valid
# only until every rule that holds the cell has all its cells and holds (rules.check_table)
UNTIL_RULES_HOLD = ("values of a block printed one cell per line apart from their labels, placed by those labels: "
                    "only the rules, every cell of theirs known and holding, confirm the place")
# digits run together, or fewer values than cells on a line: the one cut with no empty cell was taken, where
# cells printed as nothing would fit the row's rule too; the table's other rules decide, as above
CUT_WITHOUT_BLANKS = ("two or more values short, or digits run together: cut the one way the row's rule allows with no "
                      "empty cell, where cells printed as nothing would fit it too; only the rules, every cell of theirs "
                      "known and holding, confirm the cut")
# a line whose leading or trailing spaces or tab were read as an empty first or last cell: they may be an
# indentation, padding, or end the cell before them
EDGE_SEPARATOR_EMPTY = ("the line's leading or trailing spaces or tab read as an empty first or last cell, where they may "
                        "indent the line, pad or end a cell, and a cell printed as nothing stand elsewhere; only the rules, "
                        "every cell of theirs known and holding, confirm the places")
# a row of more fields than cells whose extra empty fields at an end were taken for padding or a merged label cell,
# where an empty field between its values or a value written twice may be the extra one instead, the end a cell
BLANK_ENDS_TRIMMED = ("the row has more fields than cells, the extra ones empty at an end and taken for padding or a merged "
                      "label cell, where an empty field between its values or a value written twice may be the extra one "
                      "instead (a cell's rowspan or colspan one too long, a cell doubled) and the end a cell printed empty, "
                      "the values past it one place off; only the rules, every cell of theirs known and holding, confirm "
                      "the places")
# a line aligned with spaces one or two values short: the values put in the places the table's rules leave possible
PLACES_UNCHECKED = ("a row's values put in the one set of places the table's rules leave for its cells printed as "
                    "nothing, though no rule with all its cells known checks the cell; only the rules, every cell of "
                    "theirs known and holding, confirm it")
# pdfminer's or pdftotext's scattered order: a label followed by its row's count of values, one per line, in a
# table where another label is followed by more lines of values than its row has cells
SCATTERED = ("values on lines of their own after its label, in a table where another label is followed by more lines of values "
             "than its row has cells: the text does not print the rows in order, and the count alone placed these; only "
             "the rules, every cell of theirs known and holding, confirm them")
# one value per line in a text that prints an empty cell as nothing: a row's count, made up by a line repeated or lost
COUNT_ON_LINES = ("values on several lines in a text that prints an empty cell as nothing: a line repeated or lost and a "
                  "cell printed as nothing make the same count, the values one place off; only the rules, every cell of "
                  "theirs known and holding, confirm them")
# one value per line in a text that prints an empty cell as nothing, in a table whose rules each hold one row (四):
# a cell printed as nothing and a line printed twice keep the count and every row's sum (tables/count_shifts.py)
COUNT_SHIFTED = ("values on lines of their own in a text that prints an empty cell as nothing, in a table whose rules "
                 "each hold one row: a cell printed as nothing and one of two lines alike printed twice make the same "
                 "count and keep every row's sum, and a reading so made gives this cell another value; no rule confirms it")
# a row of more fields than cells in a table whose rules each hold one row (四): another field taken for the extra
# one gives another reading every rule allows (tables/count_shifts.py)
EXTRA_FIELD_SHIFTED = ("the row has more fields than cells, in a table whose rules each hold one row: another field taken for "
                       "the extra one (an empty field, or one of two equal values side by side: a cell doubled) gives this "
                       "cell another value in a reading every rule allows too; no rule confirms it")
# OCR text: a reader writes a line of the boxes whose middles are level, so a cell that stands a little lower
# goes to the next line (RapidOCR's boxes grouped into lines: ``0 0 0 1 3`` / ``o 4`` for 0 0 0 0 1 3 4)
OCR_LINES = ("values of one row on several lines of OCR text: OCR puts a cell that stands a little lower on the next "
             "line, so their order across the lines may not be the printed one; only rules over other rows (a column's), "
             "every cell of theirs known and holding, confirm them")
# OCR text: 四's one printed row on several lines (复议's five lower than 诉讼's ten, read after them)
GROUP_LINES = ("the column groups of one printed row on several lines of OCR text (or of a text file that may be OCR output): "
               "OCR puts cells that stand a little lower on the next line, so which values are which group's rests on the "
               "lines' order, and each group balances in any order: no rule confirms it")
# a row of fewer cells than columns, some empty, whose last value was taken for its total (a merged label cell took
# a place): a table printed without its total column has its last column there
LAST_AS_TOTAL = ("the last of a row's cells, fewer than its columns, taken for its total: where a merged label cell took a "
                 "place it is; in a table printed without its total column it is the last column's; only rules over "
                 "other rows (the total column's), every cell of theirs known and holding, confirm it")
# a header that names columns in another order than the template's where that order does not place the values:
# some of 三's under 法人或其他组织, not all; 四's parts of a group (its 总计 may stand anywhere among them)
COLUMNS_REORDERED = ("the table's header names these columns in another order than the template, and that order "
                     "does not show where each value belongs (三: not every column of the group named; 四: a group's "
                     "总计 may stand anywhere among its parts)")
# a CSV field's lines run together (csvrows.join_quoted_breaks) with digits or a point on both sides of a break:
# a number wrapped in a narrow cell, or two rows' values in one cell (PyMuPDF's ``6⏎7`` where no rule parts them)
DIGITS_ACROSS_LINES = ("the cell's field holds digits (or a point) on two lines, read as one number: a number wrapped in "
                       "a narrow cell is, but two rows' values in one cell (a rule between the rows the extractor missed) "
                       "or a point set on a line of its own are not; only the rules, every cell of theirs known and "
                       "holding, confirm it")
LIFTED_BY_RULES = frozenset({UNTIL_RULES_HOLD, CUT_WITHOUT_BLANKS, EDGE_SEPARATOR_EMPTY, BLANK_ENDS_TRIMMED, PLACES_UNCHECKED, SCATTERED,
                             COUNT_ON_LINES, OCR_LINES, LAST_AS_TOTAL, DIGITS_ACROSS_LINES})


@dataclass(slots=True)
class Cell:
    value: int | float | None = None
    raw: str | None = None
    status: str = "missing"
    span: Span | None = None
    # why the value's placement rested on a choice (see docs/reading.md, "Anchored values"):
    # such a value keeps its table from being valid (TBL_UNANCHORED); not in the JSON
    unanchored: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "raw": self.raw, "status": self.status, "span": _span(self.span)}


@dataclass(slots=True)
class Table:
    key: str
    title: str
    found: bool
    rows: dict[str, dict[str, Cell]]
    span: Span | None = None
    units: dict[str, str] = field(default_factory=dict)
    valid: bool = False  # every cell has a value, every rule holds (OCR text: and checks every value)
    labels: dict[str, dict[str, str]] = field(default_factory=lambda: {"rows": {}, "columns": {}})  # as the template prints them

    def cell(self, row: str, col: str) -> Cell:
        return self.rows[row][col]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title, "found": self.found, "valid": self.valid,
                "span": _span(self.span), "units": self.units, "labels": self.labels,
                "rows": {r: {c: cell.to_dict() for c, cell in cols.items()} for r, cols in self.rows.items()}}


@dataclass(slots=True)
class RuleResult:
    """One consistency rule applied to one column or row: ``pass``, ``fail`` or ``not_assessable``."""

    rule: str
    table: str
    scope: str
    status: str
    lhs: int | float | None = None
    rhs: int | float | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "table": self.table, "scope": self.scope, "status": self.status,
                "lhs": self.lhs, "rhs": self.rhs, "text": self.text}


@dataclass(slots=True)
class Source:
    path: str | None = None
    sha256: str | None = None
    kind: str = "text"
    encoding: str | None = None
    pages: int | None = None
    origin: str = "digital"  # or "ocr": see reportparse.origin

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "kind": self.kind,
                "encoding": self.encoding, "pages": self.pages, "origin": self.origin}


REPORT_FLAT_KEYS = ("header.issuer", "header.doc_number", "header.title", "header.year", "template", "valid")


@lru_cache(maxsize=1)
def flat_keys() -> tuple[str, ...]:
    """The contract's flat keys, in contract order: the report's own, then
    every table cell of the loaded templates (:func:`~reportparse.grammar.table_cell_keys`)."""
    return REPORT_FLAT_KEYS + table_cell_keys()


@dataclass(slots=True)
class Report:
    source: Source
    template: str
    template_notice: str | None
    header: Header
    sections: list[Section]
    tables: dict[str, Table]
    rules: list[RuleResult]
    diagnostics: list[Diagnostic]
    valid: bool
    figures: list[Any] = field(default_factory=list)  # narrative figures (text_features=True)

    def section(self, key: str) -> Section | None:
        """The standard section with this key (``overview`` … ``other``), if found."""
        for s in self.sections:
            for node in s.walk():
                if node.key == key:
                    return node
        return None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source.to_dict(),
            "template": self.template,
            "template_notice": self.template_notice,
            "valid": self.valid,
            "header": self.header.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "tables": {k: t.to_dict() for k, t in self.tables.items()},
            "rules": [r.to_dict() for r in self.rules],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "figures": [f.to_dict() for f in self.figures],
        }

    def to_html(self, text: str | None = None) -> str:
        """One self-contained HTML page (see ``reportparse show``): ``text`` is
        the text the spans point into; when not given, the file at
        ``source.path`` is read again (a PDF's pages rendered with pdftoppm)."""
        from .htmlview import render, render_with_pages

        path = self.source.path
        if path and not Path(path).is_file():
            path = path.rsplit("#", 1)[0]  # one report of a file split in several: its spans point into the whole file
        if text is None and path and path != "-" and Path(path).is_file():
            from .options import ParseOptions
            from .pipeline import _ingest_file

            text = _ingest_file(path, ParseOptions(max_bytes=1 << 40))[0].text
            return render_with_pages(self, text, path if self.source.kind == "pdf" else None)
        return render(self, text, None)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def flat(self) -> dict[str, Any]:
        """Every contract key, in contract order, then ``header.level``,
        ``header.place`` and ``header.adcode``; ``None`` where unknown, and
        where a cell's value is ``placed`` (its cell rests on a choice the text
        does not decide: the contract allows no guess; the tree keeps it)."""
        out: dict[str, Any] = dict.fromkeys(flat_keys() + EXTRA_FLAT_KEYS)
        out["header.issuer"] = self.header.issuer.value
        out["header.doc_number"] = self.header.doc_number.value
        out["header.title"] = self.header.title.value
        out["header.year"] = self.header.year.value
        out["template"] = self.template
        out["valid"] = self.valid
        out["header.level"] = self.header.level.value
        out["header.place"] = self.header.place.value
        out["header.adcode"] = self.header.adcode.value
        for tkey, table in self.tables.items():
            for rid, cols in table.rows.items():
                for cid, cell in cols.items():
                    key = f"{tkey}.{rid}.{cid}"
                    if key in out and cell.status != "placed":
                        out[key] = cell.value
        return out
