"""The area data check run by ``routekit check`` (registered in ``routekit.workspace.CHECKS``).

Examples
--------
>>> from routekit.workspace import Route
>>> check(Route.open("data/sample-route"))
[]
"""

from __future__ import annotations

import numpy as np

from routekit.errors import Problem, RouteError

__all__ = ["check"]


def check(route) -> list[Problem]:
    """Problems in the route's segment data: unknown segment codes, negative counts,
    unreadable files, and more member households than households in an area and segment.

    Returns an empty list when the route has no segment data yet.
    """
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
