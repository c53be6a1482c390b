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
    comparison_of,
    conversation_pairs,
    field_of,
    force_totals,
    krachtenveld,
    register,
    theme_findings,
)
from routekit.workspace import Route

__all__ = ["report_section"]

_COMPARISON = ("name", "stakeholders", "supporters", "neutrals", "opponents", "key_opponents",
               "balance")


def report_section(route: Route) -> Section | None:
    """The step-4b section of the route report, or None when there are no positions yet."""
    from routekit.report import Chart, Table
    from routekit.stakeholders import plot
    from routekit.style import chart_size

    table = register(route)
    if table["theme"].notna().sum() == 0:
        return None
    themes = route.config.theme_ids
    names = {th.id: th.name for th in route.config.themes}
    comparison = comparison_of(route)
    section = Section(title=t("stakeholders.report.title"),
                      paragraphs=theme_findings(comparison))
    section.tables.append(Table(comparison[list(_COMPARISON)].rename(
        columns={c: t(f"stakeholders.report.col.{c}") for c in _COMPARISON})))
    counts = comparison.set_index("name")
    best = counts["balance"].idxmax()
    section.figures.append(Chart(
        plot.plot_theme_comparison(comparison, size=chart_size()).figure, name="thema-vergelijking",
        point=t("documents.stakeholders.theme_point", theme=best,
                supporters=int(counts.at[best, "supporters"]),
                opponents=int(counts.at[best, "opponents"])),
        notes=[_counts_line(name, row) for name, row in counts.iterrows()]))
    relations = route.table("relations")
    pairs = []
    for theme in themes:
        rows = table[table["theme"] == theme]
        if not rows.empty:
            groups = krachtenveld(rows)
            row = counts.loc[names[theme]]
            line = _counts_line(names[theme], row)
            section.summary.append(line + ".")
            section.figures.append(Chart(
                plot.plot_krachtenveld(groups, title=names[theme], size=chart_size()).figure,
                point=line, name=f"krachtenveld-{theme}", notes=_group_notes(groups)))
            found = conversation_pairs(rows, relations)
            pairs.append(found.assign(theme=names[theme]))
        field = field_of(route, theme)
        if not field.empty:
            totals = force_totals(field)
            driving, restraining = totals["driving"], totals["restraining"]
            key = "more" if driving > restraining else "less" if driving < restraining else "equal"
            section.figures.append(Chart(
                plot.plot_lewin(field, totals, goal=route.config.theme(theme).goal,
                                title=names[theme], size=chart_size()).figure,
                name=f"krachten-{theme}",
                point=t(f"documents.stakeholders.lewin_{key}", theme=names[theme],
                        driving=f"{driving:g}", restraining=f"{restraining:g}"),
                notes=[f"{t('documents.stakeholders.' + r.direction)}: {r.description} "
                       f"({r.strength:g})" for r in field.itertuples()]))
    pairs = pd.concat(pairs, ignore_index=True) if pairs else pd.DataFrame()
    if not pairs.empty:
        section.paragraphs.append(t("stakeholders.report.pairs"))
        columns = ("theme", "opponent_name", "supporter_name", "reasons")
        section.tables.append(Table(pairs[list(columns)].rename(
            columns={c: t(f"stakeholders.report.col.{c}") for c in columns}),
            caption=t("documents.stakeholders.pairs_caption"), slide=True))
    return section


def _counts_line(theme: str, row) -> str:
    """"Thema: 14 voorstanders en 1 tegenstander met veel invloed" (singular and plural)."""
    opponents, key = int(row["opponents"]), int(row["key_opponents"])
    against = t("documents.stakeholders.opponents", count=opponents)
    if key and key == opponents:
        against += t("documents.stakeholders.all_key", count=key)
    elif key:
        against += t("documents.stakeholders.some_key", count=key)
    return t("documents.stakeholders.counts", theme=theme, against=against,
             supporters=t("documents.stakeholders.supporters", count=int(row["supporters"])))


def _group_notes(groups: pd.DataFrame) -> list[str]:
    """One line per krachtenveld group: its name and who is in it."""
    lines = []
    for label, members in groups.groupby("group_label", sort=False)["name"]:
        lines.append(f"{label} ({len(members)}): {', '.join(members)}")
    return lines
