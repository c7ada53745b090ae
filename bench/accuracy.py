"""Cell accuracy of the table parser on generated reports with known truth.

    python bench/accuracy.py [--per-layout 40] [--fresh-seed N] [--ocr-dir bench/ocr]
                             [--heldout-dir bench/ocr-heldout]

Two kinds of input, each reported twice — on what the rules were tuned on,
and on what they were not:

* **Text layouts** (tab, lines, layout, pipes, runtogether, markdown, and
  converter: PDF-to-Markdown output with the label column as loose text and
  the values as bare pipe rows, placeholder headers, one row of 三 one cell
  short, sections renumbered after an unnumbered 总体情况 — its reader was
  written on seeds 1–20 and 5000–5049, so both of its rows here are held
  out from that, the fresh one doubly): generated
  reports with value noise on every layout (``CellNoise``: OCR look-alikes 1%,
  blank cells 0.5%, printed as each layout prints a blank) and text noise
  (spaces in words, wrapped lines, full-width digits, bracket variants, page
  numbers). ``tuning seeds`` are seeds 10000+ (the ones earlier rules were
  tuned on); ``fresh seeds`` are drawn at run time (``--fresh-seed``; the base
  is printed, so a run can be repeated).
* **Real tesseract OCR** of rendered PDFs made by ``bench/make_ocr.py``:
  ``tesseract-page`` is whole-page tesseract text as other tools give it,
  ``tesseract-cells`` the text of reportparse's own ``--ocr`` ingest;
  ``/template``: the PDFs drew tables 二 and 三 as the official template does.
  ``bench/ocr`` holds the pages the OCR rules were tuned on;
  ``bench/ocr-heldout`` (seeds 100–139) pages no rule was tuned on.
  ``tesseract-cells`` texts are parsed as ``--ocr`` parses them
  (``text_origin="ocr"``); whole-page texts with the default ``auto``.

Prints per set, as the flat output (``Report.flat()``, the CSV) gives the
cells: cells, cell accuracy (value equals the truth), wrong-value rate (a
non-null value that differs), null rate, of which placed (a value the tree
gives with status ``placed``, its cell not decided by the text: the flat
output leaves it null), reports that came out valid,
and reports that came out valid with a wrong value (must be 0); per table:
accuracy, wrong-value rate, and how many times the table came out valid (its
own ``valid``) and valid with a wrong value (must be 0).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import cell_of, fresh_base, fresh_seed_option  # noqa: E402

import reportparse  # noqa: E402
from reportparse.arith import row_equation  # noqa: E402
from reportparse.grammar import load_grammars  # noqa: E402
from reportparse.options import ParseOptions  # noqa: E402
from reportparse.tables.split import agreed, splits  # noqa: E402

from generator import CONVERTER, LAYOUTS, CellNoise, _fmt, add_noise, make_report  # noqa: E402

TABLES = ("proactive", "applications", "appeals")


def score(report, truth: dict, table: str | None = None) -> tuple[int, int, int, int, int]:
    """Cells, right, wrong, null, placed — over every table, or over ``table``
    only, as the flat output gives them (a ``placed`` value is null there:
    counted as null, and apart as placed)."""
    flat = report.flat()
    n = right = wrong = null = placed = 0
    for key, want in truth.items():
        if table and not key.startswith(table + "."):
            continue
        n += 1
        got = flat[key]
        if got is None:
            null += 1
            placed += (cell := cell_of(report, key)) is not None and cell.status == "placed"
        elif got == want:
            right += 1
        else:
            wrong += 1
    return n, right, wrong, null, placed


def _layouts(base: int, per_layout: int, decidable: list[int] | None):
    """Stats of the text layouts for seeds ``base``.. (noise on every layout)."""
    stats: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    by_table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {t: [0] * 6 for t in TABLES})
    for layout in (*LAYOUTS, CONVERTER):
        for i in range(per_layout):
            seed = base + i
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[i % 2], layout, noise=CellNoise(seed, ocr=0.01, drop=0.005))
            report = reportparse.parse_text(add_noise(gen.text, seed))
            _add(stats[layout], by_table[layout], report, gen.truth)
            if layout == "runtogether" and decidable is not None:
                _add_decidable(decidable, report, gen)
    return stats, by_table


def _ocr(folder: Path):
    stats: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    by_table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {t: [0] * 6 for t in TABLES})
    for truth_file in sorted(folder.glob("*.truth.json")):
        data = json.loads(truth_file.read_text(encoding="utf-8"))
        look = "" if data.get("look", "simple") == "simple" else f"/{data['look']}"
        for kind, suffix, origin in ((f"tesseract-page{look}", ".txt", "auto"), (f"tesseract-cells{look}", ".cells.txt", "ocr")):
            path = truth_file.with_name(truth_file.name.replace(".truth.json", suffix))
            if path.exists():
                report = reportparse.parse_text(path.read_text(encoding="utf-8"), ParseOptions(text_origin=origin))
                _add(stats[kind], by_table[kind], report, data["truth"])
    return stats, by_table


def _print(title: str, stats: dict[str, list[int]], by_table: dict[str, dict[str, list[int]]]) -> None:
    if not stats:
        return
    print(f"\n== {title}")
    print(f"{'layout':<24}{'reports':>8}{'cells':>8}{'accuracy':>10}{'wrong':>8}{'null':>8}{'placed':>8}{'valid':>7}{'valid-but-wrong':>17}")
    total = [0] * 8
    for layout, s in stats.items():
        _row(layout, s)
        total = [a + b for a, b in zip(total, s, strict=True)]
    _row("all", total)
    print("per table: accuracy / wrong, times valid (valid-but-wrong)   (二 proactive has no arithmetic rule; 三 and 四 do)")
    print(f"{'layout':<24}" + "".join(f"{t:>30}" for t in TABLES))
    for layout, tables in by_table.items():
        print(f"{layout:<24}" + "".join(f"{c[1] / c[0]:>13.2%} / {c[2] / c[0]:>5.2%}{c[4]:>5} ({c[5]})" for c in tables.values()))


def _shown(folder: str) -> str:
    p = Path(folder).resolve()
    return str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-layout", type=int, default=40, help="generated reports per text layout and seed set")
    fresh_seed_option(ap)
    ap.add_argument("--ocr-dir", default=str(ROOT / "bench/ocr"))
    ap.add_argument("--heldout-dir", default=str(ROOT / "bench/ocr-heldout"))
    args = ap.parse_args()
    fresh = fresh_base(args)
    decidable = [0, 0, 0, 0]  # run-together cells: all, decidable, right among decidable, wrong anywhere
    _print("text layouts, tuning seeds 10000+", *_layouts(10_000, args.per_layout, decidable))
    _print(f"text layouts, fresh seeds {fresh}+ (--fresh-seed {fresh} repeats them)", *_layouts(fresh, args.per_layout, None))
    _print(f"tesseract OCR, pages the rules were tuned on ({_shown(args.ocr_dir)})", *_ocr(Path(args.ocr_dir)))
    _print(f"tesseract OCR, held-out pages no rule was tuned on ({_shown(args.heldout_dir)})", *_ocr(Path(args.heldout_dir)))
    n, d, right, wrong = decidable
    if n:
        print(f"\nruntogether (tuning seeds): {d} of {n} cells ({d / n:.2%}) are decidable from the digits (every split that the"
              f" row's or group's rule allows gives them the same value); accuracy on those {right / d:.2%};"
              f" wrong values anywhere {wrong}")


def _add_decidable(acc: list[int], report, gen) -> None:
    """Which cells of a run-together report the digits decide at all: a row's
    (group's, table 四) digits are cut every way the printed numbers allow,
    kept where the row sum (三) or group sums (四) hold — table 二 has no rule,
    and there an empty cell would print nothing, so cuts with empty cells count;
    a cell is decidable when every cut gives it the same value. (Column rules,
    which the parser also uses, are left out: a lower bound.)"""
    tpl = load_grammars().templates[gen.template]
    flat = report.flat()
    for key, want in gen.truth.items():
        acc[0] += 1
        acc[3] += flat[key] is not None and flat[key] != want
    for tkey, t in tpl.tables.items():
        if t.key == "appeals":
            cells = [(r.id, c) for r in t.rows for c in r.columns]
            digits = "".join(_fmt(gen.truth[f"{tkey}.{r}.{c}"]) for r, c in cells)
            eqs = {5 * (i + 1): row_equation(t, r.id) for i, r in enumerate(t.rows)}

            def group_ok(vals: list[int], cells=cells, eqs=eqs) -> bool:
                eq = eqs.get(len(vals))
                return eq is None or eq.residual(dict(zip(cells, vals, strict=False))) == 0
            sols, complete = splits([digits], len(cells), None, prune=group_ok)
            _count(acc, report, gen, tkey, cells, sols if complete else [])
            continue
        for r in t.rows:
            if r.optional:
                continue
            cells = [(r.id, c) for c in r.columns]
            printed = "".join(_fmt(gen.truth[f"{tkey}.{r.id}.{c}"]) for c in r.columns)
            eq = row_equation(t, r.id)
            cols = [t.columns[c] for c in r.columns]
            if eq is not None:
                reads = [v for v in _readings(printed, cols) if eq.residual(dict(zip(cells, v, strict=True))) == 0]
            else:  # no rule: an empty cell would print nothing, so readings with empty cells count too
                reads = []
                for k in range(1, len(cols) + 1):
                    for present in combinations(range(len(cols)), k):
                        for v in _readings(printed, [cols[i] for i in present]):
                            full = [None] * len(cols)
                            for i, x in zip(present, v, strict=True):
                                full[i] = x
                            reads.append(full)
            _count(acc, report, gen, tkey, cells, reads)


def _count(acc: list[int], report, gen, tkey: str, cells: list[tuple[str, str]], sols: list[list]) -> None:
    flat = report.flat()
    for (rid, c), v in zip(cells, agreed(sols) if sols else [None] * len(cells), strict=True):
        if v is not None:
            key = f"{tkey}.{rid}.{c}"
            acc[1] += 1
            acc[2] += flat[key] == gen.truth[key]


def _readings(printed: str, cols: list, limit: int = 512) -> list[list[int | float]]:
    """Every way to cut ``printed`` into ``len(cols)`` numbers as they are
    printed: no leading zeros, a sign only in a signed column, a decimal point
    (one or two places) only in a decimal one."""
    out: list[list[int | float]] = []

    def rec(i: int, got: list[int | float]) -> None:
        if len(out) > limit:
            return
        if len(got) == len(cols):
            if i == len(printed):
                out.append(list(got))
            return
        col = cols[len(got)]
        pat = ("-?" if col.signed else "") + r"(?:0|[1-9]\d*)" + (r"(?:\.\d{1,2})?" if col.decimal else "")
        for j in range(i + 1, len(printed) + 1):
            piece = printed[i:j]
            if re.fullmatch(pat, piece):
                got.append(float(piece) if "." in piece else int(piece))
                rec(j, got)
                got.pop()

    rec(0, [])
    return out if len(out) <= limit else []


def _add(s: list[int], tables: dict[str, list[int]], report, truth: dict) -> None:
    for t, acc in tables.items():
        cells, right, wrong, null, _ = score(report, truth, t)
        valid = report.tables[t].valid
        for i, x in enumerate((cells, right, wrong, null, valid, valid and bool(wrong))):
            acc[i] += x
    n, right, wrong, null, placed = score(report, truth)
    s[0] += 1
    s[1] += n
    s[2] += right
    s[3] += wrong
    s[4] += null
    s[5] += report.valid
    s[6] += bool(report.valid and wrong)
    s[7] += placed


def _row(name: str, s: list[int]) -> None:
    reports, cells, right, wrong, null, valid, vbw, placed = s
    print(f"{name:<24}{reports:>8}{cells:>8}{right / cells:>10.2%}{wrong / cells:>8.2%}{null / cells:>8.2%}{placed / cells:>8.2%}"
          f"{valid:>7}{vbw:>17}")


if __name__ == "__main__":
    main()
