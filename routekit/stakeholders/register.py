"""The stakeholder register as one table: stakeholders joined with their position per theme.

The register lives in two workspace files a user may also edit in Excel:
``stakeholders.csv`` (who) and ``positions.csv`` (where each stands on a theme).
:func:`register_table` joins the two tables; :func:`duplicate_names` finds a party
entered twice. Reading and changing them in a route is
:mod:`routekit.stakeholders.stored`.

Examples
--------
>>> import pandas as pd
>>> people = pd.DataFrame({"id": ["bieb", "ans"], "name": ["Bibliotheek", "Ans"]})
>>> positions = pd.DataFrame({"stakeholder": ["ans"], "theme": ["taal"], "influence": [2],
...                           "attitude": [1], "interest": [4]})
>>> register_table(people, positions, ["taal"])[["name", "theme", "influence"]]
          name theme  influence
0          Ans  taal          2
1  Bibliotheek   NaN       <NA>
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.records.stakeholders import Position, Stakeholder

__all__ = ["SCORES", "duplicate_names", "normal_name", "register_table", "unknown_theme"]

SCORES = ("influence", "attitude", "interest", "trust")
"""Score fields of a position, in the order forms and tables show them."""

_STAKEHOLDER_COLUMNS = list(Stakeholder.model_fields)
_POSITION_COLUMNS = [c for c in Position.model_fields if c != "stakeholder"]


def _frame(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return frame.reindex(columns=list(dict.fromkeys(columns + list(frame.columns))))


def register_table(stakeholders: pd.DataFrame, positions: pd.DataFrame,
                   themes: Sequence[str], theme: str | None = None) -> pd.DataFrame:
    """The register: one row per stakeholder and theme it has a position on.

    Parameters
    ----------
    stakeholders, positions : DataFrame
        The tables ``stakeholders.csv`` and ``positions.csv`` (``route.table(...)``).
    themes : sequence of str
        The route's theme ids, in their order (rows are sorted by it).
    theme : str, optional
        Only positions on this theme (stakeholders without one are left out).
        When None, every position, plus one row (theme empty) for each
        stakeholder that has no position yet.

    Returns
    -------
    DataFrame
        Columns ``id``, the other stakeholder fields (``name``, ``kind``,
        ``sector``, ...), ``theme`` and the position fields (``influence``,
        ``attitude``, ``interest``, ``trust``, ``stake``, ...). Scores are
        nullable integers.

    Raises
    ------
    RouteError
        When *theme* is not one of *themes*.
    """
    if theme is not None and theme not in themes:
        raise RouteError(unknown_theme(theme))
    people = _frame(stakeholders, _STAKEHOLDER_COLUMNS)
    positions = _frame(positions, ["stakeholder", *_POSITION_COLUMNS])
    positions = positions.rename(columns={"stakeholder": "id"})
    overlap = [c for c in positions.columns if c in people.columns and c != "id"]
    positions = positions.drop(columns=overlap)
    how = "inner" if theme is not None else "left"
    table = people.merge(positions, on="id", how=how)
    if theme is not None:
        table = table[table["theme"] == theme]
    for score in SCORES:
        table[score] = pd.to_numeric(table[score]).astype("Int64")
    order = {tid: i for i, tid in enumerate(themes)}
    table = table.assign(_order=table["theme"].map(order))
    table = table.sort_values(["_order", "name"], na_position="last", kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)


def unknown_theme(theme: str) -> Problem:
    """The problem "this theme is not one of the route's" (``route.yaml``, ``themes``)."""
    return Problem(file="route.yaml", field="themes",
                   message=t("stakeholders.problem.unknown_theme", theme=theme))


def normal_name(name: str) -> str:
    """A name as the duplicate check compares it: without capitals and extra spaces.

    Examples
    --------
    >>> normal_name("  Café 't  Hoekje ")
    "café 't hoekje"
    """
    return " ".join(str(name).casefold().split())


def duplicate_names(stakeholders: Iterable[Stakeholder]) -> list[Problem]:
    """Stakeholders whose names differ only in capitals or spaces.

    Such a pair is almost always the same party entered twice (their positions
    would then count twice in the force field).

    Parameters
    ----------
    stakeholders : iterable of Stakeholder
        In the order of ``stakeholders.csv`` (rows are numbered from 2).

    Returns
    -------
    list of Problem
        One per repeated name, pointing at the later row.
    """
    seen: dict[str, int] = {}
    found = []
    for row, record in enumerate(stakeholders, start=2):
        key = normal_name(record.name)
        if key in seen:
            found.append(Problem(file="stakeholders.csv", row=row, field="name",
                                 message=t("stakeholders.problem.duplicate_name",
                                           name=record.name, first=seen[key])))
        else:
            seen[key] = row
    return found
