"""The typed exceptions of reportparse. Every failure a caller can see is one of these."""

from __future__ import annotations


class ReportParseError(Exception):
    """Base class: anything reportparse raises on bad input or bad configuration."""

    exit_code = 1


class UnreadableInputError(ReportParseError):
    """The input cannot be read as a report (binary, undecodable, empty, encrypted, corrupt)."""

    exit_code = 3


class GrammarError(ReportParseError):
    """A grammar file is broken. The message names the file, the entry and what is wrong."""

    exit_code = 4

    def __init__(self, file: str, entry: str, problem: str) -> None:
        self.file, self.entry, self.problem = file, entry, problem
        super().__init__(f"{file}: {entry}: {problem}")


class OptionsError(ReportParseError, ValueError):
    """An option passed to a parse call has a bad name or value."""

    exit_code = 2


class OutputError(ReportParseError):
    """The output cannot be written (a full disk, a closed or failing device)."""

    exit_code = 74


class EngineError(ReportParseError):
    """A parallel engine cannot be reached or started (an unreachable Dask scheduler)."""

    exit_code = 69
