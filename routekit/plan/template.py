"""Fill the library's own Word template with the plan, through ``{{ placeholders }}``.

"Every library has its own format for project plans — use it" (Routekaart).
routekit fills any ``.docx`` the library already uses: type placeholders in
Word where the plan's content should go and routekit fills them in, keeping the
template's own layout, logo, styles, headers and footers.

Approach: `docxtpl <https://docxtpl.readthedocs.io>`_ (Jinja2 inside Word). A
placeholder is ``{{ plan.library }}``; a repeating table row is written as
``{%tr for a in activities %}`` … ``{%tr endfor %}`` in rows of their own; a
repeating paragraph as ``{%p for g in goals %}`` … ``{%p endfor %}``. Word often
splits typed text into several runs (after a spell check or a format change);
docxtpl joins those again before filling, so a placeholder works however Word
stored it. The placeholders, in Dutch, are explained in
``data/templates/README.md``; :func:`template_context` is the reference.

Examples
--------
>>> from routekit.plan.stored import plan_of
>>> from routekit.workspace import Route
>>> plan = plan_of(Route.open("data/sample-route"))
>>> fill_template(EXAMPLE_TEMPLATE, plan, "export/projectplan-eigen-format.docx")
PosixPath('export/projectplan-eigen-format.docx')
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from routekit.i18n import t
from routekit.plan.formats import day, euro, number, percent
from routekit.resources import package_data

__all__ = ["EXAMPLE_TEMPLATE", "fill_template", "template_context", "template_fields"]

EXAMPLE_TEMPLATE = package_data("templates", "projectplan-sjabloon.docx")
"""The example template that ships with routekit (a plain library format, package data)."""


def template_context(plan, *, theme: str | None = None) -> dict:
    """Everything a template can use, as text ready to print.

    Keys (see ``data/templates/README.md`` for the Dutch explanation):

    ``plan``
        ``library``, ``title``, ``theme``, ``date``, ``goal`` (the first goal's
        text), ``fictional`` (notice or empty), ``ownership`` (the shared-
        ownership warnings as one paragraph).
    ``goals``
        list of ``id``, ``text``, ``measure``, ``deadline``, ``owners``, ``smart``,
        ``advice``.
    ``activities``
        list of ``id``, ``goal``, ``name``, ``start``, ``end``, ``owners``,
        ``contributors``, ``status``.
    ``budget``
        list of ``activity``, ``description``, ``cost``, ``in_kind``,
        ``subsidy``, ``own``, ``funder`` (euros as text).
    ``totals``
        ``cost``, ``in_kind``, ``subsidy``, ``own``, ``value`` (euros as text).
    ``kpis``
        list of ``name``, ``unit``, ``target``, ``actual``, ``progress``,
        ``segment``, ``area``.
    ``risks``
        list of ``id``, ``description``, ``likelihood``, ``impact``, ``level``,
        ``mitigation``, ``owner``.
    ``contact_moments``
        list of ``title``, ``start``, ``recurrence``, ``count``, ``location``,
        ``participants``.

    Parameters
    ----------
    plan : Plan
    theme : str, optional
        Only this theme's part of the plan.
    """
    from routekit.community.sharing import ownership_by_theme
    from routekit.plan import tables

    part = plan.for_theme(theme)
    goals = tables.goal_table(part)
    acts = tables.activity_table(part)
    totals = tables.budget_totals(part)
    checks = ownership_by_theme(part) if len(acts) else []

    def text(value) -> str:
        if isinstance(value, dt.datetime):
            return f"{day(value.date())} {value:%H:%M}"
        if isinstance(value, dt.date):
            return day(value)
        return "" if value is None or value != value else str(value)

    return {
        "plan": {
            "library": plan.library,
            "title": t("plan.doc.plan_title", library=plan.library),
            "theme": plan.themes.get(theme, theme) if theme else ", ".join(plan.themes.values()),
            "date": day(dt.date.today()),
            "goal": goals["text"].iloc[0] if len(goals) else "",
            "fictional": plan.fictional or "",
            "ownership": " ".join(" ".join(c.messages()) for c in checks[:1]),
        },
        "goals": [{k: text(v) for k, v in row.items()} for row in goals.to_dict("records")],
        "activities": [{k: text(v) for k, v in row.items()
                        if k not in ("owner_ids", "library_led", "status_code")}
                       for row in acts.to_dict("records")],
        "budget": [{k: euro(v) if k in totals else text(v) for k, v in row.items()}
                   for row in tables.budget_table(part).to_dict("records")],
        "totals": {k: euro(v) for k, v in totals.items()},
        "kpis": [{**{k: text(v) for k, v in row.items()},
                  "target": number(row["target"]), "actual": number(row["actual"]),
                  "progress": percent(row["progress"])}
                 for row in tables.kpi_table(part).to_dict("records")],
        "risks": [{**{k: text(v) for k, v in row.items()},
                   "likelihood": number(row["likelihood"]), "impact": number(row["impact"])}
                  for row in tables.risk_table(part).to_dict("records")],
        "contact_moments": [{k: text(v) for k, v in row.items()}
                            for row in tables.contact_table(part).to_dict("records")],
    }


def template_fields(template: str | Path) -> set[str]:
    """Top-level names a template uses (e.g. ``{"plan", "activities"}``), to check it."""
    from docxtpl import DocxTemplate

    return set(DocxTemplate(str(template)).get_undeclared_template_variables())


def fill_template(template: str | Path, plan, path: str | Path, *,
                  theme: str | None = None) -> Path:
    """Fill *template* with the plan and save the result as *path*.

    Besides :func:`template_context`, a template may place the timeline with
    ``{{ gantt }}`` (on a paragraph of its own): it is drawn only when used.

    Parameters
    ----------
    template : str or Path
        The library's ``.docx`` with placeholders.
    plan : Plan
    path : str or Path
        Where to write the filled document.
    theme : str, optional
        Only this theme's part of the plan.

    Returns
    -------
    Path

    Raises
    ------
    ValueError
        When a placeholder cannot be read (the message names the problem).
    """
    from docx.shared import Cm
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import TemplateError

    from routekit.storage import atomic_save

    document = DocxTemplate(str(template))
    context = template_context(plan, theme=theme)
    try:
        used = set(document.get_undeclared_template_variables())
        if "gantt" in used:
            context["gantt"] = InlineImage(document, _gantt_png(plan, theme), width=Cm(16))
        document.render(context)
    except TemplateError as error:
        raise ValueError(t("plan.template.error", template=Path(template).name,
                           error=str(error))) from error
    return atomic_save(document, path)


def _gantt_png(plan, theme: str | None) -> io.BytesIO:
    from routekit.documents.figures import document_png
    from routekit.plan import tables
    from routekit.plan.plot import plot_gantt

    part = plan.for_theme(theme)
    return io.BytesIO(document_png(plot_gantt(tables.activity_table(part),
                                              goals=tables.goal_texts(part))))
