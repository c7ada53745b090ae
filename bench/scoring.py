"""Score a parse against the generator's values: shared by the benches that
turn generated reports into text some other way (pdftotext, a browser).

Cells are scored as ``Report.flat()`` gives them: a ``placed`` value (its
cell rests on a choice the text does not decide) is empty there, so it counts
as empty, and the share of such cells is printed apart (``of which placed``)."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from pathlib import Path

TALLY = ("cells", "right", "wrong", "unflagged", "null", "placed", "valid", "valid_wrong")
# the column heads of :func:`row`, after the name
HEAD = (f"{'cells':>7}{'right':>9}{'wrong':>7}{'of which not flagged':>23}{'empty':>9}{'of which placed':>17}"
        f"{'tables valid':>14}{'valid-but-wrong':>17}")


def fresh_seed_option(ap, what: str = "fresh seeds") -> None:
    """The ``--fresh-seed N`` option every bench takes: the base of its
    held-out seeds, drawn at run time unless given (:func:`fresh_base`)."""
    ap.add_argument("--fresh-seed", type=int, default=None, help=f"base of the {what} (default: drawn at run time)")


def nbsp_option(ap) -> None:
    """The ``--nbsp`` option of the benches of web pages (:func:`blanked_html`)."""
    ap.add_argument("--nbsp", action="store_true",
                    help="every 0 and the cells left empty printed as &nbsp; (as most sites' editors print a table)")


def thousands_option(ap) -> None:
    """The ``--thousands`` option of the benches of generated PDFs and web pages (``generator.separated``)."""
    ap.add_argument("--thousands", action="store_true",
                    help="reports with large numbers, each of 1000 or more printed with thousands separators "
                         "(1,234; in one report of four 1, 234, as OCR and some producers print them)")


def _shown(gen, seed: int, drop: float, thousands: bool, empty: object = "", also_empty=lambda v: False):
    """``gen`` as printed: a share ``drop`` of its cells (and those ``also_empty`` picks) printed as ``empty``,
    with ``thousands``, the rest through ``generator.separated`` (spaced in one report of four)."""
    from generator import separated

    rng = random.Random(seed * 7 + 1)
    blank = {k for k, v in gen.truth.items() if v is not None and (rng.random() < drop or also_empty(v))}
    shown = {k: (empty if k in blank else separated(v, seed % 4 == 3) if thousands else v) for k, v in gen.truth.items()}
    return dataclasses.replace(gen, truth=shown)


def only_option(ap) -> None:
    """The ``--only WORDS`` option of the benches that run many tools (:func:`only`)."""
    ap.add_argument("--only", default=None, metavar="WORDS",
                    help="only the tools whose name holds one of these comma-separated words (e.g. camelot,tabula)")


def only(names, words: str | None) -> list:
    """``names`` whose name holds one of the comma-separated ``words`` (all where None)."""
    return [n for n in names if not words or any(w in n for w in words.split(","))]


def fresh_base(args) -> int:
    """``--fresh-seed``, or a base drawn now (printed by the bench, so a run can be repeated)."""
    return args.fresh_seed if args.fresh_seed is not None else random.SystemRandom().randrange(10**6, 10**8)


def cell_of(report, key: str):
    """The cell of a flat key (``applications.result.total.other_org``), or None."""
    tkey, rest = key.split(".", 1)
    rid, cid = rest.rsplit(".", 1)
    return report.tables[tkey].rows.get(rid, {}).get(cid) if tkey in report.tables else None


def parse_tool_text(text: str):
    """A tool's text parsed; a tool that found nothing wrote nothing (pdfplumber's
    tables of a PDF without rules), which :func:`reportparse.parse_text` refuses
    as no input: it is parsed as a line saying so, every cell left empty."""
    import reportparse

    return reportparse.parse_text(text if text.strip() else "（无表格）")


def tally(report, truth: dict[str, object], tot: dict[str, int]) -> None:
    """Add one report: every cell with a true value right, wrong or left
    empty as the flat output gives it (a ``placed`` value is empty there,
    counted apart: ``placed``), and the wrong ones that are not a
    ``conflict`` (a value read or forced as though right: ``unflagged``); its
    tables valid, and valid with a wrong value."""
    wrong_tables = set()
    for key, want in truth.items():
        if want is None:
            continue
        cell = cell_of(report, key)
        got = cell.value if cell else None
        if got is not None and cell.status == "placed":  # left empty by Report.flat()
            tot["placed"] += 1  # (a placed value keeps its table from being valid)
            got = None
        tot["cells"] += 1
        tot["null" if got is None else "right" if got == want else "wrong"] += 1
        if got is not None and got != want:
            wrong_tables.add(key.split(".", 1)[0])
            tot["unflagged"] += cell.status != "conflict"
    for tkey, table in report.tables.items():
        tot["valid"] += table.valid
        tot["valid_wrong"] += table.valid and tkey in wrong_tables


def row(name: str, t: dict[str, int], width: int = 34) -> str:
    c = max(t["cells"], 1)
    return (f"{name:<{width}}{t['cells']:>7}{t['right'] / c:>9.2%}{t['wrong']:>7}{t['unflagged']:>23}{t['null'] / c:>9.2%}"
            f"{t['placed'] / c:>17.2%}{t['valid']:>14}{t['valid_wrong']:>17}")


def blanked_pdf(seed: int, drop: float, pdf: Path, thousands: bool = False):
    """Generated report ``seed`` (2021 and 2019 templates by turns) rendered
    to ``pdf`` — ruled or whitespace-aligned, the simple or the template look,
    三 split over a page in one report of five — with a share ``drop`` of its
    cells printed empty (``thousands``: a report with large numbers, printed
    with thousands separators, ``generator.separated``). Returns the generator's
    report, whose ``truth`` holds every value (the cells printed empty included)."""
    from generator import make_report, render_pdf

    gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab", big=True if thousands else None)
    shown = _shown(gen, seed, drop, thousands)
    render_pdf(shown, pdf, ruled=seed % 3 != 0, look=("simple", "template")[seed // 2 % 2], split_table=seed % 5 == 0)
    return gen


def blanked_html(seed: int, drop: float, nbsp: bool = False, thousands: bool = False):
    """Generated report ``seed`` (2021 and 2019 templates by turns) as a web
    page (``tests/generator.render_html``) with a share ``drop`` of its cells
    left empty (``nbsp``: every 0 too, each empty cell's text ``&nbsp;``, as
    most sites' editors print a table: :func:`nbsp_option`; ``thousands``: a
    report with large numbers, printed with thousands separators,
    ``generator.separated``). Returns the generator's report (``truth`` holds every
    value, the cells left empty included) and the page."""
    from generator import make_report, render_html

    gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab", big=True if thousands else None)
    shown = _shown(gen, seed, drop, thousands, "&nbsp;" if nbsp else "", lambda v: nbsp and v == 0)
    return gen, render_html(shown)


PDFTOHTML = {"pdftohtml": ["-s", "-noframes"], "pdftohtml -xml": ["-xml"]}  # poppler: files of markup, not text


def ghostscript_text(pdf: Path | str) -> str:
    """``pdf`` as Ghostscript's ``txtwrite`` device writes it (``gs``, Debian's
    ghostscript): text aligned with spaces."""
    import subprocess

    return subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-sOutputFile=-", str(pdf)],
                          capture_output=True, check=True).stdout.decode("utf-8", "replace")


def pdfium_text(pdf: Path | str) -> str:
    """``pdf`` as pypdfium2 (PDFium, Chrome's PDF engine) gives each page's
    text (``get_textpage().get_text_range()``: lines end in ``\\r\\n``), the
    pages joined with form feeds."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


PDFBOX_JARS = ("pdfbox2-tools", "pdfbox2", "fontbox2", "commons-logging")  # Debian's libpdfbox2-java, in /usr/share/java


def pdfbox_available() -> bool:
    """Whether Apache PDFBox's ``ExtractText`` can run: ``java`` and Debian's libpdfbox2-java."""
    import shutil

    return shutil.which("java") is not None and all(Path(f"/usr/share/java/{j}.jar").exists() for j in PDFBOX_JARS)


def pdfbox_text(pdf: Path | str, sort: bool = False) -> str:
    """``pdf`` as Apache PDFBox's ``ExtractText`` writes it (the text Apache
    Tika gives, and so tika-python); ``sort``: its ``-sort`` option (text by
    position, not content-stream order)."""
    import subprocess

    cp = ":".join(f"/usr/share/java/{j}.jar" for j in PDFBOX_JARS)
    return subprocess.run(["java", "-cp", cp, "org.apache.pdfbox.tools.ExtractText", "-encoding", "UTF-8",
                           *(["-sort"] if sort else []), "-console", str(pdf)],
                          capture_output=True, check=True).stdout.decode("utf-8", "replace")


def more_pdf_readers() -> dict:
    """The PDF readers beyond the Python libraries of the ``bench`` extra
    that are installed here, by name: each a function of a PDF's path to its
    text (added at stop 55, held out: no rule was written on their text):
    pypdfium2 (the ``[pdfium]`` extra), Ghostscript's ``txtwrite`` (``gs``),
    Apache PDFBox's ``ExtractText``, default and ``-sort`` (``java`` and
    Debian's libpdfbox2-java)."""
    import importlib.util
    import shutil

    out = {}
    if importlib.util.find_spec("pypdfium2"):
        out["pypdfium2"] = pdfium_text
    if shutil.which("gs"):
        out["ghostscript txtwrite"] = ghostscript_text
    if pdfbox_available():
        out["pdfbox"] = pdfbox_text
        out["pdfbox -sort"] = lambda pdf: pdfbox_text(pdf, sort=True)
    return out


def pdftotext_reader(*flags: str) -> Callable[[Path | str], str]:
    """poppler's ``pdftotext`` with ``flags`` as a function of a PDF's path to its text (UTF-8, pages apart by form feeds)."""
    import subprocess

    return lambda pdf: subprocess.run(["pdftotext", "-enc", "UTF-8", *flags, str(pdf), "-"],
                                      capture_output=True, text=True, check=True).stdout


def camelot_csv(pdf: Path | str, flavor: str) -> str:
    """The tables camelot finds in ``pdf`` with ``flavor`` (``lattice``: by
    the ruling lines; ``stream``: by the gaps between words; ``network``,
    ``hybrid``), each written as a researcher keeps it: ``table.df.to_csv``
    (no index, no header row; a cell's lines kept inside its quoted field),
    an empty line after each. Nothing but the tables: no headings, no prose."""
    import contextlib
    import io
    import warnings

    import camelot

    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")  # "no tables found on page N" and the like
        tables = camelot.read_pdf(str(pdf), pages="all", flavor=flavor)
    return _frames_csv(table.df for table in tables)


def tabula_csv(pdf: Path | str, lattice: bool) -> str:
    """The tables tabula-java (through tabula-py) finds in ``pdf``, lattice
    (by the ruling lines) or stream mode, each data frame written by pandas'
    ``to_csv`` (no index, no header row: a column with an empty cell prints
    its values as floats, ``95.0``), an empty line after each."""
    import contextlib
    import io
    import warnings

    import tabula

    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        frames = tabula.read_pdf(str(pdf), pages="all", lattice=lattice, stream=not lattice,
                                 pandas_options={"header": None}, silent=True)
    return _frames_csv(frames)


def pymupdf_tables_csv(pdf: Path | str, strategy: str, frames: bool) -> str:
    """The tables PyMuPDF's ``find_tables`` finds in ``pdf`` with ``strategy``
    (``lines``: by the ruling lines; ``text``: by the words' alignment), each
    written as a researcher keeps it: ``frames``, through ``to_pandas`` and
    pandas' ``to_csv`` (no index; the first row the column names PyMuPDF
    makes of it, ``Col0``, ``1-法提供``), else its ``extract()`` rows through
    Python's ``csv`` (an empty line after each table either way)."""
    import csv
    import io

    import pymupdf

    pymupdf.set_messages(stream=io.StringIO())
    out = io.StringIO()
    with pymupdf.open(str(pdf)) as doc:
        for page in doc:
            for table in page.find_tables(strategy=strategy):
                if frames:
                    table.to_pandas().to_csv(out, index=False)
                else:
                    csv.writer(out).writerows([["" if c is None else c for c in row] for row in table.extract()])
                out.write("\n")
    return out.getvalue()


def _frames_csv(frames) -> str:
    """Data frames as a researcher keeps an extractor's tables: each through
    pandas' ``to_csv`` (no index, no header row), an empty line after each."""
    import io

    out = io.StringIO()
    for frame in frames:
        frame.to_csv(out, index=False, header=False)
        out.write("\n")
    return out.getvalue()


def table_extractors() -> dict:
    """The PDF table extractors installed here, by name: each a function of a
    PDF's path to its tables as CSV (added at stop 63; ``pip install camelot-py
    tabula-py``, tabula also needs ``java``; neither is a dependency of
    reportparse): camelot's four flavours, tabula's lattice and stream modes;
    and PyMuPDF's ``find_tables`` (added at stop 64), by its ruling lines
    (rows through ``csv``) and by its words (frames through pandas)."""
    import importlib.util
    import shutil

    out = {}
    if importlib.util.find_spec("camelot"):
        for flavor in ("lattice", "stream", "hybrid", "network"):
            out[f"camelot {flavor} csv"] = lambda pdf, flavor=flavor: camelot_csv(pdf, flavor)
    if importlib.util.find_spec("tabula") and shutil.which("java"):
        out["tabula lattice csv"] = lambda pdf: tabula_csv(pdf, True)
        out["tabula stream csv"] = lambda pdf: tabula_csv(pdf, False)
    if importlib.util.find_spec("pymupdf"):
        out["pymupdf tables csv"] = lambda pdf: pymupdf_tables_csv(pdf, "lines", False)
        if importlib.util.find_spec("pandas"):
            out["pymupdf text tables pandas"] = lambda pdf: pymupdf_tables_csv(pdf, "text", True)
    return out


def pymupdf4llm_markdown(pdf: Path | str) -> str:
    """``pdf`` as pymupdf4llm's ``to_markdown`` writes it, its notes on the OCR
    it would use silenced (they go through PyMuPDF's own message stream)."""
    import contextlib
    import io

    import pymupdf
    import pymupdf4llm

    pymupdf.set_messages(stream=io.StringIO())
    with contextlib.redirect_stdout(io.StringIO()):
        return pymupdf4llm.to_markdown(str(pdf), show_progress=False)


def pymupdf4llm_text(pdf: Path | str) -> str:
    """``pdf`` as pymupdf4llm's ``to_text`` writes it (added at stop 64): its
    layout model's reading, tables drawn as grids (``+----+``, ``| 行政处罚 | 2776 |``)."""
    import contextlib
    import io

    import pymupdf
    import pymupdf4llm

    pymupdf.set_messages(stream=io.StringIO())
    with contextlib.redirect_stdout(io.StringIO()):
        return pymupdf4llm.to_text(str(pdf), show_progress=False)


def pdftohtml_report(pdf: Path, flags: list[str]):
    """``pdf`` through poppler's ``pdftohtml`` with ``flags``, the file it
    writes parsed as the file it is (the HTML ingest), then removed."""
    import subprocess
    import tempfile

    import reportparse

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftohtml", "-q", "-i", *flags, str(pdf), f"{tmp}/out"], check=True)
        return reportparse.parse_file(Path(tmp) / ("out.xml" if "-xml" in flags else "out.html"))


def parse_and_tally(parse, truth: dict[str, object], tot, label: str, another: bool = False) -> list[str]:
    """One parse of a damaged input (``parse``: no arguments, returns the
    report) counted in ``tot`` and tallied (:func:`mutation_tally`): a typed
    error is an allowed answer; any other exception is counted and shown
    (``label`` names the input), never a traceback. Returns the faults, to show."""
    import sys

    import reportparse

    tot["parses"] += 1
    try:
        report = parse()
    except reportparse.ReportParseError:
        return []
    except Exception as e:  # noqa: BLE001 - counted and shown: never a traceback
        tot["exceptions"] += 1
        print(f"  exception {label}: {e!r}", file=sys.stderr)
        return []
    return mutation_tally(report, truth, tot, another)


def mutation_tally(report, truth: dict[str, object], tot, another: bool = False) -> list[str]:
    """Tally one parse of a damaged input (``tot``: a Counter): cells, right
    and empty as the flat output gives them; wrong values read or forced as
    though right (``read``, ``inferred`` or ``corrected``: ``unflagged``),
    tables valid, and valid with a wrong value (``valid_wrong``). With
    ``another`` the damage made the text of another report (two values
    swapped): its wrong values are no fault, and a valid table with them is
    counted apart (``another``). Returns the faults, to show."""
    wrong_tables, shown = set(), []
    flat = report.flat()
    for key, want in truth.items():
        if want is None:
            continue
        tot["cells"] += 1
        tot["right"] += flat[key] == want
        tot["empty"] += flat[key] is None
        cell = cell_of(report, key)
        if cell is None or cell.value is None or cell.value == want:
            continue
        wrong_tables.add(key.split(".", 1)[0])
        if cell.status in ("read", "inferred", "corrected") and not another:
            tot["unflagged"] += 1
            shown.append(f"{key}={cell.value} ({cell.status}; true {want})")
    for tkey, table in report.tables.items():
        tot["valid"] += table.valid
        if table.valid and tkey in wrong_tables:
            tot["another" if another else "valid_wrong"] += 1
            if not another:
                shown.append(f"{tkey} valid with a wrong value")
    return shown
