"""CBS tables side by side: which table a file holds, merging tables on area code, trends.

Every CBS import is kept in its own file in the route's ``area/cbs/`` folder,
named ``<table>-<year>.csv``::

    area/cbs/kerncijfers-2023.csv    Kerncijfers wijken en buurten 2023
    area/cbs/kerncijfers-2019.csv    the same table of an earlier year (for trends)
    area/cbs/nabijheid-2023.csv      Nabijheid voorzieningen 2023
    area/cbs/gezondheid-2020.csv     Gezondheid per wijk en buurt 2020

Each file holds the figures in the kwb download's short codes (``gwb_code_10``,
``regio``, ``recs``, ``a_inw`` ...; see :meth:`KeyFigures.to_kwb`), ``;``-separated
with decimal commas, so it opens in Excel. Re-importing a table of the same
year replaces only that file; other tables and years are kept. An older
route's single ``area/kerncijfers_kwb.csv`` is read as the *kerncijfers* table
of its year; the next CBS import moves it into ``area/cbs/`` (its last version
stays in ``.backup/``).

:func:`merge_key_figures` merges tables into one :class:`KeyFigures`: each
variable comes from the newest table that has it. :func:`trend` compares a
variable between the earliest and the latest year. Reading and storing the
route's tables: :mod:`routekit.area.stored` (``stored_tables``,
``route_key_figures``, ``store_key_figures``).

Examples
--------
>>> from routekit.area import read_key_figures
>>> figures = merge_key_figures([read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")])
>>> int(figures.table.loc["GM9901", "inhabitants"])
64741
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from routekit.area.cbs import REGION_FIELDS, TABLE_YEARS, KeyFigures
from routekit.i18n import t

__all__ = ["TABLES", "merge_key_figures", "table_of", "table_title", "trend"]

#: Known CBS tables: routekit's short name → words in file names that identify it.
TABLES = {"kerncijfers": ("kerncijfers", "kwb"), "nabijheid": ("nabijheid",),
          "gezondheid": ("gezondheid",)}

_REGION = [f[0] for f in REGION_FIELDS if f[0] not in ("code", "year")]


def table_title(table: str, year: int | None) -> str:
    """Dutch (or English) title of a CBS table and year.

    Examples
    --------
    >>> table_title("kerncijfers", 2023)
    'Kerncijfers wijken en buurten 2023'
    """
    try:
        name = t(f"import.table.{table}")
    except KeyError:
        name = table
    return f"{name} {year}" if year else name


def table_of(figures: KeyFigures, path: str | Path | None = None) -> str:
    """Which CBS table a file holds: from its name, its OData table id, else its variables.

    Examples
    --------
    >>> from routekit.area import read_key_figures
    >>> table_of(read_key_figures("data/sample-route/area/kerncijfers_kwb.csv"))
    'kerncijfers'
    """
    name = Path(path or figures.source).name.casefold()
    for table, words in TABLES.items():
        if any(word in name for word in words):
            return table
    if any(table_id.casefold() in name for table_id in TABLE_YEARS):
        return "kerncijfers"
    variables = figures.variables
    if variables and all(v.startswith("distance_") for v in variables):
        return "nabijheid"
    return "kerncijfers"


def _empty() -> KeyFigures:
    table = pd.DataFrame(columns=[*_REGION, "year"], index=pd.Index([], name="code",
                                                                     dtype="str"))
    return KeyFigures(table=table, format="kwb", year=None)


def merge_key_figures(tables: Sequence[KeyFigures]) -> KeyFigures:
    """Merge CBS tables on area code; each variable from the newest table that has it.

    Region fields (name, level, municipality) come from the newest table that
    names the area. Empty input gives an empty (valid) :class:`KeyFigures`.

    Examples
    --------
    >>> merge_key_figures([]).variables
    []
    """
    if not tables:
        return _empty()
    newest_first = sorted(tables, key=lambda f: f.year or 0, reverse=True)
    regions = newest_first[0].table[_REGION]
    for figures in newest_first[1:]:
        regions = regions.combine_first(figures.table[_REGION])
    merged = regions.copy()
    years: dict[str, int] = {}
    columns = {}
    for figures in newest_first:
        for name in figures.variables:
            if name not in columns and figures.table[name].notna().any():
                columns[name] = figures.table[name]
                years[name] = figures.year
    for figures in newest_first:  # in a file but not published (all '.'): kept, empty
        for name in figures.variables:
            if name not in columns:
                columns[name] = figures.table[name]
                years[name] = figures.year
    from routekit.area.cbs import VARIABLES

    order = [v[0] for v in VARIABLES if v[0] in columns]
    merged = merged.join(pd.DataFrame({name: columns[name] for name in order}), how="left")
    merged["year"] = newest_first[0].year
    merged.index.name = "code"
    return KeyFigures(table=merged, format="kwb", year=newest_first[0].year,
                      matched={}, source=", ".join(f.source for f in newest_first),
                      tables=[title for f in sorted(tables, key=lambda f: f.year or 0)
                              for title in f.tables], years=years)


def trend(tables: Sequence[KeyFigures], variable: str) -> pd.DataFrame:
    """Change of one variable per area between the earliest and the latest year.

    Parameters
    ----------
    tables : sequence of KeyFigures
        E.g. the kerncijfers of 2019 and 2024; tables without *variable* are skipped.
    variable : str
        A routekit variable, e.g. ``"inhabitants"``.

    Returns
    -------
    pandas.DataFrame
        Indexed by area code: ``name``, ``level``, ``first_year``, ``first``,
        ``last_year``, ``last``, ``change`` and ``change_pct`` (missing where
        a year lacks the area or its figure). Empty when fewer than two years
        have the variable.

    Examples
    --------
    >>> trend([], "inhabitants").empty
    True
    """
    columns = ["name", "level", "first_year", "first", "last_year", "last", "change",
               "change_pct"]
    having = sorted((f for f in tables if variable in f.variables and f.year),
                    key=lambda f: f.year)
    if len(having) < 2 or having[0].year == having[-1].year:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="code", dtype="str"))
    first, last = having[0], having[-1]
    codes = last.table.index.union(first.table.index, sort=False)
    before = first.table[variable].reindex(codes)
    after = last.table[variable].reindex(codes)
    names = last.table["name"].reindex(codes).fillna(first.table["name"].reindex(codes))
    levels = last.table["level"].reindex(codes).fillna(first.table["level"].reindex(codes))
    out = pd.DataFrame({"name": names, "level": levels, "first_year": first.year,
                        "first": before, "last_year": last.year, "last": after,
                        "change": after - before,
                        "change_pct": 100 * (after - before) / before.where(before != 0)},
                       index=codes)
    out.index.name = "code"
    return out
