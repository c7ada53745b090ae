"""The command line: main(argv) in-process, and the installed script as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reportparse.cli import main

from conftest import ROOT, SAMPLE


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reportparse", *args], input=stdin, capture_output=True, cwd=ROOT)


def test_parse_prints_utf8_json_tree(capsysbinary):
    code = main(["parse", str(SAMPLE)])
    out = capsysbinary.readouterr().out.decode("utf-8")
    tree = json.loads(out)
    assert tree["header"]["issuer"]["value"] == "柱濮镇人民政府"
    assert "柱濮镇" in out  # not \u-escaped
    assert code == 0  # the sample's empty cells are warnings (valid is false)


def test_flat_prints_every_contract_key(capsysbinary):
    main(["parse", str(SAMPLE), "--flat"])
    flat = json.loads(capsysbinary.readouterr().out)
    assert len(flat) == 228 and flat["header.doc_number"] == "柱政发〔2024〕3号"
    assert flat["appeals.reconsideration.total"] is None and flat["appeals.litigation.total"] == 0


def test_output_file_is_written_atomically(tmp_path, capsysbinary):
    out = tmp_path / "r.json"
    main(["parse", str(SAMPLE), "-o", str(out), "--compact"])
    assert capsysbinary.readouterr().out == b""
    assert json.loads(out.read_text(encoding="utf-8"))["template"] == "ogi-2021"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temp file left


def test_stdin_dash():
    proc = run("parse", "-", "--flat", stdin=SAMPLE.read_bytes())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["header.issuer"] == "柱濮镇人民政府"


@pytest.mark.parametrize("args, code, message", [
    (["parse", "/no/such/file.txt"], 3, "No such file"),
    (["parse", "-"], 3, "empty"),
    (["parse", str(SAMPLE), "--template", "x"], 2, "invalid choice"),
    (["frobnicate"], 2, "invalid choice"),
])
def test_errors_are_one_line_with_documented_exit_codes(args, code, message):
    proc = run(*args, stdin=b"")
    assert proc.returncode == code
    err = proc.stderr.decode("utf-8")
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_binary_file_exit_3(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(bytes(range(256)) * 10)
    proc = run("parse", str(bad))
    assert proc.returncode == 3 and b"Traceback" not in proc.stderr


def test_help_teaches():
    proc = run("parse", "--help")
    text = proc.stdout.decode("utf-8")
    assert proc.returncode == 0
    for needle in ("examples:", "--flat", "exit codes:", "reportparse parse -", "3  unreadable"):
        assert needle in text


def test_a_command_gets_its_own_arguments_and_the_top_help_lists_every_command(capsys):
    """A one-file run builds only its command's arguments (start-up); every
    command's help and the top-level help stay whole."""
    from reportparse.cli import COMMANDS, build_parser, main

    full = build_parser()
    for command in COMMANDS:
        only = build_parser(command)
        assert only.format_help() == full.format_help()  # the command list is the same
        sub = next(a for a in only._actions if a.dest == "command").choices[command]
        whole = next(a for a in full._actions if a.dest == "command").choices[command]
        assert sub.format_help() == whole.format_help()
    for command, needle in (("corpus", "--jobs"), ("show", "--output"), ("codebook", "--format")):
        with pytest.raises(SystemExit) as exit_:
            main([command, "--help"])
        assert exit_.value.code == 0 and needle in capsys.readouterr().out


def test_schema_command_prints_the_schema():
    proc = run("schema")
    schema = json.loads(proc.stdout)
    assert schema["title"] == "reportparse Report tree"


def test_console_script_installed():
    import shutil

    exe = shutil.which("reportparse")
    assert exe, "pip install -e . installs the reportparse console script"
    proc = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("reportparse ")


def test_pdf_on_stdin():
    proc = run("parse", "-", "--flat", stdin=(ROOT / "corpus/real/hongze-2024.pdf").read_bytes())
    flat = json.loads(proc.stdout)
    assert flat["header.issuer"] == "淮安市洪泽区人民政府" and flat["applications.new.total"] == 95
