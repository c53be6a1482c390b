"""Reading the segment files users bring: the scheme, counts per area and segment, areas.

Each reads the file it is given (CSV or Excel, Dutch or English layout), never
a route, and reports every problem with file, row and field -- never dropping
a row silently.

Examples
--------
>>> scheme = load_scheme("data/sample-route/area/segment_scheme.csv")
>>> counts = read_counts("data/sample-route/area/segments.csv", scheme=scheme)
>>> list(counts.columns)
['area_code', 'segment_code', 'households']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from routekit.area.scheme import Scheme, scheme_from_table
from routekit.area.segments import area_level, clean_code
from routekit.errors import Problem, TableError, display_name
from routekit.i18n import t
from routekit.io import MAX_PROBLEMS, read_table

__all__ = ["load_scheme", "read_areas", "read_counts"]


def load_scheme(path: str | Path, *, rename: Mapping[str, str] | None = None) -> Scheme:
    """Read a segment scheme file (CSV/Excel, any Dutch or English layout).

    Parameters
    ----------
    path : str or Path
    rename : mapping, optional
        Map of the file's column names to routekit's (``code``, ``name``,
        ``level``, ``parent``, ``description``), e.g. ``{"Segment": "code"}``.

    Returns
    -------
    Scheme

    Raises
    ------
    TableError
        Naming file, row and field: missing columns, unknown levels, repeated
        codes, types whose group is not in the file, groups without types.
    """
    frame = read_table(path, required=["code", "name"], optional=["level", "parent",
                                                                  "description"],
                       rename=rename)
    return scheme_from_table(frame, display_name(path))


def _cap(problems: list[Problem], file: str) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return [*problems[:MAX_PROBLEMS],
            Problem(file, t("io.more_problems", count=len(problems) - MAX_PROBLEMS))]


def read_counts(path: str | Path, *, value: str = "households", scheme: Scheme | None = None,
                rename: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Read counts per area and segment from a long or wide export.

    Parameters
    ----------
    path : str or Path
        CSV/Excel file. Long: columns ``area_code``, ``segment_code`` and
        *value*. Wide: an ``area_code`` column and one column per segment code.
    value : str, default "households"
        Name of the count column in a long file (and of the result column).
    scheme : Scheme, optional
        When given, segment codes not in the scheme are reported (wide files
        need it to tell segment columns from others).
    rename : mapping, optional
        The file's column names mapped to routekit's, e.g.
        ``{"Postcode": "area_code", "Mosaic type": "segment_code", "Aantal": "households"}``.

    Returns
    -------
    pandas.DataFrame
        Long: ``area_code``, ``segment_code``, *value* (float), one row per
        pair (repeated pairs are added up).

    Raises
    ------
    TableError
        Missing columns, unknown segment codes, negative or non-numeric counts,
        unknown area codes -- each with file, row and field.
    """
    file = display_name(path)
    head = read_table(path, rename=rename)
    is_long = "segment_code" in head.columns
    if is_long:
        frame = read_table(path, required=["area_code", "segment_code", value],
                           numeric=[value], rename=rename)
        frame = frame.assign(row=frame.index + 2)
        long = frame[["area_code", "segment_code", value, "row"]]
        fields = pd.Series(value, index=long.index)
    else:
        codes = list(scheme.table.index) if scheme is not None else []
        segment_cols = [c for c in head.columns if c in codes]
        frame = read_table(path, required=["area_code"], numeric=segment_cols, rename=rename)
        if scheme is None or not segment_cols:
            found = ", ".join(head.columns)
            raise TableError(Problem(file, t("area.counts.no_segments", found=found,
                                             value=value)))
        unknown = [c for c in frame.columns if c not in segment_cols and c != "area_code"]
        problems = [Problem(file, t("area.counts.unknown_segment", code=c), row=1, field=c)
                    for c in unknown]
        if problems:
            raise TableError(problems)
        long = frame.assign(row=frame.index + 2).melt(
            id_vars=["area_code", "row"], value_vars=segment_cols, var_name="segment_code",
            value_name=value)
        fields = long["segment_code"]
    problems = _count_problems(long, value, scheme, file, fields)
    if problems:
        raise TableError(_cap(problems, file))
    long = long.dropna(subset=["area_code"]).assign(
        area_code=lambda d: d["area_code"].map(clean_code),
        segment_code=lambda d: d["segment_code"].str.strip())
    out = (long.groupby(["area_code", "segment_code"], sort=False, as_index=False)[value]
           .sum(min_count=1))
    return out.assign(**{value: out[value].astype("float64")})


def _count_problems(long: pd.DataFrame, value: str, scheme: Scheme | None, file: str,
                    fields: pd.Series) -> list[Problem]:
    problems = []
    if scheme is not None:
        known = set(scheme.types) | set(scheme.groups)
        bad = long["segment_code"].notna() & ~long["segment_code"].str.strip().isin(known)
        problems += [Problem(file, t("area.counts.unknown_segment", code=code), row=int(row),
                             field="segment_code")
                     for code, row in zip(long.loc[bad, "segment_code"],
                                          long.loc[bad, "row"], strict=True)]
    negative = long[value].fillna(0) < 0
    problems += [Problem(file, t("area.counts.negative", value=v), row=int(r), field=str(f))
                 for v, r, f in zip(long.loc[negative, value], long.loc[negative, "row"],
                                    fields[negative], strict=True)]
    no_area = long["area_code"].isna() & long[value].notna()
    problems += [Problem(file, t("area.counts.no_area"), row=int(r), field="area_code")
                 for r in long.loc[no_area, "row"]]
    return sorted(problems, key=lambda p: (p.row or 0))


def read_areas(path: str | Path) -> pd.DataFrame:
    """Read the area hierarchy: ``code``, ``name``, ``level``, ``parent`` (+ extra columns).

    The level is taken from the code pattern when the file has none.

    Returns
    -------
    pandas.DataFrame
        Indexed by code.
    """
    frame = read_table(path, required=["code", "name"], optional=["level", "parent"])
    frame = frame.dropna(subset=["code"]).assign(code=lambda d: d["code"].map(clean_code))
    frame = frame.assign(parent=frame["parent"].map(clean_code, na_action="ignore"),
                         level=frame["level"].fillna(frame["code"].map(area_level)))
    return frame.set_index("code")
