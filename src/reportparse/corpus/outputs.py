"""Corpus outputs: per-input parts (the resumable journal) and the final
files assembled from them in input order.

Each input's result is written atomically to ``OUTDIR/.parts/<key>.json``; a
re-run skips inputs whose part matches their path and content hash. The final
files (``reports.jsonl``, ``reports.csv``, ``diagnostics.csv``,
``summary.json``, optionally ``reports.parquet``) are rebuilt from the parts,
streamed one part at a time, each written to a temporary file and renamed.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from ..fileio import atomic_open, atomic_write
from ..model import EXTRA_FLAT_KEYS, flat_keys

EXTRA_COLUMNS = ("source.path", "source.sha256", "status", "error", "n_diagnostics")
# where the text came from, and each table's own ``valid`` (OCR output: tables 三 and 四 can be valid
# when the report is not)
REPORT_COLUMNS = ("source.origin", "proactive.valid", "applications.valid", "appeals.valid")
PARTS = ".parts"


def part_path(outdir: Path, path: str) -> Path:
    key = hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return outdir / PARTS / f"{key}.json"


def part_text(result: dict[str, Any]) -> str:
    """A part file: line 1 the row data (everything but the tree), line 2 the
    tree's JSON as it goes into reports.jsonl (so assembly never re-encodes it);
    a file split into several reports (``parts``): two such lines for each."""
    if result.get("parts"):
        return "\n".join(part_text(p) for p in result["parts"])
    meta = {k: v for k, v in result.items() if k != "tree"}
    tree = result["tree"] if result["tree"] is not None else {
        "source": {"path": result["path"], "sha256": result["sha256"]}, "status": "error", "error": result["error"]}
    return json.dumps(meta, ensure_ascii=False) + "\n" + json.dumps(tree, ensure_ascii=False)


def write_part(outdir: Path, path: str, text: str) -> None:
    """One input's result. Not fsynced: a part lost to a power cut reads back
    as unreadable and that input is simply parsed again."""
    target = part_path(outdir, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, lambda fh: fh.write(text), durable=False)


def read_part(outdir: Path, path: str) -> list[tuple[dict[str, Any], str]] | None:
    """[(row data, tree JSON text)], one for each report of the input, or None when missing or unreadable."""
    try:
        lines = part_path(outdir, path).read_text(encoding="utf-8").split("\n")
        if len(lines) < 2 or len(lines) % 2 or not all(t.endswith("}") for t in lines[1::2]):
            return None
        return [(json.loads(m), t) for m, t in zip(lines[::2], lines[1::2], strict=True)]
    except (OSError, ValueError):
        return None


def csv_columns(extra_features: tuple[str, ...] = ()) -> list[str]:
    return list(flat_keys()) + list(EXTRA_FLAT_KEYS) + list(extra_features) + list(EXTRA_COLUMNS) + list(REPORT_COLUMNS)


def _parts(outdir: Path, inputs: list[str]) -> Iterator[tuple[dict[str, Any], str]]:
    for path in inputs:
        parts = read_part(outdir, path)
        if parts is None:  # cannot happen after a complete run; keep the row anyway
            meta = {"path": path, "sha256": None, "status": "error", "error": "no result recorded",
                    "flat": None, "tree": None, "diagnostics": []}
            parts = [(meta, part_text(meta).split("\n", 1)[1])]
        yield from parts


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return " ".join(str(x) for x in v)
    return v


DIAG_COLUMNS = ["source.path", "code", "severity", "message", "line", "start", "end", "page", "path"]
CELL_COLUMNS = ["source.path", "key", "table", "row", "column", "value", "status", "raw", "line", "page", "start", "end",
                "table_valid", "failed_rules"]


def _cell_rows(path: str, tree: dict[str, Any]) -> Iterator[list[Any]]:
    """Long format: one row per table cell, with how its value was obtained."""
    failed: dict[str, list[str]] = {}
    for r in tree.get("rules") or []:
        if r["status"] == "fail":
            failed.setdefault(r["table"], []).append(f"{r['rule']} ({r['scope']})")
    for tkey, table in (tree.get("tables") or {}).items():
        for rid, cols in table["rows"].items():
            for cid, cell in cols.items():
                span = cell.get("span") or {}
                yield [path, f"{tkey}.{rid}.{cid}", tkey, rid, cid, _cell(cell["value"]), cell["status"], cell.get("raw") or "",
                       span.get("line", ""), span.get("page", ""), span.get("start", ""), span.get("end", ""),
                       _cell(table.get("valid")), "; ".join(failed.get(tkey, [])) if cell["status"] == "conflict" else ""]


def assemble(outdir: Path, inputs: list[str], extra_features: tuple[str, ...] = (), parquet: bool = False,
             sections: bool = False, named: set[str] | None = None, cells: bool = False, html: bool = False) -> dict[str, Any]:
    """Write every final output from the parts in one pass, in input order; return the summary.

    An input that a folder scan or a glob found (not in ``named``) and that
    is no report at all (``NOT_A_REPORT``: a README beside the reports) is
    skipped: no row, listed under ``skipped`` in the summary."""
    columns = csv_columns(extra_features)
    by_status: Counter[str] = Counter()
    by_template: Counter[str] = Counter()
    by_year: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    failed: list[dict[str, str]] = []
    skipped: list[str] = []
    seconds = 0.0
    index = None
    if html:
        from .htmlindex import Index

        index = Index()
    with ExitStack() as stack:
        # UTF-8 with BOM for the CSVs, so that Excel opens the Chinese correctly
        jsonl = stack.enter_context(atomic_open(outdir / "reports.jsonl"))
        rows = csv.writer(stack.enter_context(atomic_open(outdir / "reports.csv", encoding="utf-8-sig", newline="")), lineterminator="\n")
        diags = csv.writer(stack.enter_context(atomic_open(outdir / "diagnostics.csv", encoding="utf-8-sig", newline="")), lineterminator="\n")
        secs = stack.enter_context(atomic_open(outdir / "sections.jsonl")) if sections else None
        cell_csv = csv.writer(stack.enter_context(atomic_open(outdir / "cells.csv", encoding="utf-8-sig", newline="")),
                              lineterminator="\n") if cells else None
        if cell_csv is not None:
            cell_csv.writerow(CELL_COLUMNS)
        rows.writerow(columns)
        diags.writerow(DIAG_COLUMNS)
        for meta, tree_json in _parts(outdir, inputs):
            if named is not None and meta["path"] not in named and any(d["code"] == "NOT_A_REPORT" for d in meta["diagnostics"]):
                skipped.append(meta["path"])
                continue
            jsonl.write(tree_json + "\n")
            if index is not None:
                index.add(meta, tree_json, outdir)
            flat = meta["flat"] or {}
            row = {**flat, "source.path": meta["path"], "source.sha256": meta["sha256"], "status": meta["status"],
                   "error": meta["error"], "n_diagnostics": len(meta["diagnostics"])}
            rows.writerow([_cell(row.get(c)) for c in columns])
            for d in meta["diagnostics"]:
                loc = d.get("location") or {}
                diags.writerow([meta["path"], d["code"], d["severity"], d["message"], loc.get("line", ""),
                                loc.get("start", ""), loc.get("end", ""), loc.get("page", ""), d.get("path") or ""])
            if cell_csv is not None and meta["status"] != "error":
                cell_csv.writerows(_cell_rows(meta["path"], json.loads(tree_json)))
            if secs is not None:
                for srow in meta.get("sections") or []:
                    secs.write(json.dumps({"source.path": meta["path"], **srow}, ensure_ascii=False) + "\n")
            by_status[meta["status"]] += 1
            by_template[str(flat.get("template") or "error")] += 1
            by_year[str(flat.get("header.year") or "unknown")] += 1
            codes.update(d["code"] for d in meta["diagnostics"])
            seconds += meta.get("seconds") or 0.0
            if meta["status"] == "error":
                failed.append({"path": meta["path"], "error": meta["error"] or ""})
    if index is not None:
        index.write(outdir / "index.html")
    if parquet:
        from .tabular import write_parquet

        write_parquet(outdir, columns)
    summary = {
        "inputs": len(inputs),
        "by_status": dict(sorted(by_status.items())),
        "by_template": dict(sorted(by_template.items())),
        "by_year": dict(sorted(by_year.items())),
        "top_diagnostics": dict(codes.most_common(15)),
        "failed": failed,
        "skipped": skipped,
    }
    atomic_write(outdir / "summary.json", lambda fh: json.dump(summary, fh, ensure_ascii=False, indent=2))
    return {**summary, "parse_seconds_total": round(seconds, 2)}  # timing: printed, not in the (deterministic) file
