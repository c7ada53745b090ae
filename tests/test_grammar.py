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
    ("ogi-2021.toml", 'labels = ["本年处理决定数量"]\nspan = 3', 'labels = ["本年处理决定数量"]\nspan = 0',
     r"ogi-2021.toml: tables\[proactive\].columns\[3\].span: expected a count of grid columns"),
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


def test_a_table_names_its_header_words_as_data(grammar_copy):
    """三's header and notes print words besides its labels (申请人情况, the
    rule's note) that name it where it has no title: grammar ``names``, a
    list of non-empty strings, checked at load."""
    g = load_from_dir(grammar_copy)
    assert "申请人情况" in g.templates["ogi-2021"].tables["applications"].names
    assert g.templates["ogi-2021"].tables["proactive"].names == ()
    path = grammar_copy / "ogi-2021.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('names = ["申请人情况",', 'names = ["",', 1), encoding="utf-8")
    with pytest.raises(GrammarError, match=r"tables\[applications\]\.names: expected a list of non-empty strings"):
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
    assert "reportparse/report.schema.json" in names


def test_a_new_template_is_one_grammar_file(tmp_path):
    """Everything that lists templates (the order of detection's tie-break, the
    options, the CLI choices, the schema's enum) comes from the loaded files."""
    from reportparse.grammar import template_ids

    for f in (ROOT / "grammars").glob("*.toml"):
        shutil.copy(f, tmp_path / f.name)
    text = (ROOT / "grammars" / "ogi-2021.toml").read_text(encoding="utf-8")
    text = text.replace('id = "ogi-2021"', 'id = "ogi-2099"').replace("years = [2021, 2100]", "years = [2099, 2120]")
    (tmp_path / "ogi-2099.toml").write_text(text, encoding="utf-8")
    g = load_from_dir(tmp_path)
    assert template_ids(g) == ("ogi-2099", "ogi-2021", "ogi-2019", "ogi-2008")
    assert template_ids() == ("ogi-2021", "ogi-2019", "ogi-2008")  # the shipped grammars, unchanged
    assert g.templates["ogi-2099"].tables.keys() == g.templates["ogi-2021"].tables.keys()


def test_the_schema_and_the_options_list_the_shipped_templates():
    from reportparse import ParseOptions
    from reportparse.errors import OptionsError
    from reportparse.options import template_choices
    from reportparse.schema import schema

    ids = list(load_grammars().templates)
    assert sorted(schema()["properties"]["template"]["enum"]) == sorted([*ids, "unknown"])
    assert set(template_choices()) == {"auto", "unknown", *ids}
    for t in ids:
        assert ParseOptions(template=t).template == t
    with pytest.raises(OptionsError, match="ogi-2021"):
        ParseOptions(template="ogi-2030")
