"""Grammar files: shipped with the package, validated, friendly errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reportparse.errors import GrammarError
from reportparse.grammar import load_from_dir, load_grammars

from conftest import ROOT


def test_templates_name_their_notice_and_years():
    g = load_grammars()
    assert set(g.templates) == {"ogi-2021", "ogi-2019", "ogi-2008"}
    assert g.templates["ogi-2021"].notice == "国办公开办函〔2021〕30号"
    assert g.templates["ogi-2019"].notice == "国办公开办函〔2019〕60号"
    assert g.templates["ogi-2019"].years == (2019, 2020)
    assert g.templates["ogi-2008"].free_format


def test_2019_and_2021_applications_differ_only_in_other_processing():
    g = load_grammars()
    r21 = [r.id for r in g.templates["ogi-2021"].tables["applications"].rows]
    r19 = [r.id for r in g.templates["ogi-2019"].tables["applications"].rows]
    assert set(r21) - set(r19) == {"result.other.no_correction", "result.other.no_fee", "result.other"}
    assert set(r19) <= set(r21)


@pytest.fixture
def grammar_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "grammars"
    shutil.copytree(ROOT / "grammars", dst)
    return dst


@pytest.mark.parametrize("file, old, new, expect", [
    ("ogi-2021.toml", 'expr = "new + carried_over = result.total + carried_forward"',
     'expr = "new + carried_ovr = result.total + carried_forward"', r"ogi-2021.toml: tables\[applications\].rules\[0\].expr: 'carried_ovr' is not a row"),
    ("ogi-2021.toml", 'id = "natural_person"\nlabels = ["自然人"]', 'id = "natural_person"\nlabels = "自然人"',
     r"ogi-2021.toml: tables\[applications\].columns\[0\].labels: expected list"),
    ("ogi-2019.toml", "years = [2019, 2020]", "years = [2020, 2019]", r"ogi-2019.toml: meta.years"),
    ("common.toml", "pattern = '^\\s*第", "pattern = '^(\\s*第", r"common.toml: page_furniture\[1\].pattern: bad regular expression"),
    ("gbt9704.toml", "[elements]", "[elements\n", r"gbt9704.toml: \(file\): not valid TOML"),
    ("ogi-2008.toml", 'key = "overview"', 'kee = "overview"', r"ogi-2008.toml: sections\[0\]: missing required key 'key'"),
])
def test_broken_grammar_names_file_entry_and_problem(grammar_copy, file, old, new, expect):
    path = grammar_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(GrammarError, match=expect):
        load_from_dir(grammar_copy)


def test_a_heading_variant_is_a_data_change(grammar_copy):
    import reportparse
    from reportparse.normalise import normalise
    from reportparse.sections import build_sections

    doc = "某区2022年政府信息公开工作年度报告\n一、年度工作综述\n正文。\n"
    assert reportparse.parse_text(doc).sections[0].key is None
    path = grammar_copy / "ogi-2021.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('titles = ["总体情况",', 'titles = ["年度工作综述", "总体情况",', 1), encoding="utf-8")
    g = load_from_dir(grammar_copy)
    c = normalise(doc, g)
    tree = build_sections(c, 0, len(c.text), g, g.templates["ogi-2021"])
    assert tree.sections[0].key == "overview"


def test_wheel_ships_the_grammars(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                          "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    wheel = next(tmp_path.glob("reportparse-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for f in ("common.toml", "gbt9704.toml", "ogi-2021.toml", "ogi-2019.toml", "ogi-2008.toml"):
        assert f"reportparse/grammars/{f}" in names
    assert "reportparse/flat_keys.txt" in names and "reportparse/report.schema.json" in names
