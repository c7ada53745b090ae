"""Rows the template does not have: does one ever put a wrong number in a table?

    python bench/added_rows.py [--count 40] [--fresh-seed N] [--show]

Some reports add rows to the template's tables (湖北's 其他主动公开文件 in
table 二; 党内规范性文件, 政府规章, 行政规范性文件备案; in 三, 其中… lines and
sub-totals). This inserts one such row, with values of its own, before a
random row of table 二 and, apart, of table 三, in every text layout of the
generator (one row as that layout prints one; in ``runtogether`` glued to its
neighbours), clean and with the noise model, and compares every cell of that
table with the generator's value. Several added labels hold a template label
(规范性文件 inside 党内规范性文件), the case that once read an added row as
the template's.

Printed per table and layout: parses, tables valid, reports with a wrong
value in that table, of which with a wrong value of status ``read`` (read as
right), and tables valid with a wrong value (must be 0). Seeds 700+ are the
ones the fixes of stop 30 were written on (**tuning**); fresh seeds drawn at
run time are held out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import reportparse  # noqa: E402

from generator import LAYOUTS, add_noise, make_report  # noqa: E402

ADDED = {
    "proactive": ["其他主动公开文件", "党内规范性文件", "行政规范性文件备案", "政府规章", "部门规章", "重大行政决策",
                  "行政裁决", "行政确认", "规章备案", "其他规范性文件", "行政许可事项", "行政处罚案件", "行政强制措施"],
    "applications": ["其中：涉及不动产登记", "（八）其他情形", "9.属于其他情形", "其中：本年新收", "重复申请（含信访）",
                     "4.其他", "（一）予以公开（含部分）", "其他处理情况", "本年度办理结果合计", "申请数量小计"],
}
# where a table's text starts and ends, and the row labels an added row may go before
BOUNDS = {"proactive": (("二、", "主动公开政府信息情况"), "三、收到"),
          "applications": (("三、", "收到和处理政府信息公开申请情况"), "四、")}
BEFORE = {"proactive": r"规章|行政规范性文件|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|其他对外管理服务事项|政府集中采购",
          "applications": r"（[一二三四五六七]）|[1-8][.、]|[一二三四]、"}


def _row(layout: str, label: str, values: list[str]) -> str:
    """One row as ``layout`` prints it (a line of its own, except run together)."""
    sep = {"tab": "\t", "lines": "\n", "layout": "    ", "pipes": " | "}.get(layout)
    if sep is not None:
        return "\n" + sep.join([label, *values])
    if layout == "markdown":
        return "\n| " + " | ".join([label, *values]) + " |"
    return label + "".join(values)


def added(seed: int, table: str, template: str, layout: str, noisy: bool) -> tuple[str, dict]:
    """A generated report with one added row in ``table``; its text and truth."""
    rng = random.Random(f"{seed}:{table}:{template}:{layout}:{noisy}")
    gen = make_report(seed, template, layout)
    (head, title), stop = BOUNDS[table]
    start = gen.text.find(title, gen.text.find(head))
    end = gen.text.find(stop, start)
    body = gen.text[start:end]
    if table == "proactive":
        values = [str(rng.randint(0, 40)) for _ in range(rng.choice((1, 3)))]
    else:
        values = [str(rng.randint(0, 9)) for _ in range(6)]
        values.append(str(sum(map(int, values))))
    at = rng.choice([m.start() for m in re.finditer(BEFORE[table], body)])
    if layout != "runtogether":
        at = body.rfind("\n", 0, at)
    text = gen.text[:start] + body[:at] + _row(layout, rng.choice(ADDED[table]), values) + body[at:] + gen.text[end:]
    return (add_noise(text, seed) if noisy else text), gen.truth


def run(base: int, count: int, show: bool) -> dict[tuple[str, str], Counter]:
    tots: dict[tuple[str, str], Counter] = {}
    for table in ADDED:
        for layout in LAYOUTS:
            tot = tots[table, layout] = Counter()
            for seed in range(base, base + count):
                for template in ("ogi-2021", "ogi-2019"):
                    for noisy in (False, True):
                        text, truth = added(seed, table, template, layout, noisy)
                        report = reportparse.parse_text(text)
                        t = report.tables[table]
                        wrong = [k for k, v in truth.items() if k.startswith(table + ".")
                                 and (c := t.rows[k[len(table) + 1:].rsplit(".", 1)[0]][k.rsplit(".", 1)[1]]).value is not None
                                 and c.value != v]
                        tot["parses"] += 1
                        tot["valid"] += t.valid
                        tot["wrong"] += bool(wrong)
                        tot["read"] += any(t.rows[k[len(table) + 1:].rsplit(".", 1)[0]][k.rsplit(".", 1)[1]].status == "read"
                                           for k in wrong)
                        tot["vbw"] += bool(wrong) and t.valid
                        if show and wrong and (t.valid or tot["read"]):
                            print(f"  {seed} {template} {layout} {'noisy' if noisy else 'clean'} {table}: {wrong[:4]}")
    return tots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=40, help="seeds per set")
    ap.add_argument("--fresh-seed", type=int, default=None, help="base of the fresh seeds (default: drawn at run time)")
    ap.add_argument("--show", action="store_true", help="list each wrong value read as right and each valid-but-wrong table")
    args = ap.parse_args()
    fresh = args.fresh_seed if args.fresh_seed is not None else random.SystemRandom().randrange(10**6, 10**8)
    print(f"{'set':<34}{'table':<14}{'layout':<13}{'parses':>7}{'valid':>7}{'wrong':>7}{'read as right':>15}{'valid-but-wrong':>17}")
    for name, base in (("seeds 700+ (tuning)", 700), (f"fresh seeds {fresh}+ (held out)", fresh)):
        for (table, layout), t in run(base, args.count, args.show).items():
            print(f"{name:<34}{table:<14}{layout:<13}{t['parses']:>7}{t['valid']:>7}{t['wrong']:>7}{t['read']:>15}{t['vbw']:>17}")
    print(f"(--fresh-seed {fresh} repeats the held-out rows)")


if __name__ == "__main__":
    main()
