"""The strategy stage (route steps 5–6) in the route workspace: read, compute, save.

The one place where steps 5 and 6 read and write the route: the POST-O canvas
of a theme with what its page shows, and the canvas prefilled from the
theme's personas. The knowledge-creation record of a theme is
``route.get_or_new("knowledge", theme)`` (saved or empty). The computing is in
:mod:`~routekit.strategy.post_o`, :mod:`~routekit.strategy.channels` and
:mod:`~routekit.strategy.knowledge`.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> canvas = prefill_route_canvas(route, "laaggeletterdheid")
>>> [w.code for w in theme_canvas(route, "laaggeletterdheid").warnings]
['no_shared', 'empty', 'no_hours']
"""

from __future__ import annotations

from routekit.personas.stored import personas_of
from routekit.records.strategy import PostOCanvas
from routekit.strategy.post_o import CanvasPage, canvas_page, prefill_canvas
from routekit.workspace import Route

__all__ = ["prefill_route_canvas", "theme_canvas", "theme_name"]


def theme_name(route: Route, theme: str) -> str:
    """The name of *theme* in *route* (its id when the route does not know it)."""
    return route.config.theme(theme).name if theme in route.config.theme_ids else theme


def theme_canvas(route: Route, theme: str) -> CanvasPage:
    """The saved canvas of *theme* (or an empty one) with its warnings against the theme's
    personas, their names and the theme's name: what :func:`routekit.strategy.plot.plot_canvas`
    draws."""
    return canvas_page(route.get_or_new("post_o", theme), personas_of(route, theme),
                       theme_name=theme_name(route, theme))


def prefill_route_canvas(route: Route, theme: str, *, save: bool = True) -> PostOCanvas:
    """Prefill the canvas of *theme* from the route's personas of that theme (and save it)."""
    canvas = prefill_canvas(route.get_or_new("post_o", theme), theme, personas_of(route, theme))
    return route.upsert("post_o", canvas) if save else canvas
