"""The project plan's section of the route report (``routekit report``).

Examples
--------
>>> from routekit.workspace import Route
>>> section = report_section(Route.open("data/sample-route"))
>>> section.title
'Projectplan en gedeeld eigenaarschap'
"""

from __future__ import annotations

from routekit.i18n import t

__all__ = ["report_section"]


def report_section(route):
    """Goals with SMART check, ownership warnings, budget totals, timeline and KPIs.

    Returns None when the route has no plan yet.
    """
    from routekit.plan import tables
    from routekit.plan.charts import budget_overview, kpi_progress
    from routekit.plan.formats import euro
    from routekit.plan.gantt import plan_gantt
    from routekit.plan.model import Plan
    from routekit.plan.ownership import ownership_by_theme
    from routekit.report import Section
    from routekit.style import new_figure

    plan = Plan.from_route(route)
    if plan.is_empty:
        return None
    totals = tables.budget_totals(plan)
    paragraphs = [t("plan.doc.budget_summary", cost=euro(totals["cost"]),
                    subsidy=euro(totals["subsidy"]), own=euro(totals["own"]),
                    in_kind=euro(totals["in_kind"]), value=euro(totals["value"]))]
    if len(plan.activities):
        paragraphs += [" ".join(check.messages()) for check in ownership_by_theme(plan)]
    goals = tables.goal_table(plan)[["id", "theme", "text", "deadline", "owners", "smart"]]
    figures = []
    if len(plan.activities):
        _, ax = new_figure("a4-landscape")
        figures.append(plan_gantt(plan, ax=ax).get_figure(root=True))
    if len(plan.budget):
        figures.append(budget_overview(tables.budget_by_activity(plan)).get_figure(root=True))
    kpis = tables.kpi_table(plan)
    if len(kpis):
        figures.append(kpi_progress(kpis).get_figure(root=True))
    return Section(title=t("plan.report.title"), paragraphs=paragraphs,
                   tables=[tables.display(goals)], figures=figures)
