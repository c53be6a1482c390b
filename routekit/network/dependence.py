"""How much the network leans on one or two people, and what happens when they leave.

The Routekaart warns that a community resting on one or two people collapses
when they leave. :func:`dependence` measures it two ways: the share of ties
the top one and two are involved in
(:func:`routekit.community.concentration.concentration_of`, the
same measure the plan uses for tasks per owner) and the fragmentation of the
network when they are taken out. :func:`community_dependence` does the same
inside every community, where the risk usually shows.

Fragmentation (Borgatti) is the share of pairs of stakeholders that cannot
reach each other: 0 when everyone is connected, 1 when no one is.

Examples
--------
>>> import networkx as nx
>>> star = nx.MultiDiGraph([("hub", leaf, "collaboration") for leaf in "abcd"])
>>> result = dependence(star)
>>> result.concentration.level, result.impact["fragmentation"].tolist()
('risk', [0.0, 1.0, 1.0])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from routekit.community.concentration import OwnershipConcentration, concentration_of
from routekit.i18n import t
from routekit.network.graph import CONNECTING, connections

__all__ = ["Dependence", "community_dependence", "dependence", "fragmentation", "ties"]


def ties(graph: nx.MultiDiGraph, kinds: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """The two ends of every tie of *kinds* (default: all but conflict)."""
    kinds = set(CONNECTING if kinds is None else kinds)
    return [(u, v) for u, v, kind in graph.edges(keys=True) if kind in kinds]


def fragmentation(view: nx.Graph) -> float:
    """Share of pairs of nodes that cannot reach each other (0 … 1; 0 for < 2 nodes).

    Examples
    --------
    >>> round(fragmentation(nx.Graph([(1, 2), (3, 4)])), 3)
    0.667
    """
    n = view.number_of_nodes()
    if n < 2:
        return 0.0
    joined = sum(len(c) * (len(c) - 1) for c in nx.connected_components(view))
    return 1 - joined / (n * (n - 1))


@dataclass(frozen=True)
class Dependence:
    """How much a network leans on its best-tied one or two people.

    Attributes
    ----------
    concentration : OwnershipConcentration
        Share of ties of the top one and two (see :mod:`routekit.community.concentration`).
    impact : DataFrame
        Rows for the network as it is, without the top one, without the top two:
        ``removed`` (names), ``parts``, ``fragmentation``, ``cut_off`` (names of
        those no longer connected to the largest part, besides the removed).
    """

    concentration: OwnershipConcentration
    impact: pd.DataFrame

    @property
    def sentence(self) -> str:
        """Plain text: the share of ties and who would be cut off without the top one or two."""
        text = self.concentration.describe(t("network.dependence.what"))
        for row in self.impact.iloc[1:].itertuples():
            if row.cut_off:
                text += " " + t("network.dependence.cut_off", removed=" en ".join(row.removed)
                                if len(row.removed) > 1 else row.removed[0],
                                count=len(row.cut_off), names=", ".join(row.cut_off))
                break
        return text


def _impact(graph: nx.MultiDiGraph, view: nx.Graph, top: tuple[str, ...]) -> pd.DataFrame:
    main = max(nx.connected_components(view), key=len) if view.number_of_nodes() else set()
    rows = []
    for count in range(len(top) + 1):
        removed = list(top[:count])
        rest = view.copy()
        rest.remove_nodes_from(removed)
        largest = max(nx.connected_components(rest), key=len) if rest.number_of_nodes() else set()
        lost = sorted(n for n in main if n not in largest and n not in removed)
        rows.append({"removed": [graph.nodes[n].get("name", n) for n in removed],
                     "parts": nx.number_connected_components(rest),
                     "fragmentation": fragmentation(rest),
                     "cut_off": [graph.nodes[n].get("name", n) for n in lost]})
    return pd.DataFrame(rows, columns=["removed", "parts", "fragmentation", "cut_off"])


def dependence(graph: nx.MultiDiGraph, kinds: Iterable[str] | None = None) -> Dependence:
    """Measure how much the network rests on its best-tied one or two stakeholders.

    Parameters
    ----------
    graph : MultiDiGraph
        From :func:`routekit.network.graph.build_graph`.
    kinds : iterable of str, optional
        Relation kinds that count (default: all but conflict).
    """
    names = {n: d.get("name", n) for n, d in graph.nodes(data=True)}
    result = concentration_of(ties(graph, kinds), names=names)
    return Dependence(result, _impact(graph, connections(graph, kinds), result.top))


def community_dependence(graph: nx.MultiDiGraph, groups: pd.Series,
                         kinds: Iterable[str] | None = None, *,
                         min_size: int = 3) -> pd.DataFrame:
    """:func:`dependence` inside every community of at least *min_size* stakeholders.

    Only ties between members count. Returns one row per community, most
    dependent first: ``community, size, top`` (name), ``top1_share, top2_share,
    level, label`` and ``cut_off`` (members cut off from the rest of their
    community without the top person).
    """
    rows = []
    for number, members in groups.groupby(groups):
        if len(members) < min_size:
            continue
        inside = graph.subgraph(members.index).copy()
        result = dependence(inside, kinds)
        conc = result.concentration
        if not conc.holders:
            continue
        rows.append({"community": int(number), "size": len(members), "top": conc.names[0],
                     "top1_share": conc.top1_share, "top2_share": conc.top2_share,
                     "level": conc.level, "label": conc.label,
                     "cut_off": result.impact.loc[1, "cut_off"]})
    frame = pd.DataFrame(rows, columns=["community", "size", "top", "top1_share", "top2_share",
                                        "level", "label", "cut_off"])
    return frame.sort_values("top1_share", ascending=False, kind="stable", ignore_index=True)
