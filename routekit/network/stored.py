"""Step 4c in the route workspace: the network of a route and its saved picture.

The one place of the stage that reads from and writes to the route: every
function takes the :class:`~routekit.workspace.Route` first, reads its records,
calls the compute modules (:mod:`~routekit.network.graph`,
:mod:`~routekit.network.layout`) and saves.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> graph = route_graph(route)
>>> pos = ensure_layout(route, graph)
>>> set(pos) == set(graph) == set(saved_layout(route))
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from routekit.network.graph import build_graph
from routekit.network.layout import SEED, layout, moved

if TYPE_CHECKING:
    from routekit.workspace import Route

__all__ = ["ensure_layout", "network_records", "pin", "route_graph", "saved_layout"]


def network_records(route: Route) -> tuple[list, list, list]:
    """The records a network is built from: stakeholders, relations and positions."""
    return (route.records("stakeholders"), route.records("relations"),
            route.records("positions"))


def route_graph(route: Route, *, theme: str | None = None,
                skip_invalid: bool = False) -> nx.MultiDiGraph:
    """:func:`~routekit.network.graph.build_graph` from the records of *route*."""
    return build_graph(*network_records(route), theme=theme, skip_invalid=skip_invalid)


def saved_layout(route: Route) -> dict[str, tuple[float, float, bool]]:
    """The positions saved in *route* (``network_layout.csv``): ``{id: (x, y, pinned)}``."""
    return {r.stakeholder: (r.x, r.y, r.pinned) for r in route.records("network_layout")}


def ensure_layout(route: Route, graph: nx.Graph, *, keep: str = "all",
                  seed: int = SEED) -> dict[str, tuple[float, float]]:
    """:func:`~routekit.network.layout.layout` with the route's saved positions; saves the
    positions that changed (only those: another page's pins stay).

    Positions of stakeholders outside *graph* (another theme's view) are kept
    in the file.
    """
    saved = saved_layout(route)
    pos = layout(graph, saved, keep=keep, seed=seed)
    changed = moved(saved, pos)
    if changed:
        route.upsert_many("network_layout", changed)
    return {n: (round(x, 4), round(y, 4)) for n, (x, y) in pos.items()}


def pin(route: Route, stakeholder: str, x: float, y: float) -> None:
    """Put *stakeholder* at (x, y) in the saved picture and keep it there (pinned)."""
    route.upsert("network_layout", {"stakeholder": stakeholder, "x": round(float(x), 4),
                                    "y": round(float(y), 4), "pinned": True})
