"""Page furniture inside the tables: page numbers, running headers, a
browser's print header and footer, notes — text as PDF tools and browsers
write it around a report's pages.

    python bench/page_furniture.py [--count 16] [--fresh-seed N]

Generated reports (both templates by turns, every third with the text noise
model) in five text layouts (tab, one cell per line, space-aligned, pipes,
Markdown), each changed two ways:

* ``inside: SHAPE`` — lines put in once at a random place between table 二's
  heading and section 五 (the page break that falls inside a table): a page
  number framed (``- 3 -``, ``第 3 页 共 5 页``, ``3 / 5``) or bare (``3``,
  before a form feed or not), the report's title (alone, after a page number,
  after a browser's date, before a site's name), a browser's footer (the
  address, the page counter), notes (``注：本表数据统计截至…``, ``表3``);
  other running headers after a bare page number (the title with a space in
  it, an office's name and a date, a section's heading with ``（续）``, a
  document number; added 2026-12-07, after held-out seed 459760719 found a
  title with its year read as a row of values);
* ``paged: SHAPE`` — the whole text cut into pages of 25–45 lines, each page
  ended by its number (bare or framed; the first unnumbered in one shape;
  form feeds between pages or not) and opened by the title in one shape.

Every cell is compared with the generator's value. Printed per shape: cells
right, wrong (and of those, how many are not flagged), empty, tables valid,
tables valid with a wrong value (must be 0), and how many texts were taken
for more than one report (``INPUT_MULTIPLE_REPORTS``: must be 0).

Seed sets: 61500000+, 62700000+, 62800000+, 62900000+ and 63000000+ were
read while writing ``normalise``'s furniture rules (``furniture.py``, the
browser's print lines in ``grammars/common.toml``): **tuning**; fresh seeds
drawn at run time are held out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

from generator import add_noise, make_report  # noqa: E402

LAYOUTS = ("tab", "lines", "layout", "pipes", "markdown")
URL = "https://www.example.gov.cn/art/2024/3/5/art_1229_{}57.html"

INSIDE = {
    "- n -": lambda n, t: [f"- {n} -"],
    "第 n 页 共 m 页": lambda n, t: [f"第 {n} 页 共 {n + 2} 页"],
    "n / m": lambda n, t: [f"{n} / {n + 2}"],
    "bare n": lambda n, t: [f"{n}"],
    "bare n, form feed": lambda n, t: [f"{n}", "\f"],
    "title": lambda n, t: [t],
    "- n -, title": lambda n, t: [f"- {n} -", "\f" + t],
    "bare n, title": lambda n, t: [f"{n}", "\f" + t],
    "bare n, title with a space": lambda n, t: [f"{n}", "\f" + t[:-1] + " " + t[-1]],
    "bare n, office and date": lambda n, t: [f"{n}", "\f某某区人民政府办公室 2024年3月5日"],
    "bare n, heading (续)": lambda n, t: [f"{n}", "\f三、收到和处理政府信息公开申请情况（续）"],
    "bare n, 二's heading (续)": lambda n, t: [f"{n}", "\f二、主动公开政府信息情况（续）"],
    "bare n, document number": lambda n, t: [f"{n}", "\f某府办〔2024〕3号"],
    "browser header": lambda n, t: [f"2024/3/5 下午2:20   {t}"],
    "browser header, 2 lines": lambda n, t: ["2024/3/5 14:20", t + "_某某区人民政府门户网站"],
    "browser footer": lambda n, t: [URL.format(n) + f"   {n}/{n + 2}"],
    "browser footer, 2 lines": lambda n, t: [URL.format(n), f"{n}/{n + 2}"],
    "note with a date": lambda n, t: ["注：本表数据统计截至2024年12月31日"],
    "表n": lambda n, t: [f"表{n}"],
}

PAGED = {  # (page number, title on each page, form feeds, first page numbered)
    "bare n": (lambda p: f"{p}", False, True, True),
    "bare n, cover unnumbered": (lambda p: f"{p}", False, True, False),
    "bare n, title": (lambda p: f"{p}", True, True, True),
    "bare n, no form feed": (lambda p: f"{p}", False, False, True),
    "— n —, title, no form feed": (lambda p: f"— {p} —", True, False, True),
}


def _bounds(lines: list[str]) -> tuple[int, int] | None:
    a = next((i for i, ln in enumerate(lines) if "主动公开政府信息情况" in ln), None)
    b = next((i for i, ln in enumerate(lines) if re.match(r"\W*五、", ln)), None)
    return None if a is None or b is None else (a, b)


def _paged(text: str, rng: random.Random, number, head: bool, feed: bool, first: bool, title: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    per = rng.randrange(25, 46)
    for page, at in enumerate(range(0, len(lines), per), 1):
        out += ([title] if head and page > 1 else []) + lines[at:at + per]
        if page > 1 or first:
            out.append(number(page))
        if feed and at + per < len(lines):
            out[-1] += "\f"
    return "\n".join(out)


def run(base: int, count: int) -> dict[str, dict[str, int]]:
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for seed in range(base, base + count):
        rng = random.Random(seed)
        for layout in LAYOUTS:
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout)
            text = add_noise(gen.text, seed) if seed % 3 == 0 else gen.text
            lines = text.split("\n")
            title = gen.title  # as a running header prints it: whole, whatever noise did to the title's own line
            bounds = _bounds(lines)
            texts = []
            if bounds:
                for shape, made in INSIDE.items():
                    at, n = rng.randrange(bounds[0] + 1, bounds[1]), rng.randrange(2, 9)
                    texts.append((f"inside: {shape}", "\n".join(lines[:at] + made(n, title) + lines[at:])))
            for shape, (number, head, feed, first) in PAGED.items():
                texts.append((f"paged: {shape}", _paged(text, rng, number, head, feed, first, title)))
            for name, changed in texts:
                report = reportparse.parse_text(changed)
                tally(report, gen.truth, tot[name])
                tot[name]["multiple"] += any(d.code == "INPUT_MULTIPLE_REPORTS" for d in report.diagnostics)
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=16, help="reports (each in five layouts)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    print(f"{'shape':<40}{HEAD}{'taken for 2 reports':>21}")
    for name, t in run(fresh, args.count).items():
        print(f"{row(name, t, 40)}{t['multiple']:>21}", flush=True)
    print(f"(fresh seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
