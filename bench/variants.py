"""Reports that depart from the template the way real ones do: does a departure ever put a wrong number in a table?

    python bench/variants.py [--count 20] [--fresh-seed N] [--show]

Each variant changes a generated report (both templates, every text layout
it applies to, clean and with the noise model) as real reports differ from
the template, and every cell of the tables it touches is compared with the
generator's value:

``added-2`` / ``added-3`` (tables 二 / 三)
    one row the template does not have, with values of its own, before a
    random row (湖北's 其他主动公开文件; 党内规范性文件, 政府规章 — labels that
    hold a template label; in 三, 其中… lines and sub-totals);
``columns-3``
    table 三's five columns under 法人或其他组织 printed in another order,
    header and values alike (tab, space-aligned, pipe and Markdown layouts);
``columns-2``
    table 二's blocks of several columns (规章 / 行政规范性文件 under 本年制发件数,
    本年废止件数, 现行有效件数; 2019's 上一年项目数量, 本年增/减, 处理决定数量 …)
    each printed in another order, header and values alike (tab, one cell per
    line, space-aligned, pipe and Markdown layouts);
``sides-3``
    table 三 with 自然人 printed after the 法人或其他组织 group, or 总计 before
    自然人, header (on one line) and values alike;
``columns-4``
    table 四's four parts of each group (not its 总计) printed in another
    order, header and values alike;
``total-first-4``
    table 四 with each group's 总计 printed before its four parts, header and
    values alike;
``groups-4``
    table 四 with 行政诉讼 printed before 行政复议, or 复议后起诉 before
    未经复议直接起诉, header and values alike;
``no-total-3``
    table 三 printed without its 总计 column (tab layout);
``thousands``
    whole numbers of 1000 or more printed with thousands separators (and
    ``thousands-spaced``: a space after each, as OCR and some producers print them);
``minus``
    negative numbers (2019's 本年增/减) printed with U+2212, an en dash or an
    em dash, or with 减 or ↓ for the sign (before the number, after it, in
    brackets, or a space apart: ``减5``, ``5↓``, ``5(减)``, ``↓ 5``; added at stop 49:
    a hyphen or em dash a space apart, ``- 5``, ``— 5``, a minus after the number,
    ``5-``, and a triangle, ``▼ 5``, which the code before read as +5 in text of one
    cell per line or of digits run together);
``magnitude``
    2019's 采购总金额 (元) printed in 万 (``0.122372万``), a magnitude no unit
    of the reader names;
``cited``
    table 二's block headers with Arabic numerals (``第20条第（5）项``);
``unit``
    a money column's header in another unit than the template's, its value
    printed in it (2021: 本年收费金额（单位：元）; 2019: 采购总金额（万元）);
``two-prints-2`` / ``-3`` / ``-4``
    another report's table of the same template printed in the same section,
    before or after the report's own, under a sub-heading (a department's or
    last year's table beside the body's own): the truth is the report's own
    (added 2026-12-05: seeds 0–29 of ``tests/test_two_prints.py``'s shape
    were the development set; every seed here is held out).

Printed per variant and layout: parses, tables valid, reports with a wrong
value, of which with one of status ``read`` or ``inferred`` (read as right),
and tables valid with a wrong value (must be 0). Seeds 700+ are the ones the
fixes of stop 30 were written on (**tuning**); fresh seeds drawn at run
time are held out (``--fresh-seed N`` repeats a run).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import fresh_base, fresh_seed_option  # noqa: E402

import reportparse  # noqa: E402

import generator  # noqa: E402
from generator import LAYOUTS, add_noise, make_report  # noqa: E402

ADDED = {
    "proactive": ["其他主动公开文件", "党内规范性文件", "行政规范性文件备案", "政府规章", "部门规章", "重大行政决策",
                  "行政裁决", "行政确认", "规章备案", "其他规范性文件", "行政许可事项", "行政处罚案件", "行政强制措施"],
    "applications": ["其中：涉及不动产登记", "（八）其他情形", "9.属于其他情形", "其中：本年新收", "重复申请（含信访）",
                     "4.其他", "（一）予以公开（含部分）", "其他处理情况", "本年度办理结果合计", "申请数量小计"],
}
BEFORE = {"proactive": r"规章|行政规范性文件|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|其他对外管理服务事项|政府集中采购",
          "applications": r"（[一二三四五六七]）|[1-8][.、]|[一二三四]、"}
ORG = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
APART = ("tab", "layout", "pipes", "markdown")  # layouts whose row is one line with its cells apart
Made = tuple[str, dict] | None


def _table(text: str, key: str) -> tuple[int, int]:
    """Where table 二 or 三 stands in a generated report's text."""
    if key == "proactive":
        start = text.find("主动公开政府信息情况", text.find("二、"))
        return start, text.find("三、收到", start)
    start = text.find("收到和处理政府信息公开申请情况", text.find("三、"))
    return start, text.find("四、", text.find("结转下年度继续办理", start))


def _row(layout: str, label: str, values: list[str]) -> str:
    sep = {"tab": "\t", "lines": "\n", "layout": "    ", "pipes": " | "}.get(layout)
    if sep is not None:
        return "\n" + sep.join([label, *values])
    if layout == "markdown":
        return "\n| " + " | ".join([label, *values]) + " |"
    return label + "".join(values)


def added_row(key: str) -> Callable[[int, str, str, random.Random], Made]:
    def make(seed: int, template: str, layout: str, rng: random.Random) -> Made:
        gen = make_report(seed, template, layout)
        start, end = _table(gen.text, key)
        body = gen.text[start:end]
        if key == "proactive":
            values = [str(rng.randint(0, 40)) for _ in range(rng.choice((1, 3)))]
        else:
            values = [str(rng.randint(0, 9)) for _ in range(6)]
            values.append(str(sum(map(int, values))))
        at = rng.choice([m.start() for m in re.finditer(BEFORE[key], body)])
        if layout != "runtogether":
            at = body.rfind("\n", 0, at)
        added = _row(layout, rng.choice(ADDED[key]), values)
        return gen.text[:start] + body[:at] + added + body[at:] + gen.text[end:], gen.truth
    return make


def columns(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    if layout not in APART:
        return None
    gen = make_report(seed, template, layout, big=True)
    start, end = _table(gen.text, "applications")
    body = gen.text[start:end]
    perm = list(range(5))
    while perm == sorted(perm):
        rng.shuffle(perm)
    head = re.search(r"商业企业(\s*\|\s*|\t|\s{2,})科研机构.*其他", body)
    body = body[:head.start()] + head.group(1).join(ORG[p] for p in perm) + body[head.end():]

    def moved(line: str) -> str:
        parts = re.split(r"(\s*\|\s*|\t|\s{2,})", line)
        at = [i for i, p in enumerate(parts) if re.fullmatch(r"\d+", p)]
        if len(at) == 7:
            org = [parts[i] for i in at[1:6]]
            for k, i in enumerate(at[1:6]):
                parts[i] = org[perm[k]]
        return "".join(parts)
    return gen.text[:start] + "\n".join(moved(line) for line in body.split("\n")) + gen.text[end:], gen.truth


BLOCKS = {"ogi-2021": [["本年制发件数", "本年废止件数", "现行有效件数"]],
          "ogi-2019": [["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["上一年项目数量", "本年增/减", "处理决定数量"],
                       ["上一年项目数量", "本年增/减"], ["采购项目数量", "采购总金额"]]}
_CELL_SEP = r"(\s*\|\s*|\t|\s{2,}|\n)"
_VALUE = r"-?\d+(?:\.\d+)?"


def columns_two(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    """Table 二 with each header of several columns printed in another order, and the values under it alike."""
    if layout not in (*APART, "lines"):
        return None
    gen = make_report(seed, template, layout, big=rng.random() < 0.5)
    start, end = _table(gen.text, "proactive")
    body = gen.text[start:end]
    for names in BLOCKS[template]:
        # the whole header (信息内容 and these names): not a run of them inside another header
        for head in reversed(list(re.finditer(_CELL_SEP.join(["信息内容", *map(re.escape, names)]) + r"(?![\u4e00-\u9fff])", body))):
            perm = list(range(len(names)))
            while perm == sorted(perm):
                rng.shuffle(perm)
            first, *seps = head.groups()
            printed = "信息内容" + first + names[perm[0]] + "".join(sep + names[p] for sep, p in zip(seps, perm[1:], strict=True))
            until = body.find("第二十条", head.end())
            until = len(body) if until < 0 else until
            rows = re.sub(_CELL_SEP.join([f"({_VALUE})"] * len(names)),
                          lambda m, perm=perm: m.group(1 + 2 * perm[0]) + "".join(
                              m.group(2 * k) + m.group(1 + 2 * p) for k, p in enumerate(perm[1:], 1)),
                          body[head.end():until])
            body = body[:head.start()] + printed + rows + body[until:]
    return gen.text[:start] + body + gen.text[end:], gen.truth


def sides(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    """Table 三 with 自然人 after the group's five columns, or 总计 first: header and values."""
    if layout not in APART:
        return None
    gen = make_report(seed, template, layout, big=rng.random() < 0.5)
    start, end = _table(gen.text, "applications")
    natural_last = rng.random() < 0.5

    def moved(line: str) -> str:
        parts = re.split(r"(\s*\|\s*|\t|\s{2,})", line)
        at = [i for i, p in enumerate(parts) if re.fullmatch(r"\d+", p)]
        if len(at) == 7:
            values = [parts[i] for i in at]
            for i, v in zip(at, values[1:6] + values[:1] + values[6:] if natural_last else values[6:] + values[:6], strict=True):
                parts[i] = v
        return "".join(parts)
    body = "\n".join(moved(line) for line in gen.text[start:end].split("\n"))
    org = " | ".join(ORG)
    if layout == "markdown":
        body = (body.replace(f"自然人 | {org}", f"{org} | 自然人", 1) if natural_last
                else re.sub(r"自然人 \| (.*?) \| 总计", r"总计 | 自然人 | \1", body, count=1))
    else:
        body = (re.sub(r"自然人(\s*\|?\s*)法人或其他组织", r"法人或其他组织\1自然人", body, count=1) if natural_last
                else re.sub(r"自然人(\s*\|?\s*)法人或其他组织(\s*\|?\s*)总计", r"总计\1自然人\2法人或其他组织", body, count=1))
    return gen.text[:start] + body + gen.text[end:], gen.truth


PARTS = ["结果维持", "结果纠正", "其他结果", "尚未审结"]


def _four(gen: generator.Generated, header: Callable[[str], str], printed: Callable[[list[str]], list[str]]) -> Made:
    """A report with table 四's header rewritten by ``header`` and its fifteen
    values printed in the order ``printed`` gives them (in the template's order)."""
    start = gen.text.index("四、政府信息公开行政复议")
    end = gen.text.index("五、", start)
    body = header(gen.text[start:end])
    numbers = list(re.finditer(r"(?<![\d.])\d+(?![\d.])", body))
    if len(numbers) != 15:
        return None
    out, last = [], 0
    for m, v in zip(numbers, printed([m.group() for m in numbers]), strict=True):
        out += [body[last:m.start()], v]
        last = m.end()
    return gen.text[:start] + "".join(out) + body[last:] + gen.text[end:], gen.truth


def columns_four(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    """Table 四 with each group's four parts (not its 总计) printed in another order, header and values."""
    if layout not in (*APART, "lines"):
        return None
    perm = list(range(4))
    while perm == sorted(perm):
        rng.shuffle(perm)

    def header(body: str) -> str:
        body = re.sub("|".join(PARTS), lambda m: f"@{PARTS.index(m.group())}@", body)
        return re.sub(r"@(\d)@", lambda m: PARTS[perm[int(m.group(1))]], body)
    return _four(make_report(seed, template, layout, big=True), header,
                 lambda v: [v[5 * g + perm[k]] if k < 4 else v[5 * g + 4] for g in range(3) for k in range(5)])


def total_first(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    """Table 四 with each group's 总计 printed before its parts, header and values."""
    if layout not in (*APART, "lines"):
        return None
    return _four(make_report(seed, template, layout, big=rng.random() < 0.5),
                 lambda body: re.sub(r"结果维持(\s*\|?\s*)结果纠正(\s*\|?\s*)其他结果(\s*\|?\s*)尚未审结(\s*\|?\s*)总计",
                                     r"总计\1结果维持\2结果纠正\3其他结果\4尚未审结", body),
                 lambda v: [v[k + 4 if k % 5 == 0 else k - 1] for k in range(15)])


def groups(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    """Table 四 with its groups in another order: 行政诉讼's ten values first, or its two groups swapped
    (not Markdown, which prints each group as a table under a heading of its own)."""
    if layout not in ("tab", "layout", "pipes", "lines"):
        return None
    gen = make_report(seed, template, layout, big=rng.random() < 0.5)
    litigation_first = rng.random() < 0.5
    names = ("行政复议", "行政诉讼") if litigation_first else ("未经复议直接起诉", "复议后起诉")
    return _four(gen, lambda body: re.sub(rf"{names[0]}(\s*\|?\s*){names[1]}", rf"{names[1]}\1{names[0]}", body, count=1),
                 lambda v: v[5:] + v[:5] if litigation_first else v[:5] + v[10:] + v[5:10])


def no_total(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    if layout != "tab":
        return None
    gen = make_report(seed, template, layout, big=rng.random() < 0.5)
    start, end = _table(gen.text, "applications")
    body = "\n".join(line.rsplit("\t", 1)[0] if re.search(r"(\t\d+){7}$", line) else line
                     for line in gen.text[start:end].split("\n"))
    return gen.text[:start] + body + gen.text[end:], gen.truth


def printed_as(fmt: Callable[[object, Callable], str | None], **kw: str) -> Callable[[int, str, str, random.Random], Made]:
    """A report whose numbers the generator prints through ``fmt`` (None: as usual); ``template``: only that one."""
    def make(seed: int, template: str, layout: str, rng: random.Random) -> Made:
        if kw.get("template", template) != template:
            return None
        plain = generator._fmt
        generator._fmt = lambda v: (fmt(v, plain) or plain(v))
        try:
            gen = make_report(seed, template, layout, big=True)
        finally:
            generator._fmt = plain
        return gen.text, gen.truth
    return make


def _thousands(v: object, plain: Callable) -> str | None:
    return f"{v:,}" if isinstance(v, int) and v >= 1000 else None


def _thousands_spaced(v: object, plain: Callable) -> str | None:
    return f"{v:,}".replace(",", ", ") if isinstance(v, int) and v >= 1000 else None


def _signed(form: str) -> Callable[[object, Callable], str | None]:
    return lambda v, plain: form.format(plain(-v)) if isinstance(v, int | float) and v < 0 else None


def _in_wan(v: object, plain: Callable) -> str | None:
    """A money amount (2019's 采购总金额, in 元) printed in 万 without 元."""
    return f"{v / 10000:.6f}".rstrip("0").rstrip(".") + "万" if isinstance(v, float) else None


def _minus(sign: str) -> Callable[[object, Callable], str | None]:
    return lambda v, plain: sign + plain(-v) if isinstance(v, int | float) and v < 0 else None


def header_unit(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    """The money column's header in another unit, its value printed in it: 2021's 本年收费金额（单位：元）
    (the template's 万元), 2019's 采购总金额（万元） (the template's 元)."""
    gen = make_report(seed, template, layout)
    key, label, new_label, factor = (("fees", "本年收费金额（单位：万元）", "本年收费金额（单位：元）", 10000)
                                     if template == "ogi-2021" else ("procurement", "采购总金额", "采购总金额（万元）", 1e-4))
    value = gen.truth[f"proactive.{key}.amount"]
    printed = f"{value:.2f}".rstrip("0").rstrip(".")
    label_at = gen.text.find(key == "fees" and "行政事业性收费" or "政府集中采购")
    at = gen.text.find(printed, label_at)
    if label not in gen.text or label_at < 0 or at < 0:
        return None
    shown = f"{value * factor:.6f}".rstrip("0").rstrip(".")
    text = gen.text[:at] + shown + gen.text[at + len(printed):]
    return text.replace(label, new_label, 1), gen.truth


def cited(seed: int, template: str, layout: str, rng: random.Random) -> Made:
    gen = make_report(seed, template, layout)
    form = rng.choice(("第20条第（{n}）项", "第20条第{n}项", "第 20 条第 {n} 项"))
    names = {"一": 1, "五": 5, "六": 6, "八": 8, "九": 9}
    return re.sub(r"第二十条第（([一五六八九])）项", lambda m: form.format(n=names[m.group(1)]), gen.text), gen.truth


def two_prints(key: str) -> Callable[[int, str, str, random.Random], Made]:
    """Another report's table printed in the same section, before or after the report's own, under a sub-heading."""
    def make(seed: int, template: str, layout: str, rng: random.Random) -> Made:
        gen, other = make_report(seed, template, layout), make_report(seed + 10**8, template, layout)
        return generator.with_second_print(gen.text, other.text, key, before=rng.random() < 0.5), gen.truth
    return make


VARIANTS: dict[str, tuple[Callable[[int, str, str, random.Random], Made], tuple[str, ...]]] = {
    "added-2": (added_row("proactive"), ("proactive",)),
    "added-3": (added_row("applications"), ("applications",)),
    "columns-2": (columns_two, ("proactive",)),
    "columns-3": (columns, ("applications",)),
    "sides-3": (sides, ("applications",)),
    "columns-4": (columns_four, ("appeals",)),
    "total-first-4": (total_first, ("appeals",)),
    "groups-4": (groups, ("appeals",)),
    "no-total-3": (no_total, ("applications",)),
    "thousands": (printed_as(_thousands), ("proactive", "applications", "appeals")),
    "thousands-spaced": (printed_as(_thousands_spaced), ("proactive", "applications", "appeals")),
    "minus −": (printed_as(_minus("\u2212"), template="ogi-2019"), ("proactive",)),
    "minus –": (printed_as(_minus("–"), template="ogi-2019"), ("proactive",)),
    "minus —": (printed_as(_minus("—"), template="ogi-2019"), ("proactive",)),
    "minus 减": (printed_as(_minus("减"), template="ogi-2019"), ("proactive",)),
    "minus ↓": (printed_as(_minus("↓"), template="ogi-2019"), ("proactive",)),
    "minus 5↓": (printed_as(_signed("{}↓"), template="ogi-2019"), ("proactive",)),
    "minus 5(减)": (printed_as(_signed("{}(减)"), template="ogi-2019"), ("proactive",)),
    "minus ↓ 5": (printed_as(_signed("↓ {}"), template="ogi-2019"), ("proactive",)),
    "minus - 5": (printed_as(_signed("- {}"), template="ogi-2019"), ("proactive",)),
    "minus — 5": (printed_as(_signed("— {}"), template="ogi-2019"), ("proactive",)),
    "minus 5-": (printed_as(_signed("{}-"), template="ogi-2019"), ("proactive",)),
    "minus ▼ 5": (printed_as(_signed("▼ {}"), template="ogi-2019"), ("proactive",)),
    "magnitude": (printed_as(_in_wan, template="ogi-2019"), ("proactive",)),
    "cited": (cited, ("proactive",)),
    "unit": (header_unit, ("proactive",)),
    "two-prints-2": (two_prints("proactive"), ("proactive",)),
    "two-prints-3": (two_prints("applications"), ("applications",)),
    "two-prints-4": (two_prints("appeals"), ("appeals",)),
}


def run(base: int, count: int, show: bool) -> dict[tuple[str, str], Counter]:
    tots: dict[tuple[str, str], Counter] = {}
    for name, (make, tables) in VARIANTS.items():
        for layout in LAYOUTS:
            tot = Counter()
            for seed in range(base, base + count):
                for template in ("ogi-2021", "ogi-2019"):
                    made = make(seed, template, layout, random.Random(f"{name}:{seed}:{template}:{layout}"))
                    if made is None:
                        continue
                    for noisy in (False, True):
                        text, truth = made
                        report = reportparse.parse_text(add_noise(text, seed) if noisy else text)
                        for key in tables:
                            t = report.tables[key]
                            wrong = [(k, c) for k, v in truth.items() if k.startswith(key + ".")
                                     and (c := t.rows[k[len(key) + 1:].rsplit(".", 1)[0]][k.rsplit(".", 1)[1]]).value
                                     not in (None, v)]
                            tot["parses"] += 1
                            tot["valid"] += t.valid
                            tot["wrong"] += bool(wrong)
                            tot["read"] += any(c.status in ("read", "inferred") for _, c in wrong)
                            tot["vbw"] += bool(wrong) and t.valid
                            if show and wrong and (t.valid or any(c.status in ("read", "inferred") for _, c in wrong)):
                                print(f"  {name} {seed} {template} {layout} {'noisy' if noisy else 'clean'}: "
                                      f"{[(k, c.value, truth[k], c.status) for k, c in wrong[:3]]}")
            if tot["parses"]:
                tots[name, layout] = tot
    return tots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=20, help="seeds per set")
    fresh_seed_option(ap)
    ap.add_argument("--show", action="store_true", help="list each wrong value read as right and each valid-but-wrong table")
    args = ap.parse_args()
    fresh = fresh_base(args)
    print(f"{'set':<34}{'variant':<15}{'layout':<13}{'parses':>7}{'valid':>7}{'wrong':>7}{'read as right':>15}{'valid-but-wrong':>17}")
    for label, base in (("seeds 700+ (tuning)", 700), (f"fresh seeds {fresh}+ (held out)", fresh)):
        for (name, layout), t in run(base, args.count, args.show).items():
            print(f"{label:<34}{name:<15}{layout:<13}{t['parses']:>7}{t['valid']:>7}{t['wrong']:>7}{t['read']:>15}{t['vbw']:>17}")
    print(f"(--fresh-seed {fresh} repeats the held-out rows)")


if __name__ == "__main__":
    main()
