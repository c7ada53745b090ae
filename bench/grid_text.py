"""Web tables as converters that fill a merged cell's grid print them.

    python bench/grid_text.py [--count 10] [--drop 0.05] [--wrap N] [--fresh-seed N]

Generated reports as web pages (``tests/generator.render_html``: rowspan and
colspan as the template merges its cells) with a share ``--drop`` of their
cells left empty, each table turned into the full grid of its cells — a
merged cell's text in every grid cell it covers (``rep``, as Docling's
Markdown and its CSV export print it: 2021's ``本年处理决定数量`` three times),
or in its first only (``first``) — and printed as a Markdown pipe table, CSV,
tab-separated text, and tabulate's ``grid`` and ``simple`` formats; the rest
of the page one block per line. Printed per print: cells right, wrong and
left empty, tables valid, and tables valid with a wrong value (must be 0), on
fresh seeds drawn at run time. Tuning: seeds 91000+ (the first run found 2021's
single-value rows of 一 left empty in ``rep`` prints: ``TBL_SPAN_REPEATED``).
``--wrap N`` (added at stop 66, held out): tabulate's cells, headers too,
wrapped at N characters (its ``maxcolwidths``), a cell's text on lines of
the grid one under another, as a grid drawn by a tool whose columns are
narrow (pymupdf4llm's ``to_text``) prints it; the other prints are skipped.
Needs the ``[bench]`` extra (beautifulsoup4, lxml, tabulate)."""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import HEAD, TALLY, blanked_html, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

STYLES = ("md", "csv", "tsv", "grid", "simple")


def grid(table, repeat: bool, merge_up: bool = False) -> list[list[str]]:
    """The table's grid: a merged cell's text in each grid cell it covers (``repeat``) or its first;
    ``merge_up``: an empty cell below a value prints that value."""
    cells: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(table.find_all("tr")):
        c = 0
        for td in tr.find_all(["td", "th"]):
            while (r, c) in cells:
                c += 1
            rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
            text = " ".join(td.get_text(" ").split())
            for i in range(rs):
                for j in range(cs):
                    cells[(r + i, c + j)] = text if repeat or (i, j) == (0, 0) else ""
            c += cs
    nr, nc = max(k[0] for k in cells) + 1, max(k[1] for k in cells) + 1
    rows = [[cells.get((i, j), "") for j in range(nc)] for i in range(nr)]
    if merge_up:  # an empty cell taken for part of the value cell above it (pdf2docx on a table with no rules between rows)
        for i in range(1, nr):
            for j in range(nc):
                if not rows[i][j].strip() and NUMBER.fullmatch(rows[i - 1][j]):
                    rows[i][j] = rows[i - 1][j]
    return rows


NUMBER = re.compile(r"-?\d+(?:\.\d+)?")  # a value cell's whole text


def printed(rows: list[list[str]], style: str, wrap: int | None = None) -> str:
    if style == "md":
        return "\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
                         + ["| " + " | ".join(r) + " |" for r in rows[1:]])
    if style == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue()
    if style == "tsv":
        return "\n".join("\t".join(r) for r in rows)
    import tabulate

    return tabulate.tabulate(rows[1:], headers=rows[0], tablefmt=style, maxcolwidths=wrap, maxheadercolwidths=wrap)


def tables_printed(html: str, print_table: Callable[[int, Any], str]) -> str:
    """The page as text: each table as ``print_table`` (its index, its element) prints it, the rest one block per line."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "lxml")
    for i, t in enumerate(soup.find_all("table")):
        t.replace_with(NavigableString("\n\n" + print_table(i, t) + "\n\n"))
    return "\n".join(line.strip() for line in soup.body.get_text("\n").split("\n"))


def convert(html: str, style: str, repeat: bool, merge_up: bool = False, wrap: int | None = None) -> str:
    return tables_printed(html, lambda _, t: printed(grid(t, repeat, merge_up), style, wrap))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--drop", type=float, default=0.05, help="share of the cells left empty")
    ap.add_argument("--wrap", type=int, default=None, metavar="N",
                    help="tabulate's cells wrapped at N characters (grid and simple prints only)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    width = 46 if args.wrap else 34
    print(f"{'print':<{width}}{HEAD}")
    for style in ("grid", "simple") if args.wrap else STYLES:
        for repeat, merge_up in ((True, False), (False, False), (True, True)):
            for k, drop in enumerate((0.0, args.drop)):
                if merge_up and not drop:
                    continue
                tot = dict.fromkeys(TALLY, 0)
                for seed in range(fresh + k * args.count, fresh + (k + 1) * args.count):
                    gen, html = blanked_html(seed, drop)
                    tally(reportparse.parse_text(convert(html, style, repeat, merge_up, args.wrap)), gen.truth, tot)
                way = "rep, empty merged up" if merge_up else "rep" if repeat else "first"
                wrapped = f", wrap {args.wrap}" if args.wrap else ""
                print(row(f"{style}{wrapped}, {way}, {'no empty cell' if not drop else f'{drop:.0%} empty'}", tot, width))
    print(f"fresh seeds {fresh}+ (--fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
