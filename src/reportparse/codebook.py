"""The codebook: what every flat key (every corpus CSV column of a table
cell) means, derived from the loaded grammars — its table, its row and column
labels in Chinese as the template prints them, the templates that have it, its
unit and the rules it is in."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .arith import equations
from .grammar import Grammars, load_grammars
from .model import EXTRA_FLAT_KEYS, flat_keys

FIELDS = ("key", "table", "row", "column", "row_label", "column_label", "templates", "unit", "rules", "meaning")

_HEADER = {
    "header.issuer": "发文机关: the issuing body", "header.doc_number": "发文字号: the document number",
    "header.title": "标题: the report's title", "header.year": "the report year",
    "template": "the template the report follows (ogi-2021, ogi-2019, ogi-2008, unknown)",
    "valid": "true when every table has every value and every rule holds (see the README: valid, anchored values)",
    "header.level": "level of government derived from the issuer", "header.place": "the place named by the issuer",
    "header.adcode": "GB/T 2260 code of the issuer's place (county level and above; see header.region for names and data date)",
}


def codebook(g: Grammars | None = None) -> list[dict[str, Any]]:
    """One entry per flat key, in contract order."""
    g = g or load_grammars()
    out: list[dict[str, Any]] = []
    for key in (*flat_keys(), *EXTRA_FLAT_KEYS):
        entry: dict[str, Any] = dict.fromkeys(FIELDS, "")
        entry["key"] = key
        if key in _HEADER:
            entry["meaning"] = _HEADER[key]
            out.append(entry)
            continue
        tkey, rest = key.split(".", 1)
        rid, cid = rest.rsplit(".", 1)
        entry.update(table=tkey, row=rid, column=cid)
        templates, rules = [], []
        for tpl in g.templates.values():
            t = tpl.tables.get(tkey)
            if t is None or rid not in {r.id for r in t.rows} or cid not in t.row(rid).columns:
                continue
            templates.append(tpl.id)
            col = t.columns[cid]
            entry["row_label"] = entry["row_label"] or t.row(rid).label
            entry["column_label"] = entry["column_label"] or " / ".join(col.labels[:2])
            entry["unit"] = entry["unit"] or (col.unit or "")
            rules += [f"{eq.rule} ({eq.scope})" for eq in equations(t) if (rid, cid) in eq.cells]
            entry["meaning"] = entry["meaning"] or f"{t.title}: {t.row(rid).label} × {col.labels[0]}"
        entry["templates"] = " ".join(templates)
        entry["rules"] = "; ".join(dict.fromkeys(rules))
        out.append(entry)
    return out


def render(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return buf.getvalue()
    lines = ["| " + " | ".join(FIELDS) + " |", "|" + "---|" * len(FIELDS)]
    lines += ["| " + " | ".join(str(r[f]).replace("|", "/") for f in FIELDS) + " |" for r in rows]
    return "\n".join(lines) + "\n"
