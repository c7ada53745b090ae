"""Every diagnostic code is listed in the README, and every listed code exists."""

from __future__ import annotations

import re

from reportparse.diagnostics import CODES, Diagnostic

from conftest import ROOT


def test_readme_table_matches_codes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Diagnostic codes", 1)[1].split("\n## ", 1)[0]
    listed = dict(re.findall(r"^\| `([A-Z_]+)` \| (error|warning|info) \|", section, flags=re.M))
    assert listed == {code: sev for code, (sev, _) in CODES.items()}


def test_unknown_code_is_refused():
    import pytest

    with pytest.raises(ValueError):
        Diagnostic("NOT_A_CODE", "x")
