"""Errors a user can act on: which file, which line, what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Problem:
    """One finding about a file. ``level`` is ``error`` or ``warning``."""

    path: Path | str
    line: int | None
    message: str
    level: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.level}: {self.message}"


class ContentError(Exception):
    """A file the user must fix before the command can go on."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.problem = Problem(path, line, message)
        super().__init__(str(self.problem))

    @property
    def path(self) -> Path | str:
        return self.problem.path

    @property
    def line(self) -> int | None:
        return self.problem.line

    @property
    def message(self) -> str:
        return self.problem.message
