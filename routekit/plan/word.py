"""Word documents in a clean built-in layout: the project plan and the POST-O canvas.

Both use python-docx's standard template (built-in heading and table styles), on
A4 with 2 cm margins, so they open well in Word, LibreOffice and Google Docs and
can be restyled by applying the library's own styles. For the library's own
format, fill its template instead (:mod:`routekit.plan.template`).

Examples
--------
>>> from routekit.plan.stored import plan_of
>>> from routekit.workspace import Route
>>> plan = plan_of(Route.open("data/sample-route"))
>>> plan_document(plan, "export/projectplan.docx")
PosixPath('export/projectplan.docx')
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from routekit.i18n import t
from routekit.plan.formats import day, euro, percent
from routekit.storage import atomic_save

__all__ = ["TABLE_STYLE", "plan_document", "post_o_document"]

TABLE_STYLE = "Light List Accent 1"
"""Built-in Word table style used for every table."""
MONEY = ("cost", "in_kind", "subsidy", "own", "value")
POST_O_FIELDS = {
    "people": ("personas", "participation", "channels", "digital_skills", "notes"),
    "objectives": ("library", "community", "shared", "roles"),
    "strategy": ("positioning", "programme", "connection"),
    "technology": ("channels", "tools", "notes"),
    "organization": ("roles", "hours", "space", "notes"),
}
"""POST-O sections and their fields, in the order of the canvas."""


def _cell_text(column: str, value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return t("plan.doc.yes") if value else t("plan.doc.no")
    if column in MONEY:
        return euro(value)
    if column == "progress":
        return percent(value)
    if isinstance(value, dt.datetime):
        return f"{day(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return day(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _new_document(title: str, subtitle: str | None, notice: str | None):
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)
    doc.add_heading(title, level=0)
    if subtitle:
        doc.add_paragraph(subtitle, style="Subtitle")
    if notice:
        doc.add_paragraph().add_run(notice).italic = True
    doc.add_paragraph(t("plan.doc.made", date=day(dt.date.today())))
    return doc


def _add_table(doc, frame: pd.DataFrame, *, total: Mapping[str, float] | None = None) -> None:
    """Add *frame* (English column codes) as a table with translated headers."""
    table = doc.add_table(rows=1, cols=len(frame.columns))
    table.style = TABLE_STYLE
    for cell, column in zip(table.rows[0].cells, frame.columns, strict=True):
        cell.text = t(f"plan.col.{column}")
    for row in frame.itertuples(index=False):
        cells = table.add_row().cells
        for cell, column, value in zip(cells, frame.columns, row, strict=True):
            cell.text = _cell_text(column, value)
    if total is not None:
        cells = table.add_row().cells
        for index, (cell, column) in enumerate(zip(cells, frame.columns, strict=True)):
            text = euro(total[column]) if column in total else (
                t("plan.doc.total") if index == 0 else "")
            cell.paragraphs[0].add_run(text).bold = True


def _picture(doc, ax, width_cm: float) -> None:
    from docx.shared import Cm

    from routekit.documents.figures import document_png

    doc.add_picture(io.BytesIO(document_png(ax)), width=Cm(width_cm))


def plan_document(plan, path: str | Path, *, theme: str | None = None,
                  charts: bool = True) -> Path:
    """Write the project plan as a Word document.

    Sections: goals (with the SMART check), activities (with the Gantt
    timeline), shared ownership, budget (with totals), KPIs, risks and contact
    moments. Names are shown instead of ids throughout.

    Parameters
    ----------
    plan : Plan
    path : str or Path
        The ``.docx`` to write (folders are created).
    theme : str, optional
        Only this theme's part of the plan.
    charts : bool, default True
        Include the Gantt, budget and KPI charts.

    Returns
    -------
    Path
    """
    from routekit.community.sharing import ownership_by_theme
    from routekit.plan import tables
    from routekit.style import style_context

    part = plan.for_theme(theme)
    scope = plan.themes.get(theme, theme) if theme else ", ".join(plan.themes.values())
    doc = _new_document(t("plan.doc.plan_title", library=plan.library), scope, plan.fictional)

    doc.add_heading(t("plan.doc.goals"), level=1)
    doc.add_paragraph(t("plan.doc.goals_intro"))
    goals = tables.goal_table(part)
    _add_table(doc, goals[["id", "text", "measure", "deadline", "owners", "smart"]])
    for advice in goals.loc[goals["smart"] != "SMART", "advice"]:
        doc.add_paragraph(advice, style="List Bullet")

    doc.add_heading(t("plan.doc.activities"), level=1)
    acts = tables.activity_table(part)
    _add_table(doc, acts[["id", "name", "start", "end", "owners", "contributors", "status"]])
    if charts and len(acts):
        from routekit.plan.plot import plot_gantt

        _picture(doc, plot_gantt(acts, goals=tables.goal_texts(part)), 17)

    doc.add_heading(t("plan.doc.ownership"), level=1)
    for check in ownership_by_theme(part) if len(acts) else []:
        doc.add_paragraph(" ".join(check.messages()), style="List Bullet")

    doc.add_heading(t("plan.doc.budget"), level=1)
    totals = tables.budget_totals(part)
    doc.add_paragraph(t("plan.doc.budget_summary", cost=euro(totals["cost"]),
                        subsidy=euro(totals["subsidy"]), own=euro(totals["own"]),
                        in_kind=euro(totals["in_kind"]), value=euro(totals["value"])))
    budget = tables.budget_table(part)
    _add_table(doc, budget[["activity", "description", "cost", "in_kind", "subsidy", "own",
                            "funder"]], total=totals)
    if charts and len(budget):
        from routekit.plan.plot import plot_budget

        with style_context():
            _picture(doc, plot_budget(tables.budget_by_activity(part)), 17)

    doc.add_heading(t("plan.doc.kpis"), level=1)
    kpis = tables.kpi_table(part)
    _add_table(doc, kpis[["name", "target", "actual", "progress", "unit", "segment", "area"]])
    if charts and len(kpis):
        from routekit.plan.plot import plot_kpi_progress

        with style_context():
            _picture(doc, plot_kpi_progress(kpis), 17)

    doc.add_heading(t("plan.doc.risks"), level=1)
    _add_table(doc, tables.risk_table(part)[["id", "description", "likelihood", "impact",
                                             "level", "mitigation", "owner"]])

    doc.add_heading(t("plan.doc.contact_moments"), level=1)
    doc.add_paragraph(t("plan.doc.contact_intro"))
    _add_table(doc, tables.contact_table(part)[["title", "start", "recurrence", "count",
                                                "location", "participants"]])
    return atomic_save(doc, path)


def _field_text(value, personas: Mapping[str, str]) -> str:
    if isinstance(value, list):
        return ", ".join(personas.get(item, item) for item in value)
    return str(value or "")


def post_o_document(canvases: Iterable, path: str | Path, *, library: str = "",
                    themes: Mapping[str, str] | None = None,
                    personas: Mapping[str, str] | None = None,
                    notice: str | None = None) -> Path:
    """Write POST-O canvases (one per theme) as a Word document.

    Every field of the canvas is shown; empty ones read "nog in te vullen", so
    a half-finished canvas shows what the team still has to discuss.

    Parameters
    ----------
    canvases : iterable of PostOCanvas
        E.g. ``route.records("post_o")``.
    path : str or Path
    library : str
    themes, personas : mapping, optional
        Theme id and persona id → name.
    notice : str, optional
        Fictional-example notice.

    Returns
    -------
    Path
    """
    themes, personas = dict(themes or {}), dict(personas or {})
    doc = _new_document(t("plan.doc.post_o_title", library=library), None, notice)
    doc.add_paragraph(t("plan.doc.post_o_intro"))
    for canvas in canvases:
        doc.add_heading(t("plan.doc.post_o_theme", theme=themes.get(canvas.theme,
                                                                       canvas.theme)), level=1)
        for section, fields in POST_O_FIELDS.items():
            doc.add_heading(t(f"plan.posto.{section}"), level=2)
            part = getattr(canvas, section)
            extra = [name for name in (part.model_extra or {}) if name not in fields]
            for name in (*fields, *extra):
                text = _field_text(getattr(part, name, None), personas)
                paragraph = doc.add_paragraph()
                label = t(f"plan.posto.{section}.{name}") if name in fields else name
                paragraph.add_run(f"{label}: ").bold = True
                if text:
                    paragraph.add_run(text)
                else:
                    paragraph.add_run(t("plan.doc.to_fill")).italic = True
    return atomic_save(doc, path)
