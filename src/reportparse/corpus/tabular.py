"""The wide table as pandas / Parquet (optional extra ``reportparse[parquet]``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ReportParseError

_TEXT = {"header.issuer", "header.doc_number", "header.title", "template", "source.path", "source.sha256",
         "status", "error", "header.level", "header.place", "keywords", "source.origin"}
_DECIMAL_SUFFIXES = (".amount",)


def _require(module: str, extra: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise ReportParseError(f"{module} is not installed: pip install 'reportparse[{extra}]'") from None


def read_csv(outdir: str | Path):
    """``reports.csv`` as a pandas DataFrame with proper types (nullable integers)."""
    pd = _require("pandas", "parquet")
    path = Path(outdir) / "reports.csv"
    df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for col in df.columns:
        values = df[col].replace("", None)
        if col in _TEXT:
            df[col] = values.astype("string")
        elif col == "valid" or col.endswith(".valid"):
            df[col] = values.map({"true": True, "false": False}).astype("boolean")
        elif col.endswith(_DECIMAL_SUFFIXES) or col == "proactive.fees.amount":
            df[col] = pd.to_numeric(values).astype("Float64")
        else:
            df[col] = pd.to_numeric(values).astype("Int64")
    return df


def write_parquet(outdir: Path, columns: list[str]) -> None:
    _require("pyarrow", "parquet")
    df = read_csv(outdir)
    tmp = outdir / ".reports.parquet.tmp"
    df.to_parquet(tmp, index=False)
    tmp.replace(outdir / "reports.parquet")


def load(outdir: str | Path, cells: bool = False):
    """The corpus table of a finished run as a pandas DataFrame (Parquet if written, else the CSV);
    ``cells=True``: the long-format ``cells.csv`` (a run with ``--cells``), one row per table cell."""
    pd = _require("pandas", "parquet")
    if cells:
        df = pd.read_csv(Path(outdir) / "cells.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        df = df.replace("", None)
        df["value"] = pd.to_numeric(df["value"]).astype("Float64")
        for col in ("line", "page", "start", "end"):
            df[col] = pd.to_numeric(df[col]).astype("Int64")
        df["table_valid"] = df["table_valid"].map({"true": True, "false": False}).astype("boolean")
        return df
    p = Path(outdir) / "reports.parquet"
    if p.exists():
        return pd.read_parquet(p)
    return read_csv(outdir)
