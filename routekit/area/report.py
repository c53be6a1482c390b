"""The area analysis section of the route report (``routekit report``).

Examples
--------
>>> from routekit.workspace import Route
>>> section = report_section(Route.open("data/sample-route"))
>>> section.title
'Gebiedsanalyse: wie wonen er, wie mis je?'
"""

from __future__ import annotations

from routekit.i18n import t

__all__ = ["report_section"]


def report_section(route):
    """Summaries per route area, the largest reach gaps, the marked segments and three charts.

    Returns None when the route has no segment data yet.
    """
    from routekit.area.sources import has_segment_data

    if not has_segment_data(route):
        return None
    from routekit.area.plot import choropleth, index_heatmap, reach_chart, read_boundaries
    from routekit.area.profile import index_table, profile
    from routekit.area.reach import penetration, under_reached
    from routekit.area.segments import load_route_data
    from routekit.area.summary import summarise
    from routekit.report import Section
    from routekit.style import new_figure

    data = load_route_data(route)
    wijken = set(data.area_codes("wijk")) if "wijk" in data.levels else set()
    paragraphs = [summarise(profile(data, area.code, level="group"), area.name)
                  for area in route.config.areas if area.code in wijken]
    tables, figures = [], []
    table = index_table(data, "wijk", level="group") if wijken else None
    if table is not None:
        _, ax = new_figure("a4-landscape")
        index_heatmap(table, ax=ax, row_labels=data.area_names(table.index),
                      column_labels=[data.scheme.label(c) for c in table.columns])
        figures.append(ax.get_figure(root=True))
    if data.members is not None:
        gaps = under_reached(data, level="group").head(5)
        shown = gaps[["name", "households", "members", "penetration", "missed"]].assign(
            households=gaps["households"].round().astype(int),
            members=gaps["members"].round().astype(int),
            penetration=[f"{rate:.0%}" for rate in gaps["penetration"]],
            missed=gaps["missed"].round().astype(int))
        tables.append(shown.reset_index().rename(columns=lambda c: t(f"area.col.{c}")))
        _, ax = new_figure("a4-landscape")
        reach_chart(penetration(data, level="group"), ax=ax)
        figures.append(ax.get_figure(root=True))
        boundaries = route.area_file("boundaries", ".geojson")
        if boundaries.exists() and "buurt" in data.levels:
            overall = data.by_level("buurt", measure="members").sum(axis=1) \
                / data.by_level("buurt").sum(axis=1)
            _, ax = new_figure("a4-landscape")
            choropleth(read_boundaries(boundaries), 100 * overall, ax=ax, fmt="{:.0f}%",
                       label=t("area.col.penetration"), title=t("area.report.map_title"))
            figures.append(ax.get_figure(root=True))
    selections = route.table("segment_selections")
    if len(selections):
        themes = {theme.id: theme.name for theme in route.config.themes}
        shown = selections.assign(
            theme=[themes.get(theme, theme) for theme in selections["theme"]],
            segment=[data.scheme.label(code) if code in data.scheme.table.index else code
                     for code in selections["segment"]],
            area=data.area_names(selections["area"].fillna("")))
        tables.append(shown.rename(columns=lambda c: t(f"area.col.{c}")
                                   if c in ("theme", "segment", "area", "reason", "added")
                                   else c))
    return Section(title=t("area.report.title"), paragraphs=paragraphs, tables=tables,
                   figures=figures)
