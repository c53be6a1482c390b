"""Route step 8 on the route workspace: the plan and the network read for the carry check.

Examples
--------
>>> from routekit.workspace import Route
>>> carrying_of(Route.open("data/sample-route")).level
'watch'
"""

from __future__ import annotations

from routekit.community.sharing import Carrying, carrying
from routekit.workspace import Route

__all__ = ["carrying_of"]


def carrying_of(route: Route, plan=None) -> Carrying:
    """:func:`~routekit.community.sharing.carrying` of the route's plan (or *plan*, read
    just now) and its network's relations."""
    from routekit.plan.stored import plan_of

    return carrying(plan_of(route) if plan is None else plan, route.table("relations"))
