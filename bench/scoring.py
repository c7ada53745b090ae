"""Score a parse against the generator's values: shared by the benches that
turn generated reports into text some other way (pdftotext, a browser)."""

from __future__ import annotations

TALLY = ("cells", "right", "wrong", "unflagged", "null", "valid", "valid_wrong")
# the column heads of :func:`row`, after the name
HEAD = f"{'cells':>7}{'right':>9}{'wrong':>7}{'of which not conflict':>23}{'empty':>9}{'tables valid':>14}{'valid-but-wrong':>17}"


def tally(report, truth: dict[str, object], tot: dict[str, int]) -> None:
    """Add one report: every cell with a true value right, wrong or left
    empty, and the wrong ones whose status is not ``conflict`` (a value read
    or forced as though right: ``unflagged``); its tables valid, and valid
    with a wrong value."""
    wrong_tables = set()
    for key, want in truth.items():
        if want is None:
            continue
        tkey, rest = key.split(".", 1)
        rid, cid = rest.rsplit(".", 1)
        cell = report.tables[tkey].rows.get(rid, {}).get(cid) if tkey in report.tables else None
        got = cell.value if cell else None
        tot["cells"] += 1
        tot["null" if got is None else "right" if got == want else "wrong"] += 1
        if got is not None and got != want:
            wrong_tables.add(tkey)
            tot["unflagged"] += cell.status != "conflict"
    for tkey, table in report.tables.items():
        tot["valid"] += table.valid
        tot["valid_wrong"] += table.valid and tkey in wrong_tables


def row(name: str, t: dict[str, int], width: int = 34) -> str:
    c = max(t["cells"], 1)
    return (f"{name:<{width}}{t['cells']:>7}{t['right'] / c:>9.2%}{t['wrong']:>7}{t['unflagged']:>23}{t['null'] / c:>9.2%}"
            f"{t['valid']:>14}{t['valid_wrong']:>17}")
