"""Ingest for text: bytes to str, detecting UTF-8 (with or without BOM),
UTF-16 and GB18030/GBK without being told, and refusing binary input."""

from __future__ import annotations

import codecs

from ..errors import UnreadableInputError

_CONTROL_OK = set("\t\n\r\f\v")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`UnreadableInputError`."""
    if not data.strip():
        raise UnreadableInputError("the input is empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(_decode(data, enc), enc)
    if data.startswith(b"%PDF"):
        raise UnreadableInputError("the input is a PDF; pass it as a .pdf file")
    if (known := file_kind(data)) is not None:
        raise UnreadableInputError(f"the input is {known[0]}; reportparse reads text, HTML and PDF: {known[1]}")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(_decode(data, utf16), utf16)
    if b"\x00" in data:
        raise UnreadableInputError("the input looks binary (it contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = _decode(data, "gb18030")
    return _checked(text, "gb18030")


_CONVERT = ("convert it first: save it as PDF or as text (`pandoc report.docx -t plain -o report.txt`, "
            "`soffice --convert-to pdf report.doc`)")
_OCR_IT = "OCR it first, or put it in a PDF and pass that with --ocr"
_ZIP_KINDS = ((b"word/", "a Word document (.docx)"), (b"xl/", "an Excel workbook (.xlsx)"),
              (b"ppt/", "a PowerPoint file (.pptx)"), (b"OFD.xml", "an OFD document (GB/T 33190)"),
              (b"opendocument", "an OpenDocument file (.odt, .ods)"))
_SIGNATURES = ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003, Excel 97-2003 or WPS document (.doc, .xls, .wps)",
                _CONVERT), (b"{\\rtf", "an RTF document", _CONVERT),
               (b"\x89PNG\r\n", "a PNG image", _OCR_IT), (b"\xff\xd8\xff", "a JPEG image", _OCR_IT),
               (b"II*\x00", "a TIFF image", _OCR_IT), (b"MM\x00*", "a TIFF image", _OCR_IT),
               (b"Rar!\x1a\x07", "a RAR archive", "extract it first"),
               (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it first"),
               (b"\x1f\x8b", "a gzip file", "extract it first"))


def file_kind(data: bytes) -> tuple[str, str] | None:
    """What a file no reader of reportparse takes is, by its first bytes (a
    ZIP's by the names of the parts it holds), and what to do with it; None
    for anything else."""
    if data.startswith(b"PK\x03\x04"):
        head = data[:65536]
        return next(((kind, _CONVERT) for name, kind in _ZIP_KINDS if name in head), ("a ZIP archive", "extract it first"))
    return next(((kind, hint) for sig, kind, hint in _SIGNATURES if data.startswith(sig)), None)


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(
            f"the input is not valid text in any supported encoding (tried {encoding}: {exc.reason} at byte {exc.start})"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the NUL high bytes of ASCII characters (digits,
    newlines) sit almost all at odd offsets (little-endian) or even ones (big-endian)."""
    sample = data[:20000]
    nul_odd = sample[1::2].count(0)
    nul_even = sample[0::2].count(0)
    if len(data) % 2 or nul_odd + nul_even < 4:
        return None
    if nul_odd >= 0.8 * (nul_odd + nul_even):
        return "utf-16-le"
    if nul_even >= 0.8 * (nul_odd + nul_even):
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Refuse text that decoded but is not plausibly a document."""
    if not text.strip():
        raise UnreadableInputError("the input has no text")
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ch < " " and ch not in _CONTROL_OK) or "\ue000" <= ch <= "\uf8ff"
              or ch == "\ufffd")
    if bad > max(2, len(sample) // 100):
        raise UnreadableInputError(f"the input looks binary ({bad} control or private-use characters after decoding as {encoding})")
    if encoding == "gb18030":
        han = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
        if han:
            common = sum(1 for ch in han if _is_gb2312(ch))
            if common / len(han) < 0.8:
                raise UnreadableInputError("the input is not valid UTF-8 and does not read as Chinese text in GB18030 either")
        elif any(ord(ch) > 0x7F for ch in sample):
            raise UnreadableInputError("the input is not valid UTF-8 and does not read as GB18030 text")
    return text, encoding


def _is_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
