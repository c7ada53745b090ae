"""Faults a real tool meets (issue 20): output targets that are not plain
files, globs that are also file names, links that lead nowhere, files that are
no report, a worker killed mid-run, a parent killed with its workers alive.
Real processes, real signals."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import reportparse
from reportparse.cli import main
from reportparse.corpus import run_corpus

from conftest import SAMPLE

CLI = [sys.executable, "-m", "reportparse"]


def test_o_writes_into_a_character_device_without_replacing_it(capsys):
    before = os.stat("/dev/null")
    assert main(["parse", str(SAMPLE), "--flat", "-o", "/dev/null"]) == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_full_device_is_an_output_error_exit_74(capsys):
    assert main(["parse", str(SAMPLE), "--flat", "-o", "/dev/full"]) == 74
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert "cannot write" in capsys.readouterr().err
    with open("/dev/full", "wb") as full:  # standard output on a full disk
        run = subprocess.run([*CLI, "parse", str(SAMPLE), "--flat"], stdout=full, stderr=subprocess.PIPE)
    assert run.returncode == 74 and b"standard output" in run.stderr


def test_o_writes_into_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert main(["parse", str(SAMPLE), "--flat", "--compact", "-o", str(fifo)]) == 0
    out, _ = reader.communicate(timeout=20)
    assert json.loads(out)["header.issuer"] == "柱濮镇人民政府"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_o_follows_a_symlink_to_its_target_and_refuses_a_folder(tmp_path, capsys):
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["parse", str(SAMPLE), "--flat", "-o", str(link)]) == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["header.year"] == 2023
    assert main(["parse", str(SAMPLE), "-o", str(tmp_path)]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_text_that_is_no_report_exits_1_with_not_a_report(tmp_path, capsys):
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", encoding="utf-8")
    assert main(["parse", str(passwd), "--compact"]) == 1
    codes = [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert "NOT_A_REPORT" in codes


def test_an_existing_path_is_literal_and_a_pattern_is_a_glob_only_when_no_file_has_its_name(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    for name in ("r[12].txt", "r1.txt", "r2.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    summary = run_corpus([str(tmp_path / "r[12].txt")], tmp_path / "out", jobs=1)
    assert summary["inputs"] == 1
    rows = [json.loads(x) for x in (tmp_path / "out/reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]["path"]).name for r in rows] == ["r[12].txt"]
    (tmp_path / "r[12].txt").unlink()
    assert run_corpus([str(tmp_path / "r[12].txt")], tmp_path / "out2", jobs=1)["inputs"] == 2


def test_a_scanned_folder_gives_broken_links_an_error_row_and_skips_what_is_no_report(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.txt")
    (src / "README.md").write_text("# My crawl\n\nFiles fetched on 3 December.\n", encoding="utf-8")
    (src / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    summary = run_corpus([str(src)], tmp_path / "out", jobs=1)
    assert summary["skipped"] == [str(src / "README.md")]
    assert {Path(f["path"]).name for f in summary["failed"]} == {"gone.txt", "loop.txt"}
    assert summary["by_status"] == {"error": 2, "invalid": 1}
    # a file named on its own is never skipped: it is what was asked for
    named = run_corpus([str(src / "README.md")], tmp_path / "out2", jobs=1)
    assert named["skipped"] == [] and named["inputs"] == 1


def _children(pid: int) -> list[int]:
    out = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and "resource_tracker" not in _cmdline(int(stat_file.parent.name)):
            out.append(int(stat_file.parent.name))
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _inputs(tmp_path: Path, n: int) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (src / f"r{i:04d}.txt").write_text(text, encoding="utf-8")
    return src


def _wait_for_workers(proc: subprocess.Popen, n: int = 2, limit: float = 60) -> list[int]:
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        kids = _children(proc.pid)
        if len(kids) >= n:
            return kids
        time.sleep(0.05)
    pytest.fail("the corpus run started no workers")


pytestmark_linux = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")


@pytestmark_linux
def test_a_killed_worker_costs_at_most_its_files_and_the_run_goes_on(tmp_path):
    src = _inputs(tmp_path, 300)
    out = tmp_path / "out"
    proc = subprocess.Popen([*CLI, "corpus", str(src), "-o", str(out), "--jobs", "2", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers = _wait_for_workers(proc)
    time.sleep(0.5)
    os.kill(workers[0], signal.SIGKILL)  # what the OOM killer does
    _, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, 1), err.decode()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    shown = f"{summary['by_status']} {summary['failed'][:3]} {err.decode()[-500:]}"
    assert summary["inputs"] == 300, shown
    rows = (out / "reports.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 301, shown  # every input has its row
    assert all("worker died" in f["error"] for f in summary["failed"]), shown
    assert len(summary["failed"]) <= 1, shown  # only a file that kills its worker twice is lost


@pytestmark_linux
def test_a_worker_that_dies_unseen_is_found_by_the_watch():
    """Once, on a loaded machine, a worker killed as it started left the
    pool waiting for ever (the run above hung). The corpus run also checks,
    every few seconds with nothing done, whether any worker has ended: a
    worker ends only with its pool."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from reportparse.corpus import engines

    pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))
    try:
        pool.submit(time.sleep, 0.1).result(timeout=60)
        assert not engines._worker_died(pool)
        victim = engines._workers(pool)[0]
        os.kill(victim.pid, signal.SIGKILL)
        victim.join(timeout=10)
        assert engines._worker_died(pool)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _write_half_a_result_and_die() -> None:
    """In a pool's worker: the start of a result message on the pool's result
    pipe (its length, then 10 of 1000 bytes), and death by SIGKILL, as a
    worker the OOM killer ends while it sends a result."""
    import gc
    import struct
    from multiprocessing.queues import SimpleQueue

    results = next(o for o in gc.get_objects() if isinstance(o, SimpleQueue))  # the worker's only one
    os.write(results._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
    os.kill(os.getpid(), signal.SIGKILL)


@pytestmark_linux
def test_a_worker_killed_while_it_sends_a_result_does_not_hang_the_exit():
    """A corpus run with a worker killed mid-run finished its files, and its
    process never ended (tests above, on a loaded machine): the pool's
    manager thread was left reading the rest of the half-sent result for
    ever, and Python joins that thread at exit. Closing the pool ends it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from reportparse.corpus import engines

    pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))
    pool.submit(time.sleep, 0.1).result(timeout=60)
    manager = pool._executor_manager_thread
    pool.submit(_write_half_a_result_and_die)
    t0 = time.monotonic()
    while not engines._worker_died(pool) and time.monotonic() - t0 < 60:
        time.sleep(0.05)
    assert engines._worker_died(pool)
    engines._close(pool)
    manager.join(timeout=30)
    assert not manager.is_alive()


@pytestmark_linux
def test_workers_exit_when_their_parent_is_killed(tmp_path):
    src = _inputs(tmp_path, 2000)
    proc = subprocess.Popen([*CLI, "corpus", str(src), "-o", str(tmp_path / "out"), "--jobs", "2", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = _wait_for_workers(proc)
    time.sleep(0.3)
    proc.kill()
    proc.wait(timeout=10)
    t0 = time.monotonic()
    while any(_alive(w) for w in workers) and time.monotonic() - t0 < 15:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "workers outlived their parent"


# ---- what researchers reach for: codebook, summary, size cap -------------------

def test_codebook_names_every_flat_key_with_its_labels_and_rules(capsys):
    from reportparse.codebook import codebook
    from reportparse.model import EXTRA_FLAT_KEYS, flat_keys

    rows = codebook()
    assert [r["key"] for r in rows] == [*flat_keys(), *EXTRA_FLAT_KEYS]
    new_total = next(r for r in rows if r["key"] == "applications.new.total")
    assert new_total["row_label"] == "一、本年新收政府信息公开申请数量" and new_total["column_label"] == "总计"
    assert "applications.balance" in new_total["rules"] and set(new_total["templates"].split()) == {"ogi-2019", "ogi-2021"}
    assert all(r["meaning"] for r in rows)
    tree = reportparse.parse_file(SAMPLE).to_dict()  # the tree's tables carry the same labels
    assert tree["tables"]["applications"]["labels"]["rows"]["new"] == new_total["row_label"]
    assert tree["tables"]["applications"]["labels"]["columns"]["business"] == "商业企业"
    assert main(["codebook", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("key,table,row,column") and len(out) == len(rows) + 1


def test_summary_shows_the_tables_with_status_marks(capsys):
    assert main(["parse", str(SAMPLE), "--summary"]) == 0
    out = capsys.readouterr().out
    assert "柱濮镇人民政府" in out and "valid:" in out
    assert "（七）总计" in out and "*" in out  # the sample's forced cells are marked inferred
    assert "—" in out  # its empty 行政复议 cells


def test_max_size_refuses_a_larger_input_with_exit_3(capsys):
    assert main(["parse", str(SAMPLE), "--max-size", "1K"]) == 3
    assert "max_bytes" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:  # argparse: a usage error
        main(["parse", str(SAMPLE), "--max-size", "lots"])
    assert exc.value.code == 2 and "not a size" in capsys.readouterr().err


def test_cells_csv_has_one_row_per_table_cell_with_its_status_and_failed_rules(tmp_path):
    pytest.importorskip("pandas")
    from reportparse.corpus import load

    hongze = SAMPLE.parent / "real/hongze-2023.pdftotext.txt"  # its 复议 总计 is printed 0 for 10 + 1
    run_corpus([str(SAMPLE), str(hongze)], tmp_path / "out", jobs=1, cells=True)
    df = load(tmp_path / "out", cells=True)
    report = reportparse.parse_file(SAMPLE)
    n_cells = sum(len(cols) for t in report.tables.values() for cols in t.rows.values())
    assert len(df[df["source.path"] == str(SAMPLE)]) == n_cells
    total = df[(df["source.path"] == str(hongze)) & (df["key"] == "appeals.reconsideration.total")].iloc[0]
    assert total["status"] == "conflict" and total["value"] == 0 and "appeals" in total["failed_rules"]
    inferred = df[(df["source.path"] == str(SAMPLE)) & (df["status"] == "inferred")]
    assert len(inferred) == sum(d.code == "RULE_INFERRED" for d in report.diagnostics) == 13


def test_an_unreachable_dask_scheduler_is_exit_69(tmp_path, capsys):
    pytest.importorskip("distributed")
    assert main(["corpus", str(SAMPLE), "-o", str(tmp_path / "out"), "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9", "--quiet"]) == 69  # the discard port: nothing listens
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
