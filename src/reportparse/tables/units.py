"""A money column's header may name another unit than the template's
(``本年收费金额（单位：元）`` for 万元, ``采购总金额（万元）`` for 元): its values
are read in the template's unit (``TBL_COLUMN_UNIT``)."""

from __future__ import annotations

from dataclasses import replace

import regex

from ..diagnostics import Diagnostic
from ..grammar import TableGrammar
from ..model import Cell
from ..startcache import compiled
from .place import MONEY, in_column_unit
from .stream import Stream

Rows = dict[str, dict[str, Cell]]


def header_units(t: TableGrammar, s: Stream, rows: Rows, path: str) -> tuple[Rows, list[Diagnostic]]:
    """``rows`` with a money column's values read in the template's unit when
    its header names another (``本年收费金额（单位：元）`` where the template
    has 万元: 49730500 is 4973.05). A cell printed with a unit of its own was
    converted already, and stays."""
    diags: list[Diagnostic] = []
    for cid, col in t.columns.items():
        if col.unit not in MONEY:
            continue
        stems = {compiled(r"[（(]").split(label, maxsplit=1)[0] for label in col.labels}
        said = {m.group(1) for stem in stems for m in _unit_after(stem).finditer(s.labels)}
        if len(said) != 1 or (unit := said.pop()) == col.unit:
            continue
        factor = MONEY[unit] / MONEY[col.unit]
        rows = {rid: dict(cells) for rid, cells in rows.items()}
        for cells in rows.values():
            cell = cells.get(cid)
            if cell is not None and isinstance(cell.value, int | float) and not _has_unit(cell.raw):
                cells[cid] = replace(cell, value=in_column_unit(cell.value, unit, col))
        diags.append(Diagnostic("TBL_COLUMN_UNIT", f"the header gives {'/'.join(sorted(stems))} in {unit}: its values were "
                                f"read in {col.unit} (× {factor:g})", None, path))
    return rows, diags


def _unit_after(stem: str) -> regex.Pattern[str]:
    """A column header's words, then a money unit in brackets (``（单位：元）``, ``(万元)``)."""
    return compiled(stem + r"\s*[（(]\s*(?:单位\s*[:：]\s*)?(" + "|".join(MONEY) + r")\s*[）)]")


def _has_unit(raw: str | None) -> bool:
    return bool(raw) and compiled(r"(?:" + "|".join(MONEY) + r")\s*$").search(raw) is not None
