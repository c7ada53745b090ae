"""PDFs this project did not make: reports printed to PDF by a browser and
exported by an office suite, read by reportparse's own PDF path.

    pip install -e '.[bench]'      # pandoc, chromium and libreoffice from Debian
    python bench/pdf_producers.py [--count 20] [--drop 0.03] [--fresh-seed N]

The PDFs of every other bench come from this project's own generator
(reportlab). Real reports are printed from web pages and exported from Word
or WPS, whose PDFs differ in what matters to a reader of PDFs: how a line of
text is cut into runs of characters, where spaces stand, what draws a
table's rules (filled rectangles, strokes, none), and how a row that does not
fit its cell wraps. Here generated reports (``tests/generator.render_html``,
with a share ``--drop`` of the cells left empty) are turned into PDFs by:

- **chromium** (``page.pdf()``, via Playwright), the page as generated (a
  table with no rules, cells aligned by the browser) and with every cell
  ruled (``border: 1px solid``), as a government site's CSS prints it;
- **LibreOffice** (``soffice --convert-to pdf``) of the page itself, as
  generated and with ``<table border="1">``, and of the ``.docx`` that pandoc
  makes of it: its tables as pandoc writes them (no rules, narrow label
  columns whose labels wrap under their values) and with every cell ruled
  (``w:tblBorders``, as Word's default "Table Grid" style).

Each PDF is parsed with :func:`reportparse.parse_file` (both backends when
pypdfium2 is installed) and every cell compared with the generator's value.
Printed per producer: cells right, wrong (and of those, how many are ``read``
or ``inferred``: not flagged), empty, tables valid, tables valid with a wrong
value. All seeds are drawn at run time (held out); ``--fresh-seed N`` repeats
a run. A producer whose program is missing is skipped.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, TALLY, blanked_html, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

RULED_CSS = ("<style>table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 4px}"
             "body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif}</style>")


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _office(paths: list[Path], outdir: Path) -> None:
    """Convert every file in one LibreOffice run (its start-up is seconds)."""
    exe = _soffice()
    assert exe is not None
    subprocess.run([exe, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, paths)],
                   capture_output=True, check=True, timeout=1200)


def _rule_docx(path: Path) -> Path:
    """Give every table of a ``.docx`` single rules on every cell edge."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = docx.Document(str(path))
    for table in doc.tables:
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{edge}")
            for k, v in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
                el.set(qn(f"w:{k}"), v)
            borders.append(el)
        table._tbl.tblPr.append(borders)
    doc.save(str(path))
    return path


PDF_NAMES = {"chromium print, no rules": "plain-{}.pdf", "chromium print, ruled": "ruled-{}.pdf",
             "libreoffice, web page": "lo-html/{}.pdf", "libreoffice, web page ruled": "lo-html-ruled/{}.pdf",
             "libreoffice, pandoc .docx": "lo-docx/{}.pdf", "libreoffice, .docx ruled": "lo-docx-ruled/{}.pdf"}


def pdf_path(tmp: Path, producer: str, seed: int) -> Path:
    """Where :func:`make_pdfs` writes a producer's PDF of a seed's page."""
    return tmp / PDF_NAMES[producer].format(seed)


def kept_pdfs(tmp: Path, seeds: list[int]) -> dict[str, dict[int, Path]] | None:
    """The PDFs an earlier :func:`make_pdfs` left in ``tmp`` for these seeds, when every producer's are there."""
    out = {name: {seed: pdf_path(tmp, name, seed) for seed in seeds} for name in PDF_NAMES}
    return out if all(p.exists() for by_seed in out.values() for p in by_seed.values()) else None


def make_pdfs(pages: dict[int, str], tmp: Path) -> dict[str, dict[int, Path]]:
    """Every producer's PDF of every page (by seed), by producer name then seed."""
    out: dict[str, dict[int, Path]] = {}
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is not None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"])
            page = browser.new_page()
            for name, css in (("chromium print, no rules", ""), ("chromium print, ruled", RULED_CSS)):
                out[name] = {}
                for seed, html in pages.items():
                    page.set_content(html.replace("</head>", css + "</head>", 1))
                    path = pdf_path(tmp, name, seed)
                    page.pdf(path=str(path), format="A4")
                    out[name][seed] = path
            browser.close()
    if _soffice() is None:
        return out
    # producer -> its folder and its source of each seed's page (written there)
    jobs: dict[str, Callable[[int, str, Path], Path]] = {
        "libreoffice, web page": lambda seed, html, d: _write(d / f"{seed}.html", html),
        "libreoffice, web page ruled": lambda seed, html, d: _write(
            d / f"{seed}.html", html.replace("<table", '<table border="1" cellspacing="0"')),
    }
    if shutil.which("pandoc"):
        jobs["libreoffice, pandoc .docx"] = lambda seed, html, d: _docx(d / f"{seed}.docx", html)
        try:
            import docx  # noqa: F401  (python-docx, the bench extra)
            jobs["libreoffice, .docx ruled"] = lambda seed, html, d: _rule_docx(shutil.copy(
                pdf_path(tmp, "libreoffice, pandoc .docx", seed).with_suffix(".docx"), d / f"{seed}.docx"))
        except ImportError:
            pass
    for name, source in jobs.items():
        out[name] = {seed: pdf_path(tmp, name, seed) for seed in pages}
        folder = next(iter(out[name].values())).parent  # each LibreOffice producer writes into a folder of its own
        folder.mkdir()
        _office([source(seed, html, folder) for seed, html in pages.items()], folder)
    return out


def _write(path: Path, html: str) -> Path:
    path.write_text(html, encoding="utf-8")
    return path


def _docx(path: Path, html: str) -> Path:
    subprocess.run(["pandoc", "-f", "html", "-t", "docx", "-o", str(path)], input=html, text=True, check=True)
    return path


def backends() -> dict[str, Callable[[Path], reportparse.Report]]:
    out = {"pdfminer": lambda p: reportparse.parse_file(p, reportparse.ParseOptions(pdf_backend="pdfminer"))}
    try:
        import pypdfium2  # noqa: F401
        out["pdfium"] = lambda p: reportparse.parse_file(p, reportparse.ParseOptions(pdf_backend="pdfium"))
    except ImportError:
        pass
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=20, help="reports")
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells left empty")
    fresh_seed_option(ap, "seeds")
    ap.add_argument("--keep", type=Path, default=None, help="write the PDFs here instead of a temporary folder")
    args = ap.parse_args()
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # Chromium's fonts: "Could not get FontBBox" per glyph
    fresh = fresh_base(args)
    seeds = list(range(fresh, fresh + args.count))
    generated = {seed: blanked_html(seed, args.drop) for seed in seeds}
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = args.keep or Path(tmpname)
        tmp.mkdir(parents=True, exist_ok=True)
        pdfs = make_pdfs({seed: html for seed, (_, html) in generated.items()}, tmp)
        truth = {seed: gen.truth for seed, (gen, _) in generated.items()}
        parsers = backends()
        print(f"{'producer':<30}{'backend':<10}{HEAD}")
        for producer, by_seed in pdfs.items():
            for bname, parse in parsers.items():
                tot = dict.fromkeys(TALLY, 0)
                for seed, path in by_seed.items():
                    tally(parse(path), truth[seed], tot)
                print(row(f"{producer:<30}{bname}", t=tot, width=40), flush=True)
    print(f"(seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run; --drop {args.drop})")


if __name__ == "__main__":
    main()
