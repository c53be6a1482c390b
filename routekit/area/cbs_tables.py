"""A route's CBS tables side by side: one file per CBS table and year, merged on area code.

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

:func:`route_key_figures` merges all tables into one :class:`KeyFigures`: each
variable comes from the newest table that has it. :func:`trend` compares a
variable between the earliest and the latest year.

Examples
--------
>>> from routekit.workspace import Route
>>> figures = route_key_figures(Route.open("data/sample-route"))
>>> int(figures.table.loc["GM9901", "inhabitants"]), figures.tables
(64741, ['Kerncijfers wijken en buurten'])
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from routekit.area.cbs import REGION_FIELDS, TABLE_YEARS, KeyFigures, read_key_figures
from routekit.errors import Problem, TableError
from routekit.i18n import t

__all__ = ["LEGACY_FILE", "TABLES", "StoreResult", "StoredTable", "merge_key_figures",
           "route_key_figures", "route_trend", "store_key_figures", "stored_tables",
           "table_of", "trend"]

#: Known CBS tables: routekit's short name → words in file names that identify it.
TABLES = {"kerncijfers": ("kerncijfers", "kwb"), "nabijheid": ("nabijheid",),
          "gezondheid": ("gezondheid",)}

#: The single CBS file of routes made before tables were kept side by side.
LEGACY_FILE = "kerncijfers_kwb"

_STORED = re.compile(r"^([a-z0-9_]+)-((?:19|20)\d\d)\.csv$")
_REGION = [f[0] for f in REGION_FIELDS if f[0] not in ("code", "year")]


def _title(table: str, year: int | None) -> str:
    try:
        name = t(f"import.table.{table}")
    except KeyError:
        name = table
    return f"{name} {year}" if year else name


@dataclass
class StoredTable:
    """One stored CBS table of a route: its short name, year and file."""

    table: str
    year: int
    path: Path

    @property
    def title(self) -> str:
        """Dutch (or English) title, e.g. ``"Kerncijfers wijken en buurten 2023"``."""
        return _title(self.table, self.year)

    def figures(self) -> KeyFigures:
        """The table's figures (read from its file)."""
        figures = read_key_figures(self.path, year=self.year)
        figures.tables = [self.title]
        figures.years = dict.fromkeys(figures.variables, self.year)
        return figures


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


def _folder(route) -> Path:
    return route.area_file("cbs", "")


def stored_tables(route) -> list[StoredTable]:
    """The route's CBS tables, sorted by table and year (the old single file included)."""
    found = []
    folder = _folder(route)
    if folder.is_dir():
        for path in folder.iterdir():
            match = _STORED.match(path.name)
            if match:
                found.append(StoredTable(match.group(1), int(match.group(2)), path))
    legacy = route.area_file(LEGACY_FILE)
    if legacy.is_file():
        year = read_key_figures(legacy).year or 0
        if not any(s.table == "kerncijfers" and s.year == year for s in found):
            found.append(StoredTable("kerncijfers", year, legacy))
    return sorted(found, key=lambda s: (s.table, s.year))


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


def route_key_figures(route) -> KeyFigures:
    """All CBS figures of a route, every stored table merged on area code.

    Returns an empty but valid :class:`KeyFigures` (no rows, no variables)
    when nothing is imported yet.
    """
    return merge_key_figures([stored.figures() for stored in stored_tables(route)])


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


def route_trend(route, variable: str, table: str = "kerncijfers") -> pd.DataFrame:
    """:func:`trend` of *variable* over the years of one stored table of the route."""
    return trend([s.figures() for s in stored_tables(route) if s.table == table], variable)


@dataclass
class StoreResult:
    """What storing a table did: its file, and the titles added, replaced and kept."""

    path: Path
    title: str
    replaced: bool
    kept: list[str] = field(default_factory=list)


def store_key_figures(route, figures: KeyFigures, table: str) -> StoreResult:
    """Store *figures* as the route's *table* of their year, keeping every other table.

    Only the file of the same table and year is replaced (its previous version
    goes to ``.backup/``). An old ``area/kerncijfers_kwb.csv`` is moved into
    ``area/cbs/`` first, so it is kept as its own table.

    Raises
    ------
    TableError
        When the figures have no year (then ``--year`` is needed).
    """
    from routekit.io import write_table

    if not figures.year:
        raise TableError(Problem(figures.source, t("import.no_year")))
    if not re.fullmatch(r"[a-z0-9_]+", table):
        raise TableError(Problem(figures.source, t("import.bad_table", table=table)))
    folder = _folder(route)
    folder.mkdir(parents=True, exist_ok=True)
    _move_legacy(route, folder)
    target = folder / f"{table}-{figures.year}.csv"
    replaced = target.exists()
    write_table(figures.to_kwb(), target)
    kept = [s.title for s in stored_tables(route) if s.path != target]
    return StoreResult(target, _title(table, figures.year), replaced, kept)


def _move_legacy(route, folder: Path) -> None:
    from routekit.io import write_table

    legacy = route.area_file(LEGACY_FILE)
    if not legacy.is_file():
        return
    old = read_key_figures(legacy)
    if not old.year:
        return  # read in place until its year is known
    target = folder / f"kerncijfers-{old.year}.csv"
    if not target.exists():
        write_table(old.to_kwb(), target)
    backup = legacy.parent / ".backup"
    backup.mkdir(exist_ok=True)
    shutil.move(str(legacy), backup / legacy.name)
