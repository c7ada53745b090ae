"""One self-contained HTML page per report (``reportparse show``): every
table value where it came from. A PDF's pages are drawn as images with each
cell's box over them; any other input as its text with each cell's span
marked; the three tables in the template's shape; the diagnostics beside.
No network: images are inline, the style and the few lines of script too."""

from __future__ import annotations

import base64
from html import escape

from .diagnostics import Diagnostic
from .grammar import TableGrammar, load_grammars
from .model import Cell, Report
from .pageimages import PageImage

STATUSES = ("read", "placed", "inferred", "corrected", "conflict", "missing")
STYLE = """
body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#222}
header{padding:12px 20px;border-bottom:1px solid #ccc;background:#fafafa}
h1{font-size:18px;margin:0 0 4px} .meta span{margin-right:14px}
.layout{display:flex;align-items:flex-start} main{flex:1;padding:12px 20px;min-width:0}
aside{width:340px;padding:12px;border-left:1px solid #ccc;position:sticky;top:0;max-height:100vh;overflow:auto;font-size:12px}
aside li{margin-bottom:6px} .sev-error{color:#b00020} .sev-warning{color:#8a5a00} .sev-info{color:#555}
table.tpl{border-collapse:collapse;margin:8px 0 20px;font-size:12px} table.tpl th,table.tpl td{border:1px solid #999;padding:2px 6px}
table.tpl td.v{text-align:right;min-width:3em} table.tpl tr>th:first-child{text-align:left;font-weight:normal} table.tpl td a{color:inherit;text-decoration:none}
.st-read{background:#c8e6c9} .st-placed{background:#fff9c4} .st-inferred{background:#bbdefb} .st-corrected{background:#ffe0b2}
.st-conflict{background:#ffcdd2;outline:2px solid #d50000} .st-missing{background:#e0e0e0}
.legend span{padding:1px 6px;margin-right:6px;border:1px solid #999}
.page{position:relative;margin:0 0 16px;border:1px solid #999} .page img{display:block}
.box{position:absolute;box-sizing:border-box;opacity:.55;border:1px solid #333} .box:hover,.box:focus{opacity:.9;outline:2px solid #000}
.dmark{position:absolute;width:6px;height:6px;background:#b00020;border-radius:3px}
pre.src{white-space:pre-wrap;font:13px/1.6 "Noto Sans Mono CJK SC",monospace;border:1px solid #ccc;padding:8px}
pre.src mark{padding:0 1px}
#tip{position:fixed;display:none;z-index:9;background:#222;color:#fff;padding:6px 8px;font-size:12px;white-space:pre;border-radius:4px;pointer-events:none}
"""
SCRIPT = """
const tip=document.getElementById('tip');
function show(e){const t=e.target.closest('[data-tip]');if(!t)return;tip.textContent=t.dataset.tip;tip.style.display='block';
const r=t.getBoundingClientRect();tip.style.left=Math.min(r.right+6,innerWidth-260)+'px';tip.style.top=Math.max(r.top,0)+'px';}
function hide(e){if(e.target.closest('[data-tip]'))tip.style.display='none';}
document.addEventListener('mouseover',show);document.addEventListener('focusin',show);
document.addEventListener('mouseout',hide);document.addEventListener('focusout',hide);
"""


def _fmt(v: object) -> str:
    if v is None:
        return "—"
    return f"{v:g}" if isinstance(v, float) else str(v)


class _Cells:
    """Every table cell with its key, labels and the rules it is in."""

    def __init__(self, report: Report) -> None:
        self.items: list[tuple[str, Cell, str]] = []  # (key, cell, tooltip)
        for tkey, table in report.tables.items():
            for rid, cols in table.rows.items():
                for cid, cell in cols.items():
                    rules = [f"{r.rule} ({r.scope}): {r.status}" for r in report.rules
                             if r.table == tkey and r.scope in (rid, cid)]
                    tip = "\n".join([f"{tkey}.{rid}.{cid}", f"{table.labels['rows'].get(rid, rid)} · {table.labels['columns'].get(cid, cid)}",
                                     f"value {_fmt(cell.value)}   {cell.status}", f"printed {cell.raw!r}" if cell.raw is not None else "not printed"]
                                    + rules[:6])
                    self.items.append((f"{tkey}.{rid}.{cid}", cell, tip))
        self.by_key = {k: (c, t) for k, c, t in self.items}


def render(report: Report, text: str | None, pages: dict[int, PageImage] | None) -> str:
    """The page: ``text`` is the ingested text the spans point into (None:
    no source view), ``pages`` the rendered PDF pages (None: not a PDF)."""
    cells = _Cells(report)
    h = report.header
    title = h.title.value or (report.source.path or "report")
    meta = [f"issuer {h.issuer.value or '—'}", f"year {h.year.value or '—'}", f"发文字号 {h.doc_number.value or '—'}",
            f"template {report.template}", f"origin {report.source.origin}", f"valid {'yes' if report.valid else 'no'}"]
    meta += [f"{k} {'valid' if t.valid else 'not valid'}" for k, t in report.tables.items()]
    legend = "".join(f'<span class="st-{s}">{s}</span>' for s in STATUSES)
    body = [f'<header><h1>{escape(title)}</h1><div class="meta">{"".join(f"<span>{escape(m)}</span>" for m in meta)}</div>'
            f'<div class="legend">{legend}</div></header><div class="layout"><main>',
            _tables_html(report, cells), '<h2>Sections</h2>', _sections_html(report.sections),
            '<h2>Source</h2>', _source_html(report, cells, text, pages),
            '</main><aside><h2>Diagnostics</h2><ol>', _diagnostics_html(report, cells), '</ol></aside></div>',
            f'<div id="tip"></div><script>{SCRIPT}</script>']
    return (f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<style>{STYLE}</style></head><body>{"".join(body)}</body></html>\n')


def _sections_html(sections: list) -> str:
    """The section tree: each heading, its text folded under it."""
    if not sections:
        return "<p>(no numbered sections were found)</p>"
    items = []
    for sec in sections:
        where = f"line {sec.span.line}" + (f", page {sec.span.page}" if sec.span.page else "")
        text = f"<details><summary>text</summary><p>{escape(sec.text)}</p></details>" if sec.text else ""
        items.append(f'<li><b>{escape(sec.number)}{escape(sec.title)}</b> <small>({escape(sec.key or "not standard")}; '
                     f'{where})</small>{text}{_sections_html(sec.children) if sec.children else ""}</li>')
    return f"<ul>{''.join(items)}</ul>"


def _td(key: str, cells: _Cells) -> str:
    hit = cells.by_key.get(key)
    if hit is None:
        return '<td class="v"></td>'
    cell, tip = hit
    inner = escape(_fmt(cell.value))
    if cell.span is not None:
        inner = f'<a href="#src-{escape(key)}">{inner}</a>'
    return f'<td class="v st-{cell.status}" id="cell-{escape(key)}" data-tip="{escape(tip)}" tabindex="0">{inner}</td>'


def _tables_html(report: Report, cells: _Cells) -> str:
    tpl = load_grammars().templates.get(report.template)
    out = []
    for tkey, table in report.tables.items():
        tg = tpl.tables.get(tkey) if tpl else None
        if tg is None:
            continue
        out.append(f'<h2 id="table-{tkey}">{escape(table.title)}{"" if table.found else " (not found)"}</h2><table class="tpl">')
        out.append(_groups_table(tkey, tg, cells) if tg.layout == "header_groups" else _rows_table(tkey, tg, cells))
        out.append("</table>")
    return "".join(out)


def _rows_table(tkey: str, tg: TableGrammar, cells: _Cells) -> str:
    """Rows down, columns across; a band header wherever the columns change
    (table 二), a merged header over grouped columns (法人或其他组织)."""
    out, prev = [], None
    for r in tg.rows:
        if r.optional and all(cells.by_key.get(f"{tkey}.{r.id}.{c}", (Cell(),))[0].value is None for c in r.columns):
            continue
        if r.columns != prev:
            cols = [tg.columns[c] for c in r.columns]
            if any(c.group for c in cols):
                top, low, i = [], [], 0
                while i < len(cols):
                    j = i
                    while j < len(cols) and cols[j].group and cols[j].group == cols[i].group:
                        j += 1
                    if j > i:
                        top.append(f'<th colspan="{j - i}">{escape(cols[i].group or "")}</th>')
                        low += [f"<th>{escape(c.labels[0])}</th>" for c in cols[i:j]]
                        i = j
                    else:
                        top.append(f'<th rowspan="2">{escape(cols[i].labels[0])}</th>')
                        i += 1
                out.append(f'<tr><th rowspan="2"></th>{"".join(top)}</tr><tr>{"".join(low)}</tr>')
            else:
                out.append("<tr><th></th>" + "".join(f"<th>{escape(c.labels[0])}</th>" for c in cols) + "</tr>")
            prev = r.columns
        out.append(f"<tr><th>{escape(r.label)}</th>" + "".join(_td(f"{tkey}.{r.id}.{c}", cells) for c in r.columns) + "</tr>")
    return "".join(out)


def _groups_table(tkey: str, tg: TableGrammar, cells: _Cells) -> str:
    """Table 四: one row of values under a header of groups (行政复议 | 行政诉讼:
    未经复议直接起诉, 复议后起诉), each over its columns."""
    rows = [r for r in tg.rows if not r.optional]
    parts = [r.label.split("·", 1) for r in rows]
    top, mid, i = [], [], 0
    while i < len(rows):
        j = i
        while j < len(rows) and parts[j][0] == parts[i][0]:
            j += 1
        span = sum(len(r.columns) for r in rows[i:j])
        if len(parts[i]) == 1:
            top.append(f'<th colspan="{span}" rowspan="2">{escape(parts[i][0])}</th>')
        else:
            top.append(f'<th colspan="{span}">{escape(parts[i][0])}</th>')
            mid += [f'<th colspan="{len(r.columns)}">{escape(p[1])}</th>' for r, p in zip(rows[i:j], parts[i:j], strict=True)]
        i = j
    low = "".join(f"<th>{escape(tg.columns[c].labels[0])}</th>" for r in rows for c in r.columns)
    values = "".join(_td(f"{tkey}.{r.id}.{c}", cells) for r in rows for c in r.columns)
    return f'<tr>{"".join(top)}</tr><tr>{"".join(mid)}</tr><tr>{low}</tr><tr>{values}</tr>'


def _source_html(report: Report, cells: _Cells, text: str | None, pages: dict[int, PageImage] | None) -> str:
    if text is None:
        return "<p>(the source text is not available: parse a file to see where each value came from)</p>"
    if pages is None:
        return _text_html(text, report, cells, 0, len(text))
    out, lo = [], 0
    for n, page_text in enumerate(text.split("\f"), 1):  # a PDF's pages: drawn, or as text where one did not render
        hi = lo + len(page_text)
        if n in pages:
            out.append(_page_html(n, pages[n], report, cells))
        else:
            out.append(f'<div id="page-{n}"><p class="sev-warning">page {n} could not be rendered: its text</p>'
                       f'{_text_html(text, report, cells, lo, hi)}</div>')
        lo = hi + 1
    return "".join(out)


def _page_html(n: int, img: PageImage, report: Report, cells: _Cells) -> str:
    s, height_pt = img.scale, img.height / img.scale
    out = [f'<div class="page" id="page-{n}" style="width:{img.width}px;height:{img.height}px">'
           f'<img alt="page {n}" width="{img.width}" height="{img.height}" src="data:{img.mime};base64,{base64.b64encode(img.data).decode()}">']
    for key, cell, tip in cells.items:
        sp = cell.span
        if sp is None or sp.page != n or sp.bbox is None:
            continue
        x0, y0, x1, y1 = sp.bbox
        style = f"left:{x0 * s:.1f}px;top:{(height_pt - y1) * s:.1f}px;width:{max(x1 - x0, 2) * s:.1f}px;height:{max(y1 - y0, 2) * s:.1f}px"
        out.append(f'<a class="box st-{cell.status}" id="src-{escape(key)}" href="#cell-{escape(key)}" tabindex="0" '
                   f'data-key="{escape(key)}" data-status="{cell.status}" style="{style}" data-tip="{escape(tip)}"></a>')
    for i, d in enumerate(report.diagnostics):
        loc = d.location
        if loc is not None and loc.page == n and loc.bbox is not None:
            out.append(f'<a class="dmark" id="d{i}" title="{escape(d.code)}" style="left:{loc.bbox[0] * s:.1f}px;'
                       f'top:{(height_pt - loc.bbox[3]) * s:.1f}px"></a>')
    out.append("</div>")
    return "".join(out)


def _text_html(text: str, report: Report, cells: _Cells, lo: int, hi: int) -> str:
    """``text[lo:hi]`` with each cell's span marked (spans that overlap one already marked are not)."""
    marks = sorted(((c.span.start, min(max(c.span.end, c.span.start), hi), k, c, t) for k, c, t in cells.items
                    if c.span is not None and lo <= c.span.start < hi), key=lambda m: (m[0], m[1]))
    anchors = sorted((d.location.start, i) for i, d in enumerate(report.diagnostics) if d.location is not None and lo <= d.location.start < hi)
    out, pos, ai = ['<pre class="src">'], lo, 0
    for start, end, key, cell, tip in marks:
        if start < pos:
            continue
        while ai < len(anchors) and anchors[ai][0] <= start:
            at = max(anchors[ai][0], pos)
            out += [escape(text[pos:at]), f'<span id="d{anchors[ai][1]}"></span>']
            pos, ai = at, ai + 1
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="st-{cell.status}" id="src-{escape(key)}" data-key="{escape(key)}" data-status="{cell.status}" '
                   f'tabindex="0" data-tip="{escape(tip)}">{escape(text[start:end])}</mark>')
        pos = end
    for at, i in anchors[ai:]:
        at = max(at, pos)
        out += [escape(text[pos:at]), f'<span id="d{i}"></span>']
        pos = at
    out += [escape(text[pos:hi]), "</pre>"]
    return "".join(out)


def show_file(path: str, options=None) -> tuple[str, Report]:
    """Parse a file and build its page; a PDF's pages are rendered (pdftoppm)."""
    from .options import ParseOptions
    from .pipeline import _ingest_file, parse_source

    opts = options or ParseOptions()
    st, src = _ingest_file(path, opts)
    report = parse_source(st, opts, source=src)
    return render_with_pages(report, st.text, path if src.kind == "pdf" else None), report


def render_with_pages(report: Report, text: str | None, pdf: str | None) -> str:
    """The page, a PDF's pages rendered; a page that does not render is shown
    as its text, with a ``VIEW_PAGE_UNRENDERED`` diagnostic."""
    pages, note = rendered_pages(text, pdf)
    if note is not None:
        report.diagnostics.append(note)
    return render(report, text, pages)


def rendered_pages(text: str | None, pdf: str | None) -> tuple[dict[int, PageImage] | None, Diagnostic | None]:
    """A PDF's pages as images (None: not a PDF), rendered once for every
    report of the file, and the diagnostic naming pages that did not render."""
    from .pageimages import render_pages

    if pdf is None:
        return None, None
    pages, error = render_pages(pdf)
    lost = [n for n in range(1, (text or "").count("\f") + 2) if n not in pages]
    if not lost:
        return pages, None
    return pages, Diagnostic("VIEW_PAGE_UNRENDERED", f"page(s) {', '.join(map(str, lost))} could not be "
                             f"rendered ({error or 'no image'}): their text is shown instead")


def _diagnostics_html(report: Report, cells: _Cells) -> str:
    out = []
    for i, d in enumerate(report.diagnostics):
        target = f"#d{i}" if d.location is not None else None
        if d.path and d.path.startswith("tables."):
            key = d.path.removeprefix("tables.")
            target = f"#cell-{key}" if key in cells.by_key else f"#table-{key.split('.')[0]}"
        code = f'<a href="{escape(target)}">{escape(d.code)}</a>' if target else escape(d.code)
        out.append(f'<li class="sev-{d.severity}">{code}: {escape(d.message)}</li>')
    return "".join(out)
