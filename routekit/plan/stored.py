"""Route step 7 on the route workspace: the plan read from the route, and what the forms need.

The plan's records (goals, activities, budget, KPIs, risks, contact moments)
with the names to show them with become one :class:`~routekit.plan.model.Plan`;
forms, notebooks, documents and the CLI read it here.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> plan_of(route).goals["id"].tolist()
['g1', 'g2', 'g3', 'g4']
>>> new_id(route, "goals")
'g5'
"""

from __future__ import annotations

from pathlib import Path

from routekit.plan.model import PLAN_KINDS, Plan, next_id
from routekit.plan.smart import SmartResult, check_plan_goal
from routekit.storage import cached_read
from routekit.workspace import Route

__all__ = ["goal_check", "new_id", "plan_of"]


def plan_of(route: Route) -> Plan:
    """The plan of *route*: its six plan tables, names of stakeholders, themes and areas.

    Segment names come from ``area/segment_scheme.csv`` when the route has it.
    """
    from routekit.area.stored import segment_files

    config = route.config
    scheme = segment_files(route)["segment_scheme"]
    segments = cached_read(scheme, _segment_names) if scheme.exists() else {}
    return Plan.from_records(
        library=config.library, stakeholders=route.records("stakeholders"),
        themes={theme.id: theme.name for theme in config.themes},
        areas={area.code: area.name for area in config.areas}, segments=segments,
        fictional=(config.notice or None) if config.fictional else None,
        **{kind: route.records(kind) for kind in PLAN_KINDS})


def _segment_names(path: Path) -> dict[str, str]:
    """Segment code → name from a segment scheme table (read by :func:`plan_of`)."""
    from routekit.io import read_table

    table = read_table(path, required=["code", "name"])
    return dict(zip(table["code"].astype(str), table["name"], strict=True))


def new_id(route: Route, kind: str) -> str:
    """The next free id of a plan record *kind* on *route* (``g5``, ``a13``, ``cm03``)."""
    return next_id(kind, [record.id for record in route.records(kind)])


def goal_check(route: Route, goal) -> SmartResult:
    """SMART check of *goal* (a Goal or mapping, saved or not) within the route's plan
    (:func:`~routekit.plan.smart.check_plan_goal`).

    Examples
    --------
    >>> goal_check(Route.open("data/sample-route"), {"id": "g9", "text": "Meer lezen"}).missing
    ('S', 'M', 'A', 'R', 'T')
    """
    return check_plan_goal(plan_of(route), goal)
