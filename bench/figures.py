"""Prose figures against hand labels: every real text in corpus/ (the PDFs
and the pdftotext or OCR texts of them), parsed with text features.

    python bench/figures.py

``bench/figures-truth.toml`` lists, per report, the figures in its prose
that name a quantity of its own tables. Prints the share of them mapped to
the right quantity (target ≥ 80%), the ones that are not, and every
disagreement the parser reports (``NARRATIVE_MISMATCH``), each marked false
when the labels say the figure agrees or counts only a part (target: no
false disagreement). The labels were written while the figure rules were
extended, on these same reports: these are tuning figures.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import reportparse

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    truth = tomllib.loads((ROOT / "bench/figures-truth.toml").read_text(encoding="utf-8"))["report"]
    opts = reportparse.ParseOptions(text_features=True)
    labelled = mapped = compared = 0
    missed: list[str] = []
    disagreements: list[str] = []
    false = 0
    for rep in truth:
        for file in rep["files"]:
            report = reportparse.parse_file(ROOT / file, opts)
            name = Path(file).name
            for t in rep["figures"]:
                labelled += 1
                hits = [f for f in report.figures if f.value == t["value"] and f.key == t["key"]]
                if hits:
                    mapped += 1
                    compared += hits[0].agrees is not None
                else:
                    found = [f.key for f in report.figures if f.value == t["value"]]
                    missed.append(f"{name}: {t['value']} ({t['key']}) read as {found or 'no figure'}")
            labels = {(t["value"], t["key"]): t["check"] for t in rep["figures"]}
            for f in report.figures:
                if f.agrees is False:
                    is_false = labels.get((f.value, f.key)) in ("agree", "part")
                    false += is_false
                    disagreements.append(f"{name}: {f.value}{f.unit} {f.key} vs table {f.table_value} "
                                         f"({f.text!r}){'  FALSE' if is_false else ''}")
    print(f"labelled figures naming a table quantity: {labelled}")
    print(f"mapped to the right quantity: {mapped} = {100 * mapped / labelled:.1f}%   compared with the table: {compared}")
    print(f"disagreements reported: {len(disagreements)}   false: {false}")
    for line in missed:
        print("  not mapped:", line)
    for line in disagreements:
        print("  disagreement:", line)


if __name__ == "__main__":
    main()
