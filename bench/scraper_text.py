"""Web pages as scrapers turn them into text: BeautifulSoup's ``get_text``
(no separator, ``" "``, ``"\\n"``, ``"\\t"``, with ``strip``; ``","`` and
``", "``, added at stop 65), html2text,
inscriptis, trafilatura (``extract`` with its tables, and ``html2txt``),
resiliparse (``extract_plain_text`` as it comes and without its formatting),
markdownify, html_text (the last three added 2026-12-07),
and the tables read by ``pandas.read_html`` and written by ``to_csv``,
``to_markdown`` or ``to_string`` (the last two tools added 2026-12-06:
spanned cells repeated, empty ones ``nan``; ``last, to_csv``, stop 61: the
page's text without its tables, then the tables with no title, as scripts
keeping text and tables apart write them) — the text most crawled corpora
of these reports hold.

    pip install -e '.[bench]'
    python bench/scraper_text.py [--count 40] [--drop 0.03] [--fresh-seed N] [--thousands]

Generated reports as web pages (``tests/generator.render_html``, as in
``bench/web_text.py``) with a share ``--drop`` of the cells left empty; each
tool's text parsed as it comes and every cell compared with the generator's
value. Printed per tool: cells right, wrong (and of those, how many are
``read`` or ``inferred``: not flagged as a ``conflict``), empty (a
``placed`` value too, as the flat output leaves it; its share printed apart),
tables valid, tables valid with a wrong value. A tool not installed is
skipped. ``--pretty`` scrapes the pages' HTML source pretty-printed as many
sites serve it (BeautifulSoup's ``prettify``: every tag and text on a line
of its own, indented), whose white space between cells every tool keeps in
its own way (html2text: ``规章  |  3  |  |  5``, a row without outer pipes).
``--thousands`` (stop 65): reports with large numbers, each of 1000 or more
printed with thousands separators (``4,554``; ``4, 554`` in one report of
four: ``generator.separated``), which a comma-joining scraper runs into its
separators.

Seed sets: 90100+ (the fixes of 2026-12-04's second session came from
reading their output: **tuning**) and fresh seeds drawn at run time (held
out; ``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import (  # noqa: E402
    HEAD,
    TALLY,
    blanked_html,
    fresh_base,
    fresh_seed_option,
    nbsp_option,
    row,
    tally,
    thousands_option,
)

import reportparse  # noqa: E402


def tools() -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {}
    try:
        from bs4 import BeautifulSoup

        def soup(sep: str | None, strip: bool = False) -> Callable[[str], str]:
            return lambda html: BeautifulSoup(html, "lxml").get_text(*(() if sep is None else (sep,)), strip=strip)
        out.update({"bs4 get_text()": soup(None), "bs4 get_text(' ')": soup(" "), "bs4 get_text('\\n')": soup("\n"),
                    "bs4 get_text('\\t')": soup("\t"), "bs4 get_text(' ', strip)": soup(" ", True),
                    "bs4 get_text('\\n', strip)": soup("\n", True),
                    # cells joined by commas, as a script writing a row as CSV without quotes gets them (stop 65)
                    "bs4 get_text(',')": soup(","), "bs4 get_text(', ')": soup(", ")})
    except ImportError:
        pass
    try:
        import html2text

        def h2t(html: str) -> str:
            h = html2text.HTML2Text()
            h.body_width = 0
            return h.handle(html)
        out["html2text"] = h2t
    except ImportError:
        pass
    try:
        import inscriptis
        out["inscriptis"] = inscriptis.get_text
    except ImportError:
        pass
    try:
        import trafilatura

        out["trafilatura"] = lambda html: trafilatura.extract(html, include_tables=True, favor_recall=True) or ""
        out["trafilatura html2txt"] = lambda html: trafilatura.html2txt(html) or ""
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text

        out["resiliparse"] = extract_plain_text  # two tabs between two cells
        out["resiliparse, no formatting"] = lambda html: extract_plain_text(html, preserve_formatting=False)
    except ImportError:
        pass
    try:
        import markdownify

        out["markdownify"] = markdownify.markdownify
    except ImportError:
        pass
    try:
        import html_text

        out["html_text"] = html_text.extract_text
    except ImportError:
        pass
    try:
        import pandas  # noqa: F401  (with bs4 and lxml)
        from bs4 import BeautifulSoup  # noqa: F401

        out.update({f"pandas read_html, {kind}": _pandas(kind) for kind in ("to_csv", "to_markdown", "to_string")})
        out["pandas read_html last, to_csv"] = _pandas("to_csv", last=True)
    except ImportError:
        pass
    return out


def _pandas(kind: str, last: bool = False) -> Callable[[str], str]:
    """The page's text (bs4, ``"\\n"``) with each table as ``pandas.read_html``
    reads it (a spanned cell repeated in each place it spans, an empty one
    NaN) and ``DataFrame.<kind>`` writes it: how researchers keep web tables.
    ``last``: the page's text without its tables, then the tables, as a
    script keeping text and tables apart writes them (no title over each)."""
    def text(html: str) -> str:
        import io
        import warnings

        import pandas as pd
        from bs4 import BeautifulSoup

        page = BeautifulSoup(html, "lxml")
        tables: list[str] = []
        for table in page.find_all("table"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                df = pd.read_html(io.StringIO(str(table)))[0]
            tables.append(getattr(df, kind)(index=False))
            table.replace_with("\n" + ("" if last else tables[-1]) + "\n")
        return page.get_text("\n") + ("\n" + "\n\n".join(tables) if last else "")
    return text


def run(start: int, count: int, drop: float, to_text: dict[str, Callable[[str], str]],
        pretty: bool = False, nbsp: bool = False, minified: bool = False, thousands: bool = False) -> dict[str, dict[str, int]]:
    tots = {name: dict.fromkeys(TALLY, 0) for name in ("reportparse (HTML)", *to_text)}
    for seed in range(start, start + count):
        gen, html = blanked_html(seed, drop, nbsp, thousands)
        if minified:
            html = re.sub(r">\s+<", "><", html)
        tally(reportparse.parse_bytes(html.encode("utf-8"), path="page.html"), gen.truth, tots["reportparse (HTML)"])
        if pretty:
            from bs4 import BeautifulSoup

            html = BeautifulSoup(html, "html.parser").prettify()
        for name, fn in to_text.items():
            tally(reportparse.parse_text(fn(html)), gen.truth, tots[name])
    return tots


def run_files(pages: list[Path], to_text: dict[str, Callable[[str], str]], pretty: bool = False) -> None:
    """Given pages (held-out real ones) with their truth: the page itself, then each tool's text of it."""
    import json

    print(f"{'page':<34}{'read as':<27}{HEAD}")
    for page in pages:
        truth_file = page.with_name(page.stem + ".truth.json")
        if not truth_file.exists():
            sys.exit(f"{page}: no {truth_file.name} beside it (its values: a JSON object with a \"truth\" of flat keys)")
        truth = json.loads(truth_file.read_text(encoding="utf-8"))["truth"]
        html = page.read_text(encoding="utf-8")
        if pretty:
            from bs4 import BeautifulSoup

            html = BeautifulSoup(html, "html.parser").prettify()
        tot = dict.fromkeys(TALLY, 0)
        tally(reportparse.parse_file(page), truth, tot)
        print(row(f"{page.name[:33]:<34}{'reportparse (HTML)'}", tot, 61), flush=True)
        for tool, fn in to_text.items():
            tot = dict.fromkeys(TALLY, 0)
            tally(reportparse.parse_text(fn(html)), truth, tot)
            print(row(f"{page.name[:33]:<34}{tool}", tot, 61), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=40, help="reports per seed set")
    ap.add_argument("--drop", type=float, default=0.03, help="share of the cells left empty")
    ap.add_argument("--pretty", action="store_true", help="scrape the pages' HTML source pretty-printed (prettify)")
    nbsp_option(ap)
    thousands_option(ap)
    ap.add_argument("--minified", action="store_true",
                    help="the page served on one line (the white space between its tags dropped), as many sites serve it")
    ap.add_argument("--files", nargs="+", type=Path, metavar="PAGE",
                    help="web pages (each with its PAGE.truth.json) in place of generated ones: the page itself "
                         "through reportparse's HTML ingest, then through every tool")
    fresh_seed_option(ap)
    args = ap.parse_args()
    to_text = tools()
    if not to_text:
        sys.exit("no scraper library installed: pip install -e '.[bench]'")
    if args.files:
        return run_files(args.files, to_text, args.pretty)
    fresh = fresh_base(args)
    print(f"{'set':<34}{'tool':<27}{HEAD}")
    for name, start in (("seeds 90100+ (tuning)", 90100), (f"fresh seeds {fresh}+ (held out)", fresh)):
        for tool, t in run(start, args.count, args.drop, to_text, args.pretty, args.nbsp, args.minified, args.thousands).items():
            print(row(f"{name:<34}{tool}", t, 61), flush=True)
    print(f"(--fresh-seed {fresh} repeats the held-out rows; --drop {args.drop}{'; --pretty' if args.pretty else ''}"
          f"{'; --nbsp' if args.nbsp else ''}{'; --minified' if args.minified else ''}{'; --thousands' if args.thousands else ''})")


if __name__ == "__main__":
    main()
