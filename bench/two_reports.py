"""Two reports in one text: is either ever read as the other's, valid?

    python bench/two_reports.py [--count 10] [--fresh-seed N]

A crawl or a merge puts two reports in one file: generated report pairs (the
2021 and 2019 templates by turns, every layout), one after the other with a
blank line, with none, run onto one line (``" ".join(text.split())``: a
corpus that stores each report as one line, two joined), and with the second
one's title lost (only its sections and tables say it is another report).
Each text is parsed as one report (``parse_text``) and, from a file, split
(``parse_reports``). Printed per shape: texts, texts known to hold two
reports (``INPUT_MULTIPLE_REPORTS``), and for the one-report parse the
first report's cells and tables (tables valid must be 0 where two reports
were seen: which report's a table is, is not told); for the split, each
report against its own values.

Seeds: 777100000+ (the fixes of 2026-12-06 came from them: **tuning**);
fresh seeds drawn at run time are held out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, TALLY, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

from generator import LAYOUTS, make_report  # noqa: E402

SHAPES = {
    "blank line between": lambda a, b: a.text + "\n\n" + b.text,
    "one line": lambda a, b: " ".join((a.text + "\n" + b.text).split()),
    "second title lost": lambda a, b: a.text + "\n\n" + b.text.replace(b.title, ""),
}


def run(base: int, count: int, tmp: Path) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    one: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys([*TALLY, "texts", "seen"], 0))
    split: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(TALLY, 0))
    for seed in range(base, base + count):
        for layout in LAYOUTS:
            a = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout)
            b = make_report(seed + 10**6, ("ogi-2021", "ogi-2019")[(seed + 1) % 2], layout)
            for shape, join in SHAPES.items():
                text = join(a, b)
                report = reportparse.parse_text(text)
                t = one[shape]
                t["texts"] += 1
                t["seen"] += any(d.code == "INPUT_MULTIPLE_REPORTS" for d in report.diagnostics)
                tally(report, a.truth, t)
                path = tmp / "two.txt"
                path.write_text(text, encoding="utf-8")
                reports = reportparse.parse_reports(path)
                if len(reports) == 2:
                    for part, gen in zip(reports, (a, b), strict=True):
                        tally(part, gen.truth, split[shape])
    return one, split


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10, help="report pairs per seed set (each in every layout)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    with tempfile.TemporaryDirectory() as tmp:
        for name, base in (("seeds 777100000+ (tuning)", 777100000), (f"fresh seeds {fresh}+ (held out)", fresh)):
            one, split = run(base, args.count, Path(tmp))
            print(f"== {name}\n{'parse_text: the first report':<34}{'texts':>7}{'two seen':>10}{HEAD}")
            for shape, t in one.items():
                print(f"{shape:<34}{t['texts']:>7}{t['seen']:>10}" + row("", t, 0))
            print(f"{'parse_reports: each report':<34}{HEAD}")
            for shape, t in split.items():
                print(row(shape, t))
    print(f"(--fresh-seed {fresh} repeats the held-out rows; the first report's cells read from a text of two are "
          "its own or the second's: 'wrong' counts both)")


if __name__ == "__main__":
    main()
