"""Cells printed as a mark for none: ``—``, ``-``, ``/``, ``无`` where the value is 0.

    python bench/empty_marks.py [--count 16] [--fresh-seed N]

Many reports print an empty or nil cell as a dash, a slash or 无 instead of
``0`` (the templates' notes allow ``-`` for not applicable). Generated
reports (both templates by turns, every third with the text noise model) in
five text layouts (tab, one cell per line, space-aligned, pipes, Markdown)
and as an HTML page and a PDF (ruled or not; every zero cell a mark) have a
share of their zero cells (30%, or all) printed as one of these marks. Every cell is compared with the generator's value: a mark is a cell
without a printed value, so it is right only where the rules force 0 into it
(status ``inferred``); else it is empty. Printed per mark, share and layout:
cells right, wrong (must be 0), empty, tables valid, tables valid with a
wrong value (must be 0).

Seeds 4200+ were read while writing the reading of marks (``tables/tokens``
``NONE_MARKS``, ``tables/stream``, ``rules``): **tuning**; fresh seeds drawn at
run time are held out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

from generator import add_noise, make_report, render_html, render_pdf  # noqa: E402

LAYOUTS = ("tab", "lines", "layout", "pipes", "markdown")
MARKS = ("—", "-", "/", "无", "——", "－", "／")
_ZERO = re.compile(r"(?:(?<=[\t |])|^)0(?=[\t |]|$)")  # a cell printed as 0 (not a digit of a number)
_PROSE = re.compile(r"[。，；]")
_HTML_ZERO = re.compile(r">\s*0\s*<")  # a table cell of an HTML page that holds 0


def with_marks(text: str, rng: random.Random, mark: str, share: float) -> str:
    """``text`` with a share of its table cells that print 0 printed as ``mark`` instead."""
    out = []
    for line in text.split("\n"):
        if not _PROSE.search(line):
            line = _ZERO.sub(lambda m: mark if rng.random() < share else "0", line)
        out.append(line)
    return "\n".join(out)


def run(base: int, count: int) -> dict[str, dict[str, int]]:
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for seed in range(base, base + count):
        rng = random.Random(seed)
        for layout in LAYOUTS:
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout)
            text = add_noise(gen.text, seed) if seed % 3 == 0 else gen.text
            for share in (0.3, 1.0):
                mark = rng.choice(MARKS)
                report = reportparse.parse_text(with_marks(text, rng, mark, share))
                tally(report, gen.truth, tot[f"{layout}, {share:.0%} of zeros"])
                tally(report, gen.truth, tot[f"mark {mark}"])
        gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
        mark = rng.choice(MARKS)
        page = _HTML_ZERO.sub(f">{mark}<", render_html(gen))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "report.html"
            path.write_text(page, encoding="utf-8")
            tally(reportparse.parse_file(path), gen.truth, tot["html, 100% of zeros"])
            pdf = Path(tmp) / "report.pdf"
            _pdf_with_marks(seed, mark, pdf)
            tally(reportparse.parse_file(pdf), gen.truth, tot["pdf, 100% of zeros"])
    return tot


def _pdf_with_marks(seed: int, mark: str, pdf: Path) -> None:
    """The report rendered to PDF (ruled or not by turns) with every 0 printed as ``mark``."""
    import generator

    plain = generator._fmt
    generator._fmt = lambda v: mark if v == 0 else plain(v)
    try:
        render_pdf(make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab"), pdf, ruled=bool(seed % 2))
    finally:
        generator._fmt = plain


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=16, help="reports (each in five layouts, two shares)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    print(f"{'shape':<28}{HEAD}")
    for name, t in sorted(run(fresh, args.count).items()):
        print(row(name, t, 28), flush=True)
    print(f"(fresh seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
