"""Split digits run together (``713000074``) into cells, using the row-sum rule.

Every token boundary is a cell boundary; a token may hold several cells. A
cell of more than one digit never starts with 0. Where a row equation exists,
a split must satisfy it. The caller gets every split that passes (capped), so
it can refuse to choose between several — and still read the cells on which
all of them agree.
"""

from __future__ import annotations

from collections.abc import Callable

MAX_SOLUTIONS = 64
MAX_STEPS = 200_000


def splits(tokens: list[str], ncols: int, accept: Callable[[list[int]], bool] | None = None,
           max_digits: int = 7, prune: Callable[[list[int]], bool] | None = None) -> tuple[list[list[int]], bool]:
    """All ways to cut the digit tokens into ``ncols`` integers.

    ``prune(prefix)`` may reject a partial split early (e.g. a finished group
    whose total is wrong). Returns ``(solutions, complete)``; ``complete`` is
    False when the search was cut short.
    """
    if not tokens or not all(t.isdigit() for t in tokens):
        return [], True
    total_digits = sum(len(t) for t in tokens)
    if total_digits < ncols or len(tokens) > ncols or total_digits > ncols * max_digits:
        return [], True
    out: list[list[int]] = []
    steps = 0
    complete = True

    def rec(ti: int, pos: int, acc: list[int]) -> None:
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
        remaining_tokens_digits = sum(len(t) for t in tokens[ti + 1:]) + len(tok) - pos
        slots = ncols - len(acc)
        if slots <= 0 or remaining_tokens_digits < slots:
            return
        # cells still needed by later tokens: at least one each
        later = len(tokens) - ti - 1
        for length in range(1, min(max_digits, len(tok) - pos) + 1):
            piece = tok[pos:pos + length]
            if length > 1 and piece[0] == "0":
                break
            acc.append(int(piece))
            if prune is not None and not prune(acc):
                acc.pop()
                continue
            if pos + length == len(tok):
                if slots - 1 >= later:
                    rec(ti + 1, 0, acc)
            elif slots - 1 > later:
                rec(ti, pos + length, acc)
            acc.pop()

    rec(0, 0, [])
    return out, complete


def agreed(solutions: list[list[int]]) -> list[int | None]:
    """Per cell, the value every solution gives it, or None where they differ."""
    if not solutions:
        return []
    return [v if all(s[i] == v for s in solutions[1:]) else None for i, v in enumerate(solutions[0])]


def ambiguous(raw: str, n: int, columns: tuple[str, ...] | list[str], kept: list[int | None]) -> str:
    """The TBL_SPLIT_AMBIGUOUS message: how many splits, which cells every one agrees on."""
    same = [f"{c}={v}" for c, v in zip(columns, kept, strict=False) if v is not None]
    tail = f"; every split gives {', '.join(same)}, the other cells are left empty" if same else "; cells left empty"
    return f"{raw!r} can be split {n} ways that satisfy the rules{tail}"
