"""Research features (jieba): narrative figures cross-checked against the
tables, keywords and tokens of the prose. Everything here loads jieba lazily;
nothing in the plain parsing path imports this package.
"""

from __future__ import annotations

from typing import Any

from .keywords import keywords
from .tokenizer import cache_dir, tokenizer, tokens

__all__ = ["NARRATIVE_SECTIONS", "cache_dir", "feature_columns", "keywords", "section_rows", "tokenizer", "tokens"]

NARRATIVE_SECTIONS = ("overview", "problems", "other")


def _section_text(section) -> str:
    parts = [section.text] + [_section_text(c) for c in section.children]
    return "\n".join(p for p in parts if p)


def feature_columns(report) -> dict[str, Any]:
    """Extra corpus columns: ``keywords`` of the 存在的主要问题及改进情况 section."""
    problems = report.section("problems")
    return {"keywords": " ".join(keywords(_section_text(problems), 10)) if problems else None}


def section_rows(report) -> list[dict[str, Any]]:
    """One row per narrative section, for topic models: key, number, title, text, tokens."""
    rows = []
    fixed = _fixed_sections(report.template)
    for s in report.sections:
        if fixed and s.key not in NARRATIVE_SECTIONS:
            continue
        text = _section_text(s)
        rows.append({"key": s.key, "number": s.number, "title": s.title, "text": text, "tokens": tokens(text)})
    return rows


def _fixed_sections(template_id: str) -> bool:
    """A template with its fixed sections (tables included), not free format or unknown."""
    from ..grammar import load_grammars

    t = load_grammars().templates.get(template_id)
    return t is not None and not t.free_format
