"""Time and memory on very large text inputs (the sample report repeated).

    python bench/big_input.py [--sizes 5 20 50]

Each size runs in a fresh process: the parse time, and the peak resident
memory the parse added over the process after import and grammar load, as a
multiple of the input's size in bytes (target: at most 5x), and the time per
MB (linear time: about the same at every size).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus/000_c93a36ffeb13c002.txt"

CHILD = r"""
import json, resource, sys, time
import reportparse
from reportparse.grammar import load_grammars
load_grammars()
text = open(sys.argv[1], encoding="utf-8").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
t0 = time.perf_counter()
reportparse.parse_text(text, reportparse.ParseOptions(max_bytes=1 << 40))
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "added": peak - base}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 50], help="input sizes in MB")
    args = ap.parse_args()
    sample = SAMPLE.read_text(encoding="utf-8") + "\n"
    print(f"{'size':>8}{'seconds':>10}{'s/MB':>8}{'added RSS':>12}{'x input':>9}")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes:
            text = sample * (mb * 1_000_000 // len(sample.encode("utf-8")) + 1)
            path = Path(tmp) / f"{mb}.txt"
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size
            run = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
            r = json.loads(run.stdout)
            print(f"{size / 1e6:>6.1f}MB{r['seconds']:>10.2f}{r['seconds'] / (size / 1e6):>8.2f}"
                  f"{r['added'] / 1e6:>10.0f}MB{r['added'] / size:>9.1f}")


if __name__ == "__main__":
    main()
