"""Cell accuracy of the table parser on generated reports with known truth.

    python bench/accuracy.py [--per-layout 40] [--ocr-dir bench/ocr]

For each layout (tab, lines, layout, pipes, runtogether — with the noise
model — and real tesseract OCR of rendered PDFs made by bench/make_ocr.py:
``tesseract-page`` is whole-page tesseract text as other tools give it,
``tesseract-cells`` the text of reportparse's own ``--ocr`` ingest) prints: cells, cell accuracy (value equals the truth), wrong-value rate
(a non-null value that differs), null rate, reports that came out valid, and
reports that came out valid with a wrong value (must be 0).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import reportparse  # noqa: E402

from generator import LAYOUTS, add_noise, make_report  # noqa: E402

TABLES = ("proactive", "applications", "appeals")


def score(report, truth: dict, table: str | None = None) -> tuple[int, int, int, int]:
    """Cells, right, wrong, null — over every table, or over ``table`` only."""
    flat = report.flat()
    n = right = wrong = null = 0
    for key, want in truth.items():
        if table and not key.startswith(table + "."):
            continue
        n += 1
        got = flat[key]
        if got is None:
            null += 1
        elif got == want:
            right += 1
        else:
            wrong += 1
    return n, right, wrong, null


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-layout", type=int, default=40, help="generated reports per text layout")
    ap.add_argument("--ocr-dir", default=str(ROOT / "bench/ocr"))
    args = ap.parse_args()
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0])  # reports cells right wrong null valid vbw
    by_table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {t: [0, 0, 0, 0] for t in TABLES})
    for layout in LAYOUTS:
        for i in range(args.per_layout):
            seed = 10_000 + i
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[i % 2], layout)
            text = add_noise(gen.text, seed, ocr=0.01, drop=0.005)
            _add(stats[layout], by_table[layout], reportparse.parse_text(text), gen.truth)
    for truth_file in sorted(Path(args.ocr_dir).glob("*.truth.json")):
        data = json.loads(truth_file.read_text(encoding="utf-8"))
        for kind, suffix in (("tesseract-page", ".txt"), ("tesseract-cells", ".cells.txt")):
            path = truth_file.with_name(truth_file.name.replace(".truth.json", suffix))
            if path.exists():
                _add(stats[kind], by_table[kind], reportparse.parse_text(path.read_text(encoding="utf-8")), data["truth"])
    print(f"{'layout':<15}{'reports':>8}{'cells':>8}{'accuracy':>10}{'wrong':>8}{'null':>8}{'valid':>7}{'valid-but-wrong':>17}")
    total = [0] * 7
    for layout, s in stats.items():
        _row(layout, s)
        total = [a + b for a, b in zip(total, s, strict=True)]
    _row("all", total)
    print("\naccuracy / wrong per table (二 proactive has no arithmetic rule; 三 and 四 do)")
    print(f"{'layout':<15}" + "".join(f"{t:>22}" for t in TABLES))
    for layout, tables in by_table.items():
        print(f"{layout:<15}" + "".join(f"{c[1] / c[0]:>14.2%} / {c[2] / c[0]:>5.2%}" for c in tables.values()))


def _add(s: list[int], tables: dict[str, list[int]], report, truth: dict) -> None:
    for t, acc in tables.items():
        for i, x in enumerate(score(report, truth, t)):
            acc[i] += x
    n, right, wrong, null = score(report, truth)
    s[0] += 1
    s[1] += n
    s[2] += right
    s[3] += wrong
    s[4] += null
    s[5] += report.valid
    s[6] += bool(report.valid and wrong)


def _row(name: str, s: list[int]) -> None:
    reports, cells, right, wrong, null, valid, vbw = s
    print(f"{name:<15}{reports:>8}{cells:>8}{right / cells:>10.2%}{wrong / cells:>8.2%}{null / cells:>8.2%}{valid:>7}{vbw:>17}")


if __name__ == "__main__":
    main()
