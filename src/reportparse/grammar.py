"""Load and validate the grammar files in ``grammars/`` (package ``reportparse.grammars``).

Grammar in files, meaning in code: this module only reads and checks the data.
A broken file raises :class:`GrammarError` naming the file, the entry and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import regex

from .datafiles import grammars_folder
from .errors import GrammarError
from .startcache import cached, compiled, digest

SHARED_FILES = ("common.toml", "gbt9704.toml")
OTHER_DATA = ("admin.toml", "narrative.toml")  # read by level.py and features/, not templates
TABLE_LAYOUTS = ("labelled_rows", "header_groups")  # the kinds in tables/kinds.py REGISTRY


@dataclass(frozen=True)
class Column:
    id: str
    labels: tuple[str, ...]
    unit: str | None = None
    decimal: bool = False
    signed: bool = False
    group: str | None = None  # a merged header over several columns (法人或其他组织), as the template prints it
    span: int = 1  # grid columns its cell covers in the template (本年处理决定数量 over 3): a converter may print it that often


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    match: tuple[str, ...]
    columns: tuple[str, ...]
    optional: bool = False  # a variant row (e.g. a group printed as one row): not needed for validity
    exact: tuple[str, ...] = ()  # label forms matched only exactly, never fuzzily (short, common words)


@dataclass(frozen=True)
class Statement:
    """How a report's prose states one cell's value (``本年度制发的规范性文件88件``):
    regular expressions whose one group is the number (written with ``{n}``
    where it stands in the grammar file), read by ``tables/prose.py``."""

    row: str
    column: str
    patterns: tuple[str, ...]


STATEMENT_NUMBER = r"(\d+(?:\.\d+)?)"  # what ``{n}`` in a statement pattern stands for


@dataclass(frozen=True)
class Rule:
    """``sum(lhs) == sum(rhs)``, applied to each column (terms are rows) or each row (terms are columns)."""

    id: str
    each: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class TableGrammar:
    key: str
    section: str
    title: str
    layout: str
    label_column: bool
    total_column: str | None
    columns: dict[str, Column]
    rows: tuple[Row, ...]
    rules: tuple[Rule, ...]
    statements: tuple[Statement, ...] = ()
    names: tuple[str, ...] = ()  # words its header or notes print besides its labels (申请人情况): they name it untitled

    @cached_property
    def _rows_by_id(self) -> dict[str, Row]:
        return {r.id: r for r in self.rows}

    def row(self, row_id: str) -> Row:
        return self._rows_by_id[row_id]

    def cell_keys(self) -> list[tuple[str, str]]:
        """The template's required cells (optional variant rows left out)."""
        return [(r.id, c) for r in self.rows if not r.optional for c in r.columns]


@dataclass(frozen=True)
class SectionRule:
    key: str
    number: int | None
    titles: tuple[str, ...]
    tables: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    notice: str
    notice_date: str
    years: tuple[int, int]
    free_format: bool
    markers: tuple[str, ...]
    title_words: tuple[str, ...]
    sections: tuple[SectionRule, ...]
    tables: dict[str, TableGrammar]
    file: str


@dataclass(frozen=True)
class HeadingLevel:
    level: int
    pattern: Any  # compiled regex


@dataclass(frozen=True)
class Grammars:
    """Everything the parser reads from ``grammars/``."""

    brackets: dict[int, str]  # one-to-one rewrites: bracket forms, traditional characters, radicals
    blanks: str
    phrases: tuple[tuple[str, str], ...]
    page_furniture: tuple[Any, ...]
    web_chrome: tuple[Any, ...]
    scrape: dict[str, Any]
    elements: dict[str, Any]
    title: dict[str, Any]
    year: dict[str, Any]
    headings: tuple[HeadingLevel, ...]
    repair: dict[str, Any] = field(default_factory=dict)  # data for the header's OCR repairs
    heading_continued: Any = None  # a title's remainder that marks its heading printed again: （续）
    cell_borders: str = ""  # box-drawing characters that separate cells (a tab each run)
    rule_strokes: str = ""  # box-drawing characters that draw rules (read as spaces)
    templates: dict[str, Template] = field(default_factory=dict)


class _Reader:
    """Typed access to one TOML file's data that names the entry on error."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, entry: str, problem: str) -> GrammarError:
        return GrammarError(self.file, entry, problem)

    def get(self, data: dict[str, Any], key: str, kind: type | tuple[type, ...], entry: str,
            default: Any = ...) -> Any:
        if key not in data:
            if default is ...:
                raise self.fail(entry, f"missing required key {key!r}")
            return default
        value = data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(f"{entry}.{key}", f"expected {names}, got {type(value).__name__} {value!r}")
        return value

    def strings(self, data: dict[str, Any], key: str, entry: str, default: Any = ...) -> tuple[str, ...]:
        value = self.get(data, key, list, entry, default)
        if not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{entry}.{key}", "expected a list of non-empty strings")
        return tuple(value)

    def pattern(self, source: str, entry: str) -> Any:
        try:
            return compiled(source, regex.V0)
        except regex.error as exc:
            raise self.fail(entry, f"bad regular expression: {exc}") from None


def _load_toml(path: Path | Any, name: str) -> dict[str, Any]:
    import tomllib  # only when grammars are built, not read from the start-up cache

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise GrammarError(name, "(file)", f"not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GrammarError(name, "(file)", f"cannot be read: {exc}") from None


def _parse_terms(r: _Reader, side: str, entry: str) -> list[str]:
    terms = [t.strip() for t in side.split("+")]
    if not all(terms):
        raise r.fail(entry, f"empty term in {side!r}")
    return terms


def parse_rule(r: _Reader, data: dict[str, Any], entry: str, table_rows: list[str],
               table_cols: list[str], optional: frozenset[str] = frozenset()) -> Rule:
    rid = r.get(data, "id", str, entry)
    each = r.get(data, "each", str, entry)
    if each not in ("column", "row"):
        raise r.fail(f"{entry}.each", f"expected 'column' or 'row', got {each!r}")
    expr = r.get(data, "expr", str, entry)
    if expr.count("=") != 1:
        raise r.fail(f"{entry}.expr", f"expected one '=' in {expr!r}")
    left, right = expr.split("=")
    names = table_rows if each == "column" else table_cols
    sides = []
    for side in (left, right):
        out: list[str] = []
        for term in _parse_terms(r, side, f"{entry}.expr"):
            m = compiled(r"sum\(([\w.]+)\.\*\)").fullmatch(term)
            if m:  # a glob sums the required rows under a prefix
                prefix = m.group(1) + "."
                out.extend(n for n in names if n.startswith(prefix) and n not in out and n not in optional)
            elif term in names:
                out.append(term)
            else:
                raise r.fail(f"{entry}.expr", f"{term!r} is not a {'row' if each == 'column' else 'column'} of this table")
        sides.append(out)
    lhs = tuple(sides[0])
    rhs = tuple(t for t in sides[1] if t not in lhs)
    if not lhs or not rhs:
        raise r.fail(f"{entry}.expr", "both sides need at least one term")
    return Rule(rid, each, lhs, rhs, r.get(data, "text", str, entry, ""))


def _parse_table(r: _Reader, data: dict[str, Any], entry: str) -> TableGrammar:
    key = r.get(data, "key", str, entry)
    entry = f"tables[{key}]"
    columns: dict[str, Column] = {}
    for i, c in enumerate(r.get(data, "columns", list, entry)):
        ce = f"{entry}.columns[{i}]"
        cid = r.get(c, "id", str, ce)
        if cid in columns:
            raise r.fail(ce, f"duplicate column id {cid!r}")
        number = r.get(c, "number", str, ce, "integer")
        if number not in ("integer", "decimal"):
            raise r.fail(f"{ce}.number", f"expected 'integer' or 'decimal', got {number!r}")
        span = r.get(c, "span", int, ce, 1)
        if span < 1:
            raise r.fail(f"{ce}.span", "expected a count of grid columns, 1 or more")
        columns[cid] = Column(cid, r.strings(c, "labels", ce), r.get(c, "unit", str, ce, None),
                              number == "decimal", r.get(c, "signed", bool, ce, False), r.get(c, "group", str, ce, None), span)
    rows: list[Row] = []
    for i, rd in enumerate(r.get(data, "rows", list, entry)):
        re_ = f"{entry}.rows[{i}]"
        rid = r.get(rd, "id", str, re_)
        if any(x.id == rid for x in rows):
            raise r.fail(re_, f"duplicate row id {rid!r}")
        cols = r.strings(rd, "columns", re_, tuple(columns))
        for c in cols:
            if c not in columns:
                raise r.fail(f"{re_}.columns", f"unknown column {c!r}")
        rows.append(Row(rid, r.get(rd, "label", str, re_), r.strings(rd, "match", re_), tuple(cols),
                        r.get(rd, "optional", bool, re_, False), r.strings(rd, "exact", re_, ())))
    layout = r.get(data, "layout", str, entry)
    if layout not in TABLE_LAYOUTS:
        raise r.fail(f"{entry}.layout", f"expected one of {', '.join(map(repr, TABLE_LAYOUTS))}, got {layout!r}")
    total = r.get(data, "total_column", str, entry, None)
    if total is not None and total not in columns:
        raise r.fail(f"{entry}.total_column", f"unknown column {total!r}")
    row_ids, col_ids = [x.id for x in rows], list(columns)
    optional = frozenset(x.id for x in rows if x.optional)
    rules = tuple(parse_rule(r, rd, f"{entry}.rules[{i}]", row_ids, col_ids, optional)
                  for i, rd in enumerate(r.get(data, "rules", list, entry, [])))
    statements = tuple(_parse_statement(r, sd, f"{entry}.statements[{i}]", rows)
                       for i, sd in enumerate(r.get(data, "statements", list, entry, [])))
    return TableGrammar(key, r.get(data, "section", str, entry), r.get(data, "title", str, entry),
                        layout, r.get(data, "label_column", bool, entry), total, columns,
                        tuple(rows), rules, statements, r.strings(data, "names", entry, ()))


def _parse_statement(r: _Reader, data: dict[str, Any], entry: str, rows: list[Row]) -> Statement:
    cell = r.get(data, "cell", str, entry)
    rid, _, cid = cell.rpartition(".")
    row = next((x for x in rows if x.id == rid), None)
    if row is None or cid not in row.columns:
        raise r.fail(f"{entry}.cell", f"{cell!r} is not a row.column of this table")
    patterns = []
    for pat in r.strings(data, "patterns", entry):
        if pat.count("{n}") != 1:
            raise r.fail(f"{entry}.patterns", f"{pat!r} must hold {{n}} (the number) once")
        patterns.append(pat.replace("{n}", STATEMENT_NUMBER))
        try:
            compiled(patterns[-1])  # (compiled once, for tables/prose.py too)
        except regex.error as e:
            raise r.fail(f"{entry}.patterns", f"{pat!r} is not a valid pattern: {e}") from None
    return Statement(rid, cid, tuple(patterns))


def parse_template(data: dict[str, Any], file: str) -> Template:
    r = _Reader(file)
    meta = r.get(data, "meta", dict, "meta")
    years = r.get(meta, "years", list, "meta")
    if len(years) != 2 or not all(isinstance(y, int) for y in years) or years[0] > years[1]:
        raise r.fail("meta.years", f"expected [first, last] report years, got {years!r}")
    detect = r.get(data, "detect", dict, "detect")
    sections = []
    for i, s in enumerate(r.get(data, "sections", list, "sections")):
        e = f"sections[{i}]"
        sections.append(SectionRule(r.get(s, "key", str, e), r.get(s, "number", int, e, None),
                                    r.strings(s, "titles", e), r.strings(s, "tables", e, ())))
    tables = {}
    for i, t in enumerate(r.get(data, "tables", list, "tables", [])):
        tg = _parse_table(r, t, f"tables[{i}]")
        tables[tg.key] = tg
    for s in sections:
        for t in s.tables:
            if t not in tables:
                raise r.fail(f"sections[{s.key}].tables", f"unknown table {t!r}")
    return Template(r.get(meta, "id", str, "meta"), r.get(meta, "name", str, "meta"),
                    r.get(meta, "notice", str, "meta"), r.get(meta, "notice_date", str, "meta"),
                    (years[0], years[1]), r.get(meta, "free_format", bool, "meta"),
                    r.strings(detect, "markers", "detect"), r.strings(detect, "title", "detect"),
                    tuple(sections), tables, file)


def _parse_shared(common: dict[str, Any], gbt: dict[str, Any]) -> Grammars:
    rc, rg = _Reader("common.toml"), _Reader("gbt9704.toml")
    norm = rc.get(common, "normalise", dict, "normalise")
    src, dst = rc.get(norm, "brackets_from", str, "normalise"), rc.get(norm, "brackets_to", str, "normalise")
    if len(src) != len(dst):
        raise rc.fail("normalise.brackets_to", "must have as many characters as brackets_from")
    tsrc, tdst = rc.get(norm, "traditional_from", str, "normalise", ""), rc.get(norm, "traditional_to", str, "normalise", "")
    if len(tsrc) != len(tdst):
        raise rc.fail("normalise.traditional_to", "must have as many characters as traditional_from")
    rsrc, rdst = rc.get(norm, "radicals_from", str, "normalise", ""), rc.get(norm, "radicals_to", str, "normalise", "")
    if len(rsrc) != len(rdst):
        raise rc.fail("normalise.radicals_to", "must have as many characters as radicals_from")
    phrases = rc.get(norm, "phrases", list, "normalise", [])
    for i, pair in enumerate(phrases):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair) and len(pair[0]) == len(pair[1])):
            raise rc.fail(f"normalise.phrases[{i}]", "expected [from, to] of the same length")

    def patterns(r: _Reader, data: dict[str, Any], key: str) -> tuple[Any, ...]:
        return tuple(r.pattern(r.get(p, "pattern", str, f"{key}[{i}]"), f"{key}[{i}].pattern")
                     for i, p in enumerate(r.get(data, key, list, key)))

    scrape = dict(rc.get(common, "scrape_metadata", dict, "scrape_metadata"))
    scrape["end"] = rc.pattern(rc.get(scrape, "end", str, "scrape_metadata"), "scrape_metadata.end")
    elements = {k: rg.pattern(v, f"elements.{k}") for k, v in rg.get(gbt, "elements", dict, "elements").items()}
    for need in ("issuer_mark", "doc_number", "date_line", "printed", "cc", "note"):
        if need not in elements:
            raise rg.fail("elements", f"missing required element {need!r}")
    year = {k: rg.pattern(v, f"year.{k}") for k, v in rg.get(gbt, "year", dict, "year").items()}
    title = dict(rg.get(gbt, "title", dict, "title"))
    title["subject"] = rg.pattern(rg.get(title, "subject", str, "title"), "title.subject")
    headings = []
    for i, h in enumerate(rg.get(gbt, "headings", list, "headings")):
        e = f"headings[{i}]"
        headings.append(HeadingLevel(rg.get(h, "level", int, e), rg.pattern(rg.get(h, "pattern", str, e), f"{e}.pattern")))
    return Grammars(
        brackets={**str.maketrans(rsrc, rdst), **str.maketrans(tsrc, tdst), **str.maketrans(src, dst)}, blanks=rc.get(norm, "blanks", str, "normalise"),
        phrases=tuple((a, b) for a, b in phrases),
        page_furniture=patterns(rc, common, "page_furniture"), web_chrome=patterns(rc, common, "web_chrome"),
        scrape=scrape, elements=elements, title=title, year=year,
        headings=tuple(sorted(headings, key=lambda h: h.level)), repair=rg.get(gbt, "repair", dict, "repair"),
        heading_continued=rg.pattern(rg.get(rg.get(gbt, "heading_continued", dict, "heading_continued"), "pattern", str,
                                            "heading_continued"), "heading_continued.pattern"),
        cell_borders=rc.get(norm, "cell_borders", str, "normalise", ""), rule_strokes=rc.get(norm, "rule_strokes", str, "normalise", ""),
    )


def load_from_dir(folder: Path | Any) -> Grammars:
    """Load every grammar file of a folder (a Path or an importlib Traversable)."""
    files = {p.name: p for p in folder.iterdir() if p.name.endswith(".toml")}
    for need in SHARED_FILES:
        if need not in files:
            raise GrammarError(need, "(file)", "is missing from the grammars folder")
    g = _parse_shared(_load_toml(files["common.toml"], "common.toml"), _load_toml(files["gbt9704.toml"], "gbt9704.toml"))
    for name in sorted(files):
        if name in SHARED_FILES or name in OTHER_DATA:
            continue
        t = parse_template(_load_toml(files[name], name), name)
        if t.id in g.templates:
            raise GrammarError(name, "meta.id", f"duplicate template id {t.id!r}")
        g.templates[t.id] = t
    return g


@lru_cache(maxsize=1)
def load_grammars() -> Grammars:
    """The grammars shipped with the package (read once per process; immutable).
    Loaded once per version of the files: later processes read the loaded
    grammars from the start-up cache, keyed by the hash of every TOML file and
    of this module's code (:mod:`reportparse.startcache`)."""
    folder = grammars_folder()
    parts = [Path(__file__).read_bytes()]
    for p in sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name):
        parts.append(p.name.encode("utf-8") + b"\0" + p.read_bytes())
    return cached("grammars", "\n".join(digest(p) for p in parts), lambda: load_from_dir(folder))


def template_ids(g: Grammars | None = None) -> tuple[str, ...]:
    """The templates' ids, newest first (by their first report year): every
    list of templates (options, CLI choices, the schema's enum) is this one,
    so a new template is a grammar file, not a code change."""
    g = g or load_grammars()
    return tuple(t.id for t in sorted(g.templates.values(), key=lambda t: (-t.years[0], t.id)))


def table_cell_keys(g: Grammars | None = None) -> tuple[str, ...]:
    """Every ``<table>.<row>.<column>`` key a template's required cells give
    (the flat view's and the corpus CSV's cell columns): table by table in the
    order the templates first print them, and within a table the newest
    template's cells, then the cells only older templates have. With the
    bundled grammars this is the contract's list (tested against it)."""
    g = g or load_grammars()
    newest = [g.templates[t] for t in template_ids(g)]
    kinds = list(dict.fromkeys(k for t in newest for k in t.tables))
    keys = (f"{k}.{r}.{c}" for k in kinds for t in newest if k in t.tables for r, c in t.tables[k].cell_keys())
    return tuple(dict.fromkeys(keys))
