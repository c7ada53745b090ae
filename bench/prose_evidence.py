"""The prose as evidence: how often a statement in the report's prose decides
a row of run-together digits in table 二, and whether it is ever wrong.

    python bench/prose_evidence.py [--count 200] [--fresh-seed N]

Generated run-together reports (``tests/generator``, large values, both
templates) whose table-二 rows several splits fit; into each report's
overview one sentence is written per such row, in one of four ways:

* ``true``: it states one of the row's cells as printed (phrasings drawn
  from a list written apart from the grammar's patterns);
* ``conflict``: it states that cell twice with two values (the prose is
  ambiguous: must decide nothing);
* ``off-topic``: it states a value of the same kind that is not the table's
  (a sub-unit's count, say) — when that value happens to match one split,
  the statement decides the row wrongly; the row shows how often;
* ``none``: no statement (the baseline: those rows stay empty).

Prints, per kind, the ambiguous rows, the rows decided (a cell read), the
cells read right and wrong among them, and the tables 二 that came out valid
with a wrong cell. The seeds are drawn at run time (``--fresh-seed``
repeats a run); the patterns were written from the issue's examples, not
tuned on this bench.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import fresh_base, fresh_seed_option  # noqa: E402

import reportparse  # noqa: E402

from generator import make_report  # noqa: E402

# how prose states the cells (written apart from grammars/*.toml)
PHRASES = {
    "ogi-2021": {"issued": ["本年度制发规范性文件{v}件", "全年共制定行政规范性文件{v}件", "本年度印发的规范性文件{v}件"],
                 "repealed": ["废止规范性文件{v}件", "全年废止行政规范性文件{v}件"],
                 "in_force": ["现行有效规范性文件{v}件", "集中公开现行有效行政规范性文件{v}件"]},
    "ogi-2019": {"made": ["本年新制作规范性文件{v}件"], "published": ["新公开规范性文件{v}件"],
                 "total_public": ["对外公开规范性文件总数{v}件", "对外公开规范性文件总数量达{v}件"]},
}
ANCHOR = "全年主动公开政府信息若干条。"


def _ambiguous_rows(r: reportparse.Report) -> list[str]:
    return [d.path.rsplit(".", 1)[1] for d in r.diagnostics
            if d.code == "TBL_SPLIT_AMBIGUOUS" and (d.path or "").startswith("tables.proactive.")
            and d.path.rsplit(".", 1)[1] in ("rules", "normative_docs")]


def run(seed: int, kind: str, stats: dict[str, list[int]]) -> None:
    rng = random.Random(f"{seed}:{kind}")
    template = ("ogi-2021", "ogi-2019")[seed % 2]
    gen = make_report(seed, template, "runtogether", big=True)
    rows = [row for row in _ambiguous_rows(reportparse.parse_text(gen.text)) if row == "normative_docs"]
    if not rows:
        return
    row = rows[0]
    col = rng.choice(sorted(PHRASES[template]))
    value = gen.truth[f"proactive.{row}.{col}"]
    phrase = rng.choice(PHRASES[template][col])
    if kind == "true":
        prose = phrase.format(v=value) + "。"
    elif kind == "conflict":
        prose = phrase.format(v=value) + "，" + phrase.format(v=int(value) + rng.randint(1, 9)) + "。"
    elif kind == "off-topic":
        prose = phrase.format(v=rng.choice([0, rng.randint(1, 99), rng.randint(100, 5000)])) + "。"
    else:
        prose = ""
    r = reportparse.parse_text(gen.text.replace(ANCHOR, ANCHOR + prose))
    cells = r.tables["proactive"].rows[row]
    s = stats.setdefault(kind, [0, 0, 0, 0, 0])
    s[0] += 1
    if any(c.value is not None for c in cells.values()):
        s[1] += 1
    wrong = 0
    for c, cell in cells.items():
        if cell.value is not None:
            wrong += cell.value != gen.truth[f"proactive.{row}.{c}"]
            s[3 if cell.value != gen.truth[f"proactive.{row}.{c}"] else 2] += 1
    s[4] += bool(wrong and r.tables["proactive"].valid)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=200, help="generated reports per kind")
    fresh_seed_option(ap)
    args = ap.parse_args()
    base = fresh_base(args)
    stats: dict[str, list[int]] = {}
    for kind in ("none", "true", "conflict", "off-topic"):
        for seed in range(base, base + args.count):
            run(seed, kind, stats)
    print(f"seeds {base}..{base + args.count - 1} (--fresh-seed {base} repeats them)")
    print(f"{'statement':<12}{'ambiguous rows':>16}{'decided':>10}{'cells right':>13}{'cells wrong':>13}{'valid-but-wrong':>17}")
    for kind, (rows, decided, right, wrong, vbw) in stats.items():
        print(f"{kind:<12}{rows:>16}{decided:>10}{right:>13}{wrong:>13}{vbw:>17}")
    print("decided: rows with a cell read; a row the prose decides never makes table 二 valid (TBL_UNANCHORED)")


if __name__ == "__main__":
    main()
