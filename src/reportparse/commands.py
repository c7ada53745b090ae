"""The bodies of the ``reportparse`` commands (``cli`` parses the arguments
and maps errors to exit codes): parse, corpus, panel, and writing the output
(``-o``: atomic for regular files, straight into devices and FIFOs)."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

from .errors import OptionsError, OutputError
from .fileio import atomic_write
from .options import ParseOptions

EXIT_OK, EXIT_PARSED_WITH_ERRORS = 0, 1  # the other exit codes are the errors' (errors.py) and cli's


def _corpus(args: argparse.Namespace) -> int:
    from .corpus import run_corpus

    if args.jobs is not None and args.jobs < 1:
        raise OptionsError("--jobs must be at least 1")
    options = {"template": args.template, "repair": not args.no_repair, "ocr": args.ocr, "text_origin": args.text_origin,
               "pdf_backend": args.pdf_backend}
    if args.max_size:
        options["max_bytes"] = args.max_size
    ParseOptions.from_mapping(options)  # validate before starting workers
    if args.split:
        options["split"] = True
    show = sys.stderr.isatty() and not args.quiet
    summary = run_corpus(args.inputs, args.output, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                         options=options, timeout=args.timeout, parquet=args.format == "parquet",
                         text_features=args.text_features, cells=args.cells, progress=sys.stderr if show else None,
                         html=args.html)
    if not args.quiet:
        _print_summary(summary, args.output)
    return EXIT_PARSED_WITH_ERRORS if summary["by_status"].get("error") else EXIT_OK


def _panel(args: argparse.Namespace) -> int:
    from .corpus import load, panel

    if not (Path(args.results) / "reports.csv").is_file():
        raise OptionsError(f"{args.results}: no reports.csv (the output folder of reportparse corpus)")
    table = panel(load(args.results))
    text = table.to_csv(index=False)
    _emit(("\ufeff" if args.output else "") + text, args.output)
    pairs = table["carry_next"].notna().sum()
    bad = table[table["carry_next"] == "disagree"]
    print(f"{table['body'].nunique()} bodies, {len(table)} body-years, {pairs} consecutive pairs checked, "
          f"{len(bad)} disagree", file=sys.stderr)
    for _, row in bad.iterrows():
        cols = [c.split(".", 1)[1] for c in table.columns if c.startswith("carry_next.") and row[c] == "disagree"]
        print(f"  {row['body']} {row['year']}->{row['year'] + 1}: {', '.join(cols)}", file=sys.stderr)
    return EXIT_OK


def _print_summary(s: dict[str, Any], outdir: str) -> None:
    lines = [f"{s['inputs']} inputs → {outdir}  ({s.get('skipped_already_done', 0)} already done, "
             f"{s.get('parse_seconds_total', 0):.1f} s of parsing)",
             "status:    " + ", ".join(f"{k} {v}" for k, v in s["by_status"].items()),
             "templates: " + ", ".join(f"{k} {v}" for k, v in s["by_template"].items()),
             "years:     " + ", ".join(f"{k} {v}" for k, v in s["by_year"].items()),
             "top diagnostics: " + ", ".join(f"{k} {v}" for k, v in list(s["top_diagnostics"].items())[:8])]
    if s.get("skipped"):
        lines.append(f"skipped (no report title, heading or table): {', '.join(s['skipped'][:5])}"
                     + (f" and {len(s['skipped']) - 5} more" if len(s["skipped"]) > 5 else ""))
    for f in s["failed"][:10]:
        lines.append(f"failed: {f['path']}: {f['error']}")
    if len(s["failed"]) > 10:
        lines.append(f"... and {len(s['failed']) - 10} more failures (summary.json lists them all)")
    print("\n".join(lines), file=sys.stderr)


def write_atomic(path: str, text: str) -> None:
    atomic_write(path, lambda fh: fh.write(text))


def _emit(text: str, output: str | None) -> None:
    """Standard output, or ``-o``: a regular file or a new path is written
    atomically (a symlink: its target), a character device or FIFO straight
    into; anything else is refused (exit 2). A failed write exits 74."""
    data = text.encode("utf-8")
    if not output or output == "-":
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from None
        return
    target = os.path.realpath(output)  # a symlink is followed to what it names
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OptionsError(f"-o {output}: {exc.strerror or exc}") from None
    try:
        if mode is None or stat.S_ISREG(mode):
            write_atomic(target, text)
        elif stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            with open(target, "wb") as fh:  # /dev/null, /dev/stdout, a named pipe: never replaced
                fh.write(data)
        else:
            raise OptionsError(f"-o {output}: not a regular file, character device or FIFO")
    except OSError as exc:
        raise OutputError(f"cannot write -o {output}: {exc.strerror or exc}") from None


def _parse(args: argparse.Namespace) -> int:
    from .pipeline import _ingest_bytes, _ingest_file, parse_each, parse_source

    opts = ParseOptions(template=args.template, repair=not args.no_repair, ocr=args.ocr, text_features=args.text_features,
                        text_origin=args.text_origin, pdf_backend=args.pdf_backend, **({"max_bytes": args.max_size} if args.max_size else {}))
    st, src = _ingest_bytes(sys.stdin.buffer.read(), opts, "-") if args.file == "-" else _ingest_file(args.file, opts)
    reports = parse_each(st, src, opts) if args.split else [parse_source(st, opts, source=src)]
    if args.summary:
        from .textview import summary_text

        _emit("\n".join(summary_text(r) for r in reports), args.output)
    else:
        data: Any = [r.flat() if args.flat else r.to_dict() for r in reports]
        data = data if args.split else data[0]  # --split: an array, one report each
        _emit(json.dumps(data, ensure_ascii=False, indent=None if args.compact else 2) + "\n", args.output)
    return EXIT_PARSED_WITH_ERRORS if any(r.errors for r in reports) else EXIT_OK
