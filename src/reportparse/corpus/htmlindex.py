"""``index.html`` of a corpus run (``reportparse corpus … --html``): one line
per report, sortable, each linking to its own page (``html/…``, written by
the worker), and summary charts as inline SVG. Self-contained."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any

from ..htmlview import STATUSES, STYLE

HTML_DIR = "html"
SORT = """
document.querySelectorAll('th[data-col]').forEach(th=>th.addEventListener('click',()=>{
const tb=th.closest('table').tBodies[0],i=[...th.parentNode.children].indexOf(th),asc=th.dataset.asc!=='1';
[...tb.rows].sort((a,b)=>{const x=a.cells[i].dataset.v??a.cells[i].textContent,y=b.cells[i].dataset.v??b.cells[i].textContent;
const n=parseFloat(x)-parseFloat(y);return (isNaN(n)?x.localeCompare(y,'zh'):n)*(asc?1:-1);}).forEach(r=>tb.appendChild(r));
th.parentNode.querySelectorAll('th').forEach(h=>delete h.dataset.asc);th.dataset.asc=asc?'1':'0';}));
"""


def page_name(path: str) -> str:
    """The file name of one report's page under ``html/``."""
    return hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:24] + ".html"


class Index:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, meta: dict[str, Any], tree_json: str, outdir: Path) -> None:
        flat = meta.get("flat") or {}
        counts: Counter[str] = Counter()
        if meta["status"] != "error":
            for table in json.loads(tree_json).get("tables", {}).values():
                counts.update(c["status"] for cols in table["rows"].values() for c in cols.values())
        page = page_name(meta["path"])
        self.rows.append({"path": meta["path"], "status": meta["status"], "issuer": flat.get("header.issuer"),
                          "year": flat.get("header.year"), "level": flat.get("header.level"),
                          "valid": {k: flat.get(f"{k}.valid") for k in ("proactive", "applications", "appeals")},
                          "counts": counts, "page": page if (outdir / HTML_DIR / page).is_file() else None,
                          "error": meta.get("error")})

    def write(self, target: Path) -> None:
        head = ["report", "issuer", "year", "level", "status", "二 valid", "三 valid", "四 valid", *STATUSES]
        lines = []
        for r in self.rows:
            name = escape(r["path"])
            link = f'<a href="{HTML_DIR}/{r["page"]}">{name}</a>' if r["page"] else name
            valid = "".join(f'<td>{"—" if v is None else "yes" if v else "no"}</td>' for v in r["valid"].values())
            counts = "".join(f'<td data-v="{r["counts"][s]}" class="v">{r["counts"][s]}</td>' for s in STATUSES)
            lines.append(f'<tr><td>{link}</td><td>{escape(str(r["issuer"] or "—"))}</td><td>{r["year"] or "—"}</td>'
                         f'<td>{escape(str(r["level"] or "—"))}</td><td title="{escape(r["error"] or "")}">{r["status"]}</td>{valid}{counts}</tr>')
        charts = [_bars("share valid by year", _share(self.rows, "year")), _bars("share valid by level", _share(self.rows, "level")),
                  _bars("cells by status", {s: float(sum(r["counts"][s] for r in self.rows)) for s in STATUSES}, percent=False)]
        page = (f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>reportparse corpus</title><style>{STYLE}'
                'table.idx{border-collapse:collapse;font-size:12px}table.idx td,table.idx th{border:1px solid #bbb;padding:2px 6px}'
                'th[data-col]{cursor:pointer;background:#eee}.charts{display:flex;gap:24px;flex-wrap:wrap}</style></head><body>'
                f'<header><h1>reportparse corpus: {len(self.rows)} reports</h1></header><main><div class="charts">{"".join(charts)}</div>'
                '<table class="idx"><thead><tr>' + "".join(f'<th data-col="{i}">{escape(h)}</th>' for i, h in enumerate(head))
                + f'</tr></thead><tbody>{"".join(lines)}</tbody></table></main><script>{SORT}</script></body></html>\n')
        target.write_text(page, encoding="utf-8")


def _share(rows: list[dict[str, Any]], key: str) -> dict[str, float]:
    total: Counter[str] = Counter()
    valid: Counter[str] = Counter()
    for r in rows:
        k = str(r[key] or "unknown")
        total[k] += 1
        valid[k] += r["status"] == "ok"
    return {k: valid[k] / total[k] for k in sorted(total)}


def _bars(title: str, values: dict[str, float], percent: bool = True) -> str:
    """A horizontal bar chart as inline SVG."""
    top = max(values.values(), default=0) or 1
    h = 22 * len(values) + 30
    bars = []
    for i, (k, v) in enumerate(values.items()):
        y = 24 + 22 * i
        w = 200 * (v if percent else v / top)
        label = f"{v:.0%}" if percent else f"{v:g}"
        bars.append(f'<text x="0" y="{y + 13}" font-size="12">{escape(k)}</text><rect x="90" y="{y}" width="{w:.1f}" height="16" '
                    f'fill="#4a7bd0"/><text x="{95 + w:.1f}" y="{y + 13}" font-size="12">{label}</text>')
    return f'<svg width="360" height="{h}" role="img" aria-label="{escape(title)}"><text x="0" y="14" font-weight="bold" font-size="13">{escape(title)}</text>{"".join(bars)}</svg>'
