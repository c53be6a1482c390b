"""The plan's tables as one Excel workbook, ready to share and to filter.

One sheet per table (goals, activities, budget with a totals row, KPIs, risks,
contact moments). Headers are bold on the house colour and frozen, columns are
as wide as their content, amounts are euros, dates are real dates, progress is a
percentage and every sheet has a filter.

Text typed by users is never read as a formula: a cell starting with ``=``,
``+``, ``-``, ``@`` (or a tab or line break) is written as plain text with
Excel's quote prefix (:func:`routekit.io.excel_cell`, the one guard of every
export), so ``=HYPERLINK(...)`` in a description stays text. The sheets are
written by :mod:`routekit.excel`, routekit's one Excel writer.

Examples
--------
>>> from routekit.plan.stored import plan_of
>>> from routekit.workspace import Route
>>> plan = plan_of(Route.open("data/sample-route"))
>>> plan_workbook(plan, "export/projectplan.xlsx")
PosixPath('export/projectplan.xlsx')
"""

from __future__ import annotations

from pathlib import Path

from routekit.i18n import t

__all__ = ["plan_workbook"]

EURO_FORMAT = '"€" #,##0'
MONEY = ("cost", "in_kind", "subsidy", "own", "value")
FORMATS = {**dict.fromkeys(MONEY, EURO_FORMAT), "progress": "0%"}
"""Number format per column of the plan's tables (dates get theirs in any column)."""


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
    from routekit.excel import new_workbook, write_sheet
    from routekit.plan import tables
    from routekit.storage import atomic_save

    part = plan.for_theme(theme)
    workbook = new_workbook()
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
        if total:
            total = {frame.columns[0]: t("plan.doc.total")} | {
                k: v for k, v in total.items() if k in frame.columns}
        write_sheet(workbook, t(f"plan.sheet.{name}"), frame, total=total, formats=FORMATS,
                    headers=[t(f"plan.col.{column}") for column in frame.columns])
    workbook.properties.title = t("plan.doc.plan_title", library=plan.library)
    return atomic_save(workbook, path)
