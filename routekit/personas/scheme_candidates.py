"""Candidate personas from the segment scheme itself, for routes without usage figures.

When a route has no aggregate use per segment (``area/behaviour.csv``), for
instance a new route with only the open classification of ``routekit
classify``, the candidates are the groups (or types) of the scheme: those the
library misses most when members are known (:func:`routekit.area.under_reached`),
then the largest. Each candidate carries the scheme's name, description, size
and persona traits. The figures describe neighbourhoods, not people: a
candidate is a basis to check in conversations, not a fixed guide.

Examples
--------
>>> from routekit.area import load_route_data
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> model = scheme_candidates(data, n=2)
>>> model.basis, len(model.personas)
('scheme', 2)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.area import profile, under_reached
from routekit.i18n import t
from routekit.personas.generate import PersonaModel

__all__ = ["candidate_lines", "scheme_candidates"]


def _missed(data, level: str) -> pd.Series:
    """Member households missed per segment (positive only), empty when members are unknown."""
    if data.members is None or not np.nansum(data.members):
        return pd.Series(dtype=float)
    return under_reached(data, level=level).table["missed"]


def scheme_candidates(data, *, n: int = 3, level: str = "group"):
    """The *n* segments of *level* that make the best starting candidates.

    Taken in turn: the segment the library misses most (missed member
    households, :func:`routekit.area.under_reached`), the largest (households),
    the next most missed, the next largest, and so on, each once; without
    members only the largest. Segments without households are never candidates.

    Parameters
    ----------
    data : SegmentData
        Scheme and counts (:func:`routekit.area.load_route_data`).
    n : int, default 3
    level : {"group", "type"}

    Returns
    -------
    PersonaModel
        ``basis == "scheme"``; ``personas`` has ``segment``, ``segment_name``,
        ``description``, ``segments``, ``households``, ``share``, ``missed``
        (NaN when members are unknown) and an empty ``behaviours`` list; the
        profiles and weights are empty (there is no factorisation).

    Raises
    ------
    ValueError
        When no segment has households.

    Examples
    --------
    Hand-made: with no members, the largest group comes first.

    >>> from routekit.area import SegmentData, Scheme
    >>> scheme = Scheme(pd.DataFrame({"level": ["group", "type", "group", "type"],
    ...     "parent": [None, "A", None, "B"], "name": ["Aa", "Aa1", "Bb", "Bb1"],
    ...     "description": ["a", "a1", "b", "b1"]},
    ...     index=pd.Index(["A", "A1", "B", "B1"], name="code")))
    >>> counts = pd.DataFrame({"area_code": ["x", "x"], "segment_code": ["A1", "B1"],
    ...                        "households": [10.0, 30.0]})
    >>> model = scheme_candidates(SegmentData.from_long(scheme, counts), n=1)
    >>> model.personas[["segment", "segment_name", "households"]].to_dict("records")
    [{'segment': 'B', 'segment_name': 'Bb', 'households': 30.0}]
    """
    sizes = profile(data, reference="all", level=level)["count"].astype(float)
    sizes = sizes[sizes > 0]
    if sizes.empty:
        raise ValueError(t("candidates.none"))
    missed = _missed(data, level).reindex(sizes.index)
    chosen = _interleave(missed.dropna().sort_values(ascending=False, kind="stable").index,
                         sizes.sort_values(ascending=False, kind="stable").index)
    chosen = chosen[:max(1, int(n))]
    table = data.scheme.table
    rows = [{"segment": str(code), "segment_name": str(table.at[code, "name"]),
             "description": _text(table, code, "description"), "segments": [str(code)],
             "households": float(sizes[code]), "missed": float(missed.get(code, np.nan)),
             "behaviours": []} for code in chosen]
    personas = pd.DataFrame(rows, index=pd.RangeIndex(1, len(rows) + 1, name="persona"))
    personas["share"] = personas["households"] / sizes.sum()
    return PersonaModel(personas=personas, profiles=pd.DataFrame(), weights=pd.DataFrame(),
                        basis="scheme")


def _interleave(first: pd.Index, second: pd.Index) -> list:
    """Items of *first* and *second* in turn, each once.

    >>> _interleave(pd.Index(["B", "D"]), pd.Index(["A", "B", "C"]))
    ['B', 'A', 'D', 'C']
    """
    from itertools import chain, zip_longest

    out = []
    for code in chain.from_iterable(zip_longest(first, second)):
        if code is not None and code not in out:
            out.append(code)
    return out


def _share(value: float) -> str:
    return f"{value * 100:.0f}%" if value >= 0.01 else t("candidates.below_one")


def _text(table: pd.DataFrame, code: str, column: str) -> str:
    value = table.at[code, column] if column in table.columns else None
    return "" if value is None or pd.isna(value) else str(value)


def _dutch(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def candidate_lines(model) -> list[str]:
    """One plain Dutch line per candidate of :func:`scheme_candidates`.

    Name, share of the households, the gap in members (when known) and the description.

    Examples
    --------
    >>> from routekit.personas.generate import PersonaModel
    >>> personas = pd.DataFrame({"segment": ["B"], "segment_name": ["Bb"], "description": ["b"],
    ...     "households": [1200.0], "share": [0.25], "missed": [float("nan")]}, index=[1])
    >>> candidate_lines(PersonaModel(personas, pd.DataFrame(), pd.DataFrame(), basis="scheme"))
    ['1. Bb (25% van de huishoudens). b']
    """
    lines = []
    for k, row in model.personas.iterrows():
        line = t("candidates.line", number=k, name=row["segment_name"] or row["segment"],
                 share=_share(row["share"]))
        if pd.notna(row.get("missed")) and row["missed"] > 0:
            line += " " + t("candidates.missed", missed=_dutch(row["missed"]))
        if row.get("description"):
            line += " " + row["description"]
        lines.append(line)
    return lines
