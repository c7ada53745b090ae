"""Whole texts as other tools store them: a spreadsheet's CSV export, an
escaped JSON string, other line breaks, HTML entities left in, a line number
or quoting mark before every line, the whole report on one line.

    python bench/text_shapes.py [--count 16] [--fresh-seed N]
    python bench/text_shapes.py --files bench/ocr-heldout/1[0-3]?.txt   # OCR output stored every way

Generated reports (both templates by turns, every third with the text noise
model, which prints some cells empty) in five text layouts (tab, one cell per
line, space-aligned, pipes, Markdown), each stored these ways:

* ``csv: QUOTING`` — every tab-separated line written by Python's ``csv``
  module (``QUOTE_ALL``, ``QUOTE_MINIMAL``, ``QUOTE_NONNUMERIC``), with
  thousands separators (``1,234``) in ``minimal, 1,234``;
* ``quoted cells, SEP`` — each tab cell in quotes and the cells joined by a
  separator that makes no CSV row (``'0','2'``, ``“0”，“2”``, ``"0"; "2"``);
* ``json string`` / ``json string, ascii`` — the text as one JSON string
  stores it (``…\\n…``; ``\\u653f`` for 政 in the second);
* ``U+2028`` / ``vertical tab`` — line breaks as other tools write them;
* ``&#9; for tabs`` / ``&nbsp; for spaces`` — HTML entities left in;
* ``line numbers N\\t`` / ``N: `` / ``LN `` and ``> quoted`` — a prefix before every line;
* ``one line: ...`` — the line breaks lost, as corpora built by crawls store a
  report: each made a space (``replace("\\n", " ")``, tabs kept), two
  spaces, or every run of white space one space (``" ".join(text.split())``);
* ``no white space`` — every white space removed, as Chinese text pipelines
  often store it; ``folded at 40 characters`` — each line cut every 40
  characters (``fold -w 40``), a row's cells over several lines;
* ``U+3000 for tabs`` — cells set apart by an ideographic space; ``soft
  hyphens, word joiners`` — invisible characters a converter left inside
  words and numbers (stop 51: a label or number they split was lost);
* ``list of contents`` (``, leaders``) — a 目录 under the title, every
  standard heading (with dotted leaders and a page number): stop 52, every
  table was lost (a section's region was its heading in the list);
  ``tables in an appendix`` — 二, 三 and 四 a line of prose each, the
  sections with their tables printed again after 六 under 附表, with their
  headings or (``, 附表 titles``) under bare titles (``附表1
  主动公开政府信息情况``); stop 52: most tables were lost, looked for in the
  prose; ``tables after the text`` — every heading in place with nothing
  under 二, 三 and 四, their lines after 六 with no title (python-docx's
  paragraphs, then its tables; stop 61: every table was lost); ``tables
  alone`` — those lines only, as a table extractor keeps them (stop 61:
  every table was lost). Both need the four headings: a text whose
  headings the noise damaged is stored as it is.

``--files TEXT...`` stores given texts (each with its ``.truth.json``: the
held-out OCR sets, a converter's text) every way instead of generated ones.

Every cell is compared with the generator's value. Printed per shape: cells
right, wrong (and of those, how many are not flagged), empty, tables valid,
tables valid with a wrong value (must be 0).

Seeds 4400+, 4500+, 4600+ and 5100+ were read while writing the readings of
these shapes (``csvrows.py``, ``normalise``, ``furniture.line_prefix``,
``tables/tokens``), and 9400+ and 9500+ while writing ``unflatten.py`` (the
one-line shapes, stop 50): **tuning**; fresh seeds drawn at run time are held out
(``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import regex as re

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

from generator import add_noise, make_report  # noqa: E402

LAYOUTS = ("tab", "lines", "layout", "pipes", "markdown")


def _csv(quoting: int, thousands: bool = False) -> Callable[[str], str]:
    def write(text: str) -> str:
        out = []
        for line in text.split("\n"):
            if "\t" in line:
                cells = [f"{int(c):,}" if thousands and c.isdigit() else c for c in line.split("\t")]
                buf = io.StringIO()
                csv.writer(buf, quoting=quoting, lineterminator="").writerow(cells)
                line = buf.getvalue()
            out.append(line)
        return "\n".join(out)
    return write


def _quoted(q1: str, q2: str, sep: str) -> Callable[[str], str]:
    return lambda text: "\n".join(sep.join(f"{q1}{c}{q2}" for c in line.split("\t")) if "\t" in line else line
                                  for line in text.split("\n"))


def _numbered(form: str) -> Callable[[str], str]:
    return lambda text: "\n".join(form.format(i) + line for i, line in enumerate(text.split("\n"), 1))


SHAPES: dict[str, Callable[[str], str]] = {
    "csv: all": _csv(csv.QUOTE_ALL),
    "csv: nonnumeric": _csv(csv.QUOTE_NONNUMERIC),
    "csv: minimal": _csv(csv.QUOTE_MINIMAL),
    "csv: minimal, 1,234": _csv(csv.QUOTE_MINIMAL, thousands=True),
    "quoted cells, ','": _quoted("'", "'", ","),
    "quoted cells, “”，": _quoted("“", "”", "，"),
    "quoted cells, '; '": _quoted('"', '"', "; "),
    "json string": lambda t: json.dumps(t, ensure_ascii=False)[1:-1],
    "json string, ascii": lambda t: json.dumps(t)[1:-1],
    "U+2028": lambda t: t.replace("\n", "\u2028"),
    "vertical tab": lambda t: t.replace("\n", "\v"),
    "&#9; for tabs": lambda t: t.replace("\t", "&#9;"),
    "&nbsp; for spaces": lambda t: t.replace("\t", "&nbsp;&nbsp;"),
    "line numbers N\\t": _numbered("{}\t"),
    "line numbers N: ": _numbered("{}: "),
    "line numbers LN ": _numbered("L{} "),
    "> quoted": _numbered("> "),
    "one line: \\n as space": lambda t: t.replace("\n", " "),
    "one line: \\n as 2 spaces": lambda t: t.replace("\n", "  "),
    "one line: split-join": lambda t: " ".join(t.split()),
    "no white space": lambda t: "".join(t.split()),
    "folded at 40 characters": lambda t: "\n".join(ln[i:i + 40] for ln in t.split("\n") for i in range(0, max(len(ln), 1), 40)),
    "U+3000 for tabs": lambda t: t.replace("\t", "\u3000"),
    "soft hyphens, word joiners": lambda t: _invisible(t),
    "list of contents": lambda t: _contents(t, ""),
    "list of contents, leaders": lambda t: _contents(t, "……{}"),
    "tables in an appendix": lambda t: _appendix(t),
    "tables in an appendix, 附表 titles": lambda t: _appendix(t, titled=True),
    "tables after the text": lambda t: _tables_last(t),
    "tables alone": lambda t: _tables_last(t, alone=True),
}

_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def _appendix(text: str, titled: bool = False) -> str:
    """二, 三 and 四 as a line of prose each under their headings, and the
    sections as printed, tables and all, after 六 under 附表 (``titled``: each
    under a bare title, ``附表1 主动公开政府信息情况``, not its heading)."""
    lines = text.split("\n")
    a = next((i for i, ln in enumerate(lines) if _HEADINGS[1] in ln), None)
    b = next((i for i, ln in enumerate(lines) if _HEADINGS[4] in ln), None)
    if a is None or b is None:
        return text
    prose = [ln for h in _HEADINGS[1:4] for ln in (h, "本年度相关工作稳步推进，数据见附表。")]
    tables = lines[a:b]
    if titled:
        for k, h in enumerate(_HEADINGS[1:4], 1):
            tables = [ln.replace(h, f"附表{k} {h[2:]}") for ln in tables]
    return "\n".join(lines[:a] + prose + lines[b:] + ["", "附件"] + tables)


def _tables_last(text: str, alone: bool = False) -> str:
    """Every heading in place, 二, 三 and 四 with nothing under them, the
    lines under them after the text with no title (as a script writes a Word
    document's text with python-docx: ``doc.paragraphs``, then ``doc.tables``);
    ``alone``: those lines only (a table extractor's output)."""
    lines = text.split("\n")
    heads = [next((i for i, ln in enumerate(lines) if h in ln), None) for h in _HEADINGS[1:5]]
    if None in heads or heads != sorted(heads):
        return text
    inside = [heads[0] < i < heads[-1] and i not in heads for i in range(len(lines))]
    if alone:
        return "\n".join(ln for ln, moved in zip(lines, inside, strict=True) if moved)
    return "\n".join([ln for ln, moved in zip(lines, inside, strict=True) if not moved]
                     + [ln for ln, moved in zip(lines, inside, strict=True) if moved])


def _contents(text: str, leader: str) -> str:
    """A 目录 under the title's line: every standard heading (with dotted leaders and a page number)."""
    lines = text.split("\n")
    at = next((i + 1 for i, ln in enumerate(lines) if ln.rstrip().endswith("年度报告")), 0)
    toc = ["目录", *(h + leader.format(k + 1) for k, h in enumerate(_HEADINGS)), ""]
    return "\n".join(lines[:at] + toc + lines[at:])


def _invisible(text: str) -> str:
    """A soft hyphen at every fourth place between two Han characters, a word joiner between two digits of one number."""
    places = iter(range(1 << 30))
    text = re.sub(r"(?<=\p{Han})(?=\p{Han})", lambda m: "\u00ad" if next(places) % 4 == 0 else "", text)
    return re.sub(r"(?<=\d)(?=\d)", "\u2060", text)


def run(base: int, count: int) -> dict[str, dict[str, int]]:
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for seed in range(base, base + count):
        for layout in LAYOUTS:
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout, big=bool(seed % 2))
            text = add_noise(gen.text, seed) if seed % 3 == 0 else gen.text
            tally(reportparse.parse_text(text), gen.truth, tot["(as generated)"])
            for name, store in SHAPES.items():
                tally(reportparse.parse_text(store(text)), gen.truth, tot[name])
    return tot


def run_files(files: list[Path]) -> dict[str, dict[str, int]]:
    """Each text (its true values in the ``.truth.json`` beside it) as it is and stored every way."""
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in files:
        text = path.read_text(encoding="utf-8")
        truth = json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))["truth"]
        tally(reportparse.parse_text(text), truth, tot["(as it is)"])
        for name, store in SHAPES.items():
            tally(reportparse.parse_text(store(text)), truth, tot[name])
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=16, help="reports (each in five layouts, every shape)")
    ap.add_argument("--files", nargs="+", type=Path, metavar="TEXT",
                    help="store these texts every way instead (each with its .truth.json: OCR output, a converter's text)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    print(f"{'shape':<28}{HEAD}")
    if args.files:
        for name, t in run_files(args.files).items():
            print(row(name, t, 28), flush=True)
        print(f"({len(args.files)} texts)")
        return
    fresh = fresh_base(args)
    for name, t in run(fresh, args.count).items():
        print(row(name, t, 28), flush=True)
    print(f"(fresh seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
