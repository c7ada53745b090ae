"""Issuer-year panels from a corpus run (``reportparse panel``): one row per
body and year, the same body recognised under its short and full names, and
the check no single report can make: the applications carried forward at the
end of year t (结转下年度继续办理) are the applications carried over into
year t+1 (上年结转). A disagreement is a flag (a misread, or a report that
restated its figures), never a change of a value."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..datafiles import grammars_folder, toml_data
from ..startcache import compiled
from .tabular import _require

APPLICANTS = ("natural_person", "business", "research", "nonprofit", "legal_service", "other_org", "total")
CHECK = "carry_next"  # the columns of the check, on year t's row: carry_next.<column>, and carry_next


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[str, str]]:
    pairs = toml_data(grammars_folder() / "admin.toml")["bodies"]["abbreviations"]
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def body_name(issuer: str | None) -> str | None:
    """The issuer with white space removed and short names written out (区政府 → 区人民政府)."""
    if not issuer:
        return None
    name = compiled(r"\s+").sub("", issuer)
    for short, full in _abbreviations():
        if name.endswith(short) and not name.endswith(full):
            return name[: -len(short)] + full
    return name


def panel(df: Any) -> Any:
    """The panel of a corpus table (``reportparse.corpus.load(out)``): reports
    that parsed with an issuer and a year, one row per body and year (a second
    report of the same body and year is dropped and counted in ``duplicates``),
    sorted; ``carry_next.<column>`` is ``agree``, ``disagree`` or ``missing``
    where the body's next year is in the panel, and ``carry_next`` sums it up."""
    pd = _require("pandas", "parquet")
    rows = df[(df["status"] != "error") & df["header.issuer"].notna() & df["header.year"].notna()].copy()
    rows["body"] = rows["header.issuer"].map(body_name)
    rows["year"] = rows["header.year"].astype(int)
    rows = rows.sort_values(["body", "year", "source.path"])
    rows["duplicates"] = rows.groupby(["body", "year"])["year"].transform("size") - 1
    rows = rows.drop_duplicates(["body", "year"], keep="first").reset_index(drop=True)
    checks: dict[str, list[str | None]] = {f"{CHECK}.{c}": [] for c in APPLICANTS}
    summary: list[str | None] = []
    nxt = rows.groupby("body")["year"].shift(-1)
    for i in range(len(rows)):
        if pd.isna(nxt.iloc[i]) or int(nxt.iloc[i]) != rows["year"].iloc[i] + 1:
            for c in APPLICANTS:
                checks[f"{CHECK}.{c}"].append(None)
            summary.append(None)
            continue
        states = []
        for c in APPLICANTS:
            a, b = rows[f"applications.carried_forward.{c}"].iloc[i], rows[f"applications.carried_over.{c}"].iloc[i + 1]
            state = "missing" if pd.isna(a) or pd.isna(b) else "agree" if float(a) == float(b) else "disagree"
            checks[f"{CHECK}.{c}"].append(state)
            states.append(state)
        summary.append("disagree" if "disagree" in states else "missing" if "missing" in states else "agree")
    for col, values in checks.items():
        rows[col] = values
    rows[CHECK] = summary
    lead = ["body", "year", "header.issuer", "source.path", "header.adcode", "header.level", "valid", "duplicates", CHECK]
    return rows[lead + [c for c in rows.columns if c not in lead]]
