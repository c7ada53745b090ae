"""A table's last values printed after the next section's heading.

pdfminer.six lays a page out as a tree of text boxes. When a table in
column order runs onto the page where the next section starts, its text may
give that section's heading, and the first header words of the next table
(四's 行政复议, 行政诉讼), before the rest of the table's columns: the values
then stand in the next section's region, and the table is read short.

A table read as blocks (``TBL_VALUE_BLOCKS``) and not read whole with every
rule holding tries its region run on over the next region, up to the end of
each run of value-only lines there in turn (its own column headers may stand
between them), and keeps the shortest such region under which it is read
whole with every rule holding (``TBL_RUNS_ON``). Each such region is read
as it prints, and, when that does not settle the table, with the next
section's heading and the header words before its first values set aside: a
column the page break cut in two (its top cells before the heading, the rest
after it) is then one block again. Where none does, or the table has no
rule, it stays as read: values are never moved on a count alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from .stream import NUMERIC_LINE

MAX_RUNS = 8  # runs of value lines of the next region tried; the next table's own values are among the last
MAX_LEAD = 24  # lines of the next region (its heading, header words one per line) before the first values


def run_on_ends(text: str, end: int, regions: dict[str, tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The ends a region ending at ``end`` may run on to: the end of each run
    of value-only lines of the next region, when one starts within its first
    few lines; each with where the first of those runs starts (the heading
    and header words before it are the lines a reading may set aside)."""
    following = [r for r in regions.values() if r[0] >= end]
    if not following:
        return
    start, stop = min(following)
    lines, pos = 0, text.rfind("\n", 0, start) + 1  # from the next section's heading line
    runs = 0
    in_run = False
    first = stop
    while pos < stop and runs < MAX_RUNS:
        nl = text.find("\n", pos)
        line_end = stop if nl < 0 or nl > stop else nl
        line = text[pos:line_end]
        if line.strip():
            value = bool(NUMERIC_LINE.match(line))
            if value and not runs and not in_run:
                first = pos
            if not value and in_run:
                runs += 1
                yield pos - 1, first
            if not value and not runs:  # a line before the first values
                lines += 1
                if lines > MAX_LEAD:
                    return
            in_run = value
        pos = line_end + 1
    if in_run and runs < MAX_RUNS:
        yield stop, first
