"""Area boundaries at another level than the file's: buurten merged into wijken.

The shapes come from :func:`routekit.area.files.read_boundaries`.

Examples
--------
>>> from routekit.area.files import read_boundaries
>>> wijken = boundaries_at(read_boundaries("data/sample-route/area/boundaries.geojson"), "wijk")
>>> len(wijken), wijken.index[0]
(7, 'WK990101')
"""

from __future__ import annotations

import pandas as pd

__all__ = ["boundaries_at"]


def boundaries_at(shapes, level: str):
    """Shapes of one level, merging buurten into their wijk (or gemeente) when needed.

    *shapes*: a GeoDataFrame indexed by area code with ``level`` and ``geometry``.
    """
    if (shapes["level"] == level).any():
        return shapes[shapes["level"] == level]
    codes = pd.Series(shapes.index, index=shapes.index)
    if level == "wijk":
        parent = ("WK" + codes.str[2:8]).where(shapes["level"] == "buurt")
    elif level == "gemeente":
        parent = ("GM" + codes.str[2:6]).where(shapes["level"].isin(["buurt", "wijk"]))
    else:
        parent = pd.Series(None, index=shapes.index, dtype="object")
    grouped = shapes[["geometry"]].assign(parent=parent.to_numpy()).dropna(subset=["parent"])
    merged = grouped.dissolve(by="parent")
    merged.index.name = "code"
    merged.insert(0, "name", merged.index)
    merged.insert(1, "level", level)
    return merged
