"""Tables of the network analysis with column names in the user's language.

For the notebook and the report: who the key players and brokers are, which
groups there are and how much each leans on one person, who is left out, and
whom the library reaches. Numbers are rounded for reading.

Examples
--------
>>> from routekit.network.stored import route_graph
>>> from routekit.workspace import Route
>>> key_players(route_graph(Route.open("data/sample-route"))).columns[0]
'Stakeholder'
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from routekit.i18n import t
from routekit.network import dependence, metrics

__all__ = ["brokers_table", "community_table", "group_names", "key_players",
           "outsiders_table", "reach_table", "suggestions_table"]


def _col(name: str) -> str:
    return t(f"network.col.{name}")


def _join(names) -> str:
    return ", ".join(names) if names else "–"


def group_names(graph: nx.MultiDiGraph, groups: pd.Series) -> dict[int, str]:
    """A name per community: "Groep 1 (Anneke Bos)", after its best-tied member."""
    view = graph.to_undirected(as_view=True)
    names = {}
    for number, members in groups.groupby(groups):
        inside = view.subgraph(members.index)
        best = max(sorted(members.index), key=lambda n: inside.degree(n))
        names[int(number)] = t("network.group", number=int(number),
                               name=graph.nodes[best].get("name", best))
    return names


def key_players(graph: nx.MultiDiGraph, groups: pd.Series | None = None, *,
                top: int = 10, kinds=None, centrality: pd.DataFrame | None = None
                ) -> pd.DataFrame:
    """The *top* stakeholders by betweenness, with contacts, ties and eigenvector.

    *groups* and *centrality* (``metrics.communities`` and ``metrics.centrality`` of
    *graph* and *kinds*) are computed when not given; pass them to share one
    computation between tables.
    """
    groups = metrics.communities(graph, kinds) if groups is None else groups
    names = group_names(graph, groups)
    ranking = metrics.centrality(graph, kinds) if centrality is None else centrality
    table = ranking.head(top)
    return pd.DataFrame({
        _col("stakeholder"): table["name"],
        _col("contacts"): table["contacts"],
        _col("ties"): table["ties"],
        _col("betweenness"): table["betweenness"].round(2),
        _col("eigenvector"): table["eigenvector"].round(2),
        _col("group"): [names[int(groups[n])] for n in table.index],
    }).reset_index(drop=True)


def brokers_table(graph: nx.MultiDiGraph, groups: pd.Series | None = None, *,
                  kinds=None, centrality: pd.DataFrame | None = None) -> pd.DataFrame:
    """Brokers: who bridges groups, and whether the network splits without them.

    *groups* and *centrality* as in :func:`key_players`.
    """
    groups = metrics.communities(graph, kinds) if groups is None else groups
    names = group_names(graph, groups)
    table = metrics.brokers(graph, kinds, groups=groups, centrality=centrality)
    return pd.DataFrame({
        _col("stakeholder"): table["name"],
        _col("group"): [names[g] for g in table["community"]],
        _col("bridges_to"): [_join([names[g] for g in gs]) for gs in table["bridges_to"]],
        _col("betweenness"): table["betweenness"].round(2),
        _col("cut_point"): table["cut_point"].map({True: t("network.answer.yes"),
                                                   False: t("network.answer.no")}),
    }).reset_index(drop=True)


def community_table(graph: nx.MultiDiGraph, groups: pd.Series | None = None) -> pd.DataFrame:
    """Groups with their size, members, their linchpin and who hangs on that person.

    The share is that of the group's inner ties the linchpin is involved in;
    in small groups it is high by nature, so the table shows who would be cut
    off rather than a level (the level is given for the whole network and per
    theme, see :func:`routekit.network.dependence.dependence`).
    """
    groups = metrics.communities(graph) if groups is None else groups
    names = group_names(graph, groups)
    lean = dependence.community_dependence(graph, groups).set_index("community")
    rows = []
    for number, members in groups.groupby(groups):
        number = int(number)
        row = {_col("group"): names[number], _col("size"): len(members),
               _col("members"): _join(sorted(graph.nodes[n].get("name", n)
                                             for n in members.index))}
        if number in lean.index:
            item = lean.loc[number]
            row |= {_col("top"): item["top"], _col("share"): f"{item['top1_share']:.0%}",
                    _col("cut_off"): _join(item["cut_off"])}
        rows.append(row)
    return pd.DataFrame(rows)


def outsiders_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Stakeholders with no tie or only one."""
    table = metrics.outsiders(graph)
    return pd.DataFrame({_col("stakeholder"): table["name"], _col("contacts"): table["contacts"],
                         _col("tied_to"): [_join(n) for n in table["tied_to"]]}
                        ).reset_index(drop=True)


def reach_table(graph: nx.MultiDiGraph, sources=None, *, steps: int = 2) -> pd.DataFrame:
    """Whom the library reaches in one or two steps, and through whom."""
    table = metrics.reach(graph, sources, steps=steps)
    return pd.DataFrame({_col("stakeholder"): table["name"], _col("steps"): table["steps"],
                         _col("via"): [_join(v) for v in table["via"]]}).reset_index(drop=True)


def suggestions_table(graph: nx.MultiDiGraph, groups: pd.Series | None = None,
                      sources=None) -> pd.DataFrame:
    """Introductions that would give the library a (second) way into a group."""
    groups = metrics.communities(graph) if groups is None else groups
    names = group_names(graph, groups)
    table = metrics.bridging_suggestions(graph, sources, groups=groups)
    return pd.DataFrame({
        _col("group"): [names[g] for g in table["community"]],
        _col("known"): [_join(c) for c in table["contacts"]],
        _col("new_contact"): table["new_contact_name"],
        _col("introducer"): table["introducer_name"],
        _col("path"): [" → ".join(p) for p in table["path"]],
    })
