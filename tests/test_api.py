"""The public API: a tiny __all__, the two entry points, options, errors."""

from __future__ import annotations

import pytest

import reportparse
from reportparse import OptionsError, ParseOptions, Report, UnreadableInputError

from conftest import SAMPLE


def test_all_is_small_and_importable():
    assert set(reportparse.__all__) == {
        "GrammarError", "OptionsError", "ParseOptions", "Report", "ReportParseError",
        "UnreadableInputError", "__version__", "parse_bytes", "parse_file", "parse_reports", "parse_text"}
    for name in reportparse.__all__:
        assert hasattr(reportparse, name)


def test_parse_text_and_parse_file_agree():
    by_file = reportparse.parse_file(SAMPLE)
    by_text = reportparse.parse_text(SAMPLE.read_text(encoding="utf-8"))
    assert isinstance(by_file, Report)
    assert by_file.flat() == by_text.flat()
    assert [s.to_dict() for s in by_file.sections] == [s.to_dict() for s in by_text.sections]


def test_flat_has_every_contract_key_in_order(sample_report):
    from conftest import ROOT

    keys = (ROOT / "tests/fixtures/flat-keys.txt").read_text(encoding="utf-8").split()  # the contract's list
    assert len(keys) == 225
    assert list(sample_report.flat()) == keys + ["header.level", "header.place", "header.adcode"]
    assert sample_report.flat()["header.level"] == "township"
    assert sample_report.flat()["header.place"] == "柱濮镇"


def test_flat_keys_are_derived_from_the_grammars_and_are_the_contracts(tmp_path):
    """The flat keys come from the loaded templates (no list in the package):
    with the bundled grammars they are the contract's 225, in its order; a
    grammar that drops a row drops its keys (so a template change that would
    break the contract fails this test, not a user's CSV)."""
    from reportparse.grammar import load_from_dir, table_cell_keys
    from reportparse.model import REPORT_FLAT_KEYS, flat_keys

    from conftest import ROOT

    contract = (ROOT / "tests/fixtures/flat-keys.txt").read_text(encoding="utf-8").split()
    assert list(flat_keys()) == contract
    assert list(REPORT_FLAT_KEYS + table_cell_keys()) == contract
    for f in (ROOT / "grammars").glob("*.toml"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    g21 = tmp_path / "ogi-2021.toml"
    text = g21.read_text(encoding="utf-8")
    start = text.index('[[tables]]\nkey = "proactive"')  # the 2021 table 二 only: its 2019 twin keeps other keys
    at = text.index('id = "fees"', start)
    block_start = text.rindex("[[tables.rows]]", start, at)
    block_end = text.index("[[tables", at + 1)
    g21.write_text(text[:block_start] + text[block_end:], encoding="utf-8")
    keys = table_cell_keys(load_from_dir(tmp_path))
    assert "proactive.fees.amount" not in keys and "proactive.fees.change" in keys
    assert [k for k in contract if k in keys] == list(keys)  # the rest keep their order


def test_contract_keys_cover_every_grammar_cell():
    from reportparse.grammar import load_grammars
    from reportparse.model import flat_keys

    keys = set(flat_keys())
    grammar_keys = {f"{t.key}.{r}.{c}" for tpl in load_grammars().templates.values()
                    for t in tpl.tables.values() for r, c in t.cell_keys()}
    assert grammar_keys <= keys
    table_keys = {k for k in keys if k.split(".")[0] in ("proactive", "applications", "appeals")}
    assert table_keys == grammar_keys


def test_to_json_keeps_chinese(sample_report):
    text = sample_report.to_json()
    assert "柱濮镇人民政府" in text and "\\u" not in text


def test_options_are_validated():
    with pytest.raises(OptionsError, match="template"):
        ParseOptions(template="ogi-1999")
    with pytest.raises(OptionsError, match="fuzzy_errors"):
        ParseOptions(fuzzy_errors=9)
    with pytest.raises(OptionsError, match="unknown option"):
        ParseOptions.from_mapping({"colour": "red"})
    assert ParseOptions.from_mapping({"repair": False}).repair is False


def test_no_repair_leaves_cells_as_read():
    report = reportparse.parse_file(SAMPLE, ParseOptions(repair=False))
    cell = report.tables["applications"].rows["result.disclosed"]["natural_person"]
    assert cell.value is None and cell.status == "missing"


def test_forced_template():
    report = reportparse.parse_file(SAMPLE, ParseOptions(template="unknown"))
    assert report.template == "unknown" and report.tables == {}


def test_missing_file_is_a_typed_error(tmp_path):
    with pytest.raises(UnreadableInputError, match="No such file"):
        reportparse.parse_file(tmp_path / "nope.txt")
    with pytest.raises(UnreadableInputError, match="directory"):
        reportparse.parse_file(tmp_path)


def test_parse_text_rejects_bytes():
    with pytest.raises(TypeError):
        reportparse.parse_text(b"abc")  # type: ignore[arg-type]
