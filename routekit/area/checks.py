"""The area checks run by ``routekit check``: :func:`check` (registered in
``routekit.workspace.CHECKS``) finds errors, :func:`advice` says what the route
still lacks for its stages.

Examples
--------
>>> from routekit.workspace import Route
>>> check(Route.open("data/sample-route"))
[]
>>> advice(Route.open("data/sample-route"))
[]
"""

from __future__ import annotations

import numpy as np

from routekit.errors import Problem, RouteError

__all__ = ["advice", "check"]


def check(route) -> list[Problem]:
    """Problems in the route's area data.

    Areas in ``route.yaml`` and CBS figures of another municipality than the
    route's; unknown segment codes, negative counts, unreadable files, and
    more member households than households in an area and segment.
    """
    return _municipality_problems(route) + _segment_problems(route)


def _municipality_problems(route) -> list[Problem]:
    from routekit.area.cbs_tables import stored_tables
    from routekit.area.route_areas import belongs_to
    from routekit.errors import TableError
    from routekit.i18n import t
    from routekit.workspace import ROUTE_FILE

    municipality = route.config.municipality
    label = f"{municipality.name} ({municipality.code})".strip()
    areas = route.config.areas
    codes = [area.code for area in areas]
    cbs = [code[:2] in ("GM", "WK", "BU") for code in codes]
    inside = belongs_to(codes, municipality.code).tolist() if codes else []
    problems = [Problem(ROUTE_FILE, t("import.check.foreign_area", code=area.code,
                                      name=area.name, municipality=label), field="areas")
                for area, is_cbs, ok in zip(areas, cbs, inside, strict=True) if is_cbs and not ok]
    for stored in stored_tables(route):
        try:
            table = stored.figures().table
        except (TableError, RouteError) as error:
            problems += list(error.problems)
            continue
        regional = table[table["level"] != "land"]
        foreign = regional.index[~belongs_to(regional.index, municipality.code).to_numpy()]
        if len(foreign):
            problems.append(Problem(stored.path.name, t(
                "import.check.foreign_figures", count=len(foreign), file=stored.path.name,
                municipality=label, codes=", ".join(foreign[:3]), path=route.path)))
    return problems


def _segment_problems(route) -> list[Problem]:
    from routekit.area.sources import has_segment_data, segment_files

    if not has_segment_data(route):
        return []
    from routekit.area.segments import load_route_data

    try:
        data = load_route_data(route)
    except RouteError as error:
        return list(error.problems)
    if data.members is None:
        return []
    from routekit.i18n import t

    rows, cols = np.nonzero(data.members > data.households)
    file = segment_files(route)["members"].name
    return [Problem(file, t("area.counts.members_above", members=int(data.members[r, c]),
                            households=int(data.households[r, c]), area=data.codes[r],
                            segment=data.types[c]))
            for r, c in zip(rows, cols, strict=True)]


def advice(route) -> list[str]:
    """What the route still lacks for its stages, each with how to add it (Dutch by default).

    Looks for: the route's areas, CBS figures, segment data (scheme and
    counts) and a boundary map. Empty when the route has them all.
    """
    from routekit.area.cbs_tables import stored_tables
    from routekit.area.sources import has_segment_data
    from routekit.i18n import t

    missing = []
    if not route.config.areas:
        missing.append("areas")
    if not stored_tables(route):
        missing.append("figures")
    if not has_segment_data(route):
        missing.append("segments")
    if not route.area_file("boundaries", ".geojson").exists():
        missing.append("boundaries")
    return [t(f"import.advice.{item}", path=route.path) for item in missing]
