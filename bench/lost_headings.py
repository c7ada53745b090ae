"""Tables whose section heading is lost: is the table still read, and never wrong?

    python bench/lost_headings.py [--count 16] [--fresh-seed N]

A heading is the line a tool or an OCR engine loses most easily: it stands
alone, set apart from the prose (a PDF table extractor keeps the tables and
the prose pages but not the lines between them; OCR drops or garbles a bold
line). Its table then stands in the body of the section before it — 三's
under 二's table, 二's under 一's prose. Generated reports (both templates by
turns, every third with the text noise model) in six text layouts, with
the heading line of 二, 三 or 四 (or several) removed (``lost``) or every
other character of it garbled past reading (``garbled``: ``三口收口和口理…``).

Every cell is compared with the generator's value. Printed per damage and
layout: cells right, wrong (and of those not flagged), empty, tables valid,
tables valid with a wrong value (must be 0); ``(none)`` is the same reports
undamaged. Stop 62 first read such tables (``table_regions._free_spans``:
each standard section's body is a span a table with no title may stand in);
before it, a lost heading lost its table whole. Seeds 100–109 and 200–209
were read while writing it: **tuning**; fresh seeds drawn at run time are
held out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import HEAD, TALLY, fresh_base, fresh_seed_option, row, tally  # noqa: E402

import reportparse  # noqa: E402

from generator import LAYOUTS, add_noise, make_report  # noqa: E402

HEADINGS = {"二": "二、主动公开政府信息情况", "三": "三、收到和处理政府信息公开申请情况",
            "四": "四、政府信息公开行政复议、行政诉讼情况"}
DAMAGES = (("二",), ("三",), ("四",), ("三", "四"), ("二", "三", "四"))


def _garbled(line: str) -> str:
    return "".join("口" if i % 2 else ch for i, ch in enumerate(line))


def damaged(text: str, which: tuple[str, ...], kind: str) -> str:
    """``text`` with the heading lines of the sections ``which`` lost or garbled."""
    out = []
    for line in text.split("\n"):
        if any(line.strip().lstrip("# ").startswith(HEADINGS[w][:6]) for w in which):  # a Markdown heading too
            if kind == "lost":
                continue
            line = _garbled(line)
        out.append(line)
    return "\n".join(out)


def run(start: int, count: int) -> dict[str, dict[str, int]]:
    tots: dict[str, dict[str, int]] = {}
    for seed in range(start, start + count):
        for layout in LAYOUTS:
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], layout)
            text = add_noise(gen.text, seed) if seed % 3 == 0 else gen.text
            tally(reportparse.parse_text(text), gen.truth, tots.setdefault(f"(none)  {layout}", dict.fromkeys(TALLY, 0)))
            for kind in ("lost", "garbled"):
                for which in DAMAGES:
                    name = f"{kind} {'+'.join(which)}  {layout}"
                    tally(reportparse.parse_text(damaged(text, which, kind)), gen.truth, tots.setdefault(name, dict.fromkeys(TALLY, 0)))
    return tots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=16, help="reports (each in six layouts, every damage)")
    fresh_seed_option(ap)
    args = ap.parse_args()
    fresh = fresh_base(args)
    for label, start in ((f"fresh seeds {fresh}+ (held out)", fresh), ("seeds 200+ (tuning)", 200)):
        print(f"{label}\n{'damage':<34}{HEAD}")
        for name, t in sorted(run(start, args.count if start == fresh else 10).items(), key=lambda kv: kv[0].split("  ")[::-1]):
            print(row(name, t), flush=True)
    print(f"(--fresh-seed {fresh} repeats the held-out rows)")


if __name__ == "__main__":
    main()
