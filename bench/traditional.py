"""Reports in Traditional characters, as mirror pages and cached copies print them.

    python bench/traditional.py [--count 16] [--fresh-seed N]      (needs opencc-purepy: the [bench] extra)

Generated reports (both templates by turns, every third with the text noise
model) in five text layouts, converted by OpenCC — a converter this project
did not write — four ways: ``s2t`` (Traditional characters), ``s2tw``
(Taiwan's standard forms), ``s2hk`` (Hong Kong's), and ``s2twp`` (Taiwan's
forms and terms: 資訊 for 信息, 資料 for 数据, 檔案 for 文件, 專案 for 项目,
祕密, 製作). Every cell is compared with the generator's value; header year
and issuer with the generator's. Printed per conversion and layout: cells
right, wrong (must be 0), empty, tables valid, tables valid with a wrong value
(must be 0), and header fields right.

Seeds 4300+ were read while adding the characters and terms to
``grammars/common.toml``: **tuning**; fresh seeds drawn at run time are held
out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

from generator import add_noise, make_report  # noqa: E402

LAYOUTS = ("tab", "lines", "layout", "pipes", "markdown")
CONVERSIONS = ("s2t", "s2tw", "s2hk", "s2twp")


def run(base: int, count: int) -> tuple[dict[str, dict[str, int]], dict[str, list[int]]]:
    from opencc_purepy import OpenCC

    convert = {name: OpenCC(name).convert for name in CONVERSIONS}
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    header: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for seed in range(base, base + count):
        for layout in LAYOUTS:
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout)
            text = add_noise(gen.text, seed) if seed % 3 == 0 else gen.text
            for name, conv in convert.items():
                report = reportparse.parse_text(conv(text))
                tally(report, gen.truth, tot[f"{name}, {layout}"])
                h = header[name]
                h[0] += 2
                h[1] += (report.header.year.value == gen.year) + (report.header.issuer.value == gen.issuer)
    return tot, header


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=16, help="reports (each in five layouts, four conversions)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    tot, header = run(fresh, args.count)
    print(f"{'conversion, layout':<24}{HEAD}")
    for name, t in sorted(tot.items()):
        print(row(name, t, 24), flush=True)
    for name, (n, right) in header.items():
        print(f"header year and issuer, {name}: {right} of {n} right")
    print(f"(fresh seeds {fresh}+, held out; --fresh-seed {fresh} repeats this run)")


if __name__ == "__main__":
    main()
