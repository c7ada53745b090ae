"""Tables printed in a shape the template does not have: rows and columns
swapped, table 四 as a list, a column more, rows out of order.

    python bench/table_shapes.py [--count 16] [--fresh-seed N]

Generated reports (both templates by turns, tab layout), each changed one way:

* ``swapped KEY, SEP`` — table 二 or 三 transposed: its row labels across the
  first line, each column a line opened by the column's name, cells set
  apart by tabs, by runs of spaces, or one a line (``lines``);
* ``四 as a list: STYLE`` — table 四 one cell a line: under each group's
  name (``结果维持\\t3``), as ``行政复议结果维持：3``, or the cell's name and
  its value on lines of their own;
* ``column more: WHERE, SEP`` — every row of values given one more value
  (a 上年数 column) at its end, start or middle; the header names it or not;
* ``rows out of order: HOW`` — two row lines swapped (anywhere or next to
  each other) or three reversed; tabs or spaces; the text noise model or not;
* ``header again: HOW`` — table 三's header rows printed again between two
  of its rows (a PDF repeats them after a page break in a long table): alone,
  after a page number and a form feed, or under ``（续表）``.

Scored: the changed table for the first two families and the last, every
table for the other two. Printed per shape: cells right, wrong (of those, how many are not
flagged), empty, tables valid, tables valid with a wrong value (must be 0).

Seeds 61000+ (12 reports) were read while writing the rule that a row's
label cell never holds a column's name (``cells._names_a_column``):
**tuning**; 62000+, 63000+ and 64000+ were probed with no change made.
Fresh seeds drawn at run time are held out (``--fresh-seed N`` repeats a run).
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
from reportparse.grammar import load_grammars  # noqa: E402

from generator import SECTION_SPANS, Generated, add_noise, make_report  # noqa: E402

SEPS = {"tab": "\t", "spaces": "    ", "lines": "\n"}
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
GROUPS = ["行政复议", "行政诉讼未经复议直接起诉", "行政诉讼复议后起诉"]
_NUM = re.compile(r"^-?\d+(?:\.\d+)?$|^$")


def _fmt(v) -> str:
    return "" if v is None else str(int(v)) if float(v).is_integer() else str(v)


def _replace_table(gen: Generated, key: str, lines: list[str]) -> str:
    """The table's lines (all but the section's prose) replaced."""
    a, b = SECTION_SPANS[key]
    i = gen.text.index("\n", gen.text.index(a)) + 1
    j = gen.text.index(b, i)
    prose = [ln for ln in gen.text[i:j].split("\n") if "。" in ln and "勾稽" not in ln]
    return gen.text[:i] + "\n".join(prose + lines) + "\n\n" + gen.text[j:]


def swapped(gen: Generated, key: str, sep: str) -> str:
    tg = load_grammars().templates[gen.template].tables[key]
    rows = [r for r in tg.rows if not r.optional]
    lines = [sep.join(["项目"] + [r.label for r in rows])]
    for c, col in tg.columns.items():
        cells = [_fmt(gen.truth.get(f"{key}.{r.id}.{c}")) if c in r.columns else "" for r in rows]
        lines.append(sep.join([col.labels[0]] + cells))
    return _replace_table(gen, key, lines)


def appeals_list(gen: Generated, style: str) -> str:
    tg = load_grammars().templates[gen.template].tables["appeals"]
    values = [_fmt(gen.truth[f"appeals.{r.id}.{c}"]) for r in tg.rows for c in tg.row(r.id).columns]
    lines: list[str] = []
    for g, group in enumerate(GROUPS):
        if style == "under its group":
            lines.append(group)
        for k, name in enumerate(RESULTS):
            v = values[g * 5 + k]
            lines += {"under its group": [f"{name}\t{v}"], "name：value": [f"{group}{name}：{v}"],
                      "name, value lines": [name, v]}[style]
    a = gen.text.index("四、政府信息公开行政复议")
    i, j = gen.text.index("\n", a) + 1, gen.text.index("五、", a)
    return gen.text[:i] + "\n".join(lines) + "\n\n" + gen.text[j:]


def column_more(text: str, where: str, sep: str, header: bool, rng: random.Random) -> str:
    out = []
    for ln in text.split("\n"):
        f = ln.split("\t")
        values_row = (len(f) >= 2 and all(_NUM.match(x) for x in f[1:]) and any(f[1:])) or (len(f) >= 5 and all(_NUM.match(x) for x in f))
        if values_row:
            label, vals = (f[:1], f[1:]) if not _NUM.match(f[0]) else ([], f)
            k = {"end": len(vals), "start": 0, "middle": len(vals) // 2}[where]
            ln = sep.join(label + vals[:k] + [str(rng.choice([0, rng.randint(0, 40)]))] + vals[k:])
        elif header and len(f) >= 3 and not any(ch.isdigit() for ch in ln):
            ln = sep.join(f + ["上年数"] if where == "end" else f[:1] + ["上年数"] + f[1:])
        else:
            ln = ln.replace("\t", sep)
        out.append(ln)
    return "\n".join(out)


def out_of_order(text: str, how: str, rng: random.Random) -> str | None:
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines) if "\t" in ln and any(ch.isdigit() for ch in ln)
            and not _NUM.match(ln.split("\t")[0]) and all(_NUM.match(x) for x in ln.split("\t")[1:])]
    if len(rows) < 3:
        return None
    if how == "two swapped":
        picked = rng.sample(rows, 2)
    elif how == "two adjacent swapped":
        k = rng.randrange(len(rows) - 1)
        picked = rows[k:k + 2]
    else:
        k = rng.randrange(len(rows) - 2)
        picked = rows[k:k + 3]
    for i, ln in zip(picked, [lines[i] for i in picked][::-1], strict=True):
        lines[i] = ln
    return "\n".join(lines)


HEADER_3 = ["申请人情况", "自然人\t法人或其他组织\t总计", "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]


def header_again(text: str, how: str, rng: random.Random) -> str | None:
    lines = text.split("\n")
    a = next((i for i, ln in enumerate(lines) if ln.startswith("三、")), None)
    b = next((i for i, ln in enumerate(lines) if a is not None and i > a and ln.startswith("四、")), None)
    rows = [i for i in range(a + 1, b) if "\t" in lines[i] and any(ch.isdigit() for ch in lines[i])] if a and b else []
    if len(rows) < 4:
        return None
    at = rng.choice(rows[2:-1])
    head = {"alone": HEADER_3, "after a page number": [f"- {rng.randint(2, 9)} -", "\f" + HEADER_3[0], *HEADER_3[1:]],
            "under 续表": ["（续表）", *HEADER_3]}[how]
    return "\n".join(lines[:at] + head + lines[at:])


def shapes(gen: Generated, seed: int, rng: random.Random):
    """(name, text, the keys of the tables scored) for every shape of one report."""
    for key in ("proactive", "applications"):
        for sep_name, sep in SEPS.items():
            yield f"swapped {key}, {sep_name}", swapped(gen, key, sep), (key,)
    for style in ("under its group", "name：value", "name, value lines"):
        yield f"四 as a list: {style}", appeals_list(gen, style), ("appeals",)
    every = ("proactive", "applications", "appeals")
    for where in ("end", "start", "middle"):
        for sep_name in ("tab", "spaces"):
            for header in (True, False):
                text = column_more(gen.text, where, SEPS[sep_name], header, rng)
                yield f"column more: {where}, {sep_name}{', named' if header else ''}", text, every
    for how in ("two swapped", "two adjacent swapped", "three reversed"):
        for sep_name in ("tab", "spaces"):
            for noise in (False, True):
                text = out_of_order(add_noise(gen.text, seed) if noise else gen.text, how, rng)
                if text is not None:
                    text = text.replace("\t", SEPS[sep_name])
                    yield f"rows out of order: {how}, {sep_name}{', noise' if noise else ''}", text, every
    if gen.template == "ogi-2021":
        for how in ("alone", "after a page number", "under 续表"):
            if (text := header_again(gen.text, how, rng)) is not None:
                yield f"header again: {how}", text, ("applications",)


def run(base: int, count: int) -> dict[str, dict[str, int]]:
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for seed in range(base, base + count):
        rng = random.Random(seed)
        gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
        for name, text, keys in shapes(gen, seed, rng):
            truth = {k: v for k, v in gen.truth.items() if k.split(".", 1)[0] in keys}
            tally(reportparse.parse_text(text), truth, tot[name])
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=16, help="reports (each in every shape)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    print(f"{'shape':<56}{HEAD}")
    for name, t in run(fresh, args.count).items():
        print(row(name, t, 56), flush=True)
    print(f"(fresh seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
