"""Check: apply the template's arithmetic to the tables, fill forced values,
correct a value the rules agree is misread, flag what cannot be decided.

Order: correct misreads among read values (:mod:`reportparse.corrections`),
infer forced values, and again while an inferred value lets a rule check a
misread it could not before; then report every equation as pass / fail /
not_assessable. Nothing is guessed: a value is changed only when the rules
leave exactly one possibility. A table is valid when every cell has a value
and every rule holds; in OCR output (:mod:`reportparse.origin`) also only
when every value is one that a rule checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .arith import CellRef, Equation, Values, absorbed, equations
from .corrections import correct, path
from .diagnostics import Diagnostic
from .grammar import TableGrammar
from .model import (
    COUNT_ON_LINES,
    CUT_WITHOUT_BLANKS,
    EDGE_SEPARATOR_EMPTY,
    LAST_AS_TOTAL,
    LIFTED_BY_RULES,
    OCR_LINES,
    SCATTERED,
    Cell,
    RuleResult,
    Table,
)
from .options import ParseOptions
from .tables.tokens import NONE_MARKS
from .vouching import checked_only_by_copies, forced_from_shaky_rows


class Forcing(NamedTuple):
    """One forcing of a value: the rule, the value, and the cells it was
    forced from with their values then (those of the rule known at that
    moment, not the ones it forced with it)."""

    eq: Equation
    value: int | float
    sources: tuple[tuple[CellRef, int | float | None], ...]

    @classmethod
    def of(cls, eq: Equation, values: Values, value: int | float, skip: Iterable[CellRef]) -> Forcing:
        """``value`` forced by ``eq`` from its other cells' values now (``skip``: the ones forced with it)."""
        return cls(eq, value, tuple((r, values[r]) for r in eq.cells if r not in skip))

    def stands(self, ref: CellRef, values: Values) -> bool:
        """Whether it still derives the value: the same value, from the same values."""
        return values[ref] == self.value and all(values[r] == v for r, v in self.sources)


# doubts the row's own rule cannot lift where a rule over several rows holds the cell: it chose the cut; a row's
# count of values one per line made up by a repeated 0 keeps its sum (in a table whose rules are each within one
# row, 四, it is all there is)
ROW_RULE_NO_EVIDENCE = frozenset({CUT_WITHOUT_BLANKS, COUNT_ON_LINES, SCATTERED, OCR_LINES, LAST_AS_TOTAL})


def _confirmed(eqs: list[Equation], values: Values, balanced: bool = False) -> set[CellRef]:
    """Cells that a complete equation which holds vouches for. ``balanced``
    (text that is no OCR output): also the known cells of a rule whose empty
    cells all stand on one side while its known ones already balance — each
    empty cell must be 0, and the known ones sum exactly as the rule says (a
    column of a web page's table whose empty cells print ``&nbsp;``)."""
    out: set[CellRef] = set()
    for eq in eqs:
        res = eq.residual(values)
        if res == 0:
            out.update(eq.cells)
        elif balanced and res is None and (zeros := eq.solved(values)) and not any(zeros.values()):
            out.update(r for r in eq.cells if r not in zeros)
    return out


def _corroborated(ref: CellRef, by: Equation, eqs: list[Equation], values: Values,
                  forcing: dict[CellRef, list[Forcing]]) -> bool:
    """Whether another rule, from its values read alone (every value forced
    taken out), forces the value ``by`` forced into ``ref``: then each rule
    checks the other, and ``by`` is still evidence for its other cells (三: a
    row's empty cell forced by its column's rule, and alike by its own row's
    — the one empty cell, or several that must each be 0 because the row's
    values read already sum to its 总计 — leaves the column's other values
    checked). A rule that holds only with other forced values is no witness:
    it would vouch for their sum, not for each. (A rule that no longer has
    all its values, one it used taken back, stays spent.)"""
    if by.residual(values) != 0:
        return False
    for e in eqs:
        if e is by or ref not in e.cells:
            continue
        read = {r: (None if r in forcing else values.get(r)) for r in e.cells}
        if e.solved(read).get(ref) == values.get(ref):
            return True
    return False


class _Confirmation:
    """Whether the rules lift a doubt they may lift (``LIFTED_BY_RULES``).

    A value read is vouched for when every rule that holds the cell has all
    its cells and holds (and, for values on a line whose trailing spaces or tab
    were read as an empty cell, one of them holds over values all read). A rule
    that forced a value holds because it did, so it checks nothing: a
    doubted value that forced a cell of its column and its row's 总计 is
    vouched for by no rule; nor is one whose only other rule holds over a
    value forced from it (inscriptis: 7.属于行政执法案卷's 3 shifted into 其他,
    its 总计 forced to 6 and the empty row above forced to 1, every rule
    holding). A value forced from doubted ones is lifted when, for one of
    the times it was forced (a value taken back and forced again by another
    rule keeps both), each value it was forced from is: those known then,
    not the cells the rule forced with it, and never itself through a loop
    (inscriptis: a shifted row's 总计 forced from the column's 总计, itself
    forced from the shifted row through the table's balance, and later
    forced again from that 总计 by the same column rule). The lifted forced
    values are the least set so derived."""

    def __init__(self, eqs: list[Equation], values: Values, forcing: dict[CellRef, list[Forcing]],
                 doubts: dict[CellRef, str]) -> None:
        spent = {fs[-1].eq for ref, fs in forcing.items() if not _corroborated(ref, fs[-1].eq, eqs, values, forcing)}
        self.doubts = doubts
        self.forcing = {ref: [f for f in fs if f.stands(ref, values)] for ref, fs in forcing.items()}
        self.holding: dict[CellRef, list[Equation]] = {}
        for eq in eqs:
            if eq not in spent:
                for ref in eq.cells:
                    self.holding.setdefault(ref, []).append(eq)
        self.holds = {eq: eq.residual(values) == 0 for eq in dict.fromkeys(e for eqs_ in self.holding.values() for e in eqs_)}
        self.read_only = {eq: not any(r in forcing for r in eq.cells) for eq in self.holds}
        self.memo: dict[CellRef, bool] = {}
        self.forced_lifted: set[CellRef] | None = None
        # cells some rule over several rows holds (三's; 四's rules are each within one row)
        self.crossed = {ref for eq in eqs if not eq.one_row for ref in eq.cells}

    def vouched(self, ref: CellRef) -> bool:
        holding = self.holding.get(ref, [])
        if not holding or not all(self.holds[eq] for eq in holding):
            return False
        doubt = self.doubts.get(ref)
        if doubt in ROW_RULE_NO_EVIDENCE and ref in self.crossed:  # a rule over other rows (a column's) must hold over it
            return any(r[0] != ref[0] for eq in holding for r in eq.cells)
        if doubt == OCR_LINES:  # a row's own rule holds whatever the order of its parts (四's)
            return False
        # a shifted line's values fit the rules that forced values from them: one rule over values all read
        return doubt != EDGE_SEPARATOR_EMPTY or any(self.read_only[eq] for eq in holding)

    def lifted(self, ref: CellRef) -> bool:
        if ref in self.forcing:
            if self.forced_lifted is None:
                self.forced_lifted = self._derive()
            return ref in self.forced_lifted
        if ref not in self.memo:
            self.memo[ref] = self.vouched(ref)
        return self.memo[ref]

    def _derive(self) -> set[CellRef]:
        """The forced values that some forcing of theirs derives from values all lifted (least fixpoint)."""
        done: set[CellRef] = set()

        def sure(r: CellRef) -> bool:
            if r not in self.doubts:
                return True
            if self.doubts[r] not in LIFTED_BY_RULES:
                return False
            return r in done if r in self.forcing else self.lifted(r)
        grew = True
        while grew:
            grew = False
            for ref, fs in self.forcing.items():
                if ref not in done and any(all(sure(r) for r, _ in f.sources) for f in fs):
                    done.add(ref)
                    grew = True
        return done


def _infer(t: TableGrammar, eqs: list[Equation], cells: dict[CellRef, Cell], values: Values,
           diags: list[Diagnostic], doubted: set[CellRef], forcing: dict[CellRef, list[Forcing]],
           balanced: bool = False) -> int:
    """Fill missing cells that an equation forces; returns how many.

    A value forced from cells that some complete, holding equation vouches for
    is kept. A value forced from unvouched cells (possibly a misread) is kept
    only if another complete equation then holds with it; otherwise it is
    taken back, so an unverified misread never propagates into inferred cells.
    A value forced from one whose place the text does not decide
    (``Cell.unanchored``: it may be another row's) rests on that choice too:
    it is kept with the same doubt (``placed``, unless the rules lift it),
    and added to ``doubted``.
    """
    confirmed = _confirmed(eqs, values, balanced)
    doubt = {ref: cell.unanchored for ref, cell in cells.items()
             if cell.unanchored and cell.value is not None and cell.status != "corrected"}
    inherited: dict[CellRef, str] = {}
    tentative: dict[CellRef, Equation] = {}
    inferred: dict[CellRef, Equation] = {}
    events: dict[CellRef, list[Forcing]] = {}
    changed = True
    while changed:
        changed = False
        # forcings from vouched-for cells first: a cell that a trusted equation
        # forces must not be taken first (tentatively) by an untrusted one
        for want_trusted in (True, False):
            for eq in eqs:
                forced = eq.solved(values)
                if not forced:
                    continue
                trusted = all(ref in confirmed for ref in eq.cells if ref not in forced)
                if trusted != want_trusted:
                    continue
                why = next((doubt[r] for r in eq.cells if r not in forced and r in doubt), None)
                for ref, v in forced.items():
                    values[ref] = v
                    inferred[ref] = eq
                    events.setdefault(ref, []).append(Forcing.of(eq, values, v, forced))
                    if why is not None:
                        doubt[ref] = inherited[ref] = why
                    if not trusted:
                        tentative[ref] = eq
                changed = True
                if trusted:
                    confirmed.update(eq.cells)
                else:
                    break  # one untrusted forcing at a time, then trusted ones again
            if changed:
                break
    def corroborating(ref: CellRef, forcing: Equation) -> list[Equation]:
        # the other complete equations that hold with it, built from cells that are not tentative themselves
        return [e for e in eqs if e is not forcing and ref in e.cells and e.residual(values) == 0
                and not any(o in tentative for o in e.cells if o != ref)]

    def printed_none(ref: CellRef) -> bool:  # a 0 forced into a cell printed as a mark for none (—, /, 无)
        return values[ref] == 0 and cells[ref].value is None and cells[ref].raw in NONE_MARKS

    while True:  # take back tentative values that no independent complete equation (or a printed mark) corroborates
        dropped = [ref for ref, eq in tentative.items()
                   if any(e.residual(values) not in (None, 0) for e in eqs if ref in e.cells)
                   or not (corroborating(ref, eq) or printed_none(ref))]
        if not dropped:
            break
        for ref in dropped:
            values[ref] = None
            del tentative[ref]
            del inferred[ref]
    for ref, eq in tentative.items():  # what a kept value rests on: each rule that corroborates it, too
        events[ref][:0] = [Forcing.of(e, values, values[ref], (ref,)) for e in corroborating(ref, eq)]
    for ref, eq in inferred.items():
        old = cells[ref]
        cells[ref] = Cell(values[ref], old.raw, "inferred", old.span, old.unanchored or inherited.get(ref))  # placed, if a doubt stands
        diags.append(Diagnostic("RULE_INFERRED", f"{ref[0]}.{ref[1]} = {values[ref]}, forced by {eq.rule} ({eq.scope})", old.span, path(t, ref)))
    doubted.update(ref for ref in inherited if ref in inferred)
    for ref in inferred:  # every forcing of the value, the last one its own
        forcing.setdefault(ref, []).extend(events[ref])
    return len(inferred)


def _listed(keys: list[str], most: int = 12) -> str:
    return ", ".join(keys[:most]) + (f" and {len(keys) - most} more" if len(keys) > most else "")


def _unruled(t: TableGrammar, values: Values) -> list[str]:
    """The cells (``row.column``) of the template that hold a value no rule checks (table 二's)."""
    ruled = {ref for eq in equations(t) for ref in eq.cells}
    required = set(t.cell_keys())
    return [f"{r}.{c}" for (r, c), v in values.items() if v is not None and (r, c) in required and (r, c) not in ruled]


def unvouched(t: TableGrammar, table: Table) -> Diagnostic | None:
    """A valid table with values no rule checks (table 二), in a text file
    whose origin is a guess and whose tables with rules are not all valid:
    nothing vouches that the text's digits are as printed. Not valid, and
    the diagnostic saying why."""
    unchecked = _unruled(t, {(r, c): cell.value for r, cols in table.rows.items() for c, cell in cols.items()}) if table.valid else []
    if not unchecked:
        return None
    table.valid = False
    return Diagnostic("TBL_UNCHECKED", f"table {t.key}: no rule checks {len(unchecked)} of its values ({_listed(unchecked)}), and in "
                      "a text file, which may be OCR output, only the tables the rules check vouch for its digits: they are not "
                      "all valid; compare the values with the source, or declare the text's origin", table.span, f"tables.{t.key}")


def check_table(t: TableGrammar, table: Table, opts: ParseOptions) -> tuple[list[RuleResult], list[Diagnostic], bool]:
    diags: list[Diagnostic] = []
    cells: dict[CellRef, Cell] = {(r, c): cell for r, cols in table.rows.items() for c, cell in cols.items()}
    ok = table.found
    for ref, cell in cells.items():
        col = t.columns[ref[1]]
        if cell.value is not None and cell.value < 0 and not col.signed:
            # a count is never negative: the minus is a dash, a page number's or an empty cell's, run into it
            # (``2\f- 5 -\n5 30`` with its white space lost reads -5 and -530): no value of this cell is known
            diags.append(Diagnostic("CELL_NEGATIVE", f"{ref[0]}.{ref[1]} is printed as {cell.raw!r}, but a count is never "
                                    "negative (a dash run into it: a page number's, an empty cell's): left empty",
                                    cell.span, path(t, ref)))
            cells[ref] = Cell(None, cell.raw, "missing", cell.span)
            ok = False
    values: Values = {ref: cell.value for ref, cell in cells.items()}
    unanchored = {ref: cell.unanchored for ref, cell in cells.items() if cell.unanchored}
    eqs = equations(t)
    doubted: set[CellRef] = set()  # inferred from a value placed by a choice
    forcing: dict[CellRef, list[Forcing]] = {}  # each value the rules forced: each time, the rule and what from
    # a rule whose known cells balance vouches for them where no misread is expected and every value's
    # place is certain (no OCR output; no value placed by a choice): its empty cells are each 0
    balanced = opts.text_origin != "ocr" and not unanchored
    if opts.repair and eqs:
        for _ in range(4):  # a value inferred in one pass can make a misread's second rule assessable
            correct(t, eqs, cells, values, diags)
            if not _infer(t, eqs, cells, values, diags, doubted, forcing, balanced):
                break
    unanchored |= {ref: cell.unanchored for ref, cell in cells.items() if cell.unanchored}  # and forced from such
    results: list[RuleResult] = []
    conflicted: set[CellRef] = set()
    for eq in eqs:
        lhs = [values[r] for r in eq.lhs]
        rhs = [values[r] for r in eq.rhs]
        if any(v is None for v in lhs + rhs):
            bound = eq.exceeded(values)
            if bound is None:
                results.append(RuleResult(eq.rule, t.key, eq.scope, "not_assessable", None, None, eq.text))
                continue
            lsum, rsum, side = bound
            ok = False
            conflicted.update(r for r in eq.cells if values[r] is not None)
            results.append(RuleResult(eq.rule, t.key, eq.scope, "fail", lsum, rsum, eq.text))
            diags.append(Diagnostic("RULE_FAIL", f"{eq.rule} ({eq.scope}): the known cells of the {side} side already sum to more than the other side ({lsum} vs {rsum}); its empty cells cannot be negative", cells[eq.lhs[0]].span, f"tables.{t.key}"))
            continue
        lsum, rsum = sum(lhs), sum(rhs)  # type: ignore[arg-type]
        status = "pass" if lsum == rsum else "fail"
        results.append(RuleResult(eq.rule, t.key, eq.scope, status, lsum, rsum, eq.text))
        if status == "fail":
            ok = False
            conflicted.update(eq.cells)
            diags.append(Diagnostic("RULE_FAIL", f"{eq.rule} ({eq.scope}): {' + '.join(f'{r[0]}.{r[1]}' for r in eq.lhs)} = {lsum}, but {' + '.join(f'{r[0]}.{r[1]}' for r in eq.rhs)} = {rsum}", cells[eq.lhs[0]].span, f"tables.{t.key}"))
    if conflicted:
        shaky = forced_from_shaky_rows(cells, forcing, conflicted)
        diags.append(Diagnostic("RULE_CONFLICT", f"{len(conflicted)} cell(s) of table {t.key} are in rules that fail; values kept as printed"
                                + (f"; {len(shaky)} value(s) the rules forced in or from their rows not trusted either" if shaky else ""),
                                None, f"tables.{t.key}"))
        for ref in conflicted | shaky:
            old = cells[ref]
            if old.status in ("read", "inferred", "corrected"):
                cells[ref] = Cell(old.value, old.raw, "conflict", old.span)
    required = set(t.cell_keys())
    empty = [f"{r}.{c}" for (r, c), v in values.items() if v is None and (r, c) in required]
    if empty:
        ok = False
        diags.append(Diagnostic("CELL_EMPTY", f"table {t.key}: {len(empty)} cell(s) have no value: {_listed(empty)}", table.span, f"tables.{t.key}"))
    # a value placed by a choice the text does not decide, or forced into a cell whose printed digits
    # were cut several ways (the forced value may not be the one printed); a correction is the rules' own
    # the rules confirm a place only in a table where no rule fails: where one does, a value forced from a
    # misread can balance another rule, and no rule is evidence
    confirm = _Confirmation(eqs, values, forcing, unanchored) if not conflicted else None
    chosen = {ref: why for ref, why in unanchored.items() if values[ref] is not None and cells[ref].status != "corrected"
              and not (confirm is not None and why in LIFTED_BY_RULES and confirm.lifted(ref))}
    if chosen:
        ok = False
        for ref in chosen:  # a read value whose place the text does not decide says so itself
            old = cells[ref]
            # a value read, or forced by the rules from a doubted value or into a cell with a doubt of its own
            # (a value the prose decided stays inferred: its doubt is the prose's, named in the diagnostic)
            if old.status == "read" or ref in doubted or (old.status == "inferred" and ref in forcing):
                cells[ref] = Cell(old.value, old.raw, "placed", old.span, old.unanchored)
        whys = sorted(set(chosen.values()))
        diags.append(Diagnostic("TBL_UNANCHORED", f"table {t.key}: {len(chosen)} value(s) placed by a choice the text does not decide "
                                f"({'; '.join(whys)[:200]}): {_listed([f'{r}.{c}' for r, c in chosen])}", table.span, f"tables.{t.key}"))
    if opts.text_origin == "ocr" and table.found:
        unchecked = _unruled(t, values)
        if unchecked:
            ok = False
            diags.append(Diagnostic("TBL_UNCHECKED", f"table {t.key}: the text is checked as OCR output and no rule checks {len(unchecked)} of its values ({_listed(unchecked)}): compare them with the source", table.span, f"tables.{t.key}"))
        forced = {ref for ref, cell in cells.items() if cell.status == "inferred" and values[ref] is not None}
        free = absorbed(eqs, forced, [ref for ref, cell in cells.items() if cell.status == "read" and values[ref] is not None]) if ok else []
        if free:
            ok = False
            diags.append(Diagnostic("TBL_UNCHECKED", f"table {t.key}: the text is checked as OCR output and {len(free)} of its values "
                                    f"are checked by no rule that did not force an empty cell ({_listed([f'{r}.{c}' for r, c in free])}): "
                                    "a misread there would be absorbed into the forced values, every rule still holding; compare "
                                    "them with the source", table.span, f"tables.{t.key}"))
        copies = [f"{r}.{c}" for r, c in checked_only_by_copies(eqs, values)]
        if copies:
            ok = False
            diags.append(Diagnostic("TBL_UNCHECKED", f"table {t.key}: the text is checked as OCR output and {len(copies)} of its values are checked "
                                    f"only against the same number printed again (a part that is its total's only part: {_listed(copies)}): "
                                    "the same digits misread the same way in both would pass; compare them with the source",
                                    table.span, f"tables.{t.key}"))
    for (r, c), cell in cells.items():
        table.rows[r][c] = cell
    return results, diags, ok

