"""Web tables linearised, as screen readers, LLM page readers and tidy-data
exports print them.

    python bench/linear_text.py [--count 12] [--drop 0.05] [--fresh-seed N]

Generated reports as web pages (``scoring.blanked_html``: rowspan and colspan
as the template merges its cells; a share ``--drop`` of the cells left empty
in the second half of the runs), each table printed a row per line as
``label：header value，header value，…`` (``kv``; an empty cell's header with
nothing after it), the same with the empty cells left out (``kv-skip``: the
headers still say which value is whose), one line per cell as ``label，
header，value`` (``long``, a tidy table's rows) and the same without the
empty cells (``long-skip``); the rest of the page one block per line. A
cell's header is the header rows above its column joined (``申请人情况法人或其他
组织商业企业``); a row's label its label cells joined. Printed per print:
cells right, wrong and left empty, tables valid, and tables valid with a
wrong value (must be 0), on fresh seeds drawn at run time. Held out: the
first run (2026-12-07, 62325941) read them before any rule was written on
them. Needs the ``[bench]`` extra (beautifulsoup4, lxml).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from grid_text import NUMBER, grid, tables_printed  # noqa: E402
from scoring import HEAD, TALLY, blanked_html, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

STYLES = ("kv", "kv-skip", "long", "long-skip")


def _joined(texts: list[str]) -> str:
    return "".join(dict.fromkeys(t for t in texts if t))


def linear(full, table, style: str) -> str:
    """``table`` printed in ``style``; ``full``, the same table with no cell
    left empty, tells header rows (no number in them) from rows of values."""
    g0, g = grid(full, True), grid(table, True)
    numeric = [any(NUMBER.fullmatch(c) for c in r) for r in g0]
    values = {j for i, r in enumerate(g0) if numeric[i] for j, c in enumerate(r) if NUMBER.fullmatch(c)}
    lines: list[str] = []
    head: list[list[str]] = []
    after_values = True
    for i, r in enumerate(g):
        if not numeric[i]:
            head = [r] if after_values else head + [r]  # the header rows over the rows that follow
            after_values = False
            continue
        after_values = True
        label = _joined([c for j, c in enumerate(r) if j not in values])
        cells = [(_joined([h[j] for h in head if j < len(h)]), r[j]) for j in sorted(values) if j < len(r)]
        shown = [(name, v) for name, v in cells if v or not style.endswith("skip")]
        if style.startswith("kv"):
            lines.append(f"{label}：" + "，".join(f"{name}{v}" for name, v in shown))
        else:
            lines += [f"{label}，{name}，{v}" for name, v in shown]
    return "\n".join(lines)


def convert(full_html: str, html: str, style: str) -> str:
    from bs4 import BeautifulSoup

    full = BeautifulSoup(full_html, "lxml").find_all("table")
    return tables_printed(html, lambda i, t: linear(full[i], t, style))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--drop", type=float, default=0.05, help="share of the cells left empty")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    print(f"{'print':<34}{HEAD}")
    for style in STYLES:
        for k, drop in enumerate((0.0, args.drop)):
            tot = dict.fromkeys(TALLY, 0)
            for seed in range(fresh + k * args.count, fresh + (k + 1) * args.count):
                gen, html = blanked_html(seed, drop)
                full = blanked_html(seed, 0.0)[1] if drop else html  # the page with no cell left empty
                tally(reportparse.parse_text(convert(full, html, style)), gen.truth, tot)
            print(row(f"{style}, {'no empty cell' if not drop else f'{drop:.0%} empty'}", tot))
    print(f"fresh seeds {fresh}+ (--fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
