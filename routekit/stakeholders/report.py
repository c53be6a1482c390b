"""Report section of step 4b: theme comparison, force field and Lewin per theme, pairs.

Examples
--------
>>> from routekit.workspace import Route
>>> section = report_section(Route.open("data/sample-route"))
>>> section.title
'Belanghebbenden en krachtenveld'
"""

from __future__ import annotations

import pandas as pd

from routekit.i18n import t
from routekit.report import Section
from routekit.stakeholders import (
    conversation_pairs,
    force_field,
    krachtenveld,
    register,
    theme_comparison,
    theme_findings,
)
from routekit.workspace import Route

__all__ = ["report_section"]

_COMPARISON = ("name", "stakeholders", "supporters", "neutrals", "opponents", "key_opponents",
               "balance")


def report_section(route: Route) -> Section | None:
    """The step-4b section of the route report, or None when there are no positions yet."""
    from routekit.stakeholders import plots

    table = register(route)
    if table["theme"].notna().sum() == 0:
        return None
    themes = route.config.theme_ids
    names = {th.id: th.name for th in route.config.themes}
    comparison = theme_comparison(table, themes, names)
    section = Section(title=t("stakeholders.report.title"),
                      paragraphs=theme_findings(comparison))
    section.tables.append(comparison[list(_COMPARISON)].rename(
        columns={c: t(f"stakeholders.report.col.{c}") for c in _COMPARISON}))
    section.figures.append(plots.theme_chart(comparison, size="screen").figure)
    forces = route.table("forces")
    people = {s.id: s.name for s in route.records("stakeholders")}
    relations = route.table("relations")
    pairs = []
    for theme in themes:
        rows = table[table["theme"] == theme]
        if not rows.empty:
            section.figures.append(plots.krachtenveld_chart(
                krachtenveld(rows), title=names[theme], size="screen").figure)
            found = conversation_pairs(rows, relations)
            pairs.append(found.assign(theme=names[theme]))
        field = force_field(forces, theme, people)
        if not field.empty:
            section.figures.append(plots.lewin_chart(
                field, goal=route.config.theme(theme).goal, title=names[theme],
                size="screen").figure)
    pairs = pd.concat(pairs, ignore_index=True) if pairs else pd.DataFrame()
    if not pairs.empty:
        section.paragraphs.append(t("stakeholders.report.pairs"))
        columns = ("theme", "opponent_name", "supporter_name", "reasons")
        section.tables.append(pairs[list(columns)].rename(
            columns={c: t(f"stakeholders.report.col.{c}") for c in columns}))
    return section
