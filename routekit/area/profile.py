"""Segment profiles: counts, shares and index of an area set against a reference.

``index = share in the area / share in the reference × 100``: 100 is average,
200 twice as common, 50 half as common. A reference is the whole
municipality, all areas in the file, the national reference table, or any
other set of areas. Counts below ``min_count`` are flagged as unreliable:
shares of a handful of households say little.

Examples
--------
>>> from routekit.area import load_route_data
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> p = profile(data, ["WK990106"], reference="municipality", level="group")
>>> p.round(2).loc["E", ["count", "share", "index", "reliable"]]
count        287.0
share         0.13
index       156.76
reliable      True
Name: E, dtype: object
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from routekit.area.segments import SegmentData
from routekit.i18n import t

__all__ = ["MIN_COUNT", "REFERENCES", "compare", "index_table", "profile", "reference_totals"]

#: Counts below this many households (or persons) are flagged as unreliable.
MIN_COUNT = 20

#: Named references; any list of area codes is accepted as well.
REFERENCES = ("municipality", "all", "national")


def _to_level(values: np.ndarray, data: SegmentData, level: str) -> np.ndarray:
    """Type counts (last axis) summed to groups when *level* is ``"group"``."""
    if level == "type":
        return values
    if level == "group":
        return values @ data.scheme.membership()
    raise ValueError(t("area.level.unknown", level=level))


def reference_totals(data: SegmentData, reference: str | Iterable[str] = "municipality",
                     areas: Iterable[str] | None = None, *, measure: str = "households"
                     ) -> np.ndarray:
    """Counts per type of a reference.

    Parameters
    ----------
    reference : {"municipality", "all", "national"} or list of area codes
        ``"municipality"``: the gemeente(s) that hold *areas* (all areas when
        the data has no gemeente level); ``"all"``: every area in the file;
        ``"national"``: the national reference table (shares only).
    """
    if not isinstance(reference, str):
        return data.totals(data.positions(list(reference)), measure=measure)
    if reference == "all":
        return data.totals(measure=measure)
    if reference == "national":
        if data.national is None:
            from routekit.area.segments import AreaDataError

            raise AreaDataError(t("area.reference.no_national"), "national_reference.csv")
        return data.national.reindex(data.types).fillna(0).to_numpy(dtype=float)
    if reference == "municipality":
        if "gemeente" not in data.levels or areas is None:
            return data.totals(measure=measure)
        gemeenten = pd.unique(data.ancestors["gemeente"].to_numpy()[data.positions(areas)])
        return data.totals(data.positions([g for g in gemeenten if g]), measure=measure)
    raise ValueError(t("area.reference.unknown", reference=reference,
                       choices=", ".join(REFERENCES)))


def _shares(counts: np.ndarray) -> np.ndarray:
    total = counts.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, counts / total, np.nan)


def _index(share: np.ndarray, ref_share: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(ref_share > 0, 100 * share / ref_share, np.nan)


def profile(data: SegmentData, areas: Iterable[str] | str | None = None, *,
            reference: str | Iterable[str] = "municipality", level: str = "type",
            measure: str = "households", min_count: float = MIN_COUNT) -> pd.DataFrame:
    """Profile of a set of areas: count, share and index per segment.

    Parameters
    ----------
    data : SegmentData
    areas : str or list of str, optional
        Area codes at any level (buurt, wijk, postcode ...); None = all areas.
    reference : {"municipality", "all", "national"} or list of area codes
        What the index compares with (see :func:`reference_totals`).
    level : {"type", "group"}
    measure : {"households", "members"}
    min_count : float, default :data:`MIN_COUNT`
        Counts below this are flagged ``reliable = False``.

    Returns
    -------
    pandas.DataFrame
        Indexed by segment code: ``name``, ``count``, ``share`` (0–1),
        ``ref_count``, ``ref_share``, ``index`` (NaN when the reference has
        none of the segment), ``reliable``.

    Examples
    --------
    Hand-computed: an area with 30 of 100 households in group E, where the
    municipality has 200 of 2,000, has share 0.30 against 0.10: index 300.
    """
    positions = None if areas is None else data.positions(areas)
    counts = _to_level(data.totals(positions, measure=measure), data, level)
    ref = _to_level(reference_totals(data, reference, areas, measure=measure), data, level)
    share, ref_share = _shares(counts), _shares(ref)
    codes = data.scheme.codes(level)
    return pd.DataFrame({
        "name": data.scheme.table.loc[codes, "name"].to_numpy(),
        "count": counts, "share": share, "ref_count": ref, "ref_share": ref_share,
        "index": _index(share, ref_share), "reliable": counts >= min_count,
    }, index=pd.Index(codes, name="segment"))


def compare(data: SegmentData, area_sets: Mapping[str, Iterable[str] | str], *,
            reference: str | Iterable[str] = "municipality", level: str = "group",
            value: str = "index", measure: str = "households") -> pd.DataFrame:
    """Several area sets side by side (e.g. the city and the three villages).

    Parameters
    ----------
    area_sets : mapping
        Label → area code(s), e.g. ``{"Sleutelstad": ["WK990101", ...], "Heidebroek": "WK990106"}``.
    value : {"index", "share", "count"}
        Which profile column to put side by side.

    Returns
    -------
    pandas.DataFrame
        Segments (rows) × labels (columns).
    """
    columns = {label: profile(data, codes, reference=reference, level=level,
                              measure=measure)[value]
               for label, codes in area_sets.items()}
    return pd.DataFrame(columns)


def index_table(data: SegmentData, area_level: str = "wijk", *, level: str = "group",
                reference: str | Iterable[str] = "all", measure: str = "households"
                ) -> pd.DataFrame:
    """Index of every area at *area_level* (rows) for every segment (columns).

    Computed on the cached level matrix in one vectorised step, so it is fast
    at postcode level too. Areas without any households get NaN.
    """
    counts = data.by_level(area_level, measure=measure)
    values = _to_level(counts.to_numpy(), data, level)
    ref = _to_level(reference_totals(data, reference, measure=measure), data, level)
    index = _index(_shares(values), _shares(ref)[None, :])
    return pd.DataFrame(index, index=counts.index, columns=data.scheme.codes(level))
