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
from pathlib import Path
from typing import Any

from ..fileio import atomic_write
from ..model import EXTRA_FLAT_KEYS, flat_keys

EXTRA_COLUMNS = ("source.path", "source.sha256", "status", "error", "n_diagnostics")
PARTS = ".parts"


def part_path(outdir: Path, path: str) -> Path:
    key = hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return outdir / PARTS / f"{key}.json"


def write_part(outdir: Path, result: dict[str, Any]) -> None:
    target = part_path(outdir, result["path"])
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, lambda fh: json.dump(result, fh, ensure_ascii=False))


def read_part(outdir: Path, path: str) -> dict[str, Any] | None:
    try:
        return json.loads(part_path(outdir, path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def csv_columns(extra_features: tuple[str, ...] = ()) -> list[str]:
    return list(flat_keys()) + list(EXTRA_FLAT_KEYS) + list(extra_features) + list(EXTRA_COLUMNS)


def _parts(outdir: Path, inputs: list[str]) -> Iterator[dict[str, Any]]:
    for path in inputs:
        part = read_part(outdir, path)
        if part is None:  # cannot happen after a complete run; keep the row anyway
            part = {"path": path, "sha256": None, "status": "error", "error": "no result recorded",
                    "flat": None, "tree": None, "diagnostics": []}
        yield part


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return " ".join(str(x) for x in v)
    return v


def assemble(outdir: Path, inputs: list[str], extra_features: tuple[str, ...] = (), parquet: bool = False,
             sections: bool = False) -> dict[str, Any]:
    """Write every final output from the parts, in input order; return the summary."""
    columns = csv_columns(extra_features)
    by_status: Counter[str] = Counter()
    by_template: Counter[str] = Counter()
    by_year: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    failed: list[dict[str, str]] = []
    seconds = 0.0

    def write_jsonl(fh) -> None:
        for part in _parts(outdir, inputs):
            record = part["tree"] if part["tree"] is not None else {
                "source": {"path": part["path"], "sha256": part["sha256"]}, "status": "error", "error": part["error"]}
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")

    def write_csv(fh) -> None:
        nonlocal seconds
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        for part in _parts(outdir, inputs):
            flat = part["flat"] or {}
            row = {**flat, "source.path": part["path"], "source.sha256": part["sha256"], "status": part["status"],
                   "error": part["error"], "n_diagnostics": len(part["diagnostics"])}
            w.writerow([_cell(row.get(c)) for c in columns])
            by_status[part["status"]] += 1
            by_template[str(flat.get("template") or "error")] += 1
            by_year[str(flat.get("header.year") or "unknown")] += 1
            codes.update(d["code"] for d in part["diagnostics"])
            seconds += part.get("seconds") or 0.0
            if part["status"] == "error":
                failed.append({"path": part["path"], "error": part["error"] or ""})

    def write_diags(fh) -> None:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source.path", "code", "severity", "message", "line", "start", "end", "page", "path"])
        for part in _parts(outdir, inputs):
            for d in part["diagnostics"]:
                loc = d.get("location") or {}
                w.writerow([part["path"], d["code"], d["severity"], d["message"], loc.get("line", ""),
                            loc.get("start", ""), loc.get("end", ""), loc.get("page", ""), d.get("path") or ""])

    atomic_write(outdir / "reports.jsonl", write_jsonl)
    # UTF-8 with BOM so that Excel opens the Chinese correctly
    atomic_write(outdir / "reports.csv", write_csv, newline="", encoding="utf-8-sig")
    atomic_write(outdir / "diagnostics.csv", write_diags, newline="", encoding="utf-8-sig")
    if sections:
        atomic_write(outdir / "sections.jsonl", lambda fh: _write_sections(fh, outdir, inputs))
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
    }
    atomic_write(outdir / "summary.json", lambda fh: json.dump(summary, fh, ensure_ascii=False, indent=2))
    return {**summary, "parse_seconds_total": round(seconds, 2)}  # timing: printed, not in the (deterministic) file


def _write_sections(fh, outdir: Path, inputs: list[str]) -> None:
    for part in _parts(outdir, inputs):
        for row in (part.get("sections") or []):
            fh.write(json.dumps({"source.path": part["path"], **row}, ensure_ascii=False) + "\n")
