"""What every guided notebook does first: find the route, open it, set language and style.

Examples
--------
>>> route = start("data/sample-route")  # doctest: +ELLIPSIS
Route geopend: Bibliotheek De Sleutel (map sample-route)
Fictief voorbeeld: Bibliotheek De Sleutel, de gemeente Sleutelwaard ... zijn verzonnen.
>>> route.config.library
'Bibliotheek De Sleutel'
"""

from __future__ import annotations

import os
from pathlib import Path

from routekit.i18n import set_language, t
from routekit.workspace import Route

__all__ = ["ENV_VAR", "PROJECT_ROOT", "SAMPLE_ROUTE", "WORKING_ROUTE", "resolve_route", "start"]

ENV_VAR = "ROUTEKIT_ROUTE"
PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ROUTE = PROJECT_ROOT / "data" / "sample-route"
WORKING_ROUTE = PROJECT_ROOT / "routes" / "de-sleutel"


def resolve_route(route_dir: str | Path | None = None) -> Path:
    """Return the route folder to use.

    Order: *route_dir* when given, else the ``ROUTEKIT_ROUTE`` environment
    variable, else the route chosen last on the app's start page
    (:func:`routekit.route_choice.current_route`), else the working copy
    ``routes/de-sleutel`` (made from the sample route by ``make lab``).
    """
    if route_dir:
        return Path(route_dir)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    from routekit.route_choice import current_route

    return current_route() or WORKING_ROUTE


def ensure_working_route(target: str | Path = WORKING_ROUTE) -> Path:
    """Copy the sample route to *target* unless a route is there already; return *target*."""
    target = Path(target)
    if not (target / "route.yaml").exists():
        Route.copy(SAMPLE_ROUTE, target)
    return target


def start(route_dir: str | Path | None = None, *, quiet: bool = False) -> Route:
    """Open the route for a notebook: apply its language and house style.

    Parameters
    ----------
    route_dir : str or Path, optional
        See :func:`resolve_route`.
    quiet : bool, default False
        Do not print the one-line greeting (library, folder, fictional notice).

    Returns
    -------
    Route
    """
    route = Route.open(resolve_route(route_dir))
    set_language(route.config.language)
    from routekit.style import set_style

    set_style(route.config.style or None)
    if not quiet:
        print(t("core.notebook.opened", library=route.config.library, folder=route.path.name))
        if route.config.fictional:
            print(route.config.notice or t("core.route.fictional"))
    return route
