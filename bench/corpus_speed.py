"""Corpus throughput and memory: reports/second with 1 and 2 workers on
generated text reports, the scaling ratio, and peak memory (RSS) of the parent
and of a worker, at two corpus sizes to show the parent stays flat.

    python bench/corpus_speed.py [--n 2000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from generator import LAYOUTS, add_noise, make_report  # noqa: E402

CHILD = """
import json, resource, sys, time
from reportparse.corpus import run_corpus
t0 = time.perf_counter()
s = run_corpus([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]), progress=None, warn=None)
dt = time.perf_counter() - t0
print(json.dumps({"seconds": dt, "inputs": s["inputs"],
                  "parent_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def make_inputs(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        gen = make_report(i, ("ogi-2021", "ogi-2019")[i % 2], LAYOUTS[i % len(LAYOUTS)])
        (folder / f"r{i:05d}.txt").write_text(add_noise(gen.text, i), encoding="utf-8")


def run(inputs: Path, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        res = subprocess.run([sys.executable, "-c", CHILD, str(inputs), out, str(jobs)], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    small, big = tmp / "small", tmp / "big"
    make_inputs(big, args.n)
    small.mkdir()
    for p in sorted(big.iterdir())[: args.n // 4]:
        (small / p.name).write_bytes(p.read_bytes())
    results = {}
    for jobs in (1, 2):
        r = run(big, jobs)
        results[jobs] = r
        print(f"{r['inputs']} reports, --jobs {jobs}: {r['inputs'] / r['seconds']:7.1f} reports/s  "
              f"parent peak RSS {r['parent_rss_mb']:.0f} MB  worker peak RSS {r['worker_rss_mb']:.0f} MB")
    print(f"scaling 1 → 2 workers: {results[1]['seconds'] / results[2]['seconds']:.2f}x")
    s = run(small, 2)
    print(f"parent peak RSS with --jobs 2: {s['parent_rss_mb']:.0f} MB at {s['inputs']} reports, "
          f"{results[2]['parent_rss_mb']:.0f} MB at {results[2]['inputs']} reports")


if __name__ == "__main__":
    main()
