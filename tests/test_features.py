"""Research features (jieba): narrative figures, cross-checks, keywords, level/place, lazy loading."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import reportparse
from reportparse import ParseOptions

from conftest import CORPUS, ROOT, SAMPLE
from generator import make_report

TF = ParseOptions(text_features=True)


def test_sample_figure_and_level(sample_report):
    r = reportparse.parse_file(SAMPLE, TF)
    figs = [(f.what, f.measure, f.value, f.unit) for f in r.figures]
    assert ("政府信息", "主动公开", 20, "条") in figs
    assert (r.header.level.value, r.header.place.value) == ("township", "柱濮镇")


def test_real_report_figures_agree_with_its_tables():
    r = reportparse.parse_file(CORPUS / "real/huaian-2024.pdf", TF)
    got = {f.key: (f.value, f.agrees) for f in r.figures if f.key}
    assert got["applications.new"] == (3119, True)
    assert got["appeals.reconsideration"] == (351, True)
    assert got["appeals.reconsideration.upheld"] == (72, True)
    assert got["appeals.reconsideration.corrected"] == (64, True)
    assert not any(d.code == "NARRATIVE_MISMATCH" for d in r.diagnostics)
    assert (r.header.level.value, r.header.place.value) == ("city", "淮安市")


def _with_prose(sentence: str, seed: int = 3):
    gen = make_report(seed, "ogi-2021", "tab")
    text = gen.text.replace("全年主动公开政府信息若干条。", sentence)
    return gen, reportparse.parse_text(text, TF)


def test_prose_figure_that_contradicts_the_table_is_flagged():
    gen = make_report(3, "ogi-2021", "tab")
    unavailable = sum(gen.truth[f"applications.result.unavailable.{r}.total"] for r in ("not_held", "needs_creation", "unclear"))
    _, r = _with_prose(f"本年度因本机关不掌握等原因无法提供{unavailable + 72}件。")
    mism = [d for d in r.diagnostics if d.code == "NARRATIVE_MISMATCH"]
    assert len(mism) == 1 and str(unavailable) in mism[0].message
    _, ok = _with_prose(f"本年度无法提供{unavailable}件。")
    assert not any(d.code == "NARRATIVE_MISMATCH" for d in ok.diagnostics)


def test_approximate_and_unclear_figures_are_not_compared():
    _, r = _with_prose("本年度共受理政府信息公开申请3000余件。")
    fig = next(f for f in r.figures if f.key == "applications.new")
    assert fig.approx and fig.agrees is None
    assert not any(d.code == "NARRATIVE_MISMATCH" for d in r.diagnostics)
    _, r = _with_prose("坚持“三个第一时间”受理申请。")
    assert not any(d.code == "NARRATIVE_MISMATCH" for d in r.diagnostics)


def test_chinese_numerals_and_wan():
    _, r = _with_prose("全年发布政府信息1.2万条，受理申请十二件，二〇二三年以来公开政府信息三千条。")
    values = {(f.value, f.unit) for f in r.figures}
    assert (12000, "条") in values and (12, "件") in values and (3000, "条") in values
    assert not any(f.value == 2023 for f in r.figures)


def test_keywords_a_reader_would_accept(sample_report):
    kws = sample_report.section("problems").keywords(10)
    assert "政务公开" in kws and ("解读" in kws or "政策解读" in kws)
    assert not {"的", "进一步", "工作", "部分", "加强"} & set(kws)


def test_plain_parsing_never_imports_jieba():
    code = ("import sys, reportparse; r = reportparse.parse_file(sys.argv[1]); r.flat(); "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    cli = subprocess.run([sys.executable, "-X", "importtime", "-m", "reportparse", "parse", "--flat", str(SAMPLE)],
                         capture_output=True, text=True)
    assert cli.returncode in (0, 1) and "jieba" not in cli.stderr
    helped = subprocess.run([sys.executable, "-X", "importtime", "-m", "reportparse", "--help"], capture_output=True, text=True)
    assert "jieba" not in helped.stderr and "pdfminer" not in helped.stderr


def test_two_processes_build_the_jieba_cache_at_once(tmp_path):
    env = {**os.environ, "REPORTPARSE_CACHE_DIR": str(tmp_path / "cache")}
    code = "from reportparse.features import tokenizer, tokens; tokenizer(); print(tokens('政务公开工作'))"
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert all("政务公开" in o for o, _ in outs)
    assert (tmp_path / "cache" / "jieba.cache").exists()
    assert not str(tmp_path / "cache").startswith("/tmp/jieba")


def test_corpus_text_features(tmp_path):
    from reportparse.corpus import run_corpus

    out = tmp_path / "out"
    run_corpus([str(SAMPLE), str(CORPUS / "real/pingtan-010.txt")], out, jobs=1, text_features=True)
    import csv

    rows = list(csv.DictReader(open(out / "reports.csv", encoding="utf-8-sig")))
    assert "政务公开" in rows[0]["keywords"]
    assert rows[0]["header.level"] == "township" and rows[1]["header.level"] == "special_zone"
    sections = [json.loads(line) for line in (out / "sections.jsonl").read_text(encoding="utf-8").splitlines()]
    keys = {(s["source.path"].endswith("000_c93a36ffeb13c002.txt"), s["key"]) for s in sections}
    assert (True, "problems") in keys and (True, "overview") in keys
    assert all(s["tokens"] for s in sections if s["key"] == "problems")
    assert ROOT.exists()


def test_figures_named_in_issue_23_are_mapped_and_sums_agree():
    """规范性文件 in force and issued, and 行政复议 cases, name table quantities;
    受理 of 新收 + 上年结转 agrees as that sum, and says so."""
    gen = make_report(3, "ogi-2021", "tab")
    t = gen.truth
    new, over = t["applications.new.total"], t["applications.carried_over.total"]
    prose = (f"集中公开现行有效行政规范性文件{t['proactive.normative_docs.in_force']}件。"
             f"本年度制发的规范性文件{t['proactive.normative_docs.issued']}件。"
             f"全区收到政府信息公开申请{new + over}件。")
    _, r = _with_prose(prose)
    got = {f.key: f for f in r.figures if f.key}
    assert got["proactive.normative_docs.in_force"].agrees and got["proactive.normative_docs.issued"].agrees
    fig = got["applications.new"]
    assert fig.agrees is True and fig.matched == ("受理" if over == 0 else "新收+上年结转")
    assert not any(d.code == "NARRATIVE_MISMATCH" for d in r.diagnostics)


def test_a_figure_for_part_of_the_body_is_not_compared():
    _, r = _with_prose("区政府办代表区政府受理政府信息公开申请99999件。")
    fig = next(f for f in r.figures if f.key == "applications.new")
    assert fig.agrees is None and not any(d.code == "NARRATIVE_MISMATCH" for d in r.diagnostics)


def test_disclosed_as_the_sum_of_full_and_partial_disclosure_agrees():
    gen = make_report(3, "ogi-2021", "tab")
    both = gen.truth["applications.result.disclosed.total"] + gen.truth["applications.result.partly_disclosed.total"]
    _, r = _with_prose(f"全年共予以公开{both}件。")
    fig = next(f for f in r.figures if f.key == "applications.result.disclosed")
    assert fig.agrees is True and fig.matched in ("予以公开", "予以公开+部分公开")
    assert not any(d.code == "NARRATIVE_MISMATCH" for d in r.diagnostics)
