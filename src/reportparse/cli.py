"""The ``reportparse`` command line: ``main(argv) -> int`` so it can be tested."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .commands import EXIT_OK, EXIT_PARSED_WITH_ERRORS, _corpus, _emit, _panel, _parse
from .errors import ReportParseError
from .options import PDF_BACKENDS, TEXT_ORIGINS, ParseOptions, template_choices

EXIT_USAGE, EXIT_UNREADABLE, EXIT_GRAMMAR, EXIT_INTERNAL = 2, 3, 4, 70

EPILOG = """\
examples:
  reportparse parse corpus/000_c93a36ffeb13c002.txt          JSON tree to stdout
  reportparse parse report.txt --flat                         the 225 contract keys + level, place, adcode
  cat report.txt | reportparse parse - -o report.json         stdin in, file out (atomic)
  reportparse parse report.pdf                                PDF: tables rebuilt from ruling lines
  reportparse parse page.html                                 a saved web page
  reportparse parse report.md                                 a PDF-to-Markdown converter's output
  reportparse parse report.pdf --pdf-backend pdfminer         read the PDF with pdfminer.six even when pdfium is installed
  reportparse parse scan.pdf --ocr                            OCR a PDF without a text layer
  reportparse parse tesseract.txt --text-origin ocr           OCR output from another tool
  reportparse parse report.txt --template ogi-2019            force a template
  reportparse parse report.pdf --summary                      readable: header, valid, the tables with marks
  reportparse parse big.txt --max-size 20M                    refuse inputs over 20 MB (exit 3)
  reportparse parse two-reports.pdf --split                   one report per title (a JSON array)
  reportparse show report.pdf -o report.html                  one HTML page: every value boxed where it is printed
  reportparse codebook --format csv > codebook.csv            what every flat key / CSV column means
  reportparse schema > report.schema.json                     JSON Schema of the tree

exit codes:
  0  parsed, no error diagnostics
  1  parsed, with error diagnostics (e.g. failed rules, tables not found: the JSON says which)
  2  usage error (bad option or argument)
  3  unreadable input (missing, binary, undecodable, empty, corrupt, over --max-size)
  4  a grammar file is broken
  69 an engine is unavailable (an unreachable Dask scheduler)
  70 internal error (a bug: please report it with the input)
  74 the output cannot be written (a full disk, a failing device)
  130 interrupted
  A text with no report title, standard heading or table exits 1 (NOT_A_REPORT),
  and so does a file holding two reports (INPUT_MULTIPLE_REPORTS; see --split).
  -o writes a regular file or a new path atomically, follows a symlink to its
  target, and writes straight into a character device or FIFO (/dev/null).
"""


BACKEND_HELP = ("what reads a PDF: pdfminer (pdfminer.six, always installed), pdfium (pypdfium2, the [pdfium] extra: "
                "the same output, several times faster); default auto: pdfium when installed")
ORIGIN_HELP = ("where the text came from (default auto: OCR when reportparse OCR'd the PDF or the text shows OCR damage). "
               "In OCR output a value no rule checks (table 二) cannot be confirmed, so the report is not valid")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; ``only``: a command whose arguments alone are added (a one-file
    run does not pay for building the others'; every command is still listed)."""
    p = _Parser(prog="reportparse", formatter_class=argparse.RawDescriptionHelpFormatter,
                description="Parse Chinese government information-disclosure annual reports "
                            "(政府信息公开工作年度报告) into a validated JSON tree.", epilog=EPILOG)
    p.add_argument("--version", action="version", version=f"reportparse {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    raw = argparse.RawDescriptionHelpFormatter
    commands = [  # name, add_parser's keywords, what adds its arguments
        ("parse", dict(help="parse one report to JSON", epilog=EPILOG, formatter_class=raw,
                       description="Parse one report: text (UTF-8, GB18030 or UTF-16), HTML or PDF; '-' reads stdin."),
         _parse_arguments),
        ("show", dict(help="one self-contained HTML page: every value where it came from",
                      description="Parse one report and write one self-contained HTML page (no network): a PDF's pages "
                                  "drawn with every table cell's box over them, any other input as its text with each "
                                  "cell's span marked, coloured by status (read, placed, inferred, corrected, conflict, missing); "
                                  "the three tables in the template's shape; the diagnostics, each linked to its place. "
                                  "Hover or focus a value for its key, labels, printed text and rules."),
         _show_arguments),
        ("panel", dict(help="issuer-year panel of a corpus run, with the cross-year check",
                       description="One row per body and year from a corpus run's reports.csv (short and full names of a "
                                   "body joined: 区政府 = 区人民政府, 发改局 = 发展和改革局), and on year t's row whether the "
                                   "applications it carried forward are those year t+1 carried over (carry_next.<column>: "
                                   "agree / disagree / missing). A disagreement is a flag, never a change of a value. "
                                   "Needs pandas (reportparse[parquet])."),
         _panel_arguments),
        ("schema", dict(help="print the JSON Schema of the tree"), None),
        ("codebook", dict(help="what every flat key / CSV column means (labels, templates, unit, rules)"), _codebook_arguments),
        ("corpus", dict(help="parse many reports into JSONL/CSV (parallel, resumable)", formatter_class=raw,
                        epilog=CORPUS_EPILOG,
                        description="Parse every input (files, directories searched recursively, globs of "
                                    ".txt/.md/.pdf/.html) into OUTDIR: reports.jsonl, reports.csv, diagnostics.csv, "
                                    "summary.json. Run the same command again to resume an interrupted run."),
         _corpus_arguments),
    ]
    for name, keywords, add in commands:
        command = sub.add_parser(name, **keywords)
        if add is not None and only in (None, name):
            add(command)
    return p


def _parse_arguments(pp: argparse.ArgumentParser) -> None:
    pp.add_argument("file", help="the report file, or - for standard input")
    pp.add_argument("--flat", action="store_true", help="print the flat contract keys instead of the tree")
    pp.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    pp.add_argument("--template", choices=template_choices(), default="auto", help="force a template (default: detect)")
    pp.add_argument("--no-repair", action="store_true", help="check the rules but do not fill or correct cells")
    pp.add_argument("--compact", action="store_true", help="one-line JSON")
    pp.add_argument("--text-features", action="store_true",
                    help="read the figures stated in the prose and cross-check them with the tables (loads jieba)")
    pp.add_argument("--ocr", action="store_true",
                    help="OCR a PDF that has no usable text layer, or whose text layer is a scan's OCR (needs pdftoppm and tesseract with chi_sim and eng; tables are read cell by cell)")
    pp.add_argument("--text-origin", choices=TEXT_ORIGINS, default="auto", help=ORIGIN_HELP)
    pp.add_argument("--pdf-backend", choices=PDF_BACKENDS, default="auto", help=BACKEND_HELP)
    pp.add_argument("--summary", action="store_true",
                    help="print a readable summary (header, valid per table, the three tables with status marks) instead of JSON")
    pp.add_argument("--split", action="store_true",
                    help="a file holding more than one report (titles naming different issuers or years): "
                         "print a JSON array, one report each (source.path FILE#1, FILE#2 …)")
    pp.add_argument("--max-size", type=_size, default=None, metavar="SIZE",
                    help="refuse inputs larger than SIZE (bytes, or with K/M/G; default 64M) with exit 3")


def _show_arguments(sh: argparse.ArgumentParser) -> None:
    sh.add_argument("file", help="the report file")
    sh.add_argument("-o", "--output", help="write the page here (default: standard output)")
    sh.add_argument("--template", choices=template_choices(), default="auto", help="force a template (default: detect)")
    sh.add_argument("--ocr", action="store_true", help="OCR a PDF without a usable text layer (as for parse)")


def _panel_arguments(pn: argparse.ArgumentParser) -> None:
    pn.add_argument("results", metavar="RESULTS_DIR", help="the output folder of reportparse corpus")
    pn.add_argument("-o", "--output", help="write the panel CSV here (UTF-8 with BOM; default: standard output)")


def _codebook_arguments(cb: argparse.ArgumentParser) -> None:
    cb.add_argument("--format", choices=("md", "csv", "json"), default="md", help="Markdown table (default), CSV or JSON")


def _corpus_arguments(cp: argparse.ArgumentParser) -> None:
    cp.add_argument("inputs", nargs="+", metavar="INPUT")
    cp.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder (created if needed)")
    cp.add_argument("--jobs", type=int, default=None, help="worker processes (default: the CPU count)")
    cp.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes or a Dask cluster")
    cp.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    cp.add_argument("--format", choices=("csv", "parquet"), default="csv",
                    help="parquet also writes reports.parquet (needs reportparse[parquet])")
    cp.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per file (default 120)")
    cp.add_argument("--quiet", action="store_true", help="no progress bar and no printed summary")
    cp.add_argument("--html", action="store_true",
                    help="also index.html (a line per report, sortable, summary charts) and a page per report under "
                         "html/ (as reportparse show; a PDF's pages are rendered, which takes longer)")
    cp.add_argument("--split", action="store_true",
                    help="a file holding more than one report gets one row per report (source.path FILE#1, FILE#2 …); "
                         "without it, such a file is an error row (INPUT_MULTIPLE_REPORTS)")
    cp.add_argument("--text-features", action="store_true",
                    help="add level/place/keywords columns and write sections.jsonl (loads jieba)")
    cp.add_argument("--template", choices=template_choices(), default="auto", help="force a template (default: detect)")
    cp.add_argument("--no-repair", action="store_true", help="check the rules but do not fill or correct cells")
    cp.add_argument("--ocr", action="store_true", help="OCR PDFs that have no usable text layer, or a scan's OCR layer")
    cp.add_argument("--text-origin", choices=TEXT_ORIGINS, default="auto", help=ORIGIN_HELP)
    cp.add_argument("--pdf-backend", choices=PDF_BACKENDS, default="auto", help=BACKEND_HELP)
    cp.add_argument("--cells", action="store_true",
                    help="also write cells.csv: one row per table cell (key, value, status, raw, line, page, failed rules)")
    cp.add_argument("--max-size", type=_size, default=None, metavar="SIZE",
                    help="inputs larger than SIZE (bytes, or with K/M/G; default 64M) get an error row")


def _may_be_pdf(path: str) -> bool:
    """Standard input, a ``.pdf`` name, or a file that starts as a PDF does."""
    if path == "-" or path.lower().endswith(".pdf"):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def _size(text: str) -> int:
    """``20M``, ``500K``, ``1G`` or a byte count."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    t = text.strip().upper().removesuffix("B")
    try:
        n = float(t[:-1]) * units[t[-1]] if t and t[-1] in units else float(t)
    except (ValueError, IndexError):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size (e.g. 20M, 500K, 1048576)") from None
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: a size must be positive")
    return int(n)


CORPUS_EPILOG = """\
examples:
  reportparse corpus reports/ -o out                  every .txt/.md/.pdf/.html below reports/
  reportparse corpus 'crawl/**/*.html' -o out --jobs 8
  reportparse corpus reports/ -o out --format parquet
  reportparse corpus reports/ -o out --cells              + cells.csv: one row per table cell, with its status
  reportparse corpus reports/ -o out --text-features      keywords column + sections.jsonl
  reportparse corpus reports/ -o out --engine dask --scheduler tcp://10.0.0.5:8786

exit codes: 0 every input parsed (valid or not), 1 some inputs failed (rows with
status=error, listed in summary.json), 2 usage error, 69 the Dask scheduler cannot
be reached, 74 the output folder cannot be written, 70 internal error.
An existing path is always taken literally; a pattern is a glob only when no
such file exists. In a scanned folder, a file with no report title, standard
heading or table (a README) is skipped and listed in summary.json; a dangling
or looping link gets an error row. A worker process that dies (the OOM killer)
costs only the file it was parsing (an error row, "worker died").
"""


COMMANDS = ("parse", "show", "panel", "schema", "codebook", "corpus")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(command if command in COMMANDS else None)
    args = parser.parse_args(argv)
    if args.command == "corpus" or args.command in ("parse", "show") and _may_be_pdf(args.file):
        import logging  # (its import costs a text's one-file run 10 ms)

        logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damaged PDFs: our diagnostics say it once
    try:
        if args.command == "parse":
            return _parse(args)
        if args.command == "corpus":
            return _corpus(args)
        if args.command == "codebook":
            from .codebook import codebook, render

            _emit(render(codebook(), args.format), None)
            return EXIT_OK
        if args.command == "show":
            from .htmlview import show_file

            page, report = show_file(args.file, ParseOptions(template=args.template, ocr=args.ocr))
            _emit(page, args.output)
            return EXIT_PARSED_WITH_ERRORS if report.errors else EXIT_OK
        if args.command == "panel":
            return _panel(args)
        if args.command == "schema":
            from .schema import schema_text
            _emit(schema_text(), None)
            return EXIT_OK
        parser.print_help()
        return EXIT_USAGE
    except ReportParseError as exc:
        print(f"reportparse: error: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_PARSED_WITH_ERRORS)
    except KeyboardInterrupt:
        print("reportparse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # never a traceback for users; say what and where
        print(f"reportparse: internal error: {type(exc).__name__}: {exc} (please report this with the input)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
