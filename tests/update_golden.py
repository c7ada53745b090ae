"""Regenerate the full-tree snapshot of the sample after a deliberate change.

    python tests/update_golden.py

Review the diff (git diff tests/golden) before committing: the snapshot is a
regression guard, the hand-checked values live in *.expected.json.
"""

import json
from pathlib import Path

import reportparse

ROOT = Path(__file__).resolve().parent.parent
report = reportparse.parse_file(ROOT / "corpus/000_c93a36ffeb13c002.txt")
tree = report.to_dict()
tree["source"]["path"] = "corpus/000_c93a36ffeb13c002.txt"
out = ROOT / "tests/golden/000_c93a36ffeb13c002.tree.json"
out.write_text(json.dumps(tree, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {out}")
