"""Who matters in the network: centrality, communities, brokers, reach and suggestions.

Every function takes the graph of :func:`routekit.network.graph.build_graph`
and returns plain data (DataFrames, Series). The analyses run on the
undirected weighted view :func:`~routekit.network.graph.connections`: an
introduction or a favour can travel either way along a tie, and conflict is
not a connection unless *kinds* says so.

- **degree**: ``contacts`` (distinct stakeholders tied to), ``ties`` (ties of
  any direction), ``strength`` (sum of tie strengths), ``ties_in``/``ties_out``
  (directed ties only);
- **betweenness**: share of shortest paths between two others that pass
  through a stakeholder (normalised, path length in steps, not strength: an
  introduction is one step however strong the tie); exact up to 1,000
  stakeholders, above that estimated from 500 seeded sample sources;
- **eigenvector**: being tied strongly to well-tied stakeholders (weighted by
  strength, computed on the largest connected part, 0 elsewhere, scaled so
  the highest is 1);
- **communities**: Louvain (weighted, seeded so the result is the same every
  run), numbered 1, 2 … from the largest.

Examples
--------
>>> from routekit.network.graph import build_graph
>>> people = [{"id": i, "name": i.upper(), "kind": "person", "sector": "residents"}
...           for i in "abc"]
>>> ties = [{"source": "a", "target": "b", "kind": "collaboration"},
...         {"source": "b", "target": "c", "kind": "information"}]
>>> centrality(build_graph(people, ties))["betweenness"].to_dict()
{'b': 1.0, 'a': 0.0, 'c': 0.0}
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from routekit.network.graph import connections

__all__ = ["bridging_suggestions", "brokers", "centrality", "communities", "ego_graph",
           "library_ids", "outsiders", "parts", "reach"]

SEED = 42
"""Seed of the community detection, so the groups are the same every run."""
EXACT_BETWEENNESS_MAX = 1_000
"""Up to this many stakeholders betweenness is exact; above, estimated from 500 sources."""


def _betweenness(view: nx.Graph) -> dict[str, float]:
    sample = None if view.number_of_nodes() <= EXACT_BETWEENNESS_MAX else 500
    return nx.betweenness_centrality(view, k=sample, normalized=True, seed=SEED)


def _names(graph, ids: Iterable[str]) -> list[str]:
    return [graph.nodes[i].get("name", i) for i in ids]


def centrality(graph: nx.MultiDiGraph, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Degree, betweenness and eigenvector centrality per stakeholder.

    Returns
    -------
    DataFrame
        Index: stakeholder id. Columns ``name, sector, contacts, ties, ties_in,
        ties_out, strength, betweenness, eigenvector``, sorted by betweenness
        then eigenvector (highest first).
    """
    view = connections(graph, kinds)
    keep = {k for _, _, k in view.edges(data="kinds") for k in k}
    rows = {n: {"name": d.get("name", n), "sector": d.get("sector"), "contacts": view.degree(n),
                "ties": 0, "ties_in": 0, "ties_out": 0,
                "strength": view.degree(n, weight="weight")}
            for n, d in graph.nodes(data=True)}
    for u, v, kind, data in graph.edges(keys=True, data=True):
        if kind not in keep:
            continue
        rows[u]["ties"] += 1
        rows[v]["ties"] += 1
        if data.get("directed", True):
            rows[u]["ties_out"] += 1
            rows[v]["ties_in"] += 1
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=[
        "name", "sector", "contacts", "ties", "ties_in", "ties_out", "strength"])
    frame["betweenness"] = pd.Series(_betweenness(view))
    frame["eigenvector"] = pd.Series(_eigenvector(view)).reindex(frame.index, fill_value=0.0)
    frame.index.name = "id"
    return frame.sort_values(["betweenness", "eigenvector"], ascending=False, kind="stable")


def _eigenvector(view: nx.Graph) -> dict[str, float]:
    if view.number_of_edges() == 0:
        return {}
    main = view.subgraph(max(nx.connected_components(view), key=len))
    if main.number_of_nodes() < 3:
        return dict.fromkeys(main, 1.0)
    values = nx.eigenvector_centrality_numpy(main, weight="weight")
    top = max(abs(v) for v in values.values())
    return {node: abs(value) / top for node, value in values.items()}


def communities(graph: nx.MultiDiGraph, kinds: Iterable[str] | None = None, *,
                seed: int = SEED) -> pd.Series:
    """Community number per stakeholder (Louvain on the weighted view).

    Groups are numbered 1, 2 … from the largest (ties broken by the first id);
    a stakeholder without ties is a group of its own.

    Returns
    -------
    Series
        Index: stakeholder id, values: community number (int), name ``community``.
    """
    view = connections(graph, kinds)
    found = nx.community.louvain_communities(view, weight="weight", seed=seed)
    ordered = sorted(found, key=lambda group: (-len(group), min(group)))
    numbers = {node: number for number, group in enumerate(ordered, start=1) for node in group}
    return pd.Series(numbers, name="community", dtype="int64").reindex(list(graph))


def brokers(graph: nx.MultiDiGraph, kinds: Iterable[str] | None = None, *,
            groups: pd.Series | None = None,
            centrality: pd.DataFrame | None = None) -> pd.DataFrame:
    """Stakeholders who bridge communities or hold parts of the network together.

    A broker has ties into at least one community besides its own and a
    betweenness above the network's average (it lies on more shortest paths
    between others than most), or is a cut point: without it the network
    falls into more parts.

    Parameters
    ----------
    groups : Series, optional
        Community per stakeholder (default :func:`communities`).
    centrality : DataFrame, optional
        :func:`centrality` of *graph* and *kinds*, when already computed (its
        betweenness is used instead of computing it again).

    Returns
    -------
    DataFrame
        Index: id. Columns ``name, community, bridges_to`` (other communities
        reached, sorted list), ``betweenness, cut_point``; strongest broker first.
    """
    view = connections(graph, kinds)
    groups = communities(graph, kinds) if groups is None else groups
    between = _betweenness(view) if centrality is None else \
        centrality["betweenness"].to_dict()
    average = sum(between.values()) / max(len(between), 1)
    cut = set(nx.articulation_points(view))
    rows = {}
    for node in view:
        others = sorted({int(groups[n]) for n in view[node]} - {int(groups[node])})
        if (others and between[node] > average) or node in cut:
            rows[node] = {"name": view.nodes[node].get("name", node),
                          "community": int(groups[node]), "bridges_to": others,
                          "betweenness": between[node], "cut_point": node in cut}
    frame = pd.DataFrame.from_dict(rows, orient="index",
                                   columns=["name", "community", "bridges_to", "betweenness",
                                            "cut_point"])
    frame.index.name = "id"
    return frame.sort_values("betweenness", ascending=False, kind="stable")


def parts(graph: nx.MultiDiGraph, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """The weakly connected parts of the network, largest first.

    Returns
    -------
    DataFrame
        Columns ``part`` (1 = largest), ``size``, ``members`` (ids, sorted) and
        ``names``.
    """
    view = connections(graph, kinds)
    found = sorted((sorted(c) for c in nx.connected_components(view)),
                   key=lambda c: (-len(c), c[0]))
    return pd.DataFrame({"part": range(1, len(found) + 1), "size": [len(c) for c in found],
                         "members": found, "names": [_names(graph, c) for c in found]})


def outsiders(graph: nx.MultiDiGraph, kinds: Iterable[str] | None = None, *,
              max_contacts: int = 1) -> pd.DataFrame:
    """Stakeholders with at most *max_contacts* contacts: isolated or hanging by one tie.

    Returns
    -------
    DataFrame
        Index: id. Columns ``name, contacts, strength, tied_to`` (names), fewest
        contacts first.
    """
    view = connections(graph, kinds)
    rows = {n: {"name": view.nodes[n].get("name", n), "contacts": view.degree(n),
                "strength": view.degree(n, weight="weight"),
                "tied_to": _names(graph, sorted(view[n]))}
            for n in view if view.degree(n) <= max_contacts}
    frame = pd.DataFrame.from_dict(rows, orient="index",
                                   columns=["name", "contacts", "strength", "tied_to"])
    frame.index.name = "id"
    return frame.sort_values(["contacts", "strength"], kind="stable")


def library_ids(graph: nx.MultiDiGraph) -> list[str]:
    """Ids of the library's own stakeholders (sector ``library``), sorted."""
    return sorted(n for n, sector in graph.nodes(data="sector") if sector == "library")


def _sources(graph, sources) -> list[str]:
    sources = library_ids(graph) if sources is None else (
        [sources] if isinstance(sources, str) else list(sources))
    unknown = [s for s in sources if s not in graph]
    if unknown:
        raise KeyError(", ".join(unknown))
    return sources


def reach(graph: nx.MultiDiGraph, sources: str | Iterable[str] | None = None, *,
          steps: int = 2, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Who the library (or *sources*) reaches in one or two steps, and through whom.

    Parameters
    ----------
    sources : str or list of str, optional
        Starting stakeholders; default :func:`library_ids`.
    steps : int, default 2

    Returns
    -------
    DataFrame
        Index: id. Columns ``name, steps`` and ``via`` (names of the direct
        contacts that lead there; empty for direct contacts), nearest first.
    """
    view = connections(graph, kinds)
    sources = _sources(graph, sources)
    if not sources:  # no library stakeholder yet: nobody is reached
        return pd.DataFrame(columns=["name", "steps", "via"], index=pd.Index([], name="id"))
    distance = nx.multi_source_dijkstra_path_length(view, sources, cutoff=steps,
                                                    weight=lambda *_: 1)
    rows = {}
    for node, dist in distance.items():
        if dist == 0:
            continue
        via = sorted(n for n in view[node] if distance.get(n) == dist - 1 and dist > 1)
        rows[node] = {"name": view.nodes[node].get("name", node), "steps": int(dist),
                      "via": _names(graph, via)}
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=["name", "steps", "via"])
    frame.index.name = "id"
    return frame.sort_values(["steps", "name"], kind="stable")


def ego_graph(graph: nx.MultiDiGraph, node: str, *, radius: int = 1,
              kinds: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The ego network of *node*: everyone within *radius* steps and all ties among them.

    Steps are counted on the :func:`~routekit.network.graph.connections` view
    of *kinds*; the result keeps every tie (also conflict) between those
    stakeholders, so the picture shows the whole neighbourhood. ``graph["ego"]`` and
    ``graph["radius"]`` of the result name its centre and *radius*.
    """
    if node not in graph:
        raise KeyError(node)
    near = nx.single_source_shortest_path_length(connections(graph, kinds), node,
                                                 cutoff=radius)
    ego = graph.subgraph(near).copy()
    ego.graph["ego"], ego.graph["radius"] = node, radius
    return ego


def bridging_suggestions(graph: nx.MultiDiGraph, sources: str | Iterable[str] | None = None,
                         *, min_contacts: int = 2, kinds: Iterable[str] | None = None,
                         groups: pd.Series | None = None) -> pd.DataFrame:
    """Who could introduce the library to a community it does not (or barely) reach.

    For every other community where the library has fewer than *min_contacts*
    direct contacts, the suggestion is the community's best-tied member the
    library does not know yet (highest strength of ties inside the
    community), and who could introduce it: the stakeholder nearest to the
    library with a tie to that member, preferring someone who is not already
    the library's only way in, then the strongest tie. A second way in means
    the library's access does not rest on one person.

    Returns
    -------
    DataFrame
        One row per community: ``community, members, contacts`` (names of the
        library's direct contacts there), ``new_contact, new_contact_name,
        introducer, introducer_name, steps`` (from the library to the
        introducer; 0 = the library itself), ``path`` (names). Empty when the
        library knows enough people in every community.
    """
    columns = ["community", "members", "contacts", "new_contact", "new_contact_name",
               "introducer", "introducer_name", "steps", "path"]
    view = connections(graph, kinds)
    sources = _sources(graph, sources)
    if not sources:  # no library stakeholder yet: no way in to suggest
        return pd.DataFrame(columns=columns)
    groups = communities(graph, kinds) if groups is None else groups
    paths = nx.multi_source_dijkstra_path(view, sources, weight=lambda *_: 1)
    direct = {n for s in sources for n in view[s]} - set(sources)
    own = {int(groups[s]) for s in sources}
    rows = []
    for number in sorted(set(groups.astype(int)) - own):
        members = sorted(groups.index[groups == number])
        contacts = sorted(set(members) & direct)
        if len(contacts) >= min_contacts:
            continue
        inside = view.subgraph(members)
        targets = sorted((m for m in members if m not in direct and m in paths),
                         key=lambda m: (-inside.degree(m, weight="weight"), m))
        if not targets:
            continue
        target = targets[0]
        introducer = min((n for n in view[target] if n in paths),
                         key=lambda n: (len(paths[n]), n in contacts,
                                        -view.edges[n, target]["weight"], n))
        rows.append({"community": number, "members": _names(graph, members),
                     "contacts": _names(graph, contacts), "new_contact": target,
                     "new_contact_name": view.nodes[target].get("name", target),
                     "introducer": introducer,
                     "introducer_name": view.nodes[introducer].get("name", introducer),
                     "steps": len(paths[introducer]) - 1,
                     "path": _names(graph, paths[introducer])})
    return pd.DataFrame(rows, columns=columns)
