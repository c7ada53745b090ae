"""Make realistic OCR inputs: generated reports → PDF with ruled tables →
page images → tesseract chi_sim text, with the truth beside each.

    python bench/make_ocr.py --n 50 --out bench/ocr

Needs reportlab (dev/bench only; its built-in CID font STSong-Light, so no
font download), poppler's pdftoppm and tesseract with chi_sim
(Debian: tesseract-ocr tesseract-ocr-chi-sim poppler-utils).
Writes ``NNN.txt`` (the OCR text) and ``NNN.truth.json`` (template, layout,
truth of every table cell).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from reportparse.grammar import load_grammars  # noqa: E402

from generator import _fmt, make_report  # noqa: E402


def _pdf(gen, values_by_table, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK")
    title = ParagraphStyle("t", parent=body, fontSize=18, leading=26, alignment=1)
    cell = ParagraphStyle("c", parent=body, fontSize=9, leading=11)
    tpl = load_grammars().templates[gen.template]
    story = [Paragraph(f"{gen.issuer}{gen.year}年政府信息公开工作年度报告", title), Spacer(1, 12),
             Paragraph(f"本报告所列数据的统计期限自{gen.year}年1月1日起至{gen.year}年12月31日止。", body)]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                        ("FONTSIZE", (0, 0), (-1, -1), 9), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    for sec in tpl.sections:
        story += [Spacer(1, 8), Paragraph(f"{'一二三四五六'[sec.number - 1]}、{sec.titles[0]}", body)]
        if not sec.tables:
            story.append(Paragraph("本年度相关工作稳步推进。", body))
        for tkey in sec.tables:
            tg = tpl.tables[tkey]
            vals = values_by_table[tkey]
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
                t = Table(data, colWidths=widths)
                t.setStyle(style)
            story.append(t)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def one(args: tuple[int, str]) -> str:
    seed, out = args
    template = ("ogi-2021", "ogi-2019")[seed % 2]
    gen = make_report(seed, template, "tab")
    # the generator's values, regrouped per table
    values: dict[str, dict] = {}
    for key, v in gen.truth.items():
        tkey, rest = key.split(".", 1)
        rid, cid = rest.rsplit(".", 1)
        values.setdefault(tkey, {})[(rid, cid)] = v
    outdir = Path(out)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "r.pdf"
        _pdf(gen, values, pdf)
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(Path(tmp) / "p")], check=True)
        texts = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            res = subprocess.run(["tesseract", str(png), "-", "-l", "chi_sim"], capture_output=True, text=True, check=True)
            texts.append(res.stdout)
    (outdir / f"{seed:03d}.txt").write_text("\f".join(texts), encoding="utf-8")
    (outdir / f"{seed:03d}.truth.json").write_text(json.dumps(
        {"template": template, "layout": "tesseract", "truth": gen.truth}, ensure_ascii=False), encoding="utf-8")
    return f"{seed:03d}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--out", default=str(ROOT / "bench/ocr"))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    Path(args.out).mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(args.jobs) as pool:
        for name in pool.map(one, [(i, args.out) for i in range(args.n)]):
            print("made", name, flush=True)


if __name__ == "__main__":
    main()
