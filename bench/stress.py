"""Safety under heavy noise: does a wrong value ever come out of a report that
claims to be valid, or out of a correction?

    python bench/stress.py [--reports 600] [--seed 50000] [--fresh-seed N]

Each kind is run twice: on the tuning seeds (``--seed``, the ones earlier
rules were tuned on) and on fresh seeds drawn at run time (printed;
``--fresh-seed`` repeats a run). Two kinds of input, each over generated
reports of both templates:

``noise``      every text layout with the noise model turned up, the value
               noise on every layout alike (``CellNoise``): OCR digit
               confusions, dropped cells and misreads (a multi-digit value
               printed without its last digit) in tables 三 and 四;
``corrupt-P``  tab layout; each number of tables 三 and 四 is replaced with
               probability P by a one-digit edit (drop, insert or change a
               digit) or by a random number — misreads no rule was built for.

Prints per kind: reports, exceptions, wrong values, cells ``corrected`` right
and wrong, reports that came out valid with a wrong value, and tables that
did (each table has its own ``valid``). Misreads that
agree with each other pass every rule — a group's only item and its total
both 57 and both printed ``5``, or ``2``→``62`` in both — and no checker can
see them: ``valid-but-wrong`` counts those too. ``corrected wrong`` counts
what the parser itself got wrong, and must be 0.
"""

from __future__ import annotations

import argparse
import random
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import fresh_base, fresh_seed_option  # noqa: E402

import reportparse  # noqa: E402

from generator import LAYOUTS, CellNoise, add_noise, make_report  # noqa: E402

TEMPLATES = ("ogi-2021", "ogi-2019")


def _noise(seed: int, i: int) -> tuple[str, dict]:
    rng = random.Random(seed)
    noise = CellNoise(seed, ocr=rng.choice([0, 0.01, 0.03]), drop=rng.choice([0, 0.01, 0.03]),
                      misread=rng.choice([0.02, 0.05, 0.1, 0.2]), misread_tables=("applications", "appeals"))
    gen = make_report(seed, TEMPLATES[i % 2], LAYOUTS[i % len(LAYOUTS)], big=rng.random() < 0.5, noise=noise)
    return add_noise(gen.text, seed), gen.truth


def _edit(tok: str, rng: random.Random) -> str:
    k, d = rng.random(), list(tok)
    if k < 0.25 and len(d) > 1:
        del d[rng.randrange(len(d))]
    elif k < 0.5:
        d.insert(rng.randrange(len(d) + 1), str(rng.randrange(10)))
    elif k < 0.75:
        d[rng.randrange(len(d))] = str(rng.randrange(10))
    else:
        return str(rng.randrange(300))
    return "".join(d).lstrip("0") or "0"


def _corrupt(p: float):
    def make(seed: int, i: int) -> tuple[str, dict]:
        rng = random.Random(seed)
        gen = make_report(seed, TEMPLATES[i % 2], "tab", big=rng.random() < 0.5)
        out, in_tables = [], False
        for line in gen.text.split("\n"):
            in_tables = (in_tables or line.startswith("三、")) and not line.startswith("五、")
            if in_tables and "\t" in line:
                line = "\t".join(_edit(f, rng) if f.isdigit() and rng.random() < p else f for f in line.split("\t"))
            out.append(line)
        return "\n".join(out), gen.truth
    return make


def run(name: str, make, n: int, base: int) -> None:
    exc = wrong = right_fix = wrong_fix = vbw = tvbw = 0
    for i in range(n):
        text, truth = make(base + i, i)
        try:
            report = reportparse.parse_text(text)
        except Exception:  # counted and shown: the parser must never raise on text
            exc += 1
            traceback.print_exc()
            continue
        bad = False
        bad_tables: set[str] = set()
        for key, want in truth.items():
            tkey, rest = key.split(".", 1)
            rid, cid = rest.rsplit(".", 1)
            cell = report.tables[tkey].rows[rid][cid]
            if cell.value is not None and cell.value != want:
                wrong, bad = wrong + 1, True
                bad_tables.add(tkey)
                wrong_fix += cell.status == "corrected"
            else:
                right_fix += cell.status == "corrected"
        vbw += bad and report.valid
        tvbw += sum(report.tables[t].valid for t in bad_tables)
    print(f"{name:<14}{n:>8}{exc:>11}{wrong:>8}{right_fix:>18}{wrong_fix:>18}{vbw:>17}{tvbw:>24}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=600, help="reports per kind")
    ap.add_argument("--seed", type=int, default=50_000, help="base of the tuning seeds")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    for title, base in (("tuning seeds", args.seed), (f"fresh seeds {fresh}+ (--fresh-seed {fresh} repeats them)", fresh)):
        print(f"\n== {title}")
        print(f"{'kind':<14}{'reports':>8}{'exceptions':>11}{'wrong':>8}{'corrected right':>18}{'corrected wrong':>18}{'valid-but-wrong':>17}{'tables valid-but-wrong':>24}")
        run("noise", _noise, args.reports, base)
        for p in (0.01, 0.02, 0.05):
            run(f"corrupt-{p}", _corrupt(p), args.reports, base + 100_000)


if __name__ == "__main__":
    main()
