"""The one Excel writer of routekit: DataFrames as sheets in the house style, saved atomically.

Every workbook routekit writes (the plan's tables, the actor map) is made here:
headers bold and white on the house colour, frozen and filtered; columns as wide
as their content (or as the caller says); dates as real dates; and text typed by
users never read as a formula (:func:`routekit.io.excel_cell`, the one guard of
every export). An exporter adds only what is its own (a totals row, data
validation, a help sheet) and saves with :func:`routekit.storage.atomic_save`.

Examples
--------
>>> import pandas as pd
>>> book = new_workbook()
>>> sheet = write_sheet(book, "Partners", pd.DataFrame({"name": ["=1+1", "Raad"]}),
...                     headers=["Naam"])
>>> sheet["A1"].value, sheet["A2"].value, sheet["A2"].data_type
('Naam', '=1+1', 's')
>>> from routekit.storage import atomic_save
>>> atomic_save(book, "export/partners.xlsx")  # the one atomic save of every document
PosixPath('export/partners.xlsx')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

from routekit.io import excel_cell

__all__ = ["DATETIME_FORMAT", "DATE_FORMAT", "MAX_WIDTH", "new_workbook", "write_sheet"]

DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
#: Widest column (characters) a sheet gets from its content; longer text wraps.
MAX_WIDTH = 60


def new_workbook():
    """An empty ``openpyxl.Workbook`` (no sheets yet)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def _plain(value):
    """*value* as Excel takes it: None for missing, datetimes, lists joined, numpy as Python."""
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    if value is None or pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def write_sheet(workbook, title: str, frame: pd.DataFrame, *,
                headers: Sequence[str] | None = None, widths: Mapping[str, float] | None = None,
                formats: Mapping[str, str] | None = None, total: Mapping | None = None,
                freeze: str = "A2", wrap: bool = False, colour: str | None = None):
    """Add *frame* as a sheet of *workbook* in the house style and return the sheet.

    Parameters
    ----------
    workbook : openpyxl.Workbook
    title : str
        Sheet name (cut to Excel's 31 characters).
    frame : DataFrame
        One row per line; text is written formula-safe.
    headers : sequence of str, optional
        Header texts, one per column; the column names by default.
    widths : mapping, optional
        Column → width in characters (11 for a column not named); by default every
        column is as wide as its content (at most :data:`MAX_WIDTH`).
    formats : mapping, optional
        Column → Excel number format (e.g. ``'"€" #,##0'``); dates and times get
        :data:`DATE_FORMAT` and :data:`DATETIME_FORMAT`.
    total : mapping, optional
        Column → value of a bold last row (totals).
    freeze : str, default "A2"
        The first cell that scrolls (``"C2"`` keeps two columns in view too).
    wrap : bool, default False
        Wrap every data cell (top-aligned); otherwise only text longer than
        :data:`MAX_WIDTH` wraps.
    colour : str, optional
        Header fill (``#rrggbb``); the house style's primary colour by default.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from routekit.style import get_style

    columns = list(frame.columns)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(list(headers) if headers is not None else [str(c) for c in columns])
    for row in frame.itertuples(index=False):
        sheet.append([None] * len(columns))
        for col, value in enumerate(row, start=1):  # text never becomes a formula
            excel_cell(sheet.cell(row=sheet.max_row, column=col), _plain(value))
    if total:
        sheet.append([_plain(total.get(c)) for c in columns])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor=(colour or get_style().primary).lstrip("#"))
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for col, column in enumerate(columns, start=1):
        cells = [row[0] for row in sheet.iter_rows(min_row=2, min_col=col, max_col=col)]
        for cell in cells:
            if formats and column in formats:
                cell.number_format = formats[column]
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            if wrap or (isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if widths is not None:
            width = widths.get(column, 11)
        else:
            longest = max([len(str(sheet.cell(row=1, column=col).value))]
                          + [min(len(str(c.value)), MAX_WIDTH) for c in cells
                             if c.value is not None])
            width = min(max(longest + 2, 8), MAX_WIDTH + 2)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = freeze
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{max(len(frame) + 1, 2)}"
    return sheet
