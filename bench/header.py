"""Header fields (title, year, issuer, 发文字号) against the generator's truth.

    python bench/header.py [--pdfs 40 --start 7000] [--ocr-dirs bench/ocr bench/ocr-heldout]

Two inputs, each scored per field (right / wrong / null), and the fields
whose value differs from the text they were read from with no diagnostic
naming them ("changed silently": must be 0); for OCR text, the fields whose true value
the text never spells (the OCR garbled every copy of it: right only by a
guess) are counted, and the share right of the rest; wrong fields are counted with
and without a diagnostic on the field, and right ones that carry a warning
("right but warned": the cost of a warning such as ``HDR_NAME_UNCERTAIN``):

* generated PDFs (``tests/generator.render_pdf``, the title in 18 pt type
  over the full width, so long titles wrap), seeds ``--start`` on: these
  seeds were never used for tuning;
* whole-page tesseract text of generated reports (``bench/make_ocr.py``),
  each set reported apart: ``bench/ocr`` (seeds 0-79) and ``bench/ocr-heldout``
  (100-139), whose bodies never name the issuer (so no issuer repair is
  possible there); ``bench/ocr-signed`` (400-439, ``--signed``: the overview
  opens with the issuer's name and a signature ends the report), the set the
  header repairs were tuned on; ``bench/ocr-signed-heldout`` (500-539,
  ``--signed --look template``), made after the code and not looked at
  before it was measured.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import reportparse  # noqa: E402
from reportparse.grammar import load_grammars  # noqa: E402
from reportparse.normalise import normalise  # noqa: E402

from generator import make_report, render_pdf  # noqa: E402

FIELDS = ("title", "year", "issuer", "doc_number")


def truth_of(gen) -> dict[str, object]:
    return {"title": gen.title, "year": gen.year, "issuer": gen.issuer, "doc_number": gen.doc_number}


def _spelled(text: str, want: object) -> bool:
    """Whether the input spells the true value anywhere (spaces and line
    breaks aside): a field it never spells right can be right only by a guess."""
    return isinstance(want, int) or "".join(str(want).split()) in text


def score(report, truth: dict[str, object], tally: dict, silent: list[str], name: str, text: str | None = None) -> None:
    named = {d.path for d in report.diagnostics if d.path}
    flat = "".join(normalise(text, load_grammars()).text.split()) if text is not None else None
    warned = {d.path for d in report.diagnostics if d.path and d.severity != "info"}
    for f in FIELDS:
        want = truth[f]
        if want is None:  # not printed in this input
            continue
        fld = getattr(report.header, f)
        got = fld.value
        t = tally.setdefault(f, [0, 0, 0])
        t[0 if got == want else 2 if got is None else 1] += 1
        if flat is not None:
            k = tally.setdefault("_spelled" if _spelled(flat, want) else "_unspelled", [0, 0])
            k[0] += got == want
            k[1] += 1
        if got == want and f"header.{f}" in warned:
            tally.setdefault("_doubted", []).append(f"{name}: {f} {got!r} right, with a warning")
        if got is not None and isinstance(got, str) and fld.raw is not None:
            printed = normalise(fld.raw, load_grammars()).text
            printed = "".join(printed.split())
            if got not in printed and f"header.{f}" not in named:
                silent.append(f"{name}: {f} {fld.raw!r} -> {got!r}")
        if got != want and got is not None:
            silent_or_not = "" if f"header.{f}" in named else " (no diagnostic)"
            tally.setdefault("_wrong", []).append(f"{name}: {f} {got!r} for {want!r}{silent_or_not}")


def show(label: str, tally: dict, silent: list[str]) -> None:
    right = sum(v[0] for k, v in tally.items() if k in FIELDS)
    total = sum(sum(v) for k, v in tally.items() if k in FIELDS)
    per = "  ".join(f"{f} {tally[f][0]}/{sum(tally[f])}" for f in FIELDS if f in tally)
    print(f"{label:<34} fields right {right}/{total} = {100 * right / max(total, 1):6.2f}%   {per}   "
          f"wrong {sum(v[1] for k, v in tally.items() if k in FIELDS)} (of them without a diagnostic on the field "
          f"{sum(1 for w in tally.get('_wrong', []) if w.endswith('(no diagnostic)'))})   right but warned "
          f"{len(tally.get('_doubted', []))}   changed silently {len(silent)}")
    if "_spelled" in tally:
        (r1, n1), (r2, n2) = tally["_spelled"], tally.get("_unspelled", [0, 0])
        print(f"{'':<34} of them spelled right somewhere in the text: right {r1}/{n1} = {100 * r1 / max(n1, 1):6.2f}%;"
              f"   never spelled right (every copy garbled or cut): right {r2}/{n2} (repaired)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdfs", type=int, default=40)
    ap.add_argument("--start", type=int, default=7000)
    ap.add_argument("--ocr-dirs", nargs="*", default=[str(ROOT / f"bench/{d}") for d in ("ocr", "ocr-heldout", "ocr-signed", "ocr-signed-heldout")])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong field, and every right one with a warning")
    args = ap.parse_args()
    tally: dict = {}
    silent: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.start, args.start + args.pdfs):
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
            pdf = Path(tmp) / f"{seed}.pdf"
            render_pdf(gen, pdf, look=("simple", "template")[seed // 2 % 2])
            truth = truth_of(gen) | {"doc_number": None}  # the PDF prints no 版头
            score(reportparse.parse_file(pdf), truth, tally, silent, f"pdf {seed}")
    if args.pdfs:
        show(f"generated PDFs (seeds {args.start}-{args.start + args.pdfs - 1})", tally, silent)
    wrong = tally.get("_wrong", []) + tally.get("_doubted", [])
    for d in args.ocr_dirs:
        t2: dict = {}
        s2: list[str] = []
        for txt in sorted(p for p in Path(d).glob("[0-9]*.txt") if p.stem.isdigit()):
            seed = int(txt.stem)
            gen = make_report(seed, ("ogi-2021", "ogi-2019")[seed % 2], "tab")
            truth = truth_of(gen) | {"doc_number": None}
            text = txt.read_text(encoding="utf-8")
            score(reportparse.parse_text(text), truth, t2, s2, f"{Path(d).name}/{txt.name}", text)
        show(f"whole-page OCR {Path(d).name}", t2, s2)
        wrong += t2.get("_wrong", []) + t2.get("_doubted", [])
        silent += s2
    if args.verbose:
        for w in wrong + silent:
            print("  ", w)


if __name__ == "__main__":
    main()
