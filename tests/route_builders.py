"""Routes that are not the sample: a fresh empty one and one with only real CBS figures.

Used by the tests of the guidance, the sections and every notebook on any route.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CBS = ROOT / "tests" / "data" / "cbs"
#: The whole real kwb-2023 download for Utrecht (1 gemeente, 10 wijken, 111 buurten).
CBS_EXTRACT = CBS / "kwb-2023-utrecht-gemeente.xlsx"
#: A second CBS table in the StatLine export shape ("Nabijheid voorzieningen").
CBS_SECOND = CBS / "statline-nabijheid-2023-utrecht.csv"


def empty_route(path: str | Path):
    """A route as ``Route.create`` leaves it: one theme, nothing else."""
    from routekit.workspace import Route

    return Route.create(path, library="Bibliotheek Leegwater",
                        municipality={"code": "GM0001", "name": "Leegwater"},
                        themes=[{"id": "ontmoeting", "name": "Ontmoeting in de wijk"}])


def utrecht_route(path: str | Path, theme: tuple[str, str] = ("lezen", "Leesbevordering")):
    """A new route for Utrecht (GM0344) with only the real kwb-2023 download imported."""
    from routekit.area.importer import import_file
    from routekit.workspace import Route

    route = Route.create(path, library="Bibliotheek Utrecht",
                         municipality={"code": "GM0344", "name": "Utrecht"},
                         themes=[{"id": theme[0], "name": theme[1]}])
    import_file(route, "cbs", CBS_EXTRACT)
    return Route.open(path)


def cbs_route(path: str | Path):
    """A route for Utrecht (GM0344) with only CBS figures: the real kwb-2023 download and
    the "Nabijheid voorzieningen" table beside it (no segments, members or stakeholders)."""
    from routekit.area.importer import import_file

    route = utrecht_route(path, ("eenzaamheid", "Eenzaamheid onder ouderen"))
    import_file(route, "cbs", CBS_SECOND)
    return route.open(path)
