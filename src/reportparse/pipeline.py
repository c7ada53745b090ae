"""The one pipeline: ingest → normalise → segment → tables → check → model.

Text, PDF and HTML differ only in ingest; everything after works on canonical text.
"""

from __future__ import annotations

import hashlib
import os
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path

from .diagnostics import Diagnostic
from .errors import UnreadableInputError
from .fileio import file_sha256
from .grammar import Grammars, load_grammars
from .header import read_header
from .header_repair import ocr_place_doubt
from .ingest import SourceText
from .ingest.text import decode_bytes
from .model import Report, Source
from .normalise import Canonical, normalise
from .options import ParseOptions
from .origin import garbled_tables, mispaired_brackets, resolve_origin
from .reports import ReportStart, report_starts
from .sections import build_sections
from .tables import extract_tables, validate_tables
from .tables.filled_grid import filled_corrections_doubted, filled_neighbours_doubted
from .template import detect_template


def parse_text(text: str, options: ParseOptions | None = None, *, source: Source | None = None) -> Report:
    """Parse the text of one report. Text holding HTML tables (a web page, or
    Markdown with its tables as HTML: MinerU's, pandoc's) is read as HTML,
    as ``parse_file`` and ``parse_bytes`` read it."""
    if not isinstance(text, str):
        raise TypeError(f"parse_text expects str, got {type(text).__name__}; use parse_bytes for bytes")
    src = source or Source(sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    if source is None and _looks_html(None, text):
        from .ingest.html import read_html

        src.kind = "html"
        return parse_source(read_html(text), options, source=src)
    return parse_source(SourceText(text, kind=src.kind, encoding=src.encoding), options, source=src)


def parse_source(st: SourceText, options: ParseOptions | None = None, *, source: Source | None = None,
                 part: tuple[int, int] | None = None) -> Report:
    """Parse ingested text (from any input kind); ``part``: the original
    offsets of one report of a file that holds several."""
    opts = options or ParseOptions()
    g = load_grammars()
    src = source or Source(kind=st.kind, encoding=st.encoding, pages=st.pages)
    if not st.text.strip():
        raise UnreadableInputError("the input has no text")
    canon = normalise(st.text, g, st.boxes, part)
    return _parse_canonical(st, canon, g, opts, src, report_starts(canon, g) if part is None else [])


def _parse_canonical(st: SourceText, canon: Canonical, g: Grammars, opts: ParseOptions, src: Source,
                     starts: list[ReportStart]) -> Report:
    """Everything after normalising; ``starts``: the report titles of the whole file (more than one: an error)."""
    diags: list[Diagnostic] = [Diagnostic(code, msg) for code, msg in st.notes]
    if src.encoding and src.encoding not in ("utf-8", "utf-8-sig"):
        diags.append(Diagnostic("INPUT_ENCODING", f"decoded as {src.encoding}"))
    if canon.removed.get("web_chrome") or canon.removed.get("scrape_metadata"):
        diags.append(Diagnostic("INPUT_WEB_CHROME", f"removed {canon.removed['scrape_metadata']} metadata lines and {canon.removed['web_chrome']} navigation fragments"))
    if canon.removed.get("markup"):
        diags.append(Diagnostic("INPUT_MARKDOWN", f"Markdown: {canon.removed['markup']} table rows, separator rows and heading or bold marks read as plain text"))
    furniture = canon.removed.get("page_number", 0) + canon.removed.get("running_header", 0)
    if furniture:
        diags.append(Diagnostic("INPUT_PAGE_FURNITURE", f"removed {canon.removed['page_number']} page numbers and {canon.removed['running_header']} running headers"))
    if (op := canon.overprint) is not None:
        diags.append(Diagnostic("INPUT_OVERPRINTED", f"{op.repeated} of {op.lines} lines drawn again (fake bold): "
                                + ("the whole text twice; each line read once" if op.whole
                                   else "lines without digits drawn twice read once")))
        if op.doubtful:
            diags.append(Diagnostic("INPUT_OVERPRINT_DOUBT", "lines with digits look drawn twice too, in a text only part of "
                                    "which was (11: 1 drawn twice, or 11 drawn once?): no table is valid"))
    hr = read_header(canon, g)
    diags.extend(hr.diagnostics)
    if len(starts) > 1:
        names = "; ".join(f"{s.title!r} (line {bisect_right(canon.line_starts, s.at)})" for s in starts)
        diags.append(Diagnostic("INPUT_MULTIPLE_REPORTS", f"{len(starts)} reports in one file: {names}. Its tables are "
                                "not valid (which report's each is, is not told). Parse with --split (parse_reports) for "
                                "one report each"))
    template, tdiags = detect_template(canon.text, hr.header.title.value, hr.header.year.value, g, opts.template)
    diags.extend(tdiags)
    tree = build_sections(canon, hr.body_start, hr.body_end, g, template, (opts.fuzzy_errors, opts.regex_timeout))
    diags.extend(tree.diagnostics)
    tables, tbdiags = extract_tables(canon, tree.regions, template, opts)
    diags.extend(tbdiags)
    # text a converter made may fill a merged cell's grid (a text drawn twice prints words side by side for
    # another reason; the PDF's and HTML's own grids fill nothing); the words as printed: no space taken out
    converted = template is not None and src.kind == "text" and canon.overprint is None
    if converted:
        diags.extend(filled_neighbours_doubted(canon.original, template, tables))
    if template is not None and (garbled := garbled_tables(canon, tree.regions, [t.section for t in template.tables.values()])):
        diags.append(garbled)
    if mispaired := mispaired_brackets(canon):
        diags.append(mispaired)
    if hr.header.title.value is None and not tree.regions and not any(t.found for t in tables.values()):
        diags.append(Diagnostic("NOT_A_REPORT", "no report title, standard heading or table was found: this is not an annual report"))
    origin, odiag = resolve_origin(opts.text_origin, diags)
    src.origin = origin
    if odiag:
        diags.append(odiag)
    if origin == "ocr":
        diags.extend(ocr_place_doubt(hr.header, diags, canon.text, hr.body_start))
    guessed = opts.text_origin == "auto" and src.kind == "text"  # a text file: where it came from is a guess
    rules, rdiags, valid = validate_tables(tables, template, replace(opts, text_origin=origin), guessed)
    diags.extend(rdiags)
    if converted and (doubt := filled_corrections_doubted(canon.original, tables)):
        diags.extend(doubt)  # a converter's copies, not a misread, may have made the rules correct a printed value
        valid = False
    if len(starts) > 1 or canon.overprint is not None and canon.overprint.doubtful:
        # a table of the file may be any of its reports' (or rows of two); or its values may read drawn twice: none is valid
        valid = False
        for t in tables.values():
            t.valid = False
    elif template is not None and (twice := [tg for tg in template.tables.values() if tg.section in tree.twice]):
        valid = False
        for tg in twice:
            tables[tg.key].valid = False
            diags.append(Diagnostic("TBL_SECTION_TWICE", f"table {tg.key}: its section is printed twice with other text "
                                    "(two reports' bodies, the second's title lost?): the first is read, and which one is "
                                    "the report's is not told, so the table is not valid", None, f"tables.{tg.key}"))
    figures = []
    if opts.text_features:
        from .features.figures import extract_figures

        narrative = None if template is None or template.free_format else {s.key for s in template.sections if not s.tables}
        figures, fdiags = extract_figures(canon, tree.ranges, tables, narrative)
        diags.extend(fdiags)
    return Report(source=src, template=template.id if template else "unknown",
                  template_notice=template.notice if template else None, header=hr.header,
                  sections=tree.sections, tables=tables, rules=rules, diagnostics=diags, valid=valid,
                  figures=figures)


def parse_bytes(data: bytes, options: ParseOptions | None = None, *, path: str | None = None) -> Report:
    """Parse a text document given as bytes (encoding detected)."""
    opts = options or ParseOptions()
    st, src = _ingest_bytes(data, opts, path)
    return parse_source(st, opts, source=src)


def _ingest_bytes(data: bytes, opts: ParseOptions, path: str | None) -> tuple[SourceText, Source]:
    if len(data) > opts.max_bytes:
        raise UnreadableInputError(f"the input is {len(data)} bytes, more than max_bytes={opts.max_bytes}")
    if data.startswith(b"%PDF"):  # e.g. a PDF on standard input: pdfminer reads files
        import tempfile

        with tempfile.TemporaryDirectory(prefix="reportparse-") as tmp:
            pdf = Path(tmp) / "input.pdf"
            pdf.write_bytes(data)
            st, src = _ingest_pdf(pdf, opts)
        src.path = path
        return st, src
    text, encoding = decode_bytes(data)
    src = Source(path=path, sha256=hashlib.sha256(data).hexdigest(), kind="text", encoding=encoding)
    if _looks_html(path, text):
        from .ingest.html import read_html

        st = read_html(text)
        st.encoding = encoding
        src.kind = "html"
        return st, src
    return SourceText(text, kind="text", encoding=encoding), src


def _looks_html(path: str | None, text: str) -> bool:
    if path and Path(path).suffix.lower() in (".html", ".htm", ".shtml", ".xhtml", ".hocr"):
        return True
    head = text[:2000].lstrip().lower()
    if head.startswith("<?xml") and "?>" in head:  # XHTML (tesseract's hOCR) after its XML declaration
        head = head[head.index("?>") + 2:].lstrip()
    if head.startswith(("<!doctype html", "<html")) or "<pdf2xml" in head:  # pdf2xml: poppler's pdftohtml -xml
        return True
    low = text.lower()
    return "<table" in low and "</td>" in low


def parse_file(path: str | os.PathLike[str], options: ParseOptions | None = None) -> Report:
    """Parse one report file: text in any supported encoding, HTML, or PDF."""
    opts = options or ParseOptions()
    st, src = _ingest_file(path, opts)
    return parse_source(st, opts, source=src)


def parse_reports(path: str | os.PathLike[str], options: ParseOptions | None = None) -> list[Report]:
    """Parse a file that may hold more than one report: one ``Report`` per
    report title (issuer or year changes), each with ``source.path``
    ``path#1``, ``path#2``…; a file of one report gives a list of one."""
    opts = options or ParseOptions()
    st, src = _ingest_file(path, opts)
    return parse_each(st, src, opts)


def parse_each(st: SourceText, src: Source, opts: ParseOptions) -> list[Report]:
    """Ingested text parsed as one report per report title (see ``parse_reports``)."""
    if not st.text.strip():
        raise UnreadableInputError("the input has no text")
    g = load_grammars()
    canon = normalise(st.text, g, st.boxes)
    starts = report_starts(canon, g)
    if len(starts) <= 1:  # one report: the text normalised once serves its parse
        return [_parse_canonical(st, canon, g, opts, src, starts)]
    bounds = [s.start for s in starts] + [len(st.text)]
    return [parse_source(st, opts, source=replace(src, path=f"{src.path or ''}#{k + 1}"), part=(bounds[k], bounds[k + 1]))
            for k in range(len(starts))]


def _ingest_file(path: str | os.PathLike[str], opts: ParseOptions) -> tuple[SourceText, Source]:
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(5)
        size = p.stat().st_size
    except IsADirectoryError:
        raise UnreadableInputError(f"{p}: is a directory") from None
    except OSError as exc:
        raise UnreadableInputError(f"{p}: {exc.strerror or exc}") from None
    if size > opts.max_bytes:
        raise UnreadableInputError(f"{p}: {size} bytes, more than max_bytes={opts.max_bytes}")
    if head.startswith(b"%PDF") or p.suffix.lower() == ".pdf":
        return _ingest_pdf(p, opts)
    return _ingest_bytes(p.read_bytes(), opts, str(p))


def _ingest_pdf(p: Path, opts: ParseOptions) -> tuple[SourceText, Source]:
    from .ingest.pdf import read_pdf

    src = Source(path=str(p), sha256=file_sha256(p), kind="pdf")
    try:
        st = read_pdf(p, opts.pdf_backend)
    except UnreadableInputError:
        if not opts.ocr:
            raise
        st = None
    if st is None or opts.ocr and any(code == "INPUT_OCR_LAYER" for code, _ in st.notes):
        # no usable text layer, or a scan's OCR layer (whole-page OCR by an unknown engine): read the scan here
        from .ingest.ocr import ocr_pdf

        layer = st.notes if st is not None else []
        st = ocr_pdf(p)
        st.notes = layer + st.notes
    src.pages = st.pages
    return st, src
