"""Routes that are not the sample: a fresh empty one and one with only real CBS figures.

Used by the tests of the guidance, the sections and every notebook on any route.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CBS_EXTRACT = ROOT / "tests" / "data" / "cbs" / "kwb-2023-utrecht.xlsx"


def empty_route(path: str | Path):
    """A route as ``Route.create`` leaves it: one theme, nothing else."""
    from routekit.workspace import Route

    return Route.create(path, library="Bibliotheek Leegwater",
                        municipality={"code": "GM0001", "name": "Leegwater"},
                        themes=[{"id": "ontmoeting", "name": "Ontmoeting in de wijk"}])


def cbs_route(path: str | Path):
    """A route for Utrecht (GM0344) with only the real kwb-2023 extract imported."""
    from routekit.area.importer import import_file
    from routekit.workspace import Route

    route = Route.create(path, library="Bibliotheek Utrecht",
                         municipality={"code": "GM0344", "name": "Utrecht"},
                         themes=[{"id": "eenzaamheid", "name": "Eenzaamheid onder ouderen"}])
    import_file(route, "cbs", CBS_EXTRACT)
    return Route.open(path)
