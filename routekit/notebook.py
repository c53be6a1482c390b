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
import shutil
from pathlib import Path

from routekit.i18n import set_language, t
from routekit.resources import package_data
from routekit.workspace import Route

__all__ = ["ENV_VAR", "HOME_VAR", "PROJECT_ROOT", "SAMPLE_ROUTE", "WORKING_ROUTE",
           "notebooks_folder", "package_data", "resolve_route", "start"]

ENV_VAR = "ROUTEKIT_ROUTE"
HOME_VAR = "ROUTEKIT_HOME"


def _source_checkout() -> Path | None:
    """The project folder when routekit runs from its source tree (``pip install -e``)."""
    root = Path(__file__).resolve().parents[1]
    inside_environment = any(part in ("site-packages", "dist-packages") for part in root.parts)
    if not inside_environment and (root / "pyproject.toml").is_file() \
            and (root / "notebooks").is_dir():
        return root
    return None


def _home() -> Path:
    if os.environ.get(HOME_VAR):
        return Path(os.environ[HOME_VAR])
    return _source_checkout() or Path.cwd()


PROJECT_ROOT = _home()
"""The folder that holds ``routes/`` (and the notebooks `routekit lab` opens).

The project folder in a source checkout; after a normal install, the current
folder (``ROUTEKIT_HOME`` overrides both). Never a folder inside site-packages.
"""
SAMPLE_ROUTE = package_data("sample-route")
"""The fictional sample route "De Sleutel", shipped with routekit (read-only: copy it)."""
WORKING_ROUTE = PROJECT_ROOT / "routes" / "de-sleutel"


def notebooks_folder(home: str | Path | None = None) -> Path:
    """The folder of guided notebooks that `routekit lab` and `routekit app` serve.

    In a source checkout this is the project's ``notebooks/``. After a normal
    install the shipped notebooks are copied to ``notebooks/`` in *home*
    (default :data:`PROJECT_ROOT`); only missing files are copied, so notebooks
    the user changed are never overwritten.
    """
    checkout = _source_checkout()
    if home is None and checkout is not None and PROJECT_ROOT == checkout:
        return checkout / "notebooks"
    target = Path(home or PROJECT_ROOT) / "notebooks"
    shipped = package_data("notebooks")
    for source in shipped.iterdir():
        if source.is_file() and not (target / source.name).exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / source.name)
    return target


def resolve_route(route_dir: str | Path | None = None) -> Path:
    """Return the route folder to use.

    Order: *route_dir* when given, else the ``ROUTEKIT_ROUTE`` environment
    variable, else the route chosen last on the app's start page
    (:func:`routekit.route_choice.current_route`), else the working copy
    ``routes/de-sleutel`` in :data:`PROJECT_ROOT` (made from the sample route by
    ``make lab`` or the first command that needs it).
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
