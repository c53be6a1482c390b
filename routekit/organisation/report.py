"""Route step 2's part of the route report: role, reflection, pioneer team and impact chart.

Examples
--------
>>> from routekit.workspace import Route
>>> report_section(Route.open("data/sample-route")).title
'2. De organisatie en ik'
"""

from __future__ import annotations

from routekit.i18n import t
from routekit.organisation.impact import count_by_influence, impact_table
from routekit.organisation.stored import answered, pioneer_team, plan_of
from routekit.organisation.team import team_table
from routekit.workspace import Route

__all__ = ["report_section"]


def report_section(route: Route):
    """Report section: role, answered questions, pioneer team and impact chart (None when empty)."""
    from routekit.organisation.plot import plot_impact
    from routekit.report import Chart, Section
    from routekit.style import chart_size

    plan = plan_of(route)
    team = pioneer_team(route)
    if team.table.empty and not (plan.role_description or plan.answers or plan.impact):
        return None
    paragraphs = [t("organisation.report.role", text=plan.role_description)] \
        if plan.role_description else []
    progress = answered(route)
    paragraphs.append(t("organisation.answered.summary", answered=int(progress["answered"].sum()),
                        total=int(progress["questions"].sum())))
    tables = [progress[["group_name", "questions", "answered", "open"]].rename(columns={
        "group_name": t("organisation.col.group"), "questions": t("organisation.col.questions"),
        "answered": t("organisation.col.answered"), "open": t("organisation.col.open")})]
    if not team.table.empty:
        paragraphs += [team.summary, *team.warnings]
        tables.append(team_table(team))
    figures = []
    if plan.impact:
        items = impact_table(plan.impact)
        overview = count_by_influence(items).set_index("influence")["count"]
        paragraphs.append(t("organisation.report.impact", total=int(overview.sum()),
                            **overview.to_dict()))
        counts = {key: int(overview.get(key, 0)) for key in ("direct", "indirect", "none")}
        chart = plot_impact(items, size=chart_size())
        figures.append(Chart(chart.get_figure(root=True),
                             point=t("documents.organisation.impact_point",
                                     total=int(overview.sum()), **counts),
                             notes=[paragraphs[-1]], name="invloed"))
    return Section(title=t("organisation.report.title"), paragraphs=paragraphs, tables=tables,
                   figures=figures)
