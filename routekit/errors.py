"""Errors and problems that name the file, row and field concerned.

Every message shown to a user about bad input says *where*: the file, the row
as a spreadsheet program numbers it (the header is row 1) and the field.

Examples
--------
>>> p = Problem(file="stakeholders.csv", row=4, field="influence", message="moet 1 t/m 5 zijn")
>>> str(p)
'stakeholders.csv, rij 4, veld influence: moet 1 t/m 5 zijn'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from routekit.i18n import t

__all__ = ["Problem", "RecordConflict", "RouteError", "TableError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in a file.

    Parameters
    ----------
    file : str
        File name (relative to the route folder where possible).
    message : str
        What is wrong, in the user's language.
    row : int, optional
        Row number as shown by a spreadsheet program (header = row 1).
    field : str, optional
        Column or field name.
    """

    file: str
    message: str
    row: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = [str(self.file)]
        if self.row is not None:
            parts.append(t("core.where.row", row=self.row))
        if self.field:
            parts.append(t("core.where.field", field=self.field))
        return f"{', '.join(parts)}: {self.message}"


class RouteError(Exception):
    """Raised when a route workspace or one of its files cannot be used.

    Carries the list of :class:`Problem` found, so a caller can show all of
    them at once rather than one per attempt.
    """

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(file="", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RecordConflict(RouteError):
    """Raised when a record was changed by someone else since the caller read it.

    Nothing was saved. A form shows :attr:`current` (what is stored now) and
    lets the user make the change again.

    Parameters
    ----------
    problem : Problem
        The message (file, field, what to do), in the user's language.
    current : Record or None
        The record as stored now; None when it was removed meanwhile.
    fields : list of str
        Fields both writers changed differently (empty when it was removed).
    """

    def __init__(self, problem: Problem, *, current=None, fields: list[str] | None = None):
        super().__init__(problem)
        self.current = current
        self.fields = list(fields or [])


class TableError(RouteError, ValueError):
    """Raised when a table (CSV or Excel) cannot be read as asked."""


def display_name(path: str | Path) -> str:
    """Return the short name used for *path* in messages (its file name)."""
    return Path(path).name
