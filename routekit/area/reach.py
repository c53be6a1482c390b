"""Reach: which inhabitants does the library reach, and whom does it miss?

Relates the members' analysis to the residents' analysis: penetration per
segment (member households ÷ households), its index against the overall
penetration of the same areas, and a ranking of under-reached segments
weighted by size -- the households the library would have as members if the
segment joined at the average rate, minus those it has ("missed"). The
largest missed group is where the library misses the most people, not merely
the lowest rate.

The CBS tables of the national library-members data set are read by
:func:`routekit.area.files.read_library_members`.

Examples
--------
>>> from routekit.area import load_route_data
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> ranking = under_reached(data, level="type").table
>>> ranking.head(3)[["name", "missed", "rank"]].round()  # doctest: +NORMALIZE_WHITESPACE
                      name  missed  rank
segment
K05             Stil Thuis   180.0     1
K01      Alleen na Verlies   155.0     2
K02           Seniorenflat   155.0     3
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from routekit.area.profile import MIN_COUNT, _to_level
from routekit.area.segments import SegmentData

__all__ = ["SegmentReach", "area_overview", "penetration", "penetration_by_area",
           "under_reached"]


@dataclass(frozen=True)
class SegmentReach:
    """Reach per segment (``table``, indexed by segment) and the overall rate of the same
    areas (``overall``, 0–1; NaN without households)."""

    table: pd.DataFrame
    overall: float


def _rate(members: np.ndarray, households: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(households > 0, members / households, np.nan)


def penetration(data: SegmentData, areas: Iterable[str] | str | None = None, *,
                level: str = "type", min_count: float = MIN_COUNT) -> SegmentReach:
    """Penetration per segment in a set of areas, and its index against the overall rate.

    Returns
    -------
    SegmentReach
        ``table`` indexed by segment: ``name``, ``households``, ``members``,
        ``penetration`` (0–1), ``index`` (penetration ÷ overall penetration ×
        100), ``reliable`` (households ≥ *min_count*), ``households_pct`` and
        ``members_pct`` (% of all households and member households of these
        areas); ``overall`` the overall penetration.

    Examples
    --------
    Hand-computed: 50 member households of 200 is 0.25; with 1,000 of 5,000
    (0.20) overall, the index is 125.
    """
    positions = None if areas is None else data.positions(areas)
    households = _to_level(data.totals(positions), data, level)
    members = _to_level(data.totals(positions, measure="members"), data, level)
    overall = members.sum() / households.sum() if households.sum() else np.nan
    rate = _rate(members, households)
    codes = data.scheme.codes(level)
    with np.errstate(invalid="ignore", divide="ignore"):
        households_pct = 100 * households / households.sum()
        members_pct = 100 * members / members.sum()
    frame = pd.DataFrame({
        "name": data.scheme.table.loc[codes, "name"].to_numpy(),
        "households": households, "members": members, "penetration": rate,
        "index": 100 * rate / overall, "reliable": households >= min_count,
        "households_pct": households_pct, "members_pct": members_pct,
    }, index=pd.Index(codes, name="segment"))
    return SegmentReach(frame, float(overall))


def penetration_by_area(data: SegmentData, area_level: str = "wijk", *, level: str = "group"
                        ) -> pd.DataFrame:
    """Penetration of every area at *area_level* (rows) for every segment (columns)."""
    households = data.by_level(area_level)
    members = data.by_level(area_level, measure="members")
    rate = _rate(_to_level(members.to_numpy(), data, level),
                 _to_level(households.to_numpy(), data, level))
    return pd.DataFrame(rate, index=households.index, columns=data.scheme.codes(level))


def under_reached(data: SegmentData, areas: Iterable[str] | str | None = None, *,
                  level: str = "type", min_count: float = MIN_COUNT) -> SegmentReach:
    """Segments ranked by the member households the library misses, largest first.

    ``missed = households × overall penetration − members``: how many more
    member households the segment would have at the average rate of these
    areas. Only segments with ``missed > 0`` are listed.

    Returns
    -------
    SegmentReach
        ``table``: the :func:`penetration` columns plus ``missed``,
        ``missed_share`` (of all missed households) and ``rank`` (1 = largest
        gap); ``overall`` as :func:`penetration`.

    Examples
    --------
    Hand-computed: 400 households at an overall rate of 0.20 would give 80
    members; with 30 members the segment misses 50.
    """
    rates = penetration(data, areas, level=level, min_count=min_count)
    frame, overall = rates.table, rates.overall
    missed = frame["households"] * overall - frame["members"]
    frame = frame.assign(missed=missed)
    frame = frame[frame["missed"] > 0].sort_values("missed", ascending=False)
    frame = frame.assign(missed_share=frame["missed"] / frame["missed"].sum(),
                         rank=np.arange(1, len(frame) + 1))
    return SegmentReach(frame, overall)


def area_overview(data: SegmentData, figures=None, *, area_level: str = "buurt"
                  ) -> pd.DataFrame:
    """One row per area: households, member households, penetration, joined with CBS figures.

    Parameters
    ----------
    data : SegmentData
    figures : KeyFigures, optional
        From :func:`routekit.area.read_key_figures`; its variables are joined on
        the area code (e.g. inhabitants, income, ``distance_library_km`` from
        the StatLine "Nabijheid voorzieningen" table).
    area_level : str, default "buurt"

    Returns
    -------
    pandas.DataFrame
        Indexed by area code: ``name``, ``households``, ``members``,
        ``penetration`` and the key-figure variables (missing where CBS has none;
        ``households_cbs`` is the CBS count of households).
    """
    households = data.by_level(area_level).sum(axis=1)
    out = pd.DataFrame({"name": data.area_names(households.index),
                        "households": households.to_numpy()}, index=households.index)
    if data.members is not None:
        out["members"] = data.by_level(area_level, measure="members").sum(axis=1)
        out["penetration"] = _rate(out["members"].to_numpy(), out["households"].to_numpy())
    if figures is not None:
        cbs = figures.table[figures.variables]
        out = out.join(cbs.rename(columns=lambda c: f"{c}_cbs" if c in out.columns else c),
                       how="left")
    return out
