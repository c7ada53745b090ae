"""Encodings are detected without being told; binary input is a typed error."""

from __future__ import annotations

import pytest

import reportparse
from reportparse import UnreadableInputError
from reportparse.ingest.text import decode_bytes

from conftest import SAMPLE


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_same_tree_in_every_encoding(tmp_path, encoding):
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / f"sample-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    base = reportparse.parse_file(SAMPLE)
    other = reportparse.parse_file(path)
    assert other.flat() == base.flat()
    assert [s.to_dict() for s in other.sections] == [s.to_dict() for s in base.sections]
    assert other.source.encoding is not None


def test_gb18030_is_named_in_a_diagnostic(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    report = reportparse.parse_file(path)
    assert report.source.encoding == "gb18030"
    assert any(d.code == "INPUT_ENCODING" for d in report.diagnostics)


@pytest.mark.parametrize("data, match", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary|not valid"),
    (bytes(range(256)) * 20, "binary|not valid"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
])
def test_bad_bytes_raise_typed_error(data, match):
    with pytest.raises(UnreadableInputError, match=match):
        decode_bytes(data)


def test_random_high_bytes_are_not_read_as_gb18030():
    import random

    rnd = random.Random(7)
    data = bytes(rnd.randrange(0x81, 0xFF) for _ in range(3000))
    with pytest.raises(UnreadableInputError):
        decode_bytes(data)


def _zip(tmp_path, name: str, parts: list[str]):
    import zipfile

    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as z:
        for part in parts:
            z.writestr(part, "<x/>")
    return path


@pytest.mark.parametrize("name, parts, kind", [
    ("report.docx", ["[Content_Types].xml", "word/document.xml"], "Word document"),
    ("report.xlsx", ["[Content_Types].xml", "xl/workbook.xml"], "Excel workbook"),
    ("report.ofd", ["OFD.xml", "Doc_0/Document.xml"], "OFD document"),
    ("report.zip", ["a.txt"], "ZIP archive"),
])
def test_an_office_file_is_named_with_what_to_do(tmp_path, capsys, name, parts, kind):
    """Government sites publish reports as .doc/.docx/.ofd too: a typed error
    that names the format and how to convert it, not "looks binary"; the CLI exits 3."""
    from reportparse.cli import main

    path = _zip(tmp_path, name, parts)
    with pytest.raises(UnreadableInputError, match=kind):
        reportparse.parse_file(path)
    assert main(["parse", str(path)]) == 3
    err = capsys.readouterr().err
    assert kind in err and ("convert it first" in err or "extract it first" in err)


@pytest.mark.parametrize("head, kind", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Word 97-2003"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} \\'b9\\'ab}", "RTF"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "PNG image"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 50, "JPEG image"),
])
def test_other_formats_are_named(head, kind):
    with pytest.raises(UnreadableInputError, match=kind):
        decode_bytes(head)

