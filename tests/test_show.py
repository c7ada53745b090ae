"""``reportparse show``: one self-contained HTML page per report, and a
corpus index; checked as HTML here and in a real browser (headless Chromium
through Playwright) where one is installed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

import reportparse
from reportparse.htmlview import render_with_pages, show_file

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "corpus/real/huaian-2024.pdf"
TEXT = ROOT / "corpus/000_c93a36ffeb13c002.txt"


def _self_contained(page: str) -> None:
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # nothing fetched from a network
    assert "<link" not in page and not re.search(r"<script[^>]+src=", page)


def test_a_text_report_marks_every_cell_it_read_in_its_text():
    page, report = show_file(str(TEXT))
    _self_contained(page)
    for key, table in report.tables.items():
        for rid, cols in table.rows.items():
            for cid, cell in cols.items():
                k = f"{key}.{rid}.{cid}"
                assert f'id="cell-{k}"' in page  # in the tables drawn in the template's shape
                if cell.span is not None:
                    assert re.search(rf'<mark class="st-{cell.status}" id="src-{re.escape(k)}"', page)
    assert "法人或其他组织" in page and "行政诉讼" in page  # merged headers
    assert all(f"<b>{escape(s.number)}{escape(s.title)}</b>" in page for s in report.sections)  # the section tree


def test_text_in_the_report_stays_text(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(TEXT.read_text(encoding="utf-8").replace("一、总体情况", "一、总体情况\n<script>alert(1)</script><img src=x onerror=alert(2)>"),
                    encoding="utf-8")
    page, _ = show_file(str(path))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and page.count("<script>") == 1  # only the page's own
    assert "<img src=x" not in page


def test_a_report_with_no_tables_still_shows_header_and_diagnostics(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("雄县人民政府2023年政府信息公开工作年度报告\n\n本年度工作稳步推进。\n", encoding="utf-8")
    page, report = show_file(str(path))
    assert "雄县人民政府2023年政府信息公开工作年度报告" in page and "<h2>Sections</h2>" in page
    assert all(d.code in page for d in report.diagnostics) and report.diagnostics


def test_pages_that_cannot_be_rendered_show_their_text_with_a_diagnostic(tmp_path):
    from reportparse.options import ParseOptions
    from reportparse.pipeline import _ingest_file, parse_source

    st, src = _ingest_file(str(PDF), ParseOptions())
    report = parse_source(st, ParseOptions(), source=src)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")  # pdftoppm cannot render it
    page = render_with_pages(report, st.text, str(broken))
    assert "VIEW_PAGE_UNRENDERED" in page and 'class="box' not in page
    assert page.count("could not be rendered: its text") == st.text.count("\f") + 1
    assert '<mark class="st-read" id="src-applications.new.natural_person"' in page


def test_cli_show_and_report_to_html(tmp_path):
    out = tmp_path / "r.html"
    run = subprocess.run([sys.executable, "-m", "reportparse", "show", str(TEXT), "-o", str(out)], capture_output=True, text=True)
    assert run.returncode in (0, 1) and out.read_text(encoding="utf-8").startswith("<!doctype html>")
    report = reportparse.parse_file(TEXT)
    assert 'id="src-applications.new.total"' in report.to_html()


def test_corpus_html_writes_an_index_linking_a_page_per_report(tmp_path):
    from reportparse.corpus import run_corpus

    (tmp_path / "in").mkdir()
    shutil.copy(TEXT, tmp_path / "in" / "a.txt")
    shutil.copy(ROOT / "corpus/real/pingtan-007.txt", tmp_path / "in" / "b.txt")
    run_corpus([str(tmp_path / "in")], tmp_path / "out", jobs=1, engine="local", html=True, warn=None)
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    _self_contained(index)
    links = re.findall(r'href="(html/[0-9a-f]+\.html)"', index)
    assert len(links) == 2 and all((tmp_path / "out" / link).is_file() for link in links)
    assert index.count("<svg") == 3 and "柱濮镇人民政府" in index


# ---- in a real browser ---------------------------------------------------------------------------------------------

def _chromium() -> str:
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        pytest.skip("no Chromium installed (Debian: apt-get install chromium; .ci/run installs it)")
    return exe


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        yield b
        b.close()


def test_in_chromium_every_pdf_cell_is_boxed_where_it_is_printed(browser, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    page_html, report = show_file(str(PDF))
    path = tmp_path / "huaian.html"
    path.write_text(page_html, encoding="utf-8")
    tree = json.loads(report.to_json())
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(path.as_uri())
    boxes = {b["key"]: b for b in page.eval_on_selector_all("a.box", """els => els.map(e => {
        const p = e.closest('.page').getBoundingClientRect(), r = e.getBoundingClientRect();
        return {key: e.dataset.key, status: e.dataset.status, page: e.closest('.page').id,
                x: r.left - p.left - 1, y: r.top - p.top - 1, w: r.width, h: r.height, ph: p.height - 2}; })""")}
    expected = 0
    for tkey, table in tree["tables"].items():
        for rid, cols in table["rows"].items():
            for cid, cell in cols.items():
                span = cell["span"]
                if not span or "bbox" not in span:
                    continue
                expected += 1
                box = boxes[f"{tkey}.{rid}.{cid}"]
                assert box["status"] == cell["status"] and box["page"] == f"page-{span['page']}"
                x0, y0, x1, y1 = span["bbox"]
                scale = 100 / 72
                assert abs(box["x"] - x0 * scale) < 1.5 and abs(box["w"] - (x1 - x0) * scale) < 1.5
                assert abs(box["y"] - (box["ph"] - y1 * scale)) < 2.5  # top edge, from the page's foot
    assert expected >= 150 and len(boxes) == expected
    key = "applications.new.natural_person"
    page.hover(f'a.box[data-key="{key}"]')
    tip = page.inner_text("#tip")
    assert page.is_visible("#tip") and key in tip and "value 3001" in tip and "自然人" in tip
    shot = tmp_path / "huaian.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.close()


def test_in_chromium_a_text_report_marks_its_cells_and_shows_them_on_focus(browser, tmp_path):
    page_html, report = show_file(str(TEXT))
    path = tmp_path / "text.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    marks = page.eval_on_selector_all("pre.src mark", "els => els.map(e => [e.dataset.key, e.dataset.status, e.textContent])")
    cells = {f"{t}.{r}.{c}": cell for t, table in report.tables.items() for r, cols in table.rows.items() for c, cell in cols.items()}
    assert len(marks) == sum(1 for c in cells.values() if c.span is not None)
    for key, status, text in marks:
        assert cells[key].status == status and text.strip() == (cells[key].raw or "").strip()
    page.focus('td[id="cell-applications.new.total"]')
    assert "applications.new.total" in page.inner_text("#tip")
    page.close()
