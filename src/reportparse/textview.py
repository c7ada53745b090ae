"""A readable view of a parsed report (``reportparse parse FILE --summary``):
the header, validity per table, and the three tables as aligned text tables
in the template's shape, each value marked with how it was obtained."""

from __future__ import annotations

import unicodedata

from .grammar import load_grammars
from .model import Report

MARKS = {"read": "", "placed": "~", "inferred": "*", "corrected": "!", "conflict": "?", "missing": "—"}
LEGEND = "marks: ~ placed (its cell not decided by the text)  * inferred (forced by a rule)  ! corrected  ? in a rule that fails  — no value"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _fit(s: str, width: int, right: bool = False) -> str:
    while _width(s) > width:
        s = s[:-2] + "…" if len(s) > 1 else s[:-1]
    pad = " " * (width - _width(s))
    return pad + s if right else s + pad


def _cell(cell) -> str:
    if cell.value is None:
        return MARKS["missing"]
    v = cell.value
    text = f"{v:g}" if isinstance(v, float) else str(v)
    return text + MARKS.get(cell.status, "")


def summary_text(report: Report) -> str:
    h = report.header
    lines = [f"{h.title.value or '(no title)'}",
             f"issuer {h.issuer.value or '—'}   发文字号 {h.doc_number.value or '—'}   year {h.year.value or '—'}"
             f"   template {report.template}   origin {report.source.origin}",
             f"valid: {'yes' if report.valid else 'no'}   " + "   ".join(
                 f"{k} {'yes' if t.valid else 'no'}" for k, t in report.tables.items())]
    tpl = load_grammars().templates.get(report.template)
    for key, table in report.tables.items():
        tg = tpl.tables.get(key) if tpl else None
        if tg is None:
            continue
        cols = list(dict.fromkeys(c for r in tg.rows for c in r.columns))
        heads = [tg.columns[c].labels[0] for c in cols]
        widths = [max(6, min(12, _width(hd))) for hd in heads]
        lines += ["", table.title, _fit("", 30) + " " + " ".join(_fit(hd, w, True) for hd, w in zip(heads, widths, strict=True))]
        for r in tg.rows:
            cells = table.rows.get(r.id, {})
            if r.optional and all(c.value is None for c in cells.values()):
                continue
            vals = [_cell(cells[c]) if c in cells else "" for c in cols]
            lines.append(_fit(r.label, 30) + " " + " ".join(_fit(v, w, True) for v, w in zip(vals, widths, strict=True)))
    errors = [d for d in report.diagnostics if d.severity != "info"]
    lines += ["", LEGEND, f"{len(report.diagnostics)} diagnostics ({len(errors)} warnings or errors):"]
    lines += [f"  {d.severity:<7} {d.code}: {d.message[:110]}" for d in errors[:15]]
    if len(errors) > 15:
        lines.append(f"  … and {len(errors) - 15} more (the JSON lists them all)")
    return "\n".join(lines) + "\n"
