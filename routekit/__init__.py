"""routekit: helpers and guided notebooks for community librarians.

routekit follows the route of the Cubiss "Routekaart voor de Community
Librarian": get to know your area, map stakeholders and forces, build personas,
write a POST-O strategy, plan with the community and keep it going.

Importing :mod:`routekit` is light: heavy libraries (matplotlib, networkx,
ipywidgets) are imported by the modules that need them.

Examples
--------
>>> import routekit
>>> route = routekit.Route.open("data/sample-route")
>>> route.config.library
'Bibliotheek De Sleutel'
"""

from importlib.metadata import PackageNotFoundError, version

from routekit.errors import Problem, RouteError, TableError
from routekit.i18n import set_language, t
from routekit.workspace import Route

try:
    __version__ = version("routekit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["Problem", "Route", "RouteError", "TableError", "__version__", "set_language", "t"]
