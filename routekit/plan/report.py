"""The project plan's section of the route report (step 7).

Examples
--------
>>> from routekit.workspace import Route
>>> section = report_section(Route.open("data/sample-route"))
>>> section.title
'Projectplan en gedeeld eigenaarschap'
>>> section.figures[1].point
'Begroting € 50.950: € 15.500 subsidie, € 35.450 eigen bijdrage'
"""

from __future__ import annotations

from routekit.i18n import t

__all__ = ["report_section"]


def report_section(route):
    """Goals with SMART check, ownership warnings, budget totals, timeline and KPIs.

    Returns None when the route has no plan yet.
    """
    from routekit.community.sharing import ownership_by_theme
    from routekit.plan import tables
    from routekit.plan.formats import euro
    from routekit.plan.plot import plot_budget, plot_gantt, plot_kpi_progress
    from routekit.plan.stored import plan_of
    from routekit.report import Chart, Section, Table
    from routekit.style import chart_size

    plan = plan_of(route)
    if plan.is_empty:
        return None
    totals = tables.budget_totals(plan)
    budget_line = t("plan.doc.budget_summary", cost=euro(totals["cost"]),
                    subsidy=euro(totals["subsidy"]), own=euro(totals["own"]),
                    in_kind=euro(totals["in_kind"]), value=euro(totals["value"]))
    paragraphs = [budget_line]
    if len(plan.activities):
        paragraphs += [" ".join(check.messages()) for check in ownership_by_theme(plan)]
    goals = tables.goal_table(plan)
    summary = [t("documents.plan.goal", theme=goal.theme or "–", text=goal.text.rstrip("."),
                 owners=goal.owners or t("documents.plan.no_owner"),
                 deadline=_date(goal.deadline))
               for goal in goals.itertuples()]
    if len(plan.budget):
        summary.append(budget_line)
    figures = []
    if len(plan.activities):
        activities = tables.activity_table(plan)
        starts, ends = activities["start"].dropna(), activities["end"].dropna()
        period = t("documents.plan.period", start=_month(starts.min()), end=_month(ends.max())) \
            if len(starts) and len(ends) else ""
        gantt = plot_gantt(activities, goals=tables.goal_texts(plan), size=chart_size())
        figures.append(Chart(gantt.get_figure(root=True), name="planning",
                             point=t("documents.plan.gantt_point", count=len(activities),
                                     period=period),
                             notes=[f"{row['name']}: {_day(row['start'])} – {_day(row['end'])}"
                                    for _, row in activities.iterrows()]))
    if len(plan.budget):
        by_activity = tables.budget_by_activity(plan)
        figures.append(Chart(
            plot_budget(by_activity, size=chart_size()).get_figure(root=True), name="begroting",
            point=t("documents.plan.budget_point", cost=euro(totals["cost"]),
                    subsidy=euro(totals["subsidy"]), own=euro(totals["own"])),
            notes=[budget_line] + [f"{name}: {euro(row['value'])}"
                                   for name, row in by_activity.iterrows()]))
    kpis = tables.kpi_table(plan)
    if len(kpis):
        measured = kpis.dropna(subset=["progress"])
        figures.append(Chart(
            plot_kpi_progress(kpis, size=chart_size()).get_figure(root=True),
            name="indicatoren",
            point=t("documents.plan.kpi_point", count=len(kpis), measured=len(measured),
                    average=f"{measured['progress'].mean():.0%}" if len(measured) else "–"),
            notes=[f"{row['name']}: {_num(row['actual'])} van {_num(row['target'])}"
                   for _, row in kpis.iterrows()]))
    shown = goals[["theme", "text", "deadline", "owners", "smart"]]
    table_list = [Table(tables.display(shown), caption=t("documents.plan.goals_caption"),
                        slide=True)]
    if len(plan.budget):
        budget = tables.budget_by_activity(plan).reset_index()
        table_list.append(Table(tables.display(budget.assign(
            **{c: [euro(v) for v in budget[c]] for c in ("own", "subsidy", "in_kind", "value")})),
            caption=t("documents.plan.budget_caption"), slide=True))
    return Section(title=t("plan.report.title"), paragraphs=paragraphs, tables=table_list,
                   figures=figures, summary=summary)


def _date(value) -> str:
    from routekit.report import _dutch_date

    return _dutch_date(value) if hasattr(value, "year") and value == value else "–"


def _month(value) -> str:
    from routekit.report import _dutch_date

    text = _dutch_date(value)
    return text.split(" ", 1)[1]


def _day(value) -> str:
    return "–" if value is None or value != value else f"{value:%d-%m-%Y}"


def _num(value) -> str:
    return "–" if value != value else f"{value:g}"
