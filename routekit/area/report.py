"""The area analysis section of the route report (``routekit report``).

Examples
--------
>>> from routekit.workspace import Route
>>> section = report_section(Route.open("data/sample-route"))
>>> section.title
'Gebiedsanalyse: wie wonen er, wie mis je?'
>>> section.figures[0].point
'In Wijk 05 Ambachtsveen is 27% 65 jaar of ouder, tegen 17% in Sleutelwaard'
"""

from __future__ import annotations

from routekit.i18n import t

__all__ = ["key_figures_part", "report_section"]

_KEY_COLUMNS = ("inhabitants", "households", "age_0_14", "age_65_plus", "one_person_households")


def _pct(value: float) -> str:
    return f"{value:.0%}"


def key_figures_part(route):
    """CBS key figures of the municipality and its wijken: table, age chart, sentences.

    Returns ``(paragraphs, tables, charts, summary)``; all empty when the
    route has no CBS figures yet.
    """
    import pandas as pd

    from routekit.area.ages import pyramid_from_key_figures
    from routekit.area.plot import plot_age_pyramid
    from routekit.area.stored import route_key_figures
    from routekit.documents.tables import number
    from routekit.report import Chart, Table
    from routekit.style import chart_size, new_figure

    figures = route_key_figures(route)
    table = figures.table
    if table.empty:
        return [], [], [], []
    code = route.config.municipality.code
    town = table[(table["level"] == "gemeente") & (table.index == code)]
    if town.empty:
        town = table[table["level"] == "gemeente"].head(1)
    wijken = table[table["level"] == "wijk"]
    shown = pd.concat([town, wijken])
    columns = [c for c in _KEY_COLUMNS if c in shown.columns]
    if shown.empty or "inhabitants" not in columns:
        return [], [], [], []
    frame = shown[["name", *columns]].copy()
    for column in ("age_0_14", "age_65_plus"):
        if column in frame:
            frame[column] = [_pct(v) if v == v else "–" for v in
                             shown[column] / shown["inhabitants"]]
    if "one_person_households" in frame and "households" in shown:
        frame["one_person_households"] = [_pct(v) if v == v else "–" for v in
                                          shown["one_person_households"] / shown["households"]]
    frame = frame.rename(columns=lambda c: t(f"documents.area.kf.{c}"))
    year = f" ({figures.year})" if figures.year else ""
    tables = [Table(frame, caption=t("documents.area.kf.caption", year=year))]
    paragraphs, charts, summary = [], [], []
    if not town.empty:
        row = town.iloc[0]
        summary.append(t("documents.area.kf.summary", name=row["name"],
                         inhabitants=number(round(row["inhabitants"])),
                         households=number(round(row.get("households", 0)))))
    groups = ["age_0_14", "age_15_24", "age_25_44", "age_45_64", "age_65_plus"]
    if not town.empty and len(wijken) and set(groups) <= set(table.columns):
        old = (wijken["age_65_plus"] / wijken[groups].sum(axis=1)).dropna()
        if len(old):
            wijk = old.idxmax() if old.max() - old.mean() >= old.mean() - old.min() \
                else old.idxmin()
            pyramid = pyramid_from_key_figures(figures, wijk, town.index[0])
            frame = pyramid.table
            area_old, town_old = frame["left"].iloc[-1], frame["right"].iloc[-1]
            point = t("documents.area.kf.point", area=table.at[wijk, "name"],
                      share=f"{area_old:.0f}%", town=town.iloc[0]["name"],
                      town_share=f"{town_old:.0f}%")
            _, ax = new_figure(chart_size())
            plot_age_pyramid(pyramid, ax=ax, title=point,
                             source=t("documents.area.kf.source", year=year))
            notes = [f"{band}: {pyramid.left} {left:.0f}%, {pyramid.right} "
                     f"{right:.0f}%" for band, left, right in
                     zip(frame.index, frame["left"], frame["right"], strict=True)]
            charts.append(Chart(ax.get_figure(root=True), point=point, notes=notes,
                                name="leeftijd-" + str(wijk).lower()))
            summary.append(point + ".")
    return paragraphs, tables, charts, summary


def report_section(route):
    """CBS key figures, summaries per route area, the largest reach gaps and their charts.

    Returns None when the route has neither CBS figures nor segment data.
    """
    from routekit.area.stored import has_segment_data
    from routekit.report import Section

    paragraphs, tables, figures, summary = key_figures_part(route)
    if has_segment_data(route):
        segment_part(route, paragraphs, tables, figures, summary)
    if not (paragraphs or tables or figures):
        return None
    return Section(title=t("area.report.title"), paragraphs=paragraphs, tables=tables,
                   figures=figures, summary=summary)


def segment_part(route, paragraphs, tables, figures, summary) -> None:
    """Add the segment profile, index heatmap, reach and map (with their points) in place."""
    from routekit.area.files import read_boundaries
    from routekit.area.plot import plot_choropleth, plot_index_heatmap, plot_reach
    from routekit.area.profile import index_table, profile
    from routekit.area.reach import penetration, under_reached
    from routekit.area.stored import load_route_data
    from routekit.area.summary import summarise
    from routekit.report import Chart, Table
    from routekit.style import chart_size, new_figure

    data = load_route_data(route)
    wijken = set(data.area_codes("wijk")) if "wijk" in data.levels else set()
    paragraphs += [summarise(profile(data, area.code, level="group"), area.name)
                   for area in route.config.areas if area.code in wijken]
    table = index_table(data, "wijk", level="group") if wijken else None
    if table is not None and table.size:
        stacked = table.stack().dropna()
        (wijk, group), top = stacked.idxmax(), stacked.max()
        point = t("documents.area.index_point", group=data.scheme.name(group),
                  area=data.area_names([wijk])[0], index=f"{top:.0f}")
        _, ax = new_figure(chart_size())
        plot_index_heatmap(table, ax=ax, row_labels=data.area_names(table.index),
                           column_labels=[data.scheme.label(c) for c in table.columns])
        highest = stacked.sort_values(ascending=False).head(8)
        notes = [f"{data.area_names([w])[0]} – {data.scheme.name(g)}: index {v:.0f}"
                 for (w, g), v in highest.items()]
        figures.append(Chart(ax.get_figure(root=True), point=point, notes=notes,
                             name="index-per-wijk"))
    if data.members is None:
        return
    reach = penetration(data, level="group")
    rates, average = reach.table, reach.overall
    gaps = under_reached(data, level="group").table.head(5)
    if len(gaps):
        first = gaps.iloc[0]
        summary.append(t("documents.area.missed_summary", group=first["name"],
                         rate=_pct(first["penetration"]), average=_pct(average),
                         missed=f"{first['missed']:.0f}"))
    shown = gaps[["name", "households", "members", "penetration", "missed"]].assign(
        households=gaps["households"].round().astype(int),
        members=gaps["members"].round().astype(int),
        penetration=[_pct(rate) for rate in gaps["penetration"]],
        missed=gaps["missed"].round().astype(int))
    tables.append(Table(shown.reset_index().rename(columns=lambda c: t(f"area.col.{c}")),
                        caption=t("documents.area.gaps_caption"), slide=True))
    low = rates.sort_values("penetration").iloc[0]
    _, ax = new_figure(chart_size())
    plot_reach(reach, ax=ax)
    figures.append(Chart(ax.get_figure(root=True), name="bereik-per-groep",
                         point=t("documents.area.reach_point", group=low["name"],
                                 rate=_pct(low["penetration"]), average=_pct(average)),
                         notes=[f"{row.name}: {_pct(row.penetration)} lid "
                                f"({row.members:.0f} van {row.households:.0f})"
                                for row in rates.itertuples()]))
    boundaries = route.area_file("boundaries", ".geojson")
    if boundaries.exists() and "buurt" in data.levels:
        members = data.by_level("buurt", measure="members").sum(axis=1)
        overall = members / data.by_level("buurt").sum(axis=1)
        lowest = overall.dropna().idxmin()
        point = t("documents.area.map_point", area=data.area_names([lowest])[0],
                  rate=_pct(overall[lowest]), ratio=_ratio(overall[lowest] / average))
        _, ax = new_figure(chart_size())
        plot_choropleth(read_boundaries(boundaries), 100 * overall, ax=ax, fmt="{:.0f}%",
                        label=t("area.col.penetration"), title=t("area.report.map_title"))
        figures.append(Chart(ax.get_figure(root=True), point=point, name="bereik-kaart",
                             notes=[f"{name}: {_pct(rate)}" for name, rate in zip(
                                 data.area_names(overall.index), overall, strict=True)]))
    selections = route.table("segment_selections")
    if len(selections):
        themes = {theme.id: theme.name for theme in route.config.themes}
        shown = selections.assign(
            theme=[themes.get(theme, theme) for theme in selections["theme"]],
            segment=[data.scheme.label(code) if code in data.scheme.table.index else code
                     for code in selections["segment"]],
            area=data.area_names(selections["area"].fillna("")))
        columns = [c for c in ("theme", "segment", "area", "reason") if c in shown.columns]
        tables.append(Table(shown[columns].rename(columns=lambda c: t(f"area.col.{c}")),
                            caption=t("documents.area.selection_caption")))


def _ratio(ratio: float) -> str:
    """*ratio* to the average in words: "de helft van", "twee keer", "ongeveer gelijk aan"."""
    for bound, key in ((0.4, "third"), (0.6, "half"), (0.85, "below"), (1.15, "equal"),
                       (1.6, "above"), (2.5, "double")):
        if ratio < bound:
            return t(f"documents.area.ratio.{key}")
    return t("documents.area.ratio.more", times=f"{ratio:.0f}")
