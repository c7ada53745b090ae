"""Decide which template a document follows, from the grammar's markers and years."""

from __future__ import annotations

from .diagnostics import Diagnostic
from .grammar import Grammars, Template


def detect_template(text: str, title: str | None, year: int | None, g: Grammars,
                    forced: str = "auto") -> tuple[Template | None, list[Diagnostic]]:
    """Return the template (``None`` for ``unknown``) and any diagnostics."""
    diags: list[Diagnostic] = []
    if forced != "auto":
        return (g.templates.get(forced), diags)
    probe = (title or "") + text[:3000]
    candidates = [t for t in g.templates.values() if any(w in probe for w in t.title_words)]
    if not candidates:
        diags.append(Diagnostic("TPL_UNKNOWN", "the title does not name a government information-disclosure report"))
        return None, diags
    scored = sorted(((sum(m in text for m in t.markers), t) for t in candidates),
                    key=lambda x: (-x[0], x[1].id))
    best_score, best = scored[0]
    out_of_years = year is not None and not best.years[0] <= year <= best.years[1]
    if best_score == 0 or (len(scored) > 1 and scored[1][0] == best_score) or (out_of_years and best_score < 3):
        by_year = [t for t in candidates if year is not None and t.years[0] <= year <= t.years[1]]
        if not by_year:
            diags.append(Diagnostic("TPL_UNKNOWN", "no table markers and no report year to choose a template by"))
            return None, diags
        best = by_year[0]
    elif year is not None and not best.years[0] <= year <= best.years[1]:
        diags.append(Diagnostic("TPL_YEAR_MISMATCH", f"{best.id} is used for report years {best.years[0]}–{best.years[1]}, this report is for {year}"))
    return best, diags
