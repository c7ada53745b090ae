"""Does one deleted or duplicated line ever make a table valid with a wrong value?

    python bench/mutation.py [--files corpus/real/*.txt ...] [--kinds delete,duplicate,join,split]
    python bench/mutation.py --tools [library,ocr,pdfminer]   # the real PDFs' text as other tools write it

The exhaustive one-line sweep over every real text in ``corpus/`` (and the
test fixtures): each line is deleted once, then duplicated once, and the text
is parsed again (``--kinds join,split``: each line joined to the next with a
space between, as a tool that loses line breaks writes it, and each line cut
at its middle, as a narrow page wraps it, never inside a number; and
``swap-rows``: two neighbouring lines that each carry a row's label and its
values swapped, a table printed in another row order; added at stop 29).
A table that comes out ``valid`` with a value different from
the same table in the unmutated parse (for a fixture with its ``.truth.json``
beside it, from the true values: its unmutated parse leaves cells empty) is
counted as valid-but-wrong (must be 0): deleting or duplicating a line never
changes a printed number, so a valid table must hold the same numbers or not
be valid. Prints per file and in all:
parses, exceptions, tables valid, tables valid-but-wrong, and the slowest
parse; ``--show`` lists every valid-but-wrong case (file, line, kind, cells).
No rule of the parser was tuned on this sweep's output before issue 17; the
fixes it led to are listed in the README.

``--tools`` sweeps instead the text of each bundled real PDF
(``corpus/real/*.pdf``) as every tool installed here writes it (pypdf,
PyMuPDF four ways, pdfplumber two, ``pdftotext`` three:
``bench/real_text_tools.py``), its values those of
``tests/golden/<pdf>.expected.json`` (``library``, the default); ``ocr``:
their pages read by tesseract and RapidOCR; ``pdfminer``: pdfminer.six's
``extract_text`` with its default and five other ``LAParams``
(``bench/pdfminer_text.py``). Only ``pdftotext``'s default text of the
three and ``-layout`` of two are bundled; the sweep of the others was first
run on 2026-12-04 (stop 28), and the two faults it found are fixed (README).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import reportparse  # noqa: E402
from reportparse.errors import ReportParseError  # noqa: E402

TABLES = ("proactive", "applications", "appeals")


def real_texts() -> list[Path]:
    """Every text report bundled with the project: ``corpus/`` and the test fixtures."""
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus/real").glob("*.txt"))
    files += sorted((ROOT / "corpus/real").glob("*.md"))
    files += [p for p in sorted((ROOT / "tests/fixtures").glob("*.txt")) if p.stat().st_size > 2000 and p.name != "flat-keys.txt"]
    return files


def table_values(report) -> dict[str, dict[str, object]]:
    flat = report.flat()
    return {t: {k: v for k, v in flat.items() if k.startswith(t + ".")} for t in TABLES}


KINDS = ("delete", "duplicate", "join", "split", "swap-rows")


def _split_point(line: str) -> int:
    """The middle of a line, moved past a number it would cut (a wrap never splits a number's digits,
    point or sign: ``7791.09``, ``-9``, OCR's ``6-``)."""
    k = len(line) // 2
    while 0 < k < len(line) and {line[k - 1], line[k]} <= set("0123456789.+-") and (line[k - 1] + line[k]).strip(".+-"):
        k += 1
    return k


_ROW_LINE = re.compile(r"[\u4e00-\u9fff]{2}[^\d]*\s[-+]?\d+(?:\.\d+)?(?:\s|$)")


def _row_line(line: str) -> bool:
    """A line that carries a row's label and values (``4.保护第三方合法权益\t0\t0``): two such lines
    swapped keep every value with its label (a table printed in another row order)."""
    return bool(_ROW_LINE.search(line))


def mutants(lines: list[str], kinds: tuple[str, ...]):
    for i in range(len(lines)):
        if "delete" in kinds:
            yield i, "delete", lines[:i] + lines[i + 1:]
        if "duplicate" in kinds:
            yield i, "duplicate", lines[:i + 1] + lines[i:]
        if i + 1 < len(lines) and "join" in kinds and lines[i].strip() and lines[i + 1].strip():
            yield i, "join", lines[:i] + [lines[i] + " " + lines[i + 1]] + lines[i + 2:]
        if i + 1 < len(lines) and "swap-rows" in kinds and _row_line(lines[i]) and _row_line(lines[i + 1]):
            yield i, "swap-rows", lines[:i] + [lines[i + 1], lines[i]] + lines[i + 2:]
        if "split" in kinds and 0 < (k := _split_point(lines[i])) < len(lines[i]):
            yield i, "split", lines[:i] + [lines[i][:k], lines[i][k:]] + lines[i + 1:]


def sweep(path: Path, kinds: tuple[str, ...], show: bool) -> list[int | float]:
    text = path.read_text(encoding="utf-8")
    base = table_values(reportparse.parse_text(text))
    truth_file = path.with_name(path.stem + ".truth.json")
    if truth_file.exists():  # a fixture with its true values: a valid table must hold those
        truth = json.loads(truth_file.read_text(encoding="utf-8"))["truth"]
        base = {t: {k: truth.get(k, v) for k, v in cells.items()} for t, cells in base.items()}
    lines = text.split("\n")
    parses = exc = valid = vbw = 0
    slowest = 0.0
    for i, kind, mutated in mutants(lines, kinds):
        parses += 1
        t0 = time.perf_counter()
        try:
            report = reportparse.parse_text("\n".join(mutated))
        except ReportParseError:
            continue  # a typed error is an allowed answer
        except Exception as e:  # noqa: BLE001 - counted and shown: never a traceback
            exc += 1
            print(f"  exception {path.name}:{i + 1} {kind}: {e!r}", file=sys.stderr)
            continue
        slowest = max(slowest, time.perf_counter() - t0)
        got = table_values(report)
        for t in TABLES:
            if t not in report.tables or not report.tables[t].valid:
                continue
            valid += 1
            diff = [k for k, v in got[t].items() if v != base[t][k]]
            if diff:
                vbw += 1
                if show:
                    cells = ", ".join(f"{k}={got[t][k]} (was {base[t][k]})" for k in diff[:6])
                    print(f"  valid-but-wrong {path.name}:{i + 1} {kind} {t}: {cells}")
    return [parses, exc, valid, vbw, slowest]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", nargs="*", type=Path, help="texts to sweep (default: every real text bundled)")
    ap.add_argument("--kinds", default="delete,duplicate",
                    help=f"mutations, comma-separated, of {', '.join(KINDS)}: a line deleted, repeated, joined to the "
                         "next (a space between), split at its middle (never inside a number), swapped with the next when "
                         "both carry a row's label and values (swap-rows)")
    ap.add_argument("--show", action="store_true", help="list every valid-but-wrong table")
    ap.add_argument("--tools", nargs="?", const="library", default=None, metavar="SETS",
                    help="sweep the real PDFs' text as other tools write it: library (default), ocr, pdfminer, "
                         "comma-separated")
    args = ap.parse_args()
    kinds = tuple(args.kinds.split(","))
    if set(kinds) - set(KINDS):
        sys.exit(f"--kinds: no such mutation {', '.join(sorted(set(kinds) - set(KINDS)))} ({', '.join(KINDS)})")
    with tempfile.TemporaryDirectory() as tmp:
        files = tool_texts(Path(tmp), set(args.tools.split(","))) if args.tools else args.files or real_texts()
        _run(files, kinds, args.show)


def tool_texts(folder: Path, sets: set[str]) -> list[Path]:
    """Each real PDF's text as the tools of ``sets`` write it, with its true values beside it."""
    sys.path.insert(0, str(ROOT / "bench"))
    from pdfminer_text import VARIANTS, extract_text
    from real_text_tools import _library_texts, _ocr_texts, rapid_engine, truth_of

    unknown = sets - {"library", "ocr", "pdfminer"}
    if unknown:
        sys.exit(f"--tools: no such set {', '.join(sorted(unknown))} (library, ocr, pdfminer)")
    rapid = rapid_engine() if "ocr" in sets else None
    out = []
    for pdf in sorted((ROOT / "corpus/real").glob("*.pdf")):
        truth = json.dumps({"truth": truth_of(pdf)}, ensure_ascii=False)
        texts = {name: make() for name, make in _library_texts(pdf).items()} if "library" in sets else {}
        if "ocr" in sets:
            texts.update(_ocr_texts(pdf, rapid))
        if "pdfminer" in sets:
            texts["pdfminer"] = extract_text(pdf)
            texts.update({f"pdfminer {name}": extract_text(pdf, laparams=lp) for name, lp in VARIANTS.items()})
        for name, text in texts.items():
            path = folder / f"{pdf.stem}.{name.replace(' ', '_')}.txt"
            path.write_text(text, encoding="utf-8")
            path.with_name(path.stem + ".truth.json").write_text(truth, encoding="utf-8")
            out.append(path)
    return out


def _run(files: list[Path], kinds: tuple[str, ...], show: bool) -> None:
    print(f"{'file':<40}{'parses':>8}{'exceptions':>11}{'tables valid':>14}{'valid-but-wrong':>17}{'slowest':>10}")
    total: list[int | float] = [0, 0, 0, 0, 0.0]
    for p in files:
        row = sweep(p, kinds, show)
        print(f"{p.name:<40}{row[0]:>8}{row[1]:>11}{row[2]:>14}{row[3]:>17}{row[4]:>9.3f}s")
        total = [a + b for a, b in zip(total[:4], row[:4], strict=True)] + [max(total[4], row[4])]
    print(f"{'all':<40}{total[0]:>8}{total[1]:>11}{total[2]:>14}{total[3]:>17}{total[4]:>9.3f}s")


if __name__ == "__main__":
    main()
