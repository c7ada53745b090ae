"""Real inputs against hand-checked expectations (tests/golden/*.expected.json).

``complete`` files must match every table cell exactly. For the others every
cell must be right or null (never a wrong number), and the listed flags raised.
Every output also validates against the published JSON Schema.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import reportparse
from reportparse.grammar import load_grammars
from reportparse.schema import schema

from conftest import GOLDEN, ROOT

CASES = sorted(GOLDEN.glob("*.expected.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=CASES, ids=[p.name.split(".expected")[0] for p in CASES])
def case(request):
    exp = _load(request.param)
    report = reportparse.parse_file(ROOT / exp["source"])
    return exp, report


def test_header_template_validity(case):
    exp, report = case
    for name, value in exp["header"].items():
        assert getattr(report.header, name).value == value, name
    assert report.template == exp["template"]
    assert report.valid is exp["valid"]


def test_section_tree(case):
    exp, report = case
    got = report.sections
    assert len(got) == len(exp["sections"])
    for sec, (key, number, title, children) in zip(got, exp["sections"], strict=True):
        assert sec.number == number
        if key is not None:
            assert sec.key == key
        if title is not None:
            assert sec.title == title
        if children is not None:
            assert [(c.number, c.title) for c in sec.children] == [tuple(c) for c in children]


def test_cells_right_or_null(case):
    exp, report = case
    tpl = load_grammars().templates.get(report.template)
    wrong, missing = [], []
    for tkey, rows in exp["tables"].items():
        tg = tpl.tables[tkey]
        for rid, values in rows.items():
            for col, want in zip(tg.row(rid).columns, values, strict=True):
                cell = report.tables[tkey].rows[rid][col]
                if cell.value is None:
                    if want is not None:
                        missing.append(f"{tkey}.{rid}.{col}")
                elif cell.value != want:
                    wrong.append(f"{tkey}.{rid}.{col}: {cell.value} (status {cell.status}) != {want}")
    assert not wrong, wrong
    if exp["complete"]:
        assert not missing, missing


def test_flags_raised(case):
    exp, report = case
    codes = {d.code for d in report.diagnostics}
    for flag in exp.get("flags", []):
        assert flag in codes


def test_schema_valid(case):
    _, report = case
    jsonschema.validate(report.to_dict(), schema())


def test_sample_full_tree_snapshot(sample_report):
    snap = GOLDEN / "000_c93a36ffeb13c002.tree.json"
    got = sample_report.to_dict()
    got["source"]["path"] = "corpus/000_c93a36ffeb13c002.txt"
    assert got == json.loads(snap.read_text(encoding="utf-8")), "regenerate with: python tests/update_golden.py"
