"""Files that hold more than one report: where each report starts.

A report starts at a title line standing alone (a line ending in one of the
title grammar's endings that, with up to two short lines above it, names the
subject, 政府信息公开, and holds no sentence), together with the 版头 lines
(发文机关标志, 发文字号, 签发人) and blank lines just above it. A title naming
the same issuer and year as the report before it (a title printed again, a
cover page) starts no new report.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from .grammar import Grammars
from .header import title_issuer, whole_title
from .headings import match_heading
from .normalise import Canonical
from .startcache import compiled
from .textutil import lines_of

_SENTENCE = compiled(r"[。，；！？,;《》“”]")


@dataclass(frozen=True)
class ReportStart:
    start: int  # original offset where the report's block (版头 and title) starts
    at: int  # original offset of the title
    title: str
    year: int | None
    issuer: str | None


def report_starts(c: Canonical, g: Grammars) -> list[ReportStart]:
    """Where each report of the document starts; one item for a single report."""
    t, el = g.title, g.elements
    endings = tuple(t["endings"])
    subject = t["subject"]
    recent: deque[tuple[int, int, str]] = deque(maxlen=8)  # the last lines: (start, end, text)
    out: list[ReportStart] = []
    text = c.text
    for s, e in lines_of(text):
        line = text[s:e].strip()
        if line.endswith(endings) and len(line) <= t["max_chars"] and not _SENTENCE.search(line):
            above = [x for x in list(recent)[-(t["max_lines"] - 1):] if x[2]]
            joined = line
            first = s
            for ps, _pe, ptext in reversed(above):  # short lines above that the title wrapped from
                if (len(ptext) > 30 or _SENTENCE.search(ptext) or el["issuer_mark"].match(ptext) or el["doc_number"].match(ptext)
                        or whole_title(joined, ptext, g) or match_heading(ptext, g)):
                    # a title printed whole on its line (a running header under a table's lines) joins nothing
                    # above, nor does a numbered heading (a browser's print header under 三、收到和处理…)
                    break
                joined, first = ptext + joined, ps
            if subject.search(joined):
                joined = joined.replace("\t", "")
                m = g.year["title"].search(joined)
                start = _block_start(first, recent, g)
                out.append(ReportStart(c.orig(start), c.orig(first), joined, int(m["year"]) if m else None, title_issuer(joined)))
        recent.append((s, e, line))
    reports: list[ReportStart] = []
    # a line naming neither year nor issuer (a site's column, 政务公开信息公开年报, in a breadcrumb) starts no report
    for r in [r for r in out if r.year is not None or r.issuer is not None] or out[:1]:
        if not reports or not _same_report(r, reports[-1]):
            reports.append(r)
    if reports:
        reports[0] = replace(reports[0], start=0)  # the first report takes what precedes its title too
    return reports


def _same_report(a: ReportStart, b: ReportStart) -> bool:
    """Whether two titles may be one report's: no two years, no two issuers
    (one issuer may end with the other: a running header's date or site name
    before the title); a title that names no year (or no issuer) differs in none."""
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.issuer is None or b.issuer is None:
        return True
    return a.issuer.endswith(b.issuer) or b.issuer.endswith(a.issuer)


def _block_start(first: int, recent: deque[tuple[int, int, str]], g: Grammars) -> int:
    """The start of the 版头 lines and blank lines just above a title's first line."""
    el = g.elements
    start = first
    for s, _e, line in reversed(recent):
        if s >= first:
            continue
        if line and not (el["issuer_mark"].match(line) or el["doc_number"].match(line)
                         or ("signer" in el and el["signer"].match(line))):
            break
        if line:
            start = s
    return start
