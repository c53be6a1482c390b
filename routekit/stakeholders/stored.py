"""Step 4b in the route workspace: read the register and forces, check and change them.

The one place of the stage that reads from and writes to the route: every
function takes the :class:`~routekit.workspace.Route` first, reads its records,
calls the compute modules and saves. Every change goes through the Route, so
the files, the widgets and this API always show the same register.

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
from routekit.records.stakeholders import Position
from routekit.stakeholders.forcefield import force_field
from routekit.stakeholders.register import (
    duplicate_names,
    normal_name,
    register_table,
    unknown_theme,
)
from routekit.stakeholders.themes import theme_comparison

if TYPE_CHECKING:
    from routekit.workspace import Route

__all__ = ["add_stakeholder", "check", "comparison_of", "field_of", "problems", "register",
           "remove_stakeholder", "set_position"]

_FILES = ("stakeholders.csv", "positions.csv", "forces.csv")


def register(route: Route, theme: str | None = None) -> pd.DataFrame:
    """The register of *route* (:func:`~routekit.stakeholders.register.register_table`).

    Raises
    ------
    RouteError
        When *theme* is not one of the route's themes, or a file is unreadable.
    """
    return register_table(route.table("stakeholders"), route.table("positions"),
                          route.config.theme_ids, theme)


def field_of(route: Route, theme: str) -> pd.DataFrame:
    """The force field of *theme* (:func:`~routekit.stakeholders.forcefield.force_field`),
    with the stakeholders' names."""
    names = {s.id: s.name for s in route.records("stakeholders")}
    return force_field(route.table("forces"), theme, names)


def comparison_of(route: Route) -> pd.DataFrame:
    """The theme comparison of *route* (:func:`~routekit.stakeholders.themes.theme_comparison`),
    every theme in the route's order, with its name.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> comparison_of(Route.open("data/sample-route"))["name"].iloc[0]
    'Eenzaamheid onder ouderen'
    """
    return theme_comparison(register(route), route.config.theme_ids,
                            {th.id: th.name for th in route.config.themes})


def check(route: Route) -> list[Problem]:
    """Problems :meth:`Route.check` does not find by itself: duplicate names
    (:func:`~routekit.stakeholders.register.duplicate_names`)."""
    try:
        records = route.records("stakeholders")
    except RouteError:
        return []  # Route.check reports the unreadable rows themselves
    return duplicate_names(records)


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
        if normal_name(record.name) == normal_name(name):
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
        raise RouteError(unknown_theme(theme))
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
