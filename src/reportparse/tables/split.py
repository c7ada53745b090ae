"""Split digits run together (``713000074``) into cells, using the row-sum rule.

Every token boundary is a cell boundary; a token may hold several cells. A
cell of more than one digit never starts with 0; a sign or a decimal point
goes only into a column that can hold one. Where a row equation exists, a
split must satisfy it; where none does (table 二), an empty cell would print
nothing, so every choice of empty cells is a reading too. The caller gets
every split that passes (capped), so it can refuse to choose between several
— and still read the cells on which all of them agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import combinations

MAX_SOLUTIONS = 64
MAX_STEPS = 200_000
Kind = tuple[bool, bool]  # a column's (signed, decimal)
_PIECE = re.compile(r"([-+]?)(?:0|[1-9]\d*)(\.\d+)?")
_TOKEN = re.compile(r"[-+]?\d+(?:\.\d+)?")


def value_of(piece: str, kind: Kind) -> int | float | None:
    """A cut piece as the number a cell prints, or None: no leading zero, a
    sign only in a signed column, a decimal point only in a decimal one, no
    negative zero (``-0``: no one prints it; a digit was lost)."""
    m = _PIECE.fullmatch(piece)
    if not m or (m[1] and not kind[0]) or (m[2] and not kind[1]):
        return None
    v = float(piece) if m[2] else int(piece)
    return None if v == 0 and m[1] == "-" else v


def splits(tokens: list[str], ncols: int, accept: Callable[[list], bool] | None = None,
           max_digits: int = 7, prune: Callable[[list], bool] | None = None,
           kinds: list[Kind] | None = None, total_last: bool = False) -> tuple[list[list], bool]:
    """All ways to cut the tokens into ``ncols`` numbers.

    Tokens are digit runs, or (with ``kinds``, each column's (signed, decimal))
    numbers with a sign or a decimal point, which only a column of that kind
    takes. ``prune(prefix)`` may reject a partial split early (e.g. a finished
    group whose total is wrong); ``total_last``: the last cell is the sum of
    the others (a row's 总计), which cuts the search short — a prefix whose
    sum no number in the digits left could equal is given up. Returns
    ``(solutions, complete)``; ``complete`` is False when the search was cut short.
    """
    kinds = kinds or [(False, False)] * ncols
    if not tokens or not all(_TOKEN.fullmatch(t) for t in tokens) or len(kinds) != ncols:
        return [], True
    total = sum(len(t) for t in tokens)
    if total < ncols or len(tokens) > ncols or total > ncols * (max_digits + 2):
        return [], True
    after = [sum(len(t) for t in tokens[i + 1:]) for i in range(len(tokens))]  # characters in later tokens
    plain = [t.isdigit() for t in tokens]
    limit = [10 ** k for k in range(total + 2)]  # the smallest number of k + 1 digits
    out: list[list] = []
    steps = 0
    complete = True

    def rec(ti: int, pos: int, acc: list, acc_sum: float) -> None:
        nonlocal steps, complete
        steps += 1
        if steps > MAX_STEPS or len(out) >= MAX_SOLUTIONS:
            complete = False
            return
        if ti == len(tokens):
            if len(acc) == ncols and (accept is None or accept(acc)):
                out.append(list(acc))
            return
        tok = tokens[ti]
        slots = ncols - len(acc)
        left = after[ti] + len(tok) - pos  # characters still to cut
        if slots <= 0 or left < slots:
            return
        if total_last and acc_sum >= limit[left - slots + 1]:
            return  # the 总计 is one of the last pieces: no piece that short is this large
        later = len(tokens) - ti - 1  # cells still needed by later tokens: at least one each
        kind = kinds[len(acc)]
        for length in range(1, len(tok) - pos + 1):
            piece = tok[pos:pos + length]
            if plain[ti] and kind == (False, False):
                if length > max_digits or (length > 1 and piece[0] == "0"):
                    break
                v: int | float | None = int(piece)
            else:
                if sum(ch.isdigit() for ch in piece) > max_digits:
                    break
                v = value_of(piece, kind)
                if v is None:
                    continue
            acc.append(v)
            if prune is not None and not prune(acc):
                acc.pop()
                continue
            if pos + length == len(tok):
                if slots - 1 >= later:
                    rec(ti + 1, 0, acc, acc_sum + v)
            elif slots - 1 > later:
                rec(ti, pos + length, acc, acc_sum + v)
            acc.pop()

    rec(0, 0, [], 0)
    return out, complete


def readings(tokens: list[str], kinds: list[Kind], keep: Callable[[list], bool] | None = None,
             most: int | None = None, first: bool = False) -> tuple[list[list], bool]:
    """Every reading of a row, where an empty cell prints nothing: each choice
    of cells holding the tokens' numbers, cut every way (None for an empty
    cell); ``keep``: only the readings it accepts (a rule that can still
    hold), ``most``: at most that many cells present (``len(tokens)``: no
    token cut); ``first``: stop at the first one kept (is there any?).
    Returns ``(readings, complete)``."""
    n = len(kinds)
    out: list[list] = []
    complete = True
    cuts: dict[tuple[Kind, ...], tuple[list[list], bool]] = {}  # the cuts depend only on the kinds of the cells present
    uniform = len(set(kinds)) == 1
    for k in range(len(tokens), min(n, most or n) + 1):
        same = tuple(kinds[:k]) if uniform else None  # every choice of k cells has these kinds
        if same is not None:
            sols, done = cuts[same] = splits(tokens, k, kinds=list(same))
            complete = complete and done
            if not sols:
                continue  # no choice of k cells reads
        for present in combinations(range(n), k):
            key = same if same is not None else tuple(kinds[i] for i in present)
            if key not in cuts:
                cuts[key] = splits(tokens, k, kinds=list(key))
            sols, done = cuts[key]
            complete = complete and done
            for sol in sols:
                full: list = [None] * n
                for i, v in zip(present, sol, strict=True):
                    full[i] = v
                if keep is None or keep(full):
                    out.append(full)
                    if first:
                        return out, complete
            if len(out) > MAX_SOLUTIONS:
                return out, False
    return out, complete

def agreed(solutions: list[list]) -> list:
    """Per cell, the value every solution gives it, or None where they differ."""
    if not solutions:
        return []
    return [v if all(s[i] == v for s in solutions[1:]) else None for i, v in enumerate(solutions[0])]


def ambiguous(raw: str, n: int, columns: tuple[str, ...] | list[str], kept: list[int | None]) -> str:
    """The TBL_SPLIT_AMBIGUOUS message: how many splits, which cells every one agrees on."""
    same = [f"{c}={v}" for c, v in zip(columns, kept, strict=False) if v is not None]
    rest = "" if len(same) == len(kept) else ", the other cells are left empty"
    tail = f"; every split gives {', '.join(same)}{rest}" if same else "; cells left empty"
    return f"{raw!r} can be split {n} ways that satisfy the rules{tail}"
