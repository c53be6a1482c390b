"""The stakeholder register: stakeholders joined with their position per theme.

The register lives in two workspace files a user may also edit in Excel:
``stakeholders.csv`` (who) and ``positions.csv`` (where each stands on a theme).
This module reads them as one table, checks them with clear messages and
offers the small API a script or widget uses to change them. Every change goes
through :class:`routekit.workspace.Route`, so the files, the widgets and the
API always show the same register.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> table = register(route, "eenzaamheid")
>>> table[["name", "influence", "attitude", "interest"]].head(2)
                     name  influence  attitude  interest
0              Anneke Bos          2         2         4
1  Bibliotheek De Sleutel          4         2         5
>>> sid = add_stakeholder(route, "Buurtvereniging De Eik", kind="group",
...                       sector="residents")
>>> set_position(route, sid, "eenzaamheid",
...              influence=2, attitude=1, interest=4)  # doctest: +ELLIPSIS
Position(stakeholder='buurtvereniging-de-eik', theme='eenzaamheid', influence=2, ...)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.records.base import make_id
from routekit.records.stakeholders import Position, Stakeholder

if TYPE_CHECKING:
    from routekit.workspace import Route

__all__ = ["SCORES", "add_stakeholder", "check", "problems", "register",
           "remove_stakeholder", "set_position"]

SCORES = ("influence", "attitude", "interest", "trust")
"""Score fields of a position, in the order forms and tables show them."""

_STAKEHOLDER_COLUMNS = list(Stakeholder.model_fields)
_POSITION_COLUMNS = [c for c in Position.model_fields if c != "stakeholder"]
_FILES = ("stakeholders.csv", "positions.csv", "forces.csv")


def _frame(route: Route, kind: str, columns: list[str]) -> pd.DataFrame:
    frame = route.table(kind)
    return frame.reindex(columns=list(dict.fromkeys(columns + list(frame.columns))))


def register(route: Route, theme: str | None = None) -> pd.DataFrame:
    """Return the register: one row per stakeholder and theme it has a position on.

    Parameters
    ----------
    route : Route
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
        When *theme* is not one of the route's themes, or a file is unreadable.
    """
    if theme is not None and theme not in route.config.theme_ids:
        raise RouteError(_unknown_theme(theme))
    people = _frame(route, "stakeholders", _STAKEHOLDER_COLUMNS)
    positions = _frame(route, "positions", ["stakeholder", *_POSITION_COLUMNS])
    positions = positions.rename(columns={"stakeholder": "id"})
    overlap = [c for c in positions.columns if c in people.columns and c != "id"]
    positions = positions.drop(columns=overlap)
    how = "inner" if theme is not None else "left"
    table = people.merge(positions, on="id", how=how)
    if theme is not None:
        table = table[table["theme"] == theme]
    for score in SCORES:
        table[score] = pd.to_numeric(table[score]).astype("Int64")
    order = {tid: i for i, tid in enumerate(route.config.theme_ids)}
    table = table.assign(_order=table["theme"].map(order))
    table = table.sort_values(["_order", "name"], na_position="last", kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)


def _unknown_theme(theme: str) -> Problem:
    return Problem(file="route.yaml", field="themes",
                   message=t("stakeholders.problem.unknown_theme", theme=theme))


def _normal_name(name: str) -> str:
    return " ".join(str(name).casefold().split())


def check(route: Route) -> list[Problem]:
    """Problems :meth:`Route.check` does not find by itself: duplicate names.

    Two stakeholders whose names differ only in capitals or spaces are almost
    always the same party entered twice (their positions would then count
    twice in the force field).

    Returns
    -------
    list of Problem
        One per repeated name, pointing at the later row.
    """
    try:
        records = route.records("stakeholders")
    except RouteError:
        return []  # Route.check reports the unreadable rows themselves
    seen: dict[str, int] = {}
    found = []
    for row, record in enumerate(records, start=2):
        key = _normal_name(record.name)
        if key in seen:
            found.append(Problem(file="stakeholders.csv", row=row, field="name",
                                 message=t("stakeholders.problem.duplicate_name",
                                           name=record.name, first=seen[key])))
        else:
            seen[key] = row
    return found


def problems(route: Route) -> list[Problem]:
    """Every problem with the register and the forces, each naming file, row and field.

    Combines :meth:`Route.check` (scores out of range, unknown themes or
    stakeholders, repeated keys) for the files of this step with :func:`check`.
    """
    found = [p for p in route.check() if p.file in _FILES or p.file == "route.yaml"]
    return found + [p for p in check(route) if p not in found]


def add_stakeholder(route: Route, name: str, *, kind: str, sector: str,
                    id: str | None = None, **fields) -> str:
    """Add a stakeholder to the register and return its id.

    Parameters
    ----------
    route : Route
    name : str
        Must differ from every name already in the register.
    kind, sector : str
        Codes or their Dutch names (``"organisatie"``, ``"welzijn"``).
    id : str, optional
        Made from *name* when not given.
    **fields
        Other :class:`~routekit.records.stakeholders.Stakeholder` fields.

    Raises
    ------
    RouteError
        For a name that is already there, or an invalid field.
    """
    current = route.records("stakeholders")
    for row, record in enumerate(current, start=2):
        if _normal_name(record.name) == _normal_name(name):
            raise RouteError(Problem(file="stakeholders.csv", row=row, field="name",
                                     message=t("stakeholders.problem.name_taken", name=name)))
    sid = id or make_id(name, {record.id for record in current}, fallback="partij")
    from routekit.workspace import ABSENT

    route.upsert("stakeholders", {"id": sid, "name": name, "kind": kind, "sector": sector,
                                  **fields}, base=ABSENT)  # never over one added meanwhile
    return sid


def set_position(route: Route, stakeholder: str, theme: str, **values) -> Position:
    """Set (part of) a stakeholder's position on a theme; other fields keep their value.

    A new position needs ``influence``, ``attitude`` and ``interest``.

    Raises
    ------
    RouteError
        For an unknown stakeholder or theme, or a score out of range.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> route = Route.open("data/sample-route")
    >>> set_position(route, "welzijn", "eenzaamheid", attitude=2)  # doctest: +ELLIPSIS
    Position(stakeholder='welzijn', theme='eenzaamheid', influence=4, attitude=2, ...)
    """
    if theme not in route.config.theme_ids:
        raise RouteError(_unknown_theme(theme))
    if route.get("stakeholders", stakeholder) is None:
        raise RouteError(Problem(file="positions.csv", field="stakeholder",
                                 message=t("core.ref.stakeholders", value=stakeholder)))
    from routekit.workspace import ABSENT

    old = route.get("positions", stakeholder, theme)
    data = old.model_dump() if old is not None else {}
    data |= {"stakeholder": stakeholder, "theme": theme, **values}
    return route.upsert("positions", data, base=old if old is not None else ABSENT)


def remove_stakeholder(route: Route, stakeholder: str, *, base=None) -> bool:
    """Remove a stakeholder with its positions; forces keep their text but lose the link.

    *base* (the record as the caller read it) refuses, with ``RecordConflict``, to
    remove a stakeholder someone changed since (see :meth:`Route.remove`).

    Returns
    -------
    bool
        True when the stakeholder was there.
    """
    from routekit.workspace import ABSENT

    with route.locked():
        removed = route.remove("stakeholders", stakeholder,
                               base=None if base is ABSENT else base)
        route.edit("positions", lambda rows: [p for p in rows if p.stakeholder != stakeholder])
        route.edit("forces", lambda rows: [f.model_copy(update={"stakeholder": None})
                                           if f.stakeholder == stakeholder else f
                                           for f in rows])
    return removed
