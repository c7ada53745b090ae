"""Reports copied out of a web browser, with cells printed empty.

    python bench/browser_text.py [--count 40] [--drop 0.03] [--fresh-seed N]

Generated reports as web pages (``tests/generator.render_html``: navigation
around the report, tables with rowspan and colspan) with a share ``--drop``
of their cells left empty, loaded in chromium, and their text taken as a
user copying the page gets it (``innerText`` of the body: a table's cells
tab-separated, its rows on lines). Each text is parsed and every cell
compared with the generator's value (an empty cell is right when it comes out
empty or forced to its true value). Printed: cells right, wrong and left
empty, tables valid, and tables valid with a wrong value (must be 0), for a
clean set (no empty cells) and for fresh seeds drawn at run time. No rule
was written on this text (held out). Needs chromium and playwright (dev).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import TALLY, row, tally  # noqa: E402

import reportparse  # noqa: E402

from generator import make_report, render_html  # noqa: E402


def run(page, start: int, count: int, drop: float) -> dict[str, int]:
    tot = dict.fromkeys(TALLY, 0)
    for seed in range(start, start + count):
        rng = random.Random(seed * 7 + 1)
        gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
        blank = {k for k, v in gen.truth.items() if v is not None and rng.random() < drop}
        page.set_content(render_html(dataclasses.replace(gen, truth={k: ("" if k in blank else v) for k, v in gen.truth.items()})))
        report = reportparse.parse_text(page.inner_text("body"))
        tally(report, gen.truth, tot)
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells left empty")
    ap.add_argument("--fresh-seed", type=int, default=None, help="base of the fresh seeds (default: drawn at run time)")
    args = ap.parse_args()
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        sys.exit("chromium is not installed")
    from playwright.sync_api import sync_playwright

    fresh = args.fresh_seed if args.fresh_seed is not None else random.SystemRandom().randrange(10**6, 10**8)
    print(f"{'set':<40}{'cells':>7}{'right':>9}{'wrong':>7}{'empty':>9}{'tables valid':>14}{'valid-but-wrong':>17}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        page = browser.new_page()
        for name, start, drop in ((f"fresh seeds {fresh}+, no empty cell", fresh, 0.0),
                                  (f"fresh seeds {fresh + args.count}+, {args.drop:.0%} empty", fresh + args.count, args.drop)):
            t = run(page, start, args.count, drop)
            print(row(name, t, 40))
        browser.close()
    print(f"(--fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
