"""Quantities stated in the prose, with what they count, cross-checked against
the tables where the prose clearly names a table quantity.

The clause before each number (back to the last ，。；：) is segmented with
jieba; a figure rule of grammars/narrative.toml applies when its subject (and
action, and context) words are there. Approximate figures (余, 多, 近 …) and
clauses that more than one rule fits are never compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..diagnostics import Diagnostic
from ..model import Section, Table
from ..normalise import Canonical
from ..span import Span
from ..startcache import compiled
from ..textutil import chinese_int
from .tokenizer import narrative_grammar, tokenizer

_CN_DIGITS = "零〇一二两三四五六七八九十百千"


@dataclass
class Figure:
    value: int | float
    unit: str
    approx: bool
    what: str | None  # what it counts, e.g. 申请
    measure: str | None  # which quantity, e.g. 受理
    key: str | None  # the figure rule, e.g. applications.new
    section: str | None
    text: str  # the clause it was read from
    span: Span
    table_value: int | float | None = None
    agrees: bool | None = None
    matched: str | None = None  # the quantity it equals: the rule's own (its measure) or one of its sums (新收+上年结转)

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "approx": self.approx, "what": self.what,
                "measure": self.measure, "key": self.key, "section": self.section, "text": self.text,
                "span": self.span.to_dict(), "table_value": self.table_value, "agrees": self.agrees, "matched": self.matched}


@lru_cache(maxsize=1)
def _quantity() -> regex.Pattern[str]:
    q = narrative_grammar()["quantity"]
    before = "|".join(map(regex.escape, q["approx_before"]))
    after = "|".join(map(regex.escape, q["approx_after"]))
    units = "|".join(map(regex.escape, sorted(q["units"], key=len, reverse=True)))
    return compiled(
        rf"(?P<before>{before})?(?<![\d.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{_CN_DIGITS}]+)"
        rf"(?P<wan>万)?(?P<after>{after})?(?P<unit>{units})(?P<after2>左右|以上)?")


def _number(text: str) -> int | float | None:
    if text[0].isdigit():
        v = float(text.replace(",", ""))
        return int(v) if v.is_integer() else v
    if text.startswith(("百", "千")):
        return None
    if len(text) > 1 and all(ch in "零〇一二三四五六七八九" for ch in text):
        return None  # 二〇二三: a year spelled digit by digit, not a count
    return chinese_int(text)


def _rule_for(clause_tokens: list[str], clause: str, sentence_before: str, after: str = "") -> dict | None:
    """The figure rule the clause fits (``after``: the words right after the unit, which may name the subject)."""
    fits = []
    for rule in narrative_grammar()["figures"]:
        if not any(w in clause_tokens or (len(w) >= 4 and w in clause) or after.startswith(w) for w in rule["subject"]):
            continue
        if rule.get("action") and not any(w in clause_tokens or (len(w) >= 4 and w in clause) for w in rule["action"]):
            continue
        if rule.get("context") and not any(w in sentence_before for w in rule["context"]):
            continue
        fits.append(rule)
    if not fits:
        return None
    # a specific rule (with context or a long subject) beats a generic one; a tie is unclear
    def weight(r: dict) -> tuple[int, int]:
        return len(r.get("context", [])), max((len(w) for w in r["subject"] if w in clause or after.startswith(w)), default=0)

    fits.sort(key=lambda r: tuple(-x for x in weight(r)))
    if len(fits) > 1 and weight(fits[0]) == weight(fits[1]):
        return {"ambiguous": True}
    return fits[0]


def extract_figures(c: Canonical, ranges: list[tuple[Section, int, int]], tables: dict[str, Table],
                    narrative_keys: set[str] | None) -> tuple[list[Figure], list[Diagnostic]]:
    """Figures of every narrative section (``narrative_keys``: sections without tables; None = all)."""
    figures: list[Figure] = []
    diags: list[Diagnostic] = []
    tok = tokenizer()
    pat = _quantity()
    for section, start, end in ranges:
        if narrative_keys is not None and section.key not in narrative_keys:
            continue
        text, pos = _joined(c.text, start, end)
        for m in pat.finditer(text):
            value = _number(m["num"])
            if value is None:
                continue
            if m["wan"]:
                value = value * 10000
                value = int(value) if float(value).is_integer() else value
            cut = max(text.rfind(ch, 0, m.start()) for ch in "，、。；：,;:！？（(\n")
            clause = text[cut + 1:m.start()].strip()
            sent = max(text.rfind(ch, 0, m.start()) for ch in "。；！？\n")
            after = compiled(r"[^，。；：,;:！？（）()\n]*").match(text, pos=m.end()).group()
            rule = (_rule_for([w for w in tok.lcut(clause) if w.strip()], clause, text[sent + 1:cut + 1], after)
                    if clause or after else None)
            ambiguous = bool(rule and rule.get("ambiguous"))
            rule = None if ambiguous else rule
            fig = Figure(value, m["unit"], bool(m["before"] or m["after"] or m["after2"]),
                         rule.get("what") if rule else None, rule.get("measure") if rule else None,
                         rule["key"] if rule else None, section.key, clause[-40:] + m.group(),
                         c.span(pos[m.start()], pos[m.end() - 1] + 1))
            if rule and rule.get("table"):
                fig.table_value = _table_sum(tables, rule["table"])
                whole = not rule.get("scoped") or any(w in text[sent + 1:m.start()] for w in narrative_grammar()["scope"]["words"])
                if fig.table_value is not None and not fig.approx and m["num"][0].isdigit() and not _quoted(text, m.start()) and whole:
                    quantities = [(rule.get("measure"), fig.table_value)] + [(x["name"], _table_sum(tables, x["table"])) for x in rule.get("sums", [])]
                    fig.matched = next((name for name, v in quantities if v is not None and v == value), None)
                    fig.agrees = fig.matched is not None
                    if not fig.agrees:
                        diags.append(Diagnostic(
                            "NARRATIVE_MISMATCH",
                            f"the text says {fig.what}{fig.measure} {value}{fig.unit} ({fig.text!r}); the table gives {fig.table_value}",
                            fig.span, f"figures.{rule['key']}"))
            figures.append(fig)
    return figures, diags


_BREAK = compiled(r"(?<![。；！？：:])\n(?!\n)")


def _joined(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """The section with lines broken mid-sentence rejoined, and each character's canonical offset."""
    src = text[start:end]
    keep = [i for i, ch in enumerate(src) if not (ch == "\n" and _BREAK.match(src, i))]
    return "".join(src[i] for i in keep), [start + i for i in keep] + [end]


def _quoted(text: str, at: int) -> bool:
    """Inside “…” (a slogan such as “三个第一时间”), not a count."""
    return text.rfind("“", 0, at) > text.rfind("”", 0, at)


def _table_sum(tables: dict[str, Table], refs: list[str]) -> int | float | None:
    total: int | float = 0
    for ref in refs:
        tkey, rest = ref.split(".", 1)
        rid, cid = rest.rsplit(".", 1)
        table = tables.get(tkey)
        if table is None or rid not in table.rows or cid not in table.rows[rid]:
            return None
        v = table.rows[rid][cid].value
        if v is None or table.rows[rid][cid].status == "conflict":
            return None
        total += v
    return total
