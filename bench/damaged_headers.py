"""Columns printed in another order under a header OCR damaged: does the
header's damage ever let a value be read under the wrong column?

    python bench/damaged_headers.py [--count 16] [--fresh-seed N]

The reports of ``bench/variants.py``'s ``columns-3``, ``columns-2`` and
``columns-4`` (table 三's five columns under 法人或其他组织, table 二's blocks,
table 四's parts: header and values printed in another order than the
template's, every layout each applies to), with one column name of the
header damaged:

``garbled 1``      one character of one name (the first print) replaced (OCR's 科研机沟);
``garbled 1, all`` the same in every print of it (二's and 四's repeated headers);
``garbled 2``      two characters of one name replaced (本口口发件数);
``lost``           one name gone from the header.

Every cell of the changed table is compared with the generator's value.
Printed per table and damage: cells right, wrong (and of those, not
flagged), empty, tables valid, and tables valid with a wrong value. Where a
name is lost whole, or a 二 block's first name garbled past reading, and
nothing left in the header shows the other order, those tables are read in
the template's order, valid and wrong (the figures show how many). Since
stop 52 a header whose cells are set apart (tabs, pipes, Markdown; a
space-aligned line whose gap the normaliser keeps as an empty cell) shows
it by the empty cell the lost name left where the template has no such
column: placed (``header_names.filled_order``; the seeds 780000000+ and
864077386+ of that session: **tuning**). Since stop 56 a header of 三 that names all
but one of 法人或其他组织's columns, in the template's order, and keeps no
two characters side by side of the one it lost (not printed in pieces or
shortened) places the group's values: the lost column may have stood
anywhere among the names left (``header_names.lost_whole``; seed
765810690+ of that session, where ``layout`` text read one such table valid
with 14 values wrong: **tuning**).

Seed sets: 63500000+, 63600000+, 63700000+, 63800000+ were read while
writing the rules (``tables/header_names.py``): **tuning**; fresh seeds drawn
at run time are held out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import variants  # noqa: E402
from scoring import HEAD, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

NAMES = {
    "applications": ["商业企业", "科研机构", "社会公益组织", "法律服务机构"],
    "proactive": ["本年制发件数", "本年废止件数", "现行有效件数", "本年新制作数量", "本年新公开数量", "对外公开总数量",
                  "上一年项目数量", "处理决定数量", "采购项目数量", "采购总金额"],
    "appeals": ["结果维持", "结果纠正", "其他结果", "尚未审结"],
}
MADE = {"applications": variants.columns, "proactive": variants.columns_two, "appeals": variants.columns_four}
LAYOUTS = ("tab", "layout", "pipes", "markdown", "lines")


def damaged(text: str, how: str, names: list[str], rng: random.Random) -> str:
    present = [n for n in names if n in text]
    if not present:
        return text
    name = rng.choice(present)
    k = rng.randrange(len(name))
    if how == "garbled 1":
        return text.replace(name, name[:k] + "口" + name[k + 1:], 1)
    if how == "garbled 1, all":
        return text.replace(name, name[:k] + "口" + name[k + 1:])
    if how == "garbled 2":
        return text.replace(name, name[0] + "口口" + name[3:], 1)
    return text.replace(name, "", 1)  # lost


def run(base: int, count: int) -> dict[str, dict[str, int]]:
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for seed in range(base, base + count):
        rng = random.Random(seed)
        for key, make in MADE.items():
            for layout in LAYOUTS:
                made = make(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout, rng)
                if made is None:
                    continue
                text, truth = made
                mine = {k: v for k, v in truth.items() if k.startswith(key + ".")}
                for how in ("garbled 1", "garbled 1, all", "garbled 2", "lost"):
                    report = reportparse.parse_text(damaged(text, how, NAMES[key], rng))
                    report.tables = {key: report.tables[key]} if key in report.tables else {}
                    tally(report, mine, tot[f"{key}: {how}"])
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=16, help="reports per table")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    print(f"{'table: damage':<34}{HEAD}")
    for name, t in sorted(run(fresh, args.count).items()):
        print(row(name, t), flush=True)
    print(f"(fresh seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
