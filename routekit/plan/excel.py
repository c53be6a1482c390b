"""The plan's tables as one Excel workbook, ready to share and to filter.

One sheet per table (goals, activities, budget with a totals row, KPIs, risks,
contact moments). Headers are bold on the house colour and frozen, columns are
as wide as their content, amounts are euros, dates are real dates, progress is a
percentage and every sheet has a filter.

Text typed by users is never read as a formula: a cell starting with ``=``,
``+``, ``-``, ``@`` (or a tab or line break) is written as plain text with
Excel's quote prefix (:func:`routekit.io.excel_cell`, the one guard of every
export), so ``=HYPERLINK(...)`` in a description stays text.

Examples
--------
>>> from routekit.plan.stored import plan_of
>>> from routekit.workspace import Route
>>> plan = plan_of(Route.open("data/sample-route"))
>>> plan_workbook(plan, "export/projectplan.xlsx")
PosixPath('export/projectplan.xlsx')
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd

from routekit.i18n import t
from routekit.io import excel_cell
from routekit.plan.word import save_document

__all__ = ["plan_workbook", "write_sheet"]

EURO_FORMAT = '"€" #,##0'
DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
MONEY = ("cost", "in_kind", "subsidy", "own", "value")
MAX_WIDTH = 60


def _plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def write_sheet(workbook, title: str, frame: pd.DataFrame, *,
                total: dict | None = None, header_colour: str = "1f4e79"):
    """Add *frame* (English column codes) as a formatted sheet and return it.

    Parameters
    ----------
    workbook : openpyxl.Workbook
    title : str
        Sheet name (cut to Excel's 31 characters).
    frame : DataFrame
    total : dict, optional
        Column → total, written as a bold last row.
    header_colour : str
        Header fill as ``rrggbb``.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title[:31])
    sheet.append([t(f"plan.col.{column}") for column in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([None] * len(frame.columns))
        for col, value in enumerate(row, start=1):
            excel_cell(sheet.cell(row=sheet.max_row, column=col), _plain(value))
    if total:
        sheet.append([total.get(c, t("plan.doc.total") if i == 0 else None)
                      for i, c in enumerate(frame.columns)])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=header_colour)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for col, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(col)
        cells = [row[0] for row in sheet.iter_rows(min_row=2, min_col=col, max_col=col)]
        for cell in cells:
            if column in MONEY:
                cell.number_format = EURO_FORMAT
            elif column == "progress":
                cell.number_format = "0%"
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            if isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        longest = max([len(str(sheet.cell(row=1, column=col).value))]
                      + [min(len(str(c.value)), MAX_WIDTH) for c in cells if c.value is not None])
        sheet.column_dimensions[letter].width = min(max(longest + 2, 8), MAX_WIDTH + 2)
    sheet.freeze_panes = "A2"
    if len(frame):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
    return sheet


def plan_workbook(plan, path: str | Path, *, theme: str | None = None) -> Path:
    """Write the plan's tables to an ``.xlsx`` workbook.

    Parameters
    ----------
    plan : Plan
    path : str or Path
    theme : str, optional
        Only this theme's part of the plan.

    Returns
    -------
    Path
    """
    from openpyxl import Workbook

    from routekit.plan import tables
    from routekit.style import get_style

    part = plan.for_theme(theme)
    colour = get_style().primary.lstrip("#")
    workbook = Workbook()
    workbook.remove(workbook.active)
    goals = tables.goal_table(part)
    acts = tables.activity_table(part)
    sheets = [
        ("goals", goals[["id", "theme", "text", "measure", "deadline", "owners", "smart",
                         "advice"]], None),
        ("activities", acts[["id", "goal", "name", "start", "end", "owners", "contributors",
                             "status"]], None),
        ("budget", tables.budget_table(part), tables.budget_totals(part)),
        ("kpis", tables.kpi_table(part), None),
        ("risks", tables.risk_table(part), None),
        ("contact_moments", tables.contact_table(part), None),
    ]
    for name, frame, total in sheets:
        total = {k: v for k, v in total.items() if k in frame.columns} if total else None
        write_sheet(workbook, t(f"plan.sheet.{name}"), frame, total=total,
                    header_colour=colour)
    workbook.properties.title = t("plan.doc.plan_title", library=plan.library)
    return save_document(workbook, path)
