"""Parsing speed for text input: median and p90 ms per report on one core.

    python bench/speed.py [--n 200]

Prints the figures for the bundled real texts and for generated reports of
both templates in every layout, beside a floor measured the same way (NFKC
and one pass of every row label of every template: what any reader of these
tables must do at least); the one-off grammar load; the whole-process start-up
of ``reportparse parse`` against ``python -c pass`` (start-up cache warm, and
off: the first run after an install or a grammar change); and the time to
parse a 5 MB input (bounded: no catastrophic regex backtracking).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import reportparse  # noqa: E402
from reportparse.grammar import load_grammars  # noqa: E402

from generator import LAYOUTS, PLACES, add_noise, make_report  # noqa: E402


def timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - t0) * 1000


def summary(name: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p90 = ms[int(len(ms) * 0.9) - 1] if len(ms) >= 10 else ms[-1]
    print(f"{name:<34} n={len(ms):<4} median {statistics.median(ms):7.2f} ms   p90 {p90:7.2f} ms   max {ms[-1]:7.2f} ms")


def _floor():
    """NFKC, then one search for every row label of every template."""
    import unicodedata

    import regex

    labels = {m for t in load_grammars().templates.values() for tg in t.tables.values() for r in tg.rows for m in r.match}
    pat = regex.compile("|".join(regex.escape(m) for m in sorted(labels, key=len, reverse=True)))

    def run(text: str) -> None:
        sum(1 for _ in pat.finditer(unicodedata.normalize("NFKC", text)))

    return run


def _new_names(texts: list[str]) -> list[str]:
    """The texts with every place name made new (a corpus gives a new issuer each report, so nothing
    kept for one name, in this process or in ``regex``'s cache of patterns, is reused)."""
    import random

    rng = random.Random(20261206)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    out = []
    for t in texts:
        for p in PLACES:
            t = t.replace(p, "".join(rng.choice(han) for _ in range(2)) + p[-1])
        out.append(t)
    return out


def _process_ms(cmd: list[str], env: dict[str, str], n: int) -> float:
    import subprocess

    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=False, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def startup(n: int = 15) -> None:
    """Whole-process time of a one-file parse against the interpreter's own start-up."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # byte code cached, as installed
    cli = [sys.executable, "-m", "reportparse", "parse", str(ROOT / "corpus/000_c93a36ffeb13c002.txt"), "-o", os.devnull]
    _process_ms(cli, env, 2)  # byte code and start-up cache written
    bare = _process_ms([sys.executable, "-c", "pass"], env, n)
    # what any such tool pays before it parses: the regex package and the standard library it needs
    floor = _process_ms([sys.executable, "-c", "import regex, json, argparse, dataclasses, unicodedata"], env, n)
    warm = _process_ms(cli, env, n)
    cold = _process_ms(cli, {**env, "REPORTPARSE_CACHE": "off"}, n)
    print(f"start-up: python -c pass {bare:.0f} ms; reportparse parse (one text) {warm:.0f} ms = {warm / bare:.1f}x "
          f"(start-up cache off: {cold:.0f} ms = {cold / bare:.1f}x); importing regex, json, argparse and "
          f"dataclasses alone {floor:.0f} ms = {floor / bare:.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200, help="generated reports per run")
    args = ap.parse_args()
    t0 = time.perf_counter()
    load_grammars()
    print(f"grammar load (once per process): {(time.perf_counter() - t0) * 1000:.1f} ms")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]
    for t in texts:
        reportparse.parse_text(t)  # warm up
    summary("bundled real texts", [timed(reportparse.parse_text, t) for t in texts for _ in range(5)])
    gen = [add_noise(make_report(i, ("ogi-2021", "ogi-2019")[i % 2], LAYOUTS[i % len(LAYOUTS)]).text, i)
           for i in range(args.n)]
    summary(f"generated + noise ({len(LAYOUTS)} layouts)", [timed(reportparse.parse_text, t) for t in gen])
    summary("generated, a new issuer name each", [timed(reportparse.parse_text, t) for t in _new_names(gen)])
    floor_pass = _floor()
    floor = [timed(floor_pass, t) for t in texts for _ in range(5)]
    summary("floor (NFKC + one pass of labels)", floor)
    real = statistics.median([timed(reportparse.parse_text, t) for t in texts for _ in range(5)])
    print(f"bundled real texts / floor: {real / statistics.median(floor):.1f}x")
    startup()
    # text features: the one-off jieba load, then the extra cost per report
    import subprocess
    load = subprocess.run([sys.executable, "-c",
                           "import time; t=time.perf_counter(); from reportparse.features import tokenizer; tokenizer(); "
                           "print((time.perf_counter()-t)*1000)"], capture_output=True, text=True, check=True)
    print(f"jieba load with the domain dictionary (once per process, cache warm): {float(load.stdout):.0f} ms")
    tf = reportparse.ParseOptions(text_features=True)
    reportparse.parse_text(texts[0], tf)  # load jieba here, outside the timing
    plain = [timed(reportparse.parse_text, t) for t in texts for _ in range(3)]
    feats = [timed(lambda t: (r := reportparse.parse_text(t, tf)) and [s.keywords(10) for s in r.sections], t)
             for t in texts for _ in range(3)]
    summary("bundled texts, text features off", plain)
    summary("bundled texts, figures + keywords", feats)
    print(f"extra cost of text features: {statistics.median(feats) - statistics.median(plain):.1f} ms per report (median)")
    big = (texts[0] + "\n") * (5_000_000 // len(texts[0].encode("utf-8")) + 1)
    big += "（三）不予公开" * 2000 + "\t工\t" * 5000 + "0" * 20000
    size = len(big.encode("utf-8")) / 1e6
    ms = timed(reportparse.parse_text, big)
    print(f"{size:.1f} MB input (sample repeated + adversarial runs): {ms / 1000:.2f} s")


if __name__ == "__main__":
    main()
