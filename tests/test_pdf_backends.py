"""The two PDF backends (pdfminer.six, always there; pypdfium2, the
``[pdfium]`` extra) give the same report: every value, status, diagnostic,
offset and line identical, and every box within 0.02 pt (PDFium computes in
single precision, so a coordinate can round the other way in its second
decimal)."""

from __future__ import annotations

import json

import pytest

import reportparse
from reportparse import ParseOptions, UnreadableInputError
from reportparse.cli import main
from reportparse.errors import OptionsError
from reportparse.ingest import pdf_pdfminer
from reportparse.ingest.pdf import backend_for

from conftest import CORPUS
from generator import make_report, render_pdf, turn_pages

pytest.importorskip("pypdfium2", reason="the [pdfium] extra is not installed (the dev extra installs it)")
from reportparse.ingest import pdf_pdfium  # noqa: E402

TOLERANCE = 0.02  # points


def _differences(a: object, b: object, path: str = "") -> list[str]:
    if isinstance(a, float) or isinstance(b, float):
        ok = isinstance(a, int | float) and isinstance(b, int | float) and abs(a - b) <= TOLERANCE
        return [] if ok else [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{path}: keys {sorted(a.keys() ^ b.keys())}"]
        return [d for k in a for d in _differences(a[k], b[k], f"{path}/{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} != {len(b)} items"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {str(a)[:80]!r} != {str(b)[:80]!r}"]


def _both(path) -> tuple[dict, dict]:
    return tuple(reportparse.parse_file(path, ParseOptions(pdf_backend=b)).to_dict() for b in ("pdfminer", "pdfium"))


@pytest.mark.parametrize("name", ["hongze-2023.pdf", "hongze-2024.pdf", "huaian-2024.pdf"])
def test_real_pdfs_parse_the_same_with_either_backend(name):
    a, b = _both(CORPUS / "real" / name)
    assert a["tables"] and _differences(a, b) == []


@pytest.mark.parametrize("seed, ruled, split, look", [
    (31, True, False, "simple"), (32, True, True, "template"), (33, False, False, "simple"), (34, True, False, "template"),
])
def test_generated_pdfs_parse_the_same_with_either_backend(tmp_path, seed, ruled, split, look):
    """Ruled and whitespace-aligned tables, a table over a page break, both looks
    (the template look draws merged cells and a vertical header)."""
    gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
    pdf = tmp_path / "r.pdf"
    render_pdf(gen, pdf, ruled=ruled, split_table=split, look=look, signed=seed % 2 == 0)
    a, b = _both(pdf)
    assert _differences(a, b) == []
    flat = reportparse.parse_file(pdf, ParseOptions(pdf_backend="pdfium")).flat()
    assert all(flat[k] in (None, v) for k, v in gen.truth.items())


@pytest.mark.parametrize("quarter, rotate", [(90, 90), (270, 270), (90, 0), (270, 0), (0, 90), (0, 180), (0, 270)])
def test_a_page_turned_any_way_reads_upright_the_same_with_either_backend(tmp_path, quarter, rotate):
    """A page drawn sideways and turned upright by ``/Rotate`` (a landscape
    page as some producers write one), drawn sideways and shown so (a wide
    table printed across a portrait page), or drawn upright and shown turned
    (``/Rotate`` alone). pdfminer laid a page out as shown and PDFium in its
    own space, so each backend lost every table of some of these (no cell
    read); now a page is turned so that most of its lines run left to right,
    and every value is read with either backend, its box where the page as
    shown prints it."""
    gen = make_report(73001, "ogi-2019", "tab")
    render_pdf(gen, tmp_path / "r.pdf")
    turn_pages(tmp_path / "r.pdf", tmp_path / "turned.pdf", quarter, rotate)
    a, b = _both(tmp_path / "turned.pdf")
    assert _differences(a, b) == []
    report = reportparse.parse_file(tmp_path / "turned.pdf", ParseOptions(pdf_backend="pdfium"))
    flat = report.flat()
    assert all(flat[k] == v for k, v in gen.truth.items()) and report.valid
    upright = reportparse.parse_file(tmp_path / "r.pdf", ParseOptions(pdf_backend="pdfium"))
    cell, same = report.tables["applications"].rows["new"]["total"], upright.tables["applications"].rows["new"]["total"]
    if (quarter, rotate) in ((90, 90), (270, 270)):  # shown as the upright page: the same box
        assert all(abs(p - q) < 0.05 for p, q in zip(cell.span.bbox, same.span.bbox, strict=True))
    else:  # shown turned: the box turned with it (its width and height swapped unless upside down)
        w, h = cell.span.bbox[2] - cell.span.bbox[0], cell.span.bbox[3] - cell.span.bbox[1]
        w0, h0 = same.span.bbox[2] - same.span.bbox[0], same.span.bbox[3] - same.span.bbox[1]
        want = (w0, h0) if rotate == 180 else (h0, w0)
        assert abs(w - want[0]) < 0.05 and abs(h - want[1]) < 0.05


def test_page_content_is_the_same_characters_boxes_and_rules():
    """Below the report: each page's characters (text and box), ruling lines,
    rectangles and counts, as each backend reads them."""
    path = CORPUS / "real" / "hongze-2023.pdf"
    pages = list(zip(pdf_pdfminer.read_pages(path), pdf_pdfium.read_pages(path), strict=True))
    assert len(pages) == 5
    for a, b in pages:
        assert [c.text for c in a.chars] == [c.text for c in b.chars]
        for ca, cb in zip(a.chars, b.chars, strict=True):  # the vertical 三、本年度办理结果 included
            assert max(abs(ca.x0 - cb.x0), abs(ca.y0 - cb.y0), abs(ca.x1 - cb.x1), abs(ca.y1 - cb.y1),
                       abs(ca.size - cb.size)) <= TOLERANCE, (ca.text, ca.x0, cb.x0, ca.y0, cb.y0)
        for mine, theirs in ((a.lines, b.lines), (a.rects, b.rects)):
            assert len(mine) == len(theirs)
            for u, v in zip(sorted(mine), sorted(theirs), strict=True):
                assert max(abs(p - q) for p, q in zip(u, v, strict=True)) <= 0.1
        assert (a.drawn, a.invisible, a.image) == (b.drawn, b.invisible, b.image)


def test_a_garbled_font_is_unreadable_with_either_backend():
    for backend in ("pdfminer", "pdfium"):
        with pytest.raises(UnreadableInputError, match="Unicode mapping"):
            reportparse.parse_file(CORPUS / "bad/garbled-font.pdf", ParseOptions(pdf_backend=backend))


def test_a_corrupt_pdf_is_a_typed_error_with_either_backend(tmp_path):
    bad = tmp_path / "cut.pdf"
    bad.write_bytes((CORPUS / "real" / "hongze-2023.pdf").read_bytes()[:3000])
    for backend in ("pdfminer", "pdfium"):
        with pytest.raises(UnreadableInputError, match="cut.pdf"):
            reportparse.parse_file(bad, ParseOptions(pdf_backend=backend))


def test_the_backend_is_a_validated_option_and_auto_prefers_pdfium(capsys, tmp_path):
    assert backend_for("auto") == "pdfium" and backend_for("pdfminer") == "pdfminer"
    with pytest.raises(OptionsError, match="pdf_backend"):
        ParseOptions(pdf_backend="mupdf")
    out = tmp_path / "r.json"
    assert main(["parse", str(CORPUS / "real" / "hongze-2024.pdf"), "--pdf-backend", "pdfminer", "-o", str(out)]) in (0, 1)
    by_pdfminer = json.loads(out.read_text(encoding="utf-8"))
    assert main(["parse", str(CORPUS / "real" / "hongze-2024.pdf"), "-o", str(out)]) in (0, 1)
    assert _differences(by_pdfminer, json.loads(out.read_text(encoding="utf-8"))) == []
    with pytest.raises(SystemExit) as exit_:
        main(["parse", str(CORPUS / "real" / "hongze-2024.pdf"), "--pdf-backend", "mupdf"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_invisible_text_over_an_image_is_counted_the_same(tmp_path):
    """A scan's OCR layer (text render mode 3 over a page image, as ocrmypdf
    writes it) is INPUT_OCR_LAYER with either backend; the visible text of a
    digital page is not."""
    from PIL import Image
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    png = tmp_path / "scan.png"
    Image.new("L", (200, 280), 235).save(png)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = make_report(5, "ogi-2021", "tab").text.splitlines()[:40]
    for mode, name in ((3, "layer.pdf"), (0, "visible.pdf")):
        c = canvas.Canvas(str(tmp_path / name))
        if mode == 3:
            c.drawImage(str(png), 0, 0, 595, 842)
        t = c.beginText(40, 800)
        t.setTextRenderMode(mode)
        t.setFont("STSong-Light", 10)
        for line in text:
            t.textLine(line.replace("\t", " "))
        c.drawText(t)
        c.save()
    for backend in ("pdfminer", "pdfium"):
        layer = reportparse.parse_file(tmp_path / "layer.pdf", ParseOptions(pdf_backend=backend))
        assert any(d.code == "INPUT_OCR_LAYER" for d in layer.diagnostics), backend
        assert layer.source.origin == "ocr"
        visible = reportparse.parse_file(tmp_path / "visible.pdf", ParseOptions(pdf_backend=backend))
        assert not any(d.code == "INPUT_OCR_LAYER" for d in visible.diagnostics), backend
    a = [(p.drawn, p.invisible, p.image) for p in pdf_pdfminer.read_pages(tmp_path / "layer.pdf")]
    assert a == [(p.drawn, p.invisible, p.image) for p in pdf_pdfium.read_pages(tmp_path / "layer.pdf")]
    assert a[0][1] == a[0][0] > 100 and a[0][2]


def test_pdfs_parsed_in_threads_at_once_give_the_report_of_one_thread():
    """PDFium is not thread-safe: the backend reads a document under a lock,
    so a caller's threads may parse PDFs at once."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [CORPUS / "real" / n for n in ("hongze-2023.pdf", "hongze-2024.pdf", "huaian-2024.pdf")] * 3
    opts = ParseOptions(pdf_backend="pdfium")
    alone = {p: reportparse.parse_file(p, opts).to_dict() for p in paths[:3]}
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda p: reportparse.parse_file(p, opts).to_dict(), paths))
    assert all(t == alone[p] for p, t in zip(paths, together, strict=True))
