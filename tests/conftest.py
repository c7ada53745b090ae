"""Shared fixtures; Hypothesis runs with a bounded ``ci`` profile (no flaky deadlines)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLE = CORPUS / "000_c93a36ffeb13c002.txt"
FIXTURES = ROOT / "tests/fixtures"

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/generator.py

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def sample_report():
    import reportparse

    return reportparse.parse_file(SAMPLE)


def parsed_fixture(name: str):
    """A text fixture (``tests/fixtures/name``) parsed, and its ``.truth.json``
    beside it: ``template``, ``truth`` (flat key -> value) and ``blank_cells``."""
    import reportparse

    path = FIXTURES / name
    truth = json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))
    return reportparse.parse_text(path.read_text(encoding="utf-8")), truth


def golden_truth(pdf: str) -> dict[str, object]:
    """The hand-checked cells of a bundled real PDF (``tests/golden/<pdf>.expected.json``), by flat key."""
    from reportparse.grammar import load_grammars

    exp = json.loads((GOLDEN / f"{pdf}.expected.json").read_text(encoding="utf-8"))
    tpl = load_grammars().templates[exp["template"]]
    return {f"{t}.{rid}.{col}": want for t, rows in exp["tables"].items() for rid, values in rows.items()
            for col, want in zip(tpl.tables[t].row(rid).columns, values, strict=True)}


def cell_at(report, key: str):
    """The cell of a flat key (``applications.result.total.other_org``), or None."""
    tkey, rest = key.split(".", 1)
    rid, cid = rest.rsplit(".", 1)
    return report.tables[tkey].rows.get(rid, {}).get(cid) if tkey in report.tables else None


def cells_of(report):
    """Every cell of a report as (flat key, cell)."""
    for tkey, table in report.tables.items():
        for rid, cols in table.rows.items():
            for cid, cell in cols.items():
                yield f"{tkey}.{rid}.{cid}", cell
