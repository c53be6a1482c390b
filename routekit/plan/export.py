"""Write the plan's documents into the route's ``export/`` folder.

Examples
--------
>>> from routekit.workspace import Route
>>> paths = export_plan(Route.open("data/sample-route"), theme="laaggeletterdheid")
>>> sorted(paths)
['calendar', 'gantt', 'plan', 'post_o', 'template', 'workbook']
>>> paths["plan"].name
'projectplan-laaggeletterdheid.docx'
"""

from __future__ import annotations

from pathlib import Path

from routekit.i18n import t

__all__ = ["DOCUMENTS", "export_document", "export_folder", "export_plan"]

DOCUMENTS = ("plan", "post_o", "template", "workbook", "calendar", "gantt")
"""What :func:`export_document` can write."""


def export_folder(route) -> Path:
    """The route's ``export/`` folder (created when missing); see ``Route.export_dir``."""
    return route.export_dir


def _suffix(theme: str | None) -> str:
    return f"-{theme}" if theme else ""


def export_document(route, what: str, *, theme: str | None = None,
                    template: str | Path | None = None, plan=None) -> Path:
    """Write one document of :data:`DOCUMENTS` for *route* and return its path.

    Parameters
    ----------
    route : Route
    what : str
        ``"plan"`` (Word), ``"post_o"`` (Word), ``"template"`` (the library's own
        template, filled), ``"workbook"`` (Excel), ``"calendar"`` (.ics) or
        ``"gantt"`` (PNG and PDF at A4 landscape; the PNG path is returned).
    theme : str, optional
        Only this theme's part of the plan (not for the calendar).
    template : str or Path, optional
        For ``"template"``: the library's ``.docx``; the example template when None.
    plan : Plan, optional
        Already read plan of *route* (read when None).
    """
    from routekit.plan.stored import plan_of

    plan = plan or plan_of(route)
    folder = export_folder(route)
    name = t(f"plan.export.file.{what}") + _suffix(theme if what != "calendar" else None)
    if what == "plan":
        from routekit.plan.word import plan_document

        return plan_document(plan, folder / f"{name}.docx", theme=theme)
    if what == "post_o":
        from routekit.plan.word import post_o_document

        canvases = [c for c in route.records("post_o") if theme in (None, c.theme)]
        return post_o_document(canvases, folder / f"{name}.docx", library=plan.library,
                               themes=plan.themes, notice=plan.fictional,
                               personas={p.id: p.name for p in route.records("personas")})
    if what == "template":
        from routekit.plan.template import EXAMPLE_TEMPLATE, fill_template

        return fill_template(template or EXAMPLE_TEMPLATE, plan, folder / f"{name}.docx",
                             theme=theme)
    if what == "workbook":
        from routekit.plan.excel import plan_workbook

        return plan_workbook(plan, folder / f"{name}.xlsx", theme=theme)
    if what == "calendar":
        from routekit.plan.ics import write_ics

        return write_ics(plan, folder / f"{name}.ics")
    if what == "gantt":
        import matplotlib.pyplot as plt

        from routekit.plan import tables
        from routekit.plan.plot import plot_gantt
        from routekit.style import export_figure

        part = plan.for_theme(theme)
        figure = plot_gantt(tables.activity_table(part),
                            goals=tables.goal_texts(part)).get_figure(root=True)
        paths = export_figure(figure, folder / name, size="a4-landscape",
                              formats=("png", "pdf"))
        plt.close(figure)
        return paths[0]
    raise ValueError(t("plan.export.unknown", what=what, choices=", ".join(DOCUMENTS)))


def export_plan(route, *, theme: str | None = None,
                template: str | Path | None = None) -> dict[str, Path]:
    """Write every document of :data:`DOCUMENTS`; returns ``{what: path}``."""
    from routekit.plan.stored import plan_of

    plan = plan_of(route)
    return {what: export_document(route, what, theme=theme, template=template, plan=plan)
            for what in DOCUMENTS}
