"""Corpus runs: one row per input, broken files as error rows, resumable after
SIGKILL, byte-identical output whatever the engine or number of jobs."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportparse.corpus import expand_inputs, run_corpus
from reportparse.model import flat_keys

from conftest import CORPUS, ROOT, SAMPLE
from generator import LAYOUTS, add_noise, make_report

N_GENERATED = 240


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("in")
    for i in range(N_GENERATED):
        gen = make_report(i, ("ogi-2021", "ogi-2019")[i % 2], LAYOUTS[i % len(LAYOUTS)])
        sub = d / f"batch{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"r{i:04d}.txt").write_text(add_noise(gen.text, i), encoding="utf-8")
    data = (CORPUS / "real/huaian-2024.pdf").read_bytes()
    (d / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (d / "empty.txt").write_bytes(b"")
    (d / "gbk.txt").write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gbk"))
    (d / "notes.docx").write_bytes(b"ignored: not a report suffix")
    return d


def _rows(out: Path) -> list[dict[str, str]]:
    with open(out / "reports.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_one_row_per_input_and_broken_files_are_error_rows(inputs, tmp_path):
    out = tmp_path / "out"
    summary = run_corpus([str(inputs)], out, jobs=2)
    rows = _rows(out)
    assert len(rows) == N_GENERATED + 4 == summary["inputs"]
    by_name = {Path(r["source.path"]).name: r for r in rows}
    for name in ("truncated.pdf", "binary.txt", "empty.txt"):
        assert by_name[name]["status"] == "error" and by_name[name]["error"]
    assert by_name["gbk.txt"]["header.issuer"] == "柱濮镇人民政府"
    assert (out / "reports.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    header = next(csv.reader(open(out / "reports.csv", encoding="utf-8-sig")))
    assert header[:225] == list(flat_keys())
    assert header[225:] == ["header.level", "header.place", "header.adcode", "source.path", "source.sha256", "status", "error", "n_diagnostics",
                            "source.origin", "proactive.valid", "applications.valid", "appeals.valid"]
    ok = next(r for r in rows if r["status"] == "ok")  # a valid report: every table valid, typed text
    assert (ok["source.origin"], ok["proactive.valid"], ok["applications.valid"], ok["appeals.valid"]) == ("digital", "true", "true", "true")
    lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(rows)
    assert all(json.loads(line)["source"]["path"] == r["source.path"] for line, r in zip(lines, rows, strict=True))
    s = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert s["by_status"]["error"] == 3 and len(s["failed"]) == 3
    assert sum(s["by_template"].values()) == len(rows)
    diags = list(csv.reader(open(out / "diagnostics.csv", encoding="utf-8-sig")))
    assert diags[0][:3] == ["source.path", "code", "severity"] and len(diags) > 1


def test_jobs_and_dask_give_byte_identical_csv(inputs, tmp_path):
    distributed = pytest.importorskip("distributed")
    outs = {}
    for name, kwargs in {"jobs1": {"jobs": 1}, "jobs2": {"jobs": 2}}.items():
        outs[name] = tmp_path / name
        run_corpus([str(inputs)], outs[name], **kwargs)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        outs["dask"] = tmp_path / "dask"
        run_corpus([str(inputs)], outs["dask"], engine="dask", scheduler=cluster.scheduler_address)
    ref = (outs["jobs1"] / "reports.csv").read_bytes()
    for name, out in outs.items():
        assert (out / "reports.csv").read_bytes() == ref, name
        assert (out / "reports.jsonl").read_bytes() == (outs["jobs1"] / "reports.jsonl").read_bytes(), name
        assert (out / "summary.json").read_bytes() == (outs["jobs1"] / "summary.json").read_bytes(), name


def test_killed_run_resumes_to_the_same_outputs(inputs, tmp_path):
    ref = tmp_path / "ref"
    run_corpus([str(inputs)], ref, jobs=1)
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "reportparse", "corpus", str(inputs), "-o", str(out), "--jobs", "2", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
    parts = out / ".parts"
    deadline = time.time() + 60
    while time.time() < deadline and (not parts.exists() or len(list(parts.glob("*.json"))) < 40):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, no clean-up
    proc.wait()
    done_before = len(list(parts.glob("*.json")))
    assert 0 < done_before < N_GENERATED + 4, "the kill should land mid-run"
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert rerun.returncode == 1  # three inputs are broken
    for name in ("reports.csv", "reports.jsonl", "diagnostics.csv", "summary.json"):
        assert (out / name).read_bytes() == (ref / name).read_bytes(), name
    assert not list(out.glob(".*.tmp")) and not [p for p in out.iterdir() if p.name.startswith(".reports")]


def test_rerun_skips_finished_inputs(inputs, tmp_path):
    out = tmp_path / "out"
    run_corpus([str(inputs / "batch0")], out, jobs=1)
    again = run_corpus([str(inputs / "batch0")], out, jobs=1)
    assert again["skipped_already_done"] == again["inputs"]


def test_per_file_timeout_gives_an_error_row(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text((SAMPLE.read_text(encoding="utf-8") + "\n") * 400, encoding="utf-8")
    summary = run_corpus([str(big)], tmp_path / "out", jobs=1, timeout=0.05)
    assert summary["by_status"] == {"error": 1}
    assert "timed out" in summary["failed"][0]["error"]


def test_parquet_and_load(inputs, tmp_path):
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from reportparse.corpus import load

    out = tmp_path / "out"
    run_corpus([str(inputs / "batch1")], out, jobs=1, parquet=True)
    df = load(out)
    assert len(df) == len(_rows(out))
    assert str(df["applications.new.total"].dtype) == "Int64"
    assert str(df["proactive.fees.amount"].dtype) == "Float64"
    assert str(df["valid"].dtype) == "boolean" and str(df["appeals.valid"].dtype) == "boolean"
    assert str(df["source.origin"].dtype) == "string"
    assert df["appeals.reconsideration.total"].isna().tolist() == [r["appeals.reconsideration.total"] == "" for r in _rows(out)]


def test_expand_inputs_files_dirs_globs(inputs):
    files = expand_inputs([str(inputs / "batch0"), str(inputs / "*.pdf"), str(inputs / "gbk.txt")])
    assert files == sorted(files)
    assert any(f.endswith("truncated.pdf") for f in files) and any(f.endswith("gbk.txt") for f in files)
    assert not any(f.endswith(".docx") for f in files)


def test_xml_files_come_from_globs_and_names_never_from_folder_scans(tmp_path):
    """``pdftohtml -xml`` files are read when a glob or a name asks for them; a
    folder scan leaves ``.xml`` out (a crawl's sitemaps and feeds are no reports)."""
    (tmp_path / "xml").mkdir()
    for name in ("a.xml", "b.txt"):
        (tmp_path / "xml" / name).write_text("<pdf2xml></pdf2xml>" if name.endswith("xml") else "text", encoding="utf-8")
    names = lambda files: sorted(Path(f).name for f in files)  # noqa: E731
    assert names(expand_inputs([str(tmp_path / "xml")])) == ["b.txt"]
    assert names(expand_inputs([str(tmp_path / "xml" / "*.xml")])) == ["a.xml"]
    assert names(expand_inputs([str(tmp_path / "xml" / "a.xml")])) == ["a.xml"]


def test_cli_corpus_prints_a_summary(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "reportparse", "corpus", str(CORPUS / "real"), "-o", str(tmp_path / "o")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "inputs" in proc.stderr and "templates:" in proc.stderr
    paths = {Path(r["source.path"]).name for r in _rows(tmp_path / "o")}
    assert {"huaian-2024.pdf", "pingtan-010.txt", "shuyang-2025.md"} <= paths  # Markdown files are reports too


def test_missing_named_input_gets_an_error_row(tmp_path):
    summary = run_corpus([str(tmp_path / "nope.txt")], tmp_path / "out", jobs=1)
    assert summary["by_status"] == {"error": 1}
    assert "No such file" in summary["failed"][0]["error"]
