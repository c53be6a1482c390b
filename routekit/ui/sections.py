"""What the notebook sections show, for any route: each function returns items for a
:class:`~routekit.ui.pickers.View` or :class:`~routekit.ui.pickers.Picker`.

When a section's input is missing, it returns the Dutch guidance of
:mod:`routekit.guidance` instead (what is missing, how to add it), so the rest of
the page runs. Tables carry Dutch column names and names instead of ids.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> comparison_section(route)[0].columns[0]
'Gebied'
>>> empty = Route.create("routes/leeg", library="Bibliotheek Leeg",
...     municipality={"code": "GM0001", "name": "Leegdorp"},
...     themes=[{"id": "lezen", "name": "Lezen"}])
>>> "CBS" in comparison_section(empty)[0]
True
"""

from __future__ import annotations

import pandas as pd

from routekit.guidance import guidance, present
from routekit.i18n import t

__all__ = [
    "area_data_section", "area_options", "candidates_section", "comparison_section",
    "contact_section", "conversation_section", "dependence_section", "engagement_section",
    "goal_advice_section", "groups_section", "key_figures_section", "knowledge_overview_section",
    "map_section", "needs_section", "network_needs_section", "persona_options",
    "persona_text_section", "plan_money_section", "post_o_overview_section",
    "reach_network_section", "segment_index_section", "selection_lines_section",
    "selections_section", "theme_findings_section", "under_reached_section",
]


def _whole(values: pd.Series) -> pd.Series:
    return values.astype(float).round(0).astype("Int64")


def _bullets(lines) -> str:
    return "\n".join(f"- {line}" for line in lines)


def needs_section(route, needs=(), *, short=(), rest: bool = True) -> list:
    """The guidance for *needs* in full and for *short* in one line pointing up the page
    (where it was explained already); nothing when the route has them all."""
    texts = [guidance(route, needs, rest=rest) if needs else "",
             guidance(route, short, short=True) if short else ""]
    return [text for text in texts if text]


# ----------------------------------------------------------------------------- 04a


def area_data_section(route) -> list:
    """What the route's area data hold, and what is still missing for the analysis."""
    from routekit.area.stored import area_status

    return [_bullets(area_status(route)),
            *needs_section(route, ["cbs", "segments", "members", "boundaries"])]


def key_figures_section(route, area: str | None) -> list:
    """Age structure (against the municipality) and households of *area*."""
    from routekit.area.ages import pyramid_by_sex, pyramid_from_key_figures
    from routekit.area.availability import household_table
    from routekit.area.plot import plot_age_pyramid, plot_households
    from routekit.area.stored import route_figures, route_persons

    figures = route_figures(route)
    if figures is None or area is None:
        return needs_section(route, short=["cbs"])
    table = figures.table
    name = str(table.at[area, "name"])
    source = t("guide.source.cbs", year=figures.year or "").strip()
    items = []
    reference = route.config.municipality.code
    if reference not in table.index:
        top = table[table["level"] == "gemeente"]
        reference = top.index[0] if len(top) else area
    pyramid = pyramid_from_key_figures(figures, area, reference)
    if pyramid.table[["left", "right"]].notna().all(axis=None):
        items.append(plot_age_pyramid(pyramid, title=t("guide.pyramid_title", area=name),
                                      subtitle=t("guide.pyramid_subtitle",
                                                 reference=table.at[reference, "name"]),
                                      source=source))
    else:
        items.append(t("guide.no_pyramid", area=name))
    persons = route_persons(route)  # inhabitants and library members per sex and age band
    if persons is not None and (persons["area_code"] == area).any():
        items.append(plot_age_pyramid(pyramid_by_sex(persons, area),
                                      title=t("guide.members_pyramid_title", area=name),
                                      source=t("guide.source.members")))
    households = household_table(figures, area)
    if len(households):
        items.append(plot_households(households, title=t("guide.households_title", area=name),
                                     source=source))
    return items


def comparison_section(route, level: str = "wijk") -> list:
    """The wijken side by side (from the CBS figures), the municipality last."""
    from routekit.area.availability import comparison_table
    from routekit.area.stored import route_figures

    figures = route_figures(route)
    if figures is None:
        return needs_section(route, short=["cbs"])
    return [comparison_table(figures, level)]


def segment_index_section(route) -> list:
    """Index of each wijk's segment groups against the municipality (a heat map)."""
    if not present(route, ["segments"])["segments"]:
        return needs_section(route, short=["segments"])
    from routekit.area.plot import plot_index_heatmap
    from routekit.area.profile import index_table
    from routekit.area.stored import load_route_data

    data = load_route_data(route)
    level = "wijk" if "wijk" in data.levels else data.levels[0]
    table = index_table(data, level, level="group")
    return [plot_index_heatmap(table, row_labels=data.area_names(table.index),
                               column_labels=[data.scheme.label(c) for c in table.columns],
                               subtitle=t("area.ui.compared_with",
                                          reference=t("area.reference.municipality")))]


def under_reached_section(route, top: int = 8) -> list:
    """The segments where the library misses the most households (Dutch columns)."""
    if not all(present(route, ["segments", "members"]).values()):
        return needs_section(route, short=["segments", "members"])
    from routekit.area.reach import under_reached
    from routekit.area.stored import load_route_data

    gaps = under_reached(load_route_data(route), level="group").table.head(top)
    return [pd.DataFrame({
        t("area.col.segment"): [f"{code} {name}" for code, name in zip(
            gaps.index, gaps["name"], strict=True)],
        t("area.col.households"): _whole(gaps["households"]),
        t("area.col.members"): _whole(gaps["members"]),
        t("guide.col.reach_pct"): _whole(100 * gaps["penetration"]),
        t("area.col.missed"): _whole(gaps["missed"]),
    })]


def map_section(route) -> list:
    """Inhabitants per buurt on the map, the open segments' groups when the route uses
    them, and the reach per buurt when members are known."""
    from routekit.area.plot import plot_choropleth
    from routekit.area.stored import route_boundaries, route_figures

    figures = route_figures(route)
    shapes = route_boundaries(route) if figures is not None else None
    if shapes is None:
        return needs_section(route, short=["boundaries", "cbs"])
    table = figures.table
    level = "buurt" if (table["level"] == "buurt").any() else "wijk"
    areas = table[table["level"] == level]
    source = t("guide.source.cbs", year=figures.year or "").strip()
    items = [plot_choropleth(shapes, areas["inhabitants"], label=t("guide.col.inhabitants"),
                             title=t("guide.map_title"), source=source)]
    from routekit.area.stored import load_route_data, segment_data, segment_source

    data = segment_data(route)  # read once for both maps below
    if segment_source(route) == "open":  # the open segments per buurt, with their names
        from routekit.area.plot import plot_class_map
        from routekit.area.stored import open_areas

        groups = open_areas(route)["group"]
        scheme = (data or load_route_data(route)).scheme  # no data: the file's own error
        items.append(plot_class_map(shapes, groups, scheme.table["name"]))
    if all(present(route, ["segments", "members"]).values()):
        from routekit.area.reach import area_overview

        overview = area_overview(data, figures, area_level=level)
        items.append(plot_choropleth(shapes, 100 * overview["penetration"], fmt="{:.0f}%",
                                     label=t("guide.percent_members"),
                                     title=t("guide.reach_map_title")))
    return items


def area_options(route) -> list[tuple[str, str]]:
    """Wijken and buurten of the route's CBS figures, for an area picker."""
    from routekit.area.availability import area_choices
    from routekit.area.stored import route_figures

    return area_choices(route_figures(route))


def selections_section(route) -> list:
    """The segments saved as of interest, with theme, segment and area names."""
    table = route.table("segment_selections")
    if table is None or not len(table):  # on the area page itself: how to mark one here
        return [f"*{t('guide.need.selections.what')} {t('guide.selections_here')}*"]
    themes = {th.id: th.name for th in route.config.themes}
    areas = _area_names(route)
    segment = _segment_names(route)
    return [pd.DataFrame({
        t("area.col.theme"): [themes.get(x, x) for x in table["theme"]],
        t("area.col.segment"): [segment(x) for x in table["segment"]],
        t("guide.col.area"): [areas.get(x, x) if isinstance(x, str) and x
                              else route.config.municipality.name for x in table["area"]],
        t("area.col.reason"): table["reason"].fillna("–"),
    })]


def _area_names(route) -> dict[str, str]:
    names = {area.code: area.name for area in route.config.areas}
    from routekit.area.stored import route_figures

    try:
        figures = route_figures(route)
    except Exception:  # noqa: BLE001 - names are a nicety; the area page reports problems
        figures = None
    if figures is not None:
        names = dict(figures.table["name"].astype(str)) | names
    return names


def _segment_names(route):
    if not route.area_file("segment_scheme").exists():
        return lambda code: code
    from routekit.area import load_scheme

    scheme = load_scheme(route.area_file("segment_scheme"))
    return lambda code: scheme.label(code) if code in scheme.table.index else code


# ----------------------------------------------------------------------------- 03


def conversation_section(route) -> list:
    """The conversations so far (newest first), with Dutch column names."""
    from routekit.conversations import conversation_log

    log = conversation_log(route)
    if not len(log):
        return needs_section(route, ["conversations"], rest=False)
    return [pd.DataFrame({
        t("conversations.form.date"): log["date"],
        t("conversations.form.theme"): log["theme"],
        t("conversations.form.participants"): log["participants"],
        t("conversations.form.format"): log["format"],
        t("conversations.form.summary"): log["summary"],
        t("conversations.form.actions"): log["action_points"],
        t("conversations.form.follow_up"): log["follow_up"],
    })]


# ----------------------------------------------------------------------------- 04b


def theme_findings_section(route) -> list:
    """Around which theme most supporters and opponents stand, in sentences."""
    from routekit.stakeholders import comparison_of, theme_findings

    if not present(route, ["positions"])["positions"]:
        return needs_section(route, ["stakeholders", "positions"], rest=False)
    return [_bullets(theme_findings(comparison_of(route)))]


def engagement_section(route, theme: str | None) -> list:
    """How to involve each stakeholder of *theme*, and who should talk to whom."""
    from routekit.stakeholders import conversation_pairs, engagement_list, register

    if theme is None or not present(route, ["positions"])["positions"]:
        return needs_section(route, short=["themes", "stakeholders", "positions"])
    table = register(route, theme)
    if not len(table):
        return [t("guide.no_positions_theme", theme=route.config.theme(theme).name)]
    approach = engagement_list(table)
    items = [approach[["name", "group_label", "involve", "approach", "action"]].rename(columns={
        "name": t("guide.col.stakeholder"), "group_label": t("guide.col.group"),
        "involve": t("guide.col.involve"), "approach": t("guide.col.approach"),
        "action": t("guide.col.action")})]
    pairs = conversation_pairs(table, route.table("relations"))
    if len(pairs):
        items.append(f"**{t('guide.pairs_title')}**\n\n" + _bullets(
            f"{row.opponent_name} ↔ {row.supporter_name} ({row.reasons})"
            for row in pairs.itertuples()))
    return items


# ----------------------------------------------------------------------------- 04c


def _graph(route, theme: str | None = None):
    from routekit.network.stored import route_graph

    return route_graph(route, theme=theme, skip_invalid=True)


def network_needs_section(route) -> list:
    """What the network page still lacks (stakeholders, relations, the library), in full."""
    return needs_section(route, ["stakeholders", "relations", "library"])


def groups_section(route) -> list:
    """The groups of the network, and who stands outside."""
    if not present(route, ["relations"])["relations"]:
        return needs_section(route, short=["stakeholders", "relations"])
    from routekit.network import metrics, tables

    graph = _graph(route)
    groups = metrics.communities(graph)
    items = [tables.community_table(graph, groups)]
    outsiders = tables.outsiders_table(graph)
    if len(outsiders):
        items += [f"**{t('guide.outsiders_title')}**", outsiders]
    return items


def reach_network_section(route) -> list:
    """Whom the library reaches in one or two steps, and who could introduce it."""
    if not all(present(route, ["relations", "library"]).values()):
        return needs_section(route, short=["stakeholders", "relations", "library"])
    from routekit.network import metrics, tables

    graph = _graph(route)
    items = [tables.reach_table(graph)]
    suggestions = tables.suggestions_table(graph, metrics.communities(graph))
    if len(suggestions):
        items += [f"**{t('guide.suggestions_title')}**", suggestions]
    return items


def dependence_section(route) -> list:
    """Per theme: how much of the network rests on one or two people."""
    if not present(route, ["relations"])["relations"]:
        return needs_section(route, short=["relations"])
    from routekit.network.dependence import dependence

    lines = [f"**{t('guide.whole_network')}:** {dependence(_graph(route)).sentence}"]
    lines += [f"**{theme.name}:** {dependence(_graph(route, theme.id)).sentence}"
              for theme in route.config.themes]
    return [_bullets(lines)]


# ----------------------------------------------------------------------------- 04d


def persona_options(route) -> list[tuple[str, str]]:
    """(name, id) of the route's personas, for a picker."""
    return [(persona.name, persona.id) for persona in route.records("personas")]


def selection_lines_section(route) -> list:
    """The saved segments of interest as sentences: theme, segment and area by name."""
    from routekit.personas.stored import selections

    chosen = selections(route)
    if not chosen:
        return needs_section(route, ["selections"], rest=False)
    themes = {th.id: th.name for th in route.config.themes}
    areas = _area_names(route)
    segment = _segment_names(route)
    return [_bullets(t("guide.selection_line", theme=themes.get(s.theme, s.theme or "–"),
                       segment=segment(s.segment),
                       area=areas.get(s.area, s.area) if s.area
                       else route.config.municipality.name) for s in chosen)]


def persona_text_section(route, persona_id: str | None) -> list:
    """One persona as text (Markdown) to paste into a report or e-mail, in full."""
    if persona_id is None:
        return needs_section(route, ["personas"], rest=False)
    from routekit.personas.card import persona_markdown
    from routekit.personas.stored import evidence

    persona = route.get("personas", persona_id)
    if persona is None:
        return needs_section(route, ["personas"], rest=False)
    area = _area_names(route).get(persona.area) if persona.area else None
    return [persona_markdown(persona, evidence(route, persona), area_name=area)]


# ----------------------------------------------------------------------------- 05, 06


def post_o_overview_section(route) -> list:
    """Per theme, the points of attention of its POST-O canvas."""
    from routekit.strategy.stored import theme_canvas

    if not route.config.themes:
        return needs_section(route, ["themes"], rest=False)
    blocks = []
    for theme in route.config.themes:
        warnings = theme_canvas(route, theme.id).warnings
        head = f"**{theme.name}:** {t('guide.attention', count=len(warnings))}"
        blocks.append(head + ("\n\n" + _bullets(w.message for w in warnings) if warnings
                              else ""))
    return ["\n\n".join(blocks)]


def knowledge_overview_section(route) -> list:
    """Per theme, where the community stands in Lankes' cycle and what to do."""
    from routekit.strategy.knowledge import advice

    if not route.config.themes:
        return needs_section(route, ["themes"], rest=False)
    blocks = []
    for theme in route.config.themes:
        record = route.get_or_new("knowledge", theme.id)
        stage = t(f"strategy.stage.{record.stage}") if record.stage else t("strategy.stage.none")
        lines = list(advice(record))
        blocks.append(f"**{theme.name}:** {stage}" + ("\n\n" + _bullets(lines) if lines else ""))
    return ["\n\n".join(blocks)]


# ----------------------------------------------------------------------------- 07, 08


def goal_advice_section(route) -> list:
    """Per goal, what is missing to make it SMART."""
    from routekit.plan import tables
    from routekit.plan.stored import plan_of

    goals = tables.goal_table(plan_of(route))
    if not len(goals):
        return needs_section(route, ["goals"], rest=False)
    head = t("plan.smart.ok", goal="\0").split("\0")[0]  # "Doel ": name the goal, not its id
    return [_bullets(advice.replace(f"{head}{goal}", f"{head}“{text}”", 1)
                     for goal, text, advice in zip(goals["id"], goals["text"], goals["advice"],
                                                   strict=True))]


def plan_money_section(route) -> list:
    """The budget totals and chart, and the KPIs' progress."""
    from routekit.plan import tables
    from routekit.plan.formats import euro
    from routekit.plan.plot import plot_budget, plot_kpi_progress
    from routekit.plan.stored import plan_of

    plan = plan_of(route)
    items = []
    budget = tables.budget_by_activity(plan)
    if len(budget):
        totals = tables.budget_totals(plan)
        items.append(t("guide.budget_totals", cost=euro(totals["cost"]),
                       subsidy=euro(totals["subsidy"]), own=euro(totals["own"]),
                       in_kind=euro(totals["in_kind"])))
        items.append(plot_budget(budget, size="screen"))
    kpis = tables.kpi_table(plan)
    if len(kpis):
        items.append(plot_kpi_progress(kpis, size="screen"))
    return items + needs_section(route, ["budget", "kpis"], rest=False)


def contact_section(route) -> list:
    """The planned contact moments, each with its last date."""
    from routekit.plan import tables
    from routekit.plan.stored import plan_of

    contact = tables.contact_table(plan_of(route))
    if not len(contact):
        return needs_section(route, ["contact_moments"], rest=False)
    return [_bullets(t("guide.contact_line", title=row.title, recurrence=row.recurrence,
                       count=row.count, location=row.location or "–")
                     for row in contact.itertuples())]


def candidates_section(route) -> list:
    """The candidate-persona form when the route has segment data: from usage figures per
    segment, or without them from the scheme's own groups (e.g. the open segments)."""
    if not present(route, ["segments"])["segments"]:
        return needs_section(route, ["segments", "behaviour"], rest=False)
    from routekit.ui.personas import CandidateForm

    return [CandidateForm(route).widget]
