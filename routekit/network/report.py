"""The stakeholder network's section of the route report.

Examples
--------
>>> from routekit.workspace import Route
>>> section = report_section(Route.open("data/sample-route"))
>>> section.title
'Netwerk van stakeholders'
"""

from __future__ import annotations

from routekit.i18n import t

__all__ = ["report_section"]


def report_section(route):
    """Picture, dependence, key players, brokers, groups and suggestions; None without ties.

    Uses the saved layout where there is one (the report does not write to
    the route).
    """
    if not route.records("relations"):
        return None
    from routekit.network import dependence, metrics, tables
    from routekit.network.layout import layout
    from routekit.network.plot import plot_network
    from routekit.network.stored import route_graph, saved_layout
    from routekit.report import Chart, Section
    from routekit.style import chart_size

    graph = route_graph(route, skip_invalid=True)
    groups = metrics.communities(graph)
    source = route.config.notice or route.config.library
    apart = graph.number_of_nodes() - int(metrics.parts(graph)["size"].iloc[0])
    paragraphs = [t("network.report.intro", stakeholders=graph.number_of_nodes(),
                    ties=graph.number_of_edges(), groups=int(groups.max()))]
    if apart:
        paragraphs.append(t("network.report.apart", apart=apart))
    paragraphs.append(dependence.dependence(graph).sentence)
    for theme in route.config.themes:
        view = route_graph(route, theme=theme.id, skip_invalid=True)
        if view.number_of_edges():
            paragraphs.append(t("network.report.theme", theme=theme.name,
                                text=dependence.dependence(view).sentence))
    paragraphs += [str(problem) for problem in graph.graph["problems"]]
    ax = plot_network(graph, layout(graph, saved_layout(route)), size=chart_size(),
                      source=source)
    players = tables.key_players(graph, groups)
    frames = [players, tables.brokers_table(graph, groups),
              tables.community_table(graph, groups), tables.suggestions_table(graph, groups),
              tables.outsiders_table(graph)]
    name, contacts = players.columns[:2]
    notes = [paragraphs[0]] + [f"{row[name]}: {row[contacts]} {contacts.lower()}"
                               for _, row in players.head(8).iterrows()]
    top = players.loc[players[contacts].idxmax()] if len(players) else None
    point = paragraphs[0] if top is None else t(
        "documents.network.point", name=top[name], contacts=int(top[contacts]),
        count=int(groups.max()))
    chart = Chart(ax.get_figure(root=True), point=point, notes=notes, name="netwerk")
    return Section(title=t("network.title"), paragraphs=paragraphs,
                   tables=[frame for frame in frames if len(frame)], figures=[chart],
                   summary=[dependence.dependence(graph).sentence])
