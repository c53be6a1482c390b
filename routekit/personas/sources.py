"""Read the area files personas start from: segment scheme, households, members, behaviour.

Small readers on top of :func:`routekit.io.read_table`, so the persona stage
does not depend on the area-analysis module. Each returns a fresh DataFrame
with routekit's column names; a missing optional file gives an empty frame.

Examples
--------
>>> from routekit.workspace import Route
>>> scheme = read_scheme(Route.open("data/sample-route"))   # doctest: +SKIP
>>> scheme.loc["K01", "digital_skills"]                     # doctest: +SKIP
'laag'
"""

from __future__ import annotations

import pandas as pd

from routekit.io import read_table
from routekit.workspace import Route

__all__ = ["SCHEME_TRAITS", "area_members", "read_areas", "read_behaviour", "read_households",
           "read_members", "read_scheme", "segment_members"]

SCHEME_TRAITS = ("life_stage", "age_band", "household", "income_level", "education_level",
                 "digital_skills", "media_use", "channels")
"""Columns of the segment scheme that describe the people of a segment."""


def read_scheme(route: Route) -> pd.DataFrame:
    """The segment scheme (groups and types) indexed by code.

    Columns: ``level`` (group/type), ``parent``, ``name``, ``description`` and
    the :data:`SCHEME_TRAITS` (``channels`` stays a ``|``-separated text).
    """
    frame = read_table(route.area_file("segment_scheme"), required=["code", "name"],
                       optional=["level", "parent", "description", "urbanity", *SCHEME_TRAITS])
    return frame.dropna(subset=["code"]).set_index("code")


def read_households(route: Route) -> pd.DataFrame:
    """Households per area and segment (``area_code``, ``segment_code``, ``households``)."""
    frame = read_table(route.area_file("segments"), required=["area_code", "segment_code"],
                       numeric=["households"])
    return frame.dropna(subset=["area_code", "segment_code"])


def read_members(route: Route) -> pd.DataFrame:
    """Member households per area and segment; empty when the route has no members file."""
    path = route.area_file("members")
    if not path.exists():
        return pd.DataFrame(columns=["area_code", "segment_code", "member_households"])
    frame = read_table(path, required=["area_code", "segment_code"],
                       numeric=["member_households"])
    return frame.dropna(subset=["area_code", "segment_code"])


def read_areas(route: Route) -> pd.DataFrame:
    """Areas (``code``, ``name``, ``level``, ``parent``); empty when there is no areas file."""
    path = route.area_file("areas")
    if not path.exists():
        return pd.DataFrame(columns=["code", "name", "level", "parent"])
    return read_table(path, required=["code"], optional=["name", "level", "parent"])


def read_behaviour(route: Route) -> pd.DataFrame:
    """Aggregate use per segment and category (``segment_code``, ``category``, ``count``).

    Empty when the route has no behaviour file.
    """
    path = route.area_file("behaviour")
    if not path.exists():
        return pd.DataFrame({"segment_code": pd.Series(dtype="str"),
                             "category": pd.Series(dtype="str"),
                             "count": pd.Series(dtype="float")})
    frame = read_table(path, required=["segment_code", "category"], numeric=["count"])
    return frame.dropna(subset=["segment_code", "category"])


def segment_members(scheme: pd.DataFrame, code: str) -> list[str]:
    """Codes counted as segment *code*: the code itself and, for a group, its types.

    Examples
    --------
    >>> scheme = pd.DataFrame({"parent": [None, "K", "K"]}, index=["K", "K01", "K02"])
    >>> segment_members(scheme, "K")
    ['K', 'K01', 'K02']
    """
    children = scheme.index[scheme["parent"] == code].tolist() if "parent" in scheme else []
    return [code, *children]


def area_members(areas: pd.DataFrame, code: str | None, known: pd.Index | list[str]) -> list[str]:
    """Codes in *known* that lie in area *code* (itself, its descendants; None = all).

    Descendants follow the ``parent`` column of *areas*; when *code* is not in
    it, CBS code prefixes decide (``WK990101`` holds ``BU99010101``).

    Examples
    --------
    >>> areas = pd.DataFrame({"code": ["WK01", "BU0101", "BU0102"],
    ...                       "parent": [None, "WK01", "WK01"]})
    >>> area_members(areas, "WK01", ["BU0101", "BU0102", "BU0201"])
    ['BU0101', 'BU0102']
    """
    known = list(known)
    if not code:
        return known
    inside, frontier = {code}, {code}
    children = areas.dropna(subset=["parent"]).groupby("parent")["code"].agg(list).to_dict()
    while frontier:
        frontier = {c for parent in frontier for c in children.get(parent, [])} - inside
        inside |= frontier
    if len(inside) == 1:
        digits = code[2:]
        inside |= {c for c in known if c[2:].startswith(digits)}
    return [c for c in known if c in inside]
