"""Issuer-year panels (issue 23): the same body under its short and full
names is one body, and the cross-year check flags exactly a planted
carried-forward / carried-over mismatch, changing no value."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reportparse.corpus import load, panel, run_corpus
from reportparse.corpus.panel import body_name

from conftest import SAMPLE

pytest.importorskip("pandas", reason="the panel needs pandas (reportparse[parquet])")

BASE = SAMPLE.read_text(encoding="utf-8")
ZEROS = "\t0\t0\t0\t0\t0\t0\t0"


def report(place: str, mark: str, year: int, *, new: int = 0, over: int = 0, forward: int = 0) -> str:
    """The sample report as ``place``'s report of ``year``; ``new``/``over``/``forward``: natural persons' new
    applications, carried over from last year and carried forward to next (the total column the same),
    kept consistent by adding what comes in to 其他处理 (…) so the report's own rules hold."""
    text = BASE.replace("2024", str(year + 1)).replace("2023", str(year)).replace("柱濮镇人民政府文件", f"{mark}文件")
    text = text.replace("柱濮镇 ", f"{place} ", 1).replace("柱濮镇", place)

    def row(label: str, n: int) -> None:
        nonlocal text
        text = text.replace(f"{label}{ZEROS}", f"{label}\t{n}\t0\t0\t0\t0\t0\t{n}", 1)

    row("一、本年新收政府信息公开申请数量", new)
    row("二、上年结转政府信息公开申请数量", over)
    row("四、结转下年度继续办理", forward)
    return text


def test_short_and_full_names_are_one_body():
    assert body_name("柱濮镇政府") == body_name("柱濮镇人民政府") == "柱濮镇人民政府"
    assert body_name("沭阳县发改局") == "沭阳县发展和改革局"
    assert body_name("淮安市人民政府") == "淮安市人民政府" and body_name(None) is None


def test_the_cross_year_check_flags_exactly_the_planted_pair(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    files = {
        "a2021": report("柱濮镇", "柱濮镇人民政府", 2021, new=5, forward=5),
        "a2022": report("柱濮镇", "柱濮镇政府", 2022, over=5),          # the short name: the same body
        "a2023": report("柱濮镇", "柱濮镇人民政府", 2023),
        "b2021": report("桃源乡", "桃源乡人民政府", 2021),
        "b2022": report("桃源乡", "桃源乡人民政府", 2022, new=3, forward=3),
        "b2023": report("桃源乡", "桃源乡人民政府", 2023, over=0),       # planted: 3 went forward, 0 came over
        "c2021": report("雄镇", "雄镇人民政府", 2021, forward=2),
        "c2023": report("雄镇", "雄镇人民政府", 2023, over=9),          # 2022 missing: no pair to check
    }
    for name, text in files.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    run_corpus([str(src)], tmp_path / "out", jobs=1, engine="local", warn=None)
    table = panel(load(tmp_path / "out"))
    assert len(table) == 8 and table["body"].nunique() == 3
    flagged = table[table["carry_next"] == "disagree"]
    assert [(r.body, r.year) for r in flagged.itertuples()] == [("桃源乡人民政府", 2022)]
    row = flagged.iloc[0]
    assert row["carry_next.natural_person"] == row["carry_next.total"] == "disagree"
    assert row["carry_next.business"] == "agree"
    assert row["applications.carried_forward.natural_person"] == 3  # values are never changed
    checked = table[table["carry_next"].notna()]
    assert len(checked) == 4 and set(checked["carry_next"]) == {"agree", "disagree"}
    run = subprocess.run([sys.executable, "-m", "reportparse", "panel", str(tmp_path / "out"), "-o", str(tmp_path / "p.csv")],
                         capture_output=True, text=True)
    assert run.returncode == 0 and "1 disagree" in run.stderr and "桃源乡人民政府 2022->2023" in run.stderr
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbf")
