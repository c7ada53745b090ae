"""Where each standard section's text is: the region its table is read from.

A section's heading may be printed more than once: in a list of contents
(目录) under the title, with nothing under it but leaders and a page number;
over a line of prose, its table printed again in an appendix after 六; in
two reports' bodies run together. A section's region is the first print of
its heading with words under it and, for a section that holds a table, the
first print that holds the table (half as many of its row labels as the
fullest print, or more). A table no print holds is looked for after its
heading under a bare title (``附表1 主动公开政府信息情况``). Two prints that
hold the table, unlike, are two tables: which one is the report's is not
told (``TBL_SECTION_TWICE``).
"""

from __future__ import annotations

from .grammar import Template
from .startcache import compiled

_WORDS = compiled(r"\p{Han}")  # words under a heading (a list of contents prints leaders and page numbers)
_LABELS_HELD = 3  # row labels a section's text holds at least where its table is printed
_TITLE_LINE = 40  # characters: a bare title's line (附表1 主动公开政府信息情况统计表), not a sentence

Body = tuple[int, int]
Prints = dict[str, list[tuple[Body, str]]]


def table_regions(text: str, bodies: list[tuple[str | None, Body]], template: Template | None
                  ) -> tuple[dict[str, Body], tuple[str, ...]]:
    """Each standard section's region in the canonical ``text`` (``bodies``:
    every top-level section's key and body, in order), and the table
    sections printed twice with the table, not alike (see the module's text)."""
    prints: Prints = {}
    first: dict[str, Body] = {}
    for key, body in bodies:
        if not key:
            continue
        first.setdefault(key, body)
        words = "".join(text[body[0]:body[1]].split())
        if _WORDS.search(words):
            prints.setdefault(key, []).append((body, words))
    labels = _table_labels(template)
    regions, twice = dict(first), []
    for key, worded in prints.items():
        counts = [sum(m in words for m in labels.get(key, ())) for _, words in worded]
        most = max(counts)
        if most < _LABELS_HELD:  # no print holds the table (or the section holds none)
            regions[key] = worded[0][0]
            continue
        # prints holding half as many of its labels as the fullest or more hold the table: the first is read; two
        # unlike, two tables
        held = [(body, words) for (body, words), n in zip(worded, counts, strict=True) if 2 * n >= most]
        regions[key] = held[0][0]
        if len({words for _, words in held}) > 1:
            twice.append(key)
    start = next((body[0] for _, body in bodies), 0)
    regions.update(_appendix(text, template, labels, regions, prints, start))
    return regions, tuple(sorted(twice))


def _table_labels(template: Template | None) -> dict[str, tuple[str, ...]]:
    """Per section key, the row labels (four characters or more) of the tables it holds."""
    out: dict[str, tuple[str, ...]] = {}
    for tg in (template.tables.values() if template else ()):
        out[tg.section] = out.get(tg.section, ()) + tuple({m for r in tg.rows for m in r.match if len(m) >= 4})
    return out


def _appendix(text: str, template: Template | None, labels: dict[str, tuple[str, ...]],
              regions: dict[str, Body], prints: Prints, start: int) -> dict[str, Body]:
    """Tables no print of their section's heading holds, printed after it
    under a bare title (an appendix after 六): from the line of a title of the
    table's section (short, no sentence) to the next such line of another
    table's section, or the text's end, where that span holds the table's
    row labels."""
    if template is None or template.free_format:
        return {}
    titled = {s.key: s.titles for s in template.sections if s.tables}
    todo = [k for k in titled if k in labels and not any(
        sum(m in words for m in labels[k]) >= _LABELS_HELD for _, words in prints.get(k, []))]
    if not todo:
        return {}
    lines = []  # (line start, line end, section key) of every bare title line of a table section
    for key, titles in titled.items():
        for t in titles:
            at = text.find(t)
            while at >= 0:
                ls, le = text.rfind("\n", 0, at) + 1, text.find("\n", at)
                le = len(text) if le < 0 else le
                if le - ls <= _TITLE_LINE and "。" not in text[ls:le]:
                    lines.append((ls, le, key))
                at = text.find(t, at + len(t))
    lines.sort()
    out = {}
    for key in todo:
        after = regions[key][0] if key in regions else start
        for k, (ls, le, owner) in enumerate(lines):
            if owner != key or ls < after:
                continue
            end = next((s2 for s2, _, o in lines[k + 1:] if o != key), len(text))
            if sum(m in "".join(text[le:end].split()) for m in labels[key]) >= _LABELS_HELD:
                out[key] = (le, end)
                break
    return out
