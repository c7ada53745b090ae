"""Random consistent reports of the ogi-2021 and ogi-2019 templates, rendered
as text in the layouts seen in real reports, plus a noise model.

Used by the property tests and by ``bench/accuracy.py``; not part of the package.
``make_report(seed, template, layout)`` returns ``(text, truth)`` where ``truth``
maps every contract flat key of the template's tables to its value.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import reportparse  # noqa: F401  (grammars are loaded through the package)
from reportparse.grammar import TableGrammar, Template, load_grammars

LAYOUTS = ("tab", "lines", "layout", "pipes", "runtogether", "markdown")
# PDF-to-Markdown converter output with the label column detached from the values
# (not in LAYOUTS, whose seeds and figures the benches keep stable)
CONVERTER = "converter"
PLACES = ["柱濮镇", "南岗区", "洪泽区", "淮安市", "平潭综合实验区", "兰溪市商务局", "青浦区", "雄县"]


@dataclass
class Generated:
    text: str
    truth: dict[str, int | float | None]
    template: str
    layout: str
    issuer: str
    year: int
    title: str = ""
    doc_number: str | None = None  # as printed in the 版头, when there is one


def _grid(t: TableGrammar, rng: random.Random, big: bool) -> dict[tuple[str, str], int | float]:
    values: dict[tuple[str, str], int | float] = {}
    if t.key == "applications":
        six = [c for c in t.columns if c != "total"]
        leaves = [r.id for r in t.rows if r.id.startswith("result.") and r.id != "result.total" and not r.optional]
        for c in six:
            scale = (300 if c == "natural_person" else 20) if big else 3
            for rid in leaves:
                values[(rid, c)] = rng.choice([0, 0, 0, rng.randint(0, scale)])
            total = sum(values[(rid, c)] for rid in leaves)
            values[("result.total", c)] = total
            fwd = rng.choice([0, rng.randint(0, max(1, total // 3 + 1))])
            carried = rng.randint(0, total + fwd)
            values[("carried_forward", c)] = fwd
            values[("carried_over", c)] = carried
            values[("new", c)] = total + fwd - carried
        for r in t.rows:
            if not r.optional:
                values[(r.id, "total")] = sum(values[(r.id, c)] for c in six)
    elif t.key == "appeals":
        for r in t.rows:
            parts = [rng.choice([0, 0, rng.randint(0, 60 if big else 3)]) for _ in range(4)]
            for c, v in zip(["upheld", "corrected", "other", "pending"], parts, strict=True):
                values[(r.id, c)] = v
            values[(r.id, "total")] = sum(parts)
    else:
        for r in t.rows:
            if r.optional:
                continue
            for c in r.columns:
                col = t.columns[c]
                if col.decimal:
                    values[(r.id, c)] = round(rng.uniform(0, 9000), 2) if rng.random() < 0.7 else 0
                elif col.signed:
                    values[(r.id, c)] = rng.randint(-20, 40)
                else:
                    values[(r.id, c)] = rng.choice([0, rng.randint(0, 5000 if big else 30)])
    return values


def _fmt(v: int | float | str) -> str:
    if isinstance(v, str):  # a cell as printed (value noise applied)
        return v
    if isinstance(v, float):
        return f"{v:.2f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))
    return str(v)


def _md(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _render_markdown(t: TableGrammar, values: dict) -> list[str]:
    """As PDF-to-Markdown converters write the tables: pipe tables with a
    separator row; 二 one table per 第二十条 item under a ### heading; 三 one
    table, group labels in a cell of their own; 四 one table per group, each
    under its own ### heading."""
    out: list[str] = []
    if t.key == "appeals":
        heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        for r, title in zip(t.rows, ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"], strict=True):
            out += ["", f"### {title}", _md(heads), _md(["---"] * 5), _md([_fmt(values[(r.id, c)]) for c in r.columns])]
        return out
    if t.key == "applications":
        out += ["", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "",
                _md(["", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]), _md(["---"] * 9)]
        groups = {"result.disclosed": "三、本年度办理结果", "result.withheld.state_secret": "（三）不予公开",
                  "result.unavailable.not_held": "（四）无法提供", "result.not_processed.petition": "（五）不予处理",
                  "result.other.no_correction": "（六）其他处理"}
        for r in t.rows:
            if not r.optional:
                out.append(_md([groups.get(r.id, ""), r.label] + [_fmt(values[(r.id, c)]) for c in r.columns]))
        return out
    captions = {"rules": "第二十条第（一）项", "licensing": "第二十条第（五）项", "penalty": "第二十条第（六）项",
                "fees": "第二十条第（八）项", "procurement": "第二十条第（九）项"}
    for r in t.rows:
        if r.optional:
            continue
        if r.id in captions:
            heads = ["信息内容"] + [t.columns[c].labels[0] for c in r.columns]
            out += ["", f"### {captions[r.id]}", _md(heads), _md(["---"] * len(heads))]
        out.append(_md([r.label] + [_fmt(values[(r.id, c)]) for c in r.columns]))
    return out


_ROW_GROUPS = {"result.disclosed": "三、本年度办理结果", "result.withheld.state_secret": "（三）不予公开",
           "result.unavailable.not_held": "（四）无法提供", "result.not_processed.petition": "（五）不予处理",
           "result.other.no_correction": "（六）其他处理"}
_CAPTIONS = {"rules": "第二十条第（一）项", "licensing": "第二十条第（五）项", "penalty": "第二十条第（六）项",
             "fees": "第二十条第（八）项", "procurement": "第二十条第（九）项"}


def _placeholder_head(n: int, rng: random.Random) -> list[str]:
    """The header row a converter writes when it cannot read the table's: placeholders, blanks or one merged label."""
    style = rng.choice(["Column", "列", "", "merged"])
    cells = ([f"{style}{i + 1}" for i in range(n)] if style in ("Column", "列")
             else ["申请人情况"] + [""] * (n - 1) if style == "merged" else [""] * n)
    return [_md(cells), _md(["---"] * n)]


def _render_converter(t: TableGrammar, values: dict, rng: random.Random) -> list[str]:
    """As some PDF-to-Markdown converters write the tables: the label column
    as loose text lines, then the values as bare pipe rows in template order
    under a placeholder header; table 四 as one row of 15 values (taken for
    the header row) or three rows of five; at most one row of 三 one cell short.
    (The sections: 总体情况 unnumbered and the rest renumbered from 一, or, in
    three reports of ten, no numbers at all: ``make_report``.)"""
    out: list[str] = []
    if t.key == "appeals":
        out += ["", "行政复议", "行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计", "未经复议直接起诉 复议后起诉", ""]
        cells = [_fmt(values[(r.id, c)]) for r in t.rows for c in r.columns]
        if rng.random() < 0.5:
            return out + [_md(cells), _md(["---"] * len(cells))]
        return out + _placeholder_head(5, rng) + [_md(cells[i:i + 5]) for i in range(0, len(cells), 5)]
    if t.key == "applications":
        out += ["", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
                "法人或其他组织", "商业企业 科研机构 社会公益组织 法律服务机构 其他", "总计"]
        printed = []
        for r in t.rows:
            if r.id in _ROW_GROUPS and _ROW_GROUPS[r.id] != out[-1]:  # (（六）其他处理 may be a row of its own)
                out.append(_ROW_GROUPS[r.id])
            out.append(r.label)
            if not r.optional:
                printed.append([_fmt(values[(r.id, c)]) for c in r.columns])
        if rng.random() < 0.5:
            row = rng.choice(printed)
            del row[rng.randrange(len(row))]
        return out + [""] + _placeholder_head(len(t.columns), rng) + [_md(row) for row in printed]
    rows = [r for r in t.rows if not r.optional]
    for i, r in enumerate(rows):
        if r.id in _CAPTIONS or i == 0:
            band = [r]
            for nxt in rows[i + 1:]:
                if nxt.id in _CAPTIONS:
                    break
                band.append(nxt)
            heads = [t.columns[c].labels[0] for c in r.columns]
            out += ["", _CAPTIONS.get(r.id, ""), "信息内容 " + " ".join(heads)] + [b.label for b in band] + [""]
            out += _placeholder_head(len(r.columns), rng)
            out += [_md([_fmt(values[(b.id, c)]) for c in b.columns]) for b in band]
    return out


def _render_table(t: TableGrammar, values: dict, layout: str, rng: random.Random) -> list[str]:
    if layout == "markdown":
        return _render_markdown(t, values)
    if layout == "converter":
        return _render_converter(t, values, rng)
    out: list[str] = []
    sep = {"tab": "\t", "pipes": " | ", "layout": "    "}.get(layout, "\t")
    if t.key == "appeals":
        header = [["行政复议", "", "", "", "", "行政诉讼"],
                  ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
                  ["", "", "", "", ""] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
        cells = [_fmt(values[(r.id, c)]) for r in t.rows for c in t.row(r.id).columns]
        if layout == "lines":
            out += [h for row in header for h in row if h] + [c for c in cells if c]
        elif layout == "runtogether":
            out.append("".join(h for row in header for h in row) + "".join(cells))
        else:
            out += [sep.join(row) if layout == "tab" else sep.join(h for h in row if h) for row in header]
            out.append(sep.join(cells))
        return out
    if t.key == "applications":
        out.append("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" + ("\t申请人情况" if layout == "tab" else ""))
        heads = ["自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
        out += heads if layout == "lines" else [sep.join(heads[:3]), sep.join(heads[3:])]
    groups = {"result.withheld.state_secret": "（三）不予公开", "result.unavailable.not_held": "（四）无法提供",
              "result.not_processed.petition": "（五）不予处理", "result.other.no_correction": "（六）其他处理"}
    captions = {"rules": "第二十条第（一）项", "licensing": "第二十条第（五）项", "penalty": "第二十条第（六）项",
                "fees": "第二十条第（八）项", "procurement": "第二十条第（九）项"}
    run: list[str] = []
    for r in t.rows:
        if r.optional:
            continue
        cells = [_fmt(values[(r.id, c)]) for c in r.columns]
        label = r.label
        own = len(label)  # wraps happen inside the row's own label cell
        if r.id in captions:
            heads = ["信息内容"] + [t.columns[c].labels[0] for c in r.columns]
            if layout == "runtogether":
                run.append(captions[r.id] + "".join(heads))
            elif layout == "lines":
                out += [captions[r.id]] + heads
            else:
                out += [captions[r.id], sep.join(heads)]
        if r.id == "result.disclosed":
            label = "三、本年度办理结果" + ("\t" if layout == "tab" else "") + label
        if r.id in groups:
            label = groups[r.id] + ("\t" if layout == "tab" else "") + label
        if layout == "runtogether":
            run.append(label + "".join(cells))
        elif layout == "lines":
            if own > 14 and rng.random() < 0.5:  # a label wrapped over two lines
                cut = len(label) - own + _cut(label[len(label) - own:], rng)
                out += [label[:cut], label[cut:]]
            else:
                out.append(label)
            out += [c for c in cells if c]  # an empty cell prints no line
        elif layout == "layout" and own > 16 and rng.random() < 0.5:
            cut = len(label) - own + _cut(label[len(label) - own:], rng)  # values on the middle line of a wrapped label
            out += [label[:cut], "        " + sep.join(cells), label[cut:]]
        else:
            out.append(sep.join([label] + cells))
    if run:
        out.append("".join(run))
    return out


def _cut(label: str, rng: random.Random) -> int:
    """Where a wrapped label breaks: between two Han characters, as typesetting does."""
    spots = [i for i in range(4, len(label) - 3) if _is_han(label[i - 1]) and _is_han(label[i])]
    return rng.choice(spots) if spots else len(label) // 2


@dataclass(frozen=True)
class CellNoise:
    """Value noise applied to each cell as it is printed, so it reaches every
    layout alike (a dropped cell prints as nothing: an empty tab or pipe field,
    extra spaces, no line in one-cell-per-line text, no digits in run-together
    text). ``ocr``: a 1 or 0 printed as an OCR look-alike (工 l, O o);
    ``drop``: the cell printed empty; ``misread``: a multi-digit value printed
    without its last digit, only in ``misread_tables`` (table 二 has no rule
    that could catch it)."""

    seed: int
    ocr: float = 0.0
    drop: float = 0.0
    misread: float = 0.0
    misread_tables: tuple[str, ...] = field(default=("applications", "appeals"))

    def printed(self, table: str, values: dict) -> dict:
        rng = random.Random(f"{self.seed}:{table}")
        out = {}
        for ref, v in values.items():
            cell = _fmt(v)
            r = rng.random()
            if r < self.ocr and cell in ("1", "0"):
                cell = rng.choice(["工", "l"]) if cell == "1" else rng.choice(["O", "o"])
            elif r < self.ocr + self.drop:
                cell = ""
            elif r < self.ocr + self.drop + self.misread and table in self.misread_tables and cell.isdigit() and len(cell) > 1:
                cell = cell[:-1]
            out[ref] = cell
        return out


def make_report(seed: int, template: str = "ogi-2021", layout: str = "tab", big: bool | None = None,
                header: bool | None = None, noise: CellNoise | None = None) -> Generated:
    """A consistent report printed in ``layout``; ``noise``: value noise on its cells."""
    rng = random.Random(seed)
    g = load_grammars()
    tpl: Template = g.templates[template]
    year = rng.randint(2021, 2025) if template == "ogi-2021" else rng.choice([2019, 2020])
    place = rng.choice(PLACES)
    issuer = place if place.endswith(("局", "区")) and "商务" in place else f"{place}人民政府"
    big = rng.random() < 0.5 if big is None else big
    header = rng.random() < 0.5 if header is None else header
    lines: list[str] = []
    doc_number = None
    if header:
        doc_number = f"{place[0]}政发〔{year + 1}〕{rng.randint(1, 40)}号"
        lines += [f"{issuer}文件", "", doc_number, ""]
    title = f"{issuer}{year}年政府信息公开工作年度报告"
    lines += [title, "",
              f"本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"]
    truth: dict[str, int | float | None] = {}
    bodies = {"overview": ["（一）主动公开", "全年主动公开政府信息若干条。", "（二）依申请公开", "依法办理政府信息公开申请。"],
              "problems": ["（一）存在问题", "1.政策解读形式不够丰富。", "2.公开质量有待提高。", "（二）改进措施", "1.加强培训。"],
              "other": ["本年度未收取信息处理费。"]}
    numbered = random.Random(f"{seed}:headings").random() >= 0.3  # (its own stream: the values stay as they were)
    for sec in tpl.sections:
        if layout == "converter":  # 总体情况 unnumbered, the sections after it renumbered from 一, or no numbers at all
            lines += ["", "## " + (f"{'一二三四五'[sec.number - 2]}、" if sec.number > 1 and numbered else "") + sec.titles[0]]
        else:
            lines += ["", ("## " if layout == "markdown" else "") + f"{'一二三四五六'[sec.number - 1]}、{sec.titles[0]}"]
        lines += bodies.get(sec.key, [])
        for tkey in sec.tables:
            tg = tpl.tables[tkey]
            values = _grid(tg, rng, big)
            for (rid, cid), v in values.items():
                truth[f"{tkey}.{rid}.{cid}"] = v
            lines += _render_table(tg, noise.printed(tkey, values) if noise else values, layout, rng)
    if header:
        lines += ["", f"{issuer}", f"{year + 1}年1月{rng.randint(1, 28)}日", "", "（此件公开发布）",
                  "抄送：各部门", f"{place}办公室    {year + 1}年1月{rng.randint(1, 28)}日印发"]
    return Generated("\n".join(lines) + "\n", truth, template, layout, issuer, year, title, doc_number)


# ---- noise model -------------------------------------------------------------

SECTION_SPANS = {"proactive": ("二、主动公开", "三、收到和处理"), "applications": ("三、收到和处理", "四、政府信息公开行政复议"),
                 "appeals": ("四、政府信息公开行政复议", "五、")}


def with_second_print(text: str, other: str, key: str, before: bool) -> str:
    """``text`` with the table ``key`` of ``other`` (another generated report)
    printed in the same section, under a sub-heading, before or after the
    report's own: a department's or last year's table beside the body's."""
    first, nxt = SECTION_SPANS[key]
    a = text.index(first)
    o = other.index(first)
    body = other[o:other.index(nxt, o)].split("\n", 1)[1]
    if before:
        head = text.index("\n", a) + 1
        return text[:head] + body + "\n（二）本机关情况\n" + text[head:]
    b = text.index(nxt, a)
    return text[:b] + "\n（二）县直部门情况\n" + body + text[b:]


_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_BRACKETS = [("（", "("), ("）", ")"), ("〔", "【"), ("〕", "]")]


def separated(value: object, spaced: bool) -> object:
    """``value`` as a report printing thousands separators writes it: a
    number of 1000 or more as ``4,554`` or ``7,730.28`` (``spaced``: ``4,
    554``, as OCR and some producers print it); any other value as it is
    (added at stop 65, for the benches' ``--thousands``)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 1000:
        return value
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return text.replace(",", ", ") if spaced else text


def page_damages(text: str) -> list[tuple[str, int, str]]:
    """``text`` (pages apart by form feeds; one after the last page is no page)
    with one page dropped, one printed twice, or two side by side swapped, every
    such way: (``page dropped`` / ``page twice`` / ``pages swapped``, the page's
    index, the damaged text) — a download cut short, scans stitched, a feeder's swap."""
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    out = []
    for k in range(len(pages)):
        out.append(("page dropped", k, "\f".join(pages[:k] + pages[k + 1:])))
        out.append(("page twice", k, "\f".join(pages[:k + 1] + pages[k:])))
        if k + 1 < len(pages):
            out.append(("pages swapped", k, "\f".join(pages[:k] + [pages[k + 1], pages[k]] + pages[k + 2:])))
    return out


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def add_noise(text: str, seed: int, *, spaces: float = 0.05, breaks: float = 0.02, widths: float = 0.05,
              ocr: float = 0.02, drop: float = 0.0, furniture: bool = True, misread: float = 0.0,
              misread_tables: tuple[str, ...] = ("proactive", "applications", "appeals")) -> str:
    """Noise seen in real inputs. ``drop`` blanks value cells, ``misread`` drops the
    last digit of a multi-digit value (a wrong reading). Table 二 has no arithmetic,
    so a misread there cannot be caught by any rule: ``misread_tables`` limits it."""
    rng = random.Random(seed)
    out_lines = []
    for line in text.split("\n"):
        chars = list(line)
        buf: list[str] = []
        for i, ch in enumerate(chars):
            buf.append(ch)
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if _is_han(ch) and _is_han(nxt):
                r = rng.random()
                if r < spaces:
                    buf.append(" ")
                elif r < spaces + breaks and "\t" not in line and not line.startswith("|") and len(line) > 16 and i >= 10:
                    buf.append("\n")  # a long line wrapped, as PDF text extraction does (not a cell row, nor a Markdown one)
        line = "".join(buf)
        if rng.random() < widths:
            line = line.translate(_FULL)
        for a, b in _BRACKETS:
            if a in line and rng.random() < widths * 4:
                line = line.replace(a, b)
        out_lines.append(line)
    text = "\n".join(out_lines)
    if ocr or drop or misread:
        text = _noise_values(text, rng, ocr, drop, misread, misread_tables)
    if furniture:
        lines = text.split("\n")
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(1, max(1, len(lines) - 1))
            lines.insert(at, f"\f- {rng.randint(1, 9)} -")
        text = "\n".join(lines)
    return text


_TABLE_OF = {"二、": "proactive", "三、收到": "applications", "四、政府": "appeals", "五、": None}


def _noise_values(text: str, rng: random.Random, ocr: float, drop: float, misread: float,
                  misread_tables: tuple[str, ...]) -> str:
    out = []
    table = None
    for line in text.split("\n"):
        for head, key in _TABLE_OF.items():
            if line.startswith(head):
                table = key
        mis = misread if table in misread_tables else 0.0
        md = line.startswith("| ") and line.endswith(" |") and "---" not in line
        if "\t" in line or md:
            cells = line[2:-2].split(" | ") if md else line.split("\t")
            for i, cell in enumerate(cells):
                if not cell.isdigit():
                    continue
                r = rng.random()
                if r < ocr and cell in ("1", "0"):
                    cells[i] = rng.choice(["工", "l"]) if cell == "1" else rng.choice(["O", "o"])
                elif r < ocr + drop:
                    cells[i] = ""
                elif r < ocr + drop + mis and len(cell) > 1:
                    cells[i] = cell[:-1]
            line = _md(cells) if md else "\t".join(cells)
        out.append(line)
    return "\n".join(out)


def _values_by_table(gen: Generated) -> dict[str, dict[tuple[str, str], int | float]]:
    values: dict[str, dict[tuple[str, str], int | float]] = {}
    for key, v in gen.truth.items():
        tkey, rest = key.split(".", 1)
        rid, cid = rest.rsplit(".", 1)
        values.setdefault(tkey, {})[(rid, cid)] = v  # type: ignore[assignment]
    return values


def scan_pdf(src, out, dpi: int = 300, first: int | None = None, last: int | None = None, angle: float = 0.0,
             paper: int = 255, ink: int = 0, jpeg: int | None = None, speckle: float = 0.0):
    """An image-only PDF of ``src``, as a scanner makes it: its pages (or
    ``first``..``last``) rasterised at ``dpi`` by pdftoppm, one image per A4
    page, turned ``angle`` degrees (a page fed in askew); ``paper`` and
    ``ink``: the grey levels white and black come out as (a grey or faded
    scan); ``jpeg``: the page stored as a JPEG of that quality, as most
    scanners store it (else losslessly); ``speckle``: that share of the
    pixels turned black or white at random (dust, a photocopy's grain)."""
    import subprocess
    from pathlib import Path

    from reportlab.pdfgen import canvas

    out = Path(out)
    args = ["pdftoppm", "-r", str(dpi), "-gray", "-png"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    subprocess.run([*args, str(src), str(out.parent / "scan-page")], check=True)
    c = canvas.Canvas(str(out))
    for png in sorted(out.parent.glob("scan-page-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
        if (paper, ink) != (255, 0) or jpeg or speckle:
            import random

            from PIL import Image

            page = Image.open(png).point(lambda v: ink + v * (paper - ink) // 255)
            if speckle:
                rng, px = random.Random(png.name), page.load()
                for _ in range(int(page.width * page.height * speckle)):
                    px[rng.randrange(page.width), rng.randrange(page.height)] = rng.choice((ink, paper))
            png.unlink()
            png = png.with_suffix(".jpg" if jpeg else ".png")
            page.save(png, quality=jpeg) if jpeg else page.save(png)
        c.setPageSize((595, 842))
        c.saveState()
        c.translate(297.5, 421)
        c.rotate(angle)
        c.drawImage(str(png), -297.5, -421, width=595, height=842)
        c.restoreState()
        c.showPage()
        png.unlink()
    c.save()
    return out


def searchable_scan(src, out, dpi: int = 300):
    """What ocrmypdf or Acrobat's "recognise text" make of a scan: ``src``'s
    pages rasterised at ``dpi`` with tesseract's whole-page OCR (chi_sim)
    laid over them as invisible text (tesseract's own PDF output: text
    render mode 3)."""
    import subprocess
    from pathlib import Path

    out = Path(out)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src), str(out.parent / "ocr-page")], check=True)
    pages = sorted(out.parent.glob("ocr-page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    listing = out.parent / "ocr-pages.txt"
    listing.write_text("\n".join(map(str, pages)) + "\n", encoding="utf-8")
    subprocess.run(["tesseract", str(listing), str(out.with_suffix("")), "-l", "chi_sim", "pdf"], check=True, capture_output=True)
    for f in [*pages, listing]:
        f.unlink()
    return out


def render_pdf(gen: Generated, path, ruled: bool | str = True, split_table: bool = False, font_size: float = 9,
               look: str = "simple", signed: bool = False, overprint: float = 0.0, times: int = 2) -> None:
    """The report as a PDF (reportlab, built-in CID font STSong-Light) with
    ruled tables and merged cells like the official template; ``ruled=False``
    draws the tables without lines (whitespace-aligned), ``"rows"`` with the
    frame and the lines between rows only, ``"columns"`` the frame and the
    lines between columns only (tables whose other lines were never drawn),
    ``"threeline"`` a line above the table, one under its first row and one
    below it (三线表);
    ``split_table`` pushes
    table 三 to the bottom of a page so that it continues on the next one.

    ``look="simple"``: tables 二 and 三 drawn as one label column and value
    columns (the label column is narrow, so long labels wrap). ``"template"``:
    drawn as the State Council template and the real PDFs draw them: table 二
    with its 第二十条第（…）项 bands, table 三 with the two-level applicant
    header, the vertical 三、本年度办理结果 and the merged （三）…（六） group
    cells, so that every row label fits on one line or two. ``signed``: the
    overview opens naming the issuer, and the issuer's name and a date sign
    the report at its end (as real reports do: the body spells the issuer twice).
    ``overprint``: the share of the text drawings (a paragraph's line, a
    cell's value) drawn a second time 0.3 pt to the right, as "fake bold"
    (Word, WPS and print drivers emboldening a font with no bold face);
    ``times``: how many times each such drawing is drawn in all, each 0.3 pt
    right of the last."""
    if look not in ("simple", "template"):
        raise ValueError(f"look: simple or template, not {look!r}")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK")
    title = ParagraphStyle("t", parent=body, fontSize=18, leading=26, alignment=1)
    cell = ParagraphStyle("c", parent=body, fontSize=font_size, leading=font_size + 2)
    tpl = load_grammars().templates[gen.template]
    values_by_table = _values_by_table(gen)
    story = [Paragraph(f"{gen.issuer}{gen.year}年政府信息公开工作年度报告", title), Spacer(1, 12),
             Paragraph(f"本报告所列数据的统计期限自{gen.year}年1月1日起至{gen.year}年12月31日止。", body)]
    frame = [("BOX", (0, 0), (-1, -1), 0.6, colors.black)]
    grid = {True: [("GRID", (0, 0), (-1, -1), 0.6, colors.black)], False: [],
            "rows": frame + [("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.black)],  # no line between columns
            "columns": frame + [("LINEAFTER", (0, 0), (-1, -1), 0.6, colors.black)],  # none between rows
            "threeline": [("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                          ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black)]}[ruled]  # 三线表: top, under the head, bottom
    style = TableStyle(grid + [("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                        ("FONTSIZE", (0, 0), (-1, -1), font_size), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    for sec in tpl.sections:
        story += [Spacer(1, 8), Paragraph(f"{'一二三四五六'[sec.number - 1]}、{sec.titles[0]}", body)]
        if signed and sec.number == 1:
            story.append(Paragraph(f"{gen.year}年，{gen.issuer}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。", body))
        if not sec.tables:
            story.append(Paragraph("本年度相关工作稳步推进。", body))
        for tkey in sec.tables:
            tg = tpl.tables[tkey]
            vals = values_by_table[tkey]
            if split_table and tkey == "applications":
                story.append(Spacer(1, 480))
            if tkey == "appeals":
                head = [["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9,
                        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
                        [""] * 5 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
                data = [[Paragraph(x, cell) for x in row] for row in head]
                data.append([_fmt(vals[(r.id, c)]) for r in tg.rows for c in r.columns])
                t = Table(data, colWidths=[32] * 15)
                t.setStyle(style)
                t.setStyle(TableStyle([("SPAN", (0, 0), (4, 0)), ("SPAN", (5, 0), (14, 0)), ("SPAN", (5, 1), (9, 1)),
                                       ("SPAN", (10, 1), (14, 1))] + [("SPAN", (i, 1), (i, 2)) for i in range(5)]))
            elif look == "template":
                t = (_template_applications if tkey == "applications" else _template_proactive)(tg, vals, cell, style)
            else:
                ncols = max(len(r.columns) for r in tg.rows)
                data = []
                if tkey == "applications":
                    data.append([Paragraph("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", cell)]
                                + [Paragraph(t.columns[c].labels[0], cell) for t in [tg] for c in tg.rows[0].columns])
                for r in tg.rows:
                    if r.optional:
                        continue
                    if tkey == "proactive" and r.id in ("rules", "licensing", "penalty", "fees", "procurement"):
                        data.append([Paragraph("信息内容", cell)] + [Paragraph(tg.columns[c].labels[0], cell) for c in r.columns]
                                    + [""] * (ncols - len(r.columns)))
                    data.append([Paragraph(r.label, cell)] + [_fmt(vals[(r.id, c)]) for c in r.columns]
                                + [""] * (ncols - len(r.columns)))
                widths = [150] + [(330 / ncols)] * ncols
                t = Table(data, colWidths=widths, repeatRows=1 if tkey == "applications" else 0)
                t.setStyle(style)
            story.append(t)
    if signed:
        right = ParagraphStyle("r", parent=body, alignment=2)
        story += [Spacer(1, 24), Paragraph(gen.issuer, right), Paragraph(f"{gen.year + 1}年1月{gen.year % 20 + 5}日", right)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, canvasmaker=_overprinting(overprint, gen.issuer, times))


def _overprinting(share: float, seed: str, times: int = 2):
    """A reportlab canvas class drawing a share of its text drawings ``times`` times, each 0.3 pt right of the last."""
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(f"{seed}:overprint")

    class Overprinting(Canvas):
        def drawText(self, text) -> None:  # noqa: N802 (reportlab's name)
            super().drawText(text)
            if share and rng.random() < share:
                for k in range(1, times):
                    self.saveState()
                    self.translate(0.3 * k, 0)
                    super().drawText(text)
                    self.restoreState()

    return Overprinting


_BANDS = {"rules": "（一）", "licensing": "（五）", "penalty": "（六）", "fees": "（八）", "procurement": "（九）"}
_GROUPS = {"withheld": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理", "other": "（六）其他处理"}


def _template_proactive(tg: TableGrammar, vals: dict, cell, style):
    """Table 二 as the template draws it: a 第二十条第（…）项 band over each
    group of rows, then 信息内容 and the group's column labels; a row with
    fewer values than the table has columns spreads its last value."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    ncols = max(len(r.columns) for r in tg.rows)
    data: list[list] = []
    spans = []

    def add(first, rest: list) -> None:  # a row; its last cell spreads over the columns it lacks
        data.append([first] + rest + [""] * (ncols - len(rest)))
        if len(rest) < ncols:
            spans.append(("SPAN", (len(rest), len(data) - 1), (ncols, len(data) - 1)))

    for r in tg.rows:
        if r.optional:
            continue
        if r.id in _BANDS:
            spans.append(("SPAN", (0, len(data)), (ncols, len(data))))
            data.append([Paragraph(f"第二十条第{_BANDS[r.id]}项", cell)] + [""] * ncols)
            add(Paragraph("信息内容", cell), [Paragraph(tg.columns[c].labels[0], cell) for c in r.columns])
        add(Paragraph(r.label, cell), [_fmt(vals[(r.id, c)]) for c in r.columns])
    t = Table(data, colWidths=[120] + [330 / ncols] * ncols)
    t.setStyle(style)
    t.setStyle(TableStyle(spans))
    return t


def _template_applications(tg: TableGrammar, vals: dict, cell, style):
    """Table 三 as the template draws it: three label columns (the vertical
    三、本年度办理结果, the group, the item) under the 勾稽 note, and the
    申请人情况 / 法人或其他组织 header over the seven value columns."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    cols = tg.rows[0].columns
    lab = [Paragraph(tg.columns[c].labels[0], cell) for c in cols]
    data: list[list] = [
        [Paragraph("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", cell), "", "",
         Paragraph("申请人情况", cell)] + [""] * 6,
        ["", "", "", lab[0], Paragraph("法人或其他组织", cell), "", "", "", "", lab[6]],
        [""] * 4 + lab[1:6] + [""],
    ]
    spans = [("SPAN", (0, 0), (2, 2)), ("SPAN", (3, 0), (9, 0)), ("SPAN", (3, 1), (3, 2)),
             ("SPAN", (4, 1), (8, 1)), ("SPAN", (9, 1), (9, 2))]
    rows = [r for r in tg.rows if not r.optional]
    result = [i for i, r in enumerate(rows) if r.id.startswith("result.")]
    first = len(data) + result[0]
    spans.append(("SPAN", (0, first), (0, first + len(result) - 1)))
    groups: dict[str, list[int]] = {}
    for r in rows:
        y = len(data)
        parts = r.id.split(".")
        if not r.id.startswith("result."):
            label = [Paragraph(r.label, cell), "", ""]
            spans.append(("SPAN", (0, y), (2, y)))
        elif len(parts) == 3:
            groups.setdefault(parts[1], []).append(y)
            label = ["", Paragraph(_GROUPS[parts[1]], cell), Paragraph(r.label, cell)]
        else:
            label = ["", Paragraph(r.label, cell), ""]
            spans.append(("SPAN", (1, y), (2, y)))
        if y == first:
            label[0] = Paragraph("<br/>".join("三、本年度办理结果"), cell)
        data.append(label + [_fmt(vals[(r.id, c)]) for c in cols])
    spans += [("SPAN", (1, ys[0]), (1, ys[-1])) for ys in groups.values()]
    t = Table(data, colWidths=[18, 52, 150] + [37] * 7, repeatRows=3)
    t.setStyle(style)
    t.setStyle(TableStyle(spans))
    return t


def turn_pages(src, dest, quarter: int, rotate: int, every: bool = True) -> None:
    """The PDF with its pages' content turned a quarter (90: to the left, 270:
    to the right; 0: not) in their own space, each media box made to fit, and
    ``/Rotate`` set to ``rotate``; on every page, else on every other one
    (pypdfium2, in the dev extra)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pr

    doc = pdfium.PdfDocument(str(src))
    for i in range(len(doc)):
        if not every and i % 2 == 0:
            continue
        page = doc[i]
        x0, y0, x1, y1 = page.get_mediabox()
        w, h = x1 - x0, y1 - y0
        if quarter:
            m = pr.FS_MATRIX(0, 1, -1, 0, h, 0) if quarter == 90 else pr.FS_MATRIX(0, -1, 1, 0, 0, w)
            pr.FPDFPage_TransFormWithClip(page.raw, ctypes.byref(m), None)
            page.set_mediabox(0, 0, h, w)
        page.set_rotation(rotate)
        pr.FPDFPage_GenerateContent(page.raw)
    doc.save(str(dest))
    doc.close()


def render_html(gen: Generated) -> str:
    """The same report as a web page: navigation around it, tables with rowspan/colspan."""
    tpl = load_grammars().templates[gen.template]
    values = _values_by_table(gen)
    out = ['<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head><body>',
           '<div class="nav-menu"><a href="/">首页</a> 政务公开 信息公开年报</div>',
           f"<h1>{gen.issuer}{gen.year}年政府信息公开工作年度报告</h1>",
           f"<p>本报告所列数据的统计期限自{gen.year}年1月1日起至{gen.year}年12月31日止。</p>"]
    for sec in tpl.sections:
        out.append(f"<p>{'一二三四五六'[sec.number - 1]}、{sec.titles[0]}</p>")
        if not sec.tables:
            out.append("<p>本年度相关工作稳步推进。</p>")
        for tkey in sec.tables:
            tg = tpl.tables[tkey]
            vals = values[tkey]
            rows = []
            if tkey == "appeals":
                rows.append('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>')
                rows.append("<tr>" + "".join(f'<td rowspan="2">{h}</td>' for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
                            + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>')
                rows.append("<tr>" + "".join(f"<td>{h}</td>" for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>")
                rows.append("<tr>" + "".join(f"<td>{_fmt(vals[(r.id, c)])}</td>" for r in tg.rows for c in r.columns) + "</tr>")
            elif tkey == "applications":
                rows.append('<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>')
                rows.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
                rows.append("<tr>" + "".join(f"<td>{h}</td>" for h in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")
                leaves = [r for r in tg.rows if not r.optional]
                groups = {"result.withheld.state_secret": ("（三）不予公开", 8), "result.unavailable.not_held": ("（四）无法提供", 3),
                          "result.not_processed.petition": ("（五）不予处理", 5), "result.other.no_correction": ("（六）其他处理", 3)}
                n_result = sum(1 for r in leaves if r.id.startswith("result."))
                in_group = 0
                for r in leaves:
                    cells = "".join(f"<td>{_fmt(vals[(r.id, c)])}</td>" for c in r.columns)
                    lead = ""
                    if r.id == "result.disclosed":
                        lead = f'<td rowspan="{n_result}">三、本年度办理结果</td>'
                    if r.id in groups:
                        name, span = groups[r.id]
                        lead += f'<td rowspan="{span}">{name}</td>'
                        in_group = span
                    if not r.id.startswith("result."):
                        label = f'<td colspan="3">{r.label}</td>'
                    elif in_group > 0:
                        label = f"<td>{r.label}</td>"
                        in_group -= 1
                    else:
                        label = f'<td colspan="2">{r.label}</td>'
                    rows.append(f"<tr>{lead}{label}{cells}</tr>")
            else:
                for r in tg.rows:
                    cells = "".join(f'<td colspan="{3 // len(r.columns)}">{_fmt(vals[(r.id, c)])}</td>' for c in r.columns)
                    rows.append(f"<tr><td>{r.label}</td>{cells}</tr>")
            out.append('<table border="1">' + "".join(rows) + "</table>")
    out.append('<div class="footer">版权所有 网站地图</div></body></html>')
    return "\n".join(out)
