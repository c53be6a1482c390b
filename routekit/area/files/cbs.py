"""Reading CBS key-figure files as users download them: Excel, CSV (StatLine) and JSON (OData).

:func:`read_key_figures` reads the cells of a file (:func:`read_grid`) and maps
them with :func:`routekit.area.cbs.parse_key_figures`; :func:`fetch_key_figures`
fetches them online. Each reads the file it is given, never a route.

Examples
--------
>>> figures = read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")
>>> figures.format, int(figures.table.loc["GM9901", "inhabitants"])
('kwb', 64741)
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from routekit.area.cbs import (
    TABLE_YEARS,
    KeyFigures,
    detect_format,
    header_names,
    parse_key_figures,
    unique_names,
)
from routekit.area.segments import clean_code
from routekit.errors import Problem, TableError, display_name
from routekit.i18n import t
from routekit.io import CSV_SUFFIXES, EXCEL_SUFFIXES

__all__ = ["fetch_key_figures", "read_grid", "read_key_figures"]


def read_key_figures(path: str | Path, *, year: int | None = None) -> KeyFigures:
    """Read CBS key figures in any of the three formats into routekit's names.

    Parameters
    ----------
    path : str or Path
        ``.xlsx``/``.csv``/``.txt``/``.json`` file as downloaded or saved.
    year : int, optional
        The figures' year; otherwise taken from a ``Perioden``/``jaar`` column,
        the OData table id or a year in the file name.

    Returns
    -------
    KeyFigures

    Raises
    ------
    TableError
        When the format is not recognised or no region code column is found
        (the message lists the columns found), or a figure is not a number
        (file, row and field named).
    """
    path = Path(path)
    return parse_key_figures(read_grid(path), file=display_name(path), year=year)


def read_grid(path: Path, *, head: int | None = None) -> pd.DataFrame:
    """All cells as read (text or numbers), with the real header row as column names.

    Excel is read with python-calamine (fast; numbers stay numbers), CSV with
    routekit's encoding and separator detection; JSON is a cbsodata list of
    records or an OData ``{"value": [...]}``. A title row above the header (as
    in some StatLine exports) is skipped: the header is the first of the top
    rows whose names are recognised as a CBS format. ``head`` reads only the
    first rows (enough to recognise a file).
    """
    file = display_name(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(path.read_text("utf-8-sig"))
        except (OSError, ValueError) as error:
            raise TableError(Problem(file, t("io.unreadable", error=error))) from error
        records = data.get("value", []) if isinstance(data, dict) else data
        frame = pd.DataFrame.from_records(records)
        return frame.map(lambda v: None if v is None else str(v).strip()).astype("object")
    if suffix in EXCEL_SUFFIXES:
        grid = _excel_grid(path, file, head)
    elif suffix in CSV_SUFFIXES:
        grid = _csv_grid(path, file, head)
    else:
        raise TableError(Problem(file, t("io.unsupported_type", suffix=path.suffix)))
    grid = grid.dropna(how="all").reset_index(drop=True)
    start = next((i for i in range(min(len(grid), 10))
                  if detect_format(header_names(grid.iloc[i]))), 0)
    if grid.empty:
        return pd.DataFrame()
    columns = header_names(grid.iloc[start])
    body = grid.iloc[start + 1:].reset_index(drop=True)
    body.columns = unique_names(columns)
    return body.loc[:, [bool(c) for c in columns]]


def _excel_grid(path: Path, file: str, head: int | None = None) -> pd.DataFrame:
    """The first sheet's cells, read with python-calamine.

    The same reader as ``pandas.read_excel(engine="calamine")``, called
    directly: pandas' wrapper converts every cell in Python, which costs
    seconds on a national file (18,000 regions × 120 columns).
    """
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        rows = sheet.to_python(nrows=head)
    except Exception as error:  # the Excel reader raises many types for broken files
        raise TableError(Problem(file, t("io.unreadable", error=error))) from error
    return pd.DataFrame(rows, dtype=object)


def _csv_grid(path: Path, file: str, head: int | None = None) -> pd.DataFrame:
    import csv
    import io

    from routekit.io import _decode, _sniff_separator

    try:
        text = _decode(path.read_bytes())
    except (OSError, UnicodeError) as error:
        raise TableError(Problem(file, t("io.unreadable", error=error))) from error
    if head is not None:
        text = "\n".join(text.splitlines()[:head])
    lines = text.splitlines()
    # sniff on the lines below a possible title row
    body = "\n".join(lines[1:] if len(lines) > 2 and not _has_separator(lines[0]) else lines)
    separator = "\t" if path.suffix.lower() == ".tsv" else _sniff_separator(body)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as error:
        raise TableError(Problem(file, t("io.unreadable", error=error))) from error
    width = max((len(r) for r in records), default=0)
    return pd.DataFrame([[c if c.strip() else None for c in r] + [None] * (width - len(r))
                         for r in records], dtype=object)


def _has_separator(line: str) -> bool:
    return any(sep in line for sep in (";", "\t", ","))


def fetch_key_figures(municipality: str, year: int) -> KeyFigures | None:
    """Fetch one municipality's key figures online through ``cbsodata`` (optional).

    Returns None when ``cbsodata`` is not installed or the network is not
    reachable; filters per municipality (the CBS API refuses > 10,000 rows).

    Examples
    --------
    >>> fetch_key_figures("GM0344", 2023)  # doctest: +SKIP
    """
    try:
        import cbsodata
    except ImportError:
        return None
    table = {v: k for k, v in TABLE_YEARS.items()}.get(int(year))
    if table is None:
        raise ValueError(t("area.cbs.no_table", year=year,
                           years=", ".join(map(str, TABLE_YEARS.values()))))
    number = clean_code(municipality).removeprefix("GM")
    try:
        rows = cbsodata.get_data(table, filters=f"substringof('{number}',Codering_3)")
    except OSError:
        return None
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{table}.json"
        target.write_text(json.dumps(rows), encoding="utf-8")
        figures = read_key_figures(target, year=year)
    figures.source = "cbsodata"
    keep = figures.table.index.str[2:6] == number
    figures.table = figures.table[keep | (figures.table["level"] == "gemeente")
                                  & (figures.table.index == f"GM{number}")]
    return figures
