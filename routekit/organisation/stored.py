"""Route step 2 on the route workspace: the ``colleagues`` and ``impact_plan`` records.

Reads the records, hands them to :mod:`~routekit.organisation.reflection`,
:mod:`~routekit.organisation.team` and :mod:`~routekit.organisation.impact`,
and saves what the forms and notebook 02 change.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> pioneer_team(route).warnings
[]
>>> impact_overview(route)["count"].tolist()
[3, 3, 2]
"""

from __future__ import annotations

import pandas as pd

from routekit.organisation.impact import count_by_influence, impact_table, with_item
from routekit.organisation.reflection import answered_per_group, merge_answers
from routekit.organisation.team import PioneerTeam, colleague_in, team_of
from routekit.records.organisation import Colleague, ImpactPlan
from routekit.workspace import ABSENT, Route

__all__ = ["PLAN_ID", "add_impact_item", "answered", "colleague_named", "impact_items",
           "impact_overview", "pioneer_team", "plan_of", "save_colleague", "update_plan"]

PLAN_ID = "plan"
"""Key of the route's one impact plan in ``impact_plan.yaml``."""


def plan_of(route: Route) -> ImpactPlan:
    """The route's saved impact plan, or an empty one."""
    return route.get_or_new("impact_plan", PLAN_ID)


def update_plan(route: Route, **changes) -> ImpactPlan:
    """Save the impact plan with *changes* (``role_description``, ``answers``, ``impact``).

    Answers are merged into the saved ones; a blank answer removes the saved one.

    Examples
    --------
    >>> route = Route.open("data/sample-route")
    >>> update_plan(route, answers={"vision": "Iedereen doet mee"}).answers["vision"]
    'Iedereen doet mee'
    """
    stored = route.get("impact_plan", PLAN_ID)
    current = (stored or ImpactPlan(id=PLAN_ID)).model_dump()
    if "answers" in changes:
        current["answers"] = merge_answers(current["answers"], changes.pop("answers"))
    # base: another page's changes to other answers since this read are kept
    return route.upsert("impact_plan", current | changes, base=stored or ABSENT)


def answered(route: Route) -> pd.DataFrame:
    """How many reflection questions are answered, per group
    (:func:`~routekit.organisation.reflection.answered_per_group`)."""
    return answered_per_group(plan_of(route).answers)


def pioneer_team(route: Route) -> PioneerTeam:
    """The route's colleagues with the balance check of
    :func:`~routekit.organisation.team.team_of`."""
    return team_of(route.records("colleagues"))


def colleague_named(route: Route, name: str) -> Colleague | None:
    """The colleague called *name* (case and surrounding spaces ignored), or None."""
    return colleague_in(route.records("colleagues"), name)


def save_colleague(route: Route, name: str, **fields) -> Colleague:
    """Save a colleague; a name already on the list updates that colleague.

    A new colleague gets an id made from *name*. Returns the saved record.

    Examples
    --------
    >>> route = Route.open("data/sample-route")
    >>> save_colleague(route, "Karin de Boer", stance="tegenstander").stance
    'sceptic'
    >>> save_colleague(route, "karin de boer", pioneer=True).id
    'karin-de-boer'
    """
    from routekit.records.base import make_id

    same = colleague_named(route, name)
    if same is not None:
        return route.upsert("colleagues", same.model_dump() | fields, base=same)
    new_id = make_id(name, {c.id for c in route.records("colleagues")}, fallback="collega")
    record = {"id": new_id, "name": name} | fields
    return route.upsert("colleagues", record)


def add_impact_item(route: Route, subject: str, *, kind: str, influence: str,
                    value: str = "") -> ImpactPlan:
    """Add (or, for the same subject, replace) one item of the impact plan."""
    items = with_item(plan_of(route).impact, subject, kind=kind, influence=influence,
                      value=value)
    return update_plan(route, impact=items)


def impact_items(route: Route) -> pd.DataFrame:
    """The impact plan's items (:func:`~routekit.organisation.impact.impact_table`)."""
    return impact_table(plan_of(route).impact)


def impact_overview(route: Route) -> pd.DataFrame:
    """Impact items counted per influence level
    (:func:`~routekit.organisation.impact.count_by_influence`)."""
    return count_by_influence(impact_items(route))
