"""The stakeholder network as a networkx graph: stakeholders in, graph out.

:func:`build_graph` turns stakeholder, position and relation records into a
:class:`networkx.MultiDiGraph`: one node per stakeholder (with name, kind,
sector, area, influence, attitude and interest), one edge per relation (keyed
by its kind; undirected ties are stored once with ``directed=False``).
Relations to unknown stakeholders, self-loops and duplicate ties are reported
together, naming the row of ``relations.csv``.

:func:`connections` gives the undirected weighted view the analyses use.

Examples
--------
>>> graph = build_graph(
...     [{"id": "bieb", "name": "Bibliotheek", "kind": "organisation", "sector": "library"},
...      {"id": "ans", "name": "Ans", "kind": "person", "sector": "residents"}],
...     [{"source": "bieb", "target": "ans", "kind": "collaboration", "directed": False}])
>>> graph.nodes["ans"]["name"], list(graph.edges(keys=True))
('Ans', [('bieb', 'ans', 'collaboration')])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.records.network import RELATION_KINDS, Relation
from routekit.records.stakeholders import Position, Stakeholder

__all__ = ["CONNECTING", "build_graph", "connections", "new_problems", "relation_problems"]

CONNECTING = tuple(kind for kind in RELATION_KINDS if kind != "conflict")
"""Relation kinds that connect people (all but conflict); the default for analyses."""

_FILE = "relations.csv"


def _models(items: Iterable[Any], model: type) -> list:
    return [item if isinstance(item, model) else model.model_validate(item) for item in items]


def relation_problems(stakeholders: Iterable[Stakeholder | Mapping],
                      relations: Iterable[Relation | Mapping]) -> list[Problem]:
    """List what is wrong with *relations*: unknown stakeholders, self-loops, duplicates.

    Two ties are duplicates when they join the same two stakeholders with the
    same kind in the same direction, or either of them is undirected. Rows are
    numbered as in a spreadsheet (header = row 1).

    Examples
    --------
    >>> people = [{"id": "a", "name": "A", "kind": "person", "sector": "residents"}]
    >>> [p.field for p in relation_problems(people, [{"source": "a", "target": "a",
    ...                                                "kind": "collaboration"}])]
    ['target']
    """
    known = {s.id for s in _models(stakeholders, Stakeholder)}
    problems = []
    seen: dict[tuple, list[tuple[int, Relation]]] = {}
    for row, rel in enumerate(_models(relations, Relation), start=2):
        missing = [name for name in ("source", "target") if getattr(rel, name) not in known]
        for name in missing:
            problems.append(Problem(_FILE, t("network.problem.unknown", id=getattr(rel, name)),
                                    row, name))
        if rel.source == rel.target:
            problems.append(Problem(_FILE, t("network.problem.self_loop", id=rel.source),
                                    row, "target"))
        if missing or rel.source == rel.target:
            continue
        earlier = seen.setdefault((frozenset((rel.source, rel.target)), rel.kind), [])
        first = next((number for number, other in earlier
                      if not (rel.directed and other.directed) or other.source == rel.source),
                     None)
        if first is not None:
            problems.append(Problem(_FILE, t("network.problem.duplicate", source=rel.source,
                                             target=rel.target, kind=rel.kind, first=first),
                                    row, "source"))
        earlier.append((row, rel))
    return problems


def new_problems(stakeholders: Iterable[Stakeholder | Mapping],
                 relations: Iterable[Relation | Mapping],
                 relation: Relation | Mapping) -> list[str]:
    """What saving *relation* (new, or replacing the one with its source, target and
    kind) would add to :func:`relation_problems`: the messages not there before.

    Examples
    --------
    >>> people = [{"id": "a", "name": "A", "kind": "person", "sector": "residents"}]
    >>> len(new_problems(people, [], {"source": "a", "target": "x", "kind": "funding"}))
    1
    """
    people = _models(stakeholders, Stakeholder)
    current = _models(relations, Relation)
    record = _models([relation], Relation)[0]
    key = (record.source, record.target, record.kind)
    merged = [record if (r.source, r.target, r.kind) == key else r for r in current]
    if all((r.source, r.target, r.kind) != key for r in current):
        merged.append(record)
    before = {p.message for p in relation_problems(people, current)}
    return [p.message for p in relation_problems(people, merged) if p.message not in before]


def _node_scores(positions: list[Position], theme: str | None) -> dict[str, dict]:
    """Influence, attitude and interest per stakeholder, for *theme* or over all themes."""
    by_id: dict[str, list[Position]] = {}
    for pos in positions:
        if theme is None or pos.theme == theme:
            by_id.setdefault(pos.stakeholder, []).append(pos)
    scores = {}
    for sid, items in by_id.items():
        scores[sid] = {
            "influence": max(p.influence for p in items),
            "attitude": round(sum(p.attitude for p in items) / len(items), 2),
            "interest": max(p.interest for p in items),
            "themes": sorted(p.theme for p in items),
        }
    return scores


def build_graph(stakeholders: Iterable[Stakeholder | Mapping],
                relations: Iterable[Relation | Mapping],
                positions: Iterable[Position | Mapping] = (), *,
                theme: str | None = None, skip_invalid: bool = False) -> nx.MultiDiGraph:
    """Build the stakeholder network.

    Parameters
    ----------
    stakeholders, relations, positions : iterables of records or dicts
        The workspace records (``route.records("stakeholders")`` etc.).
    theme : str, optional
        Only this theme: stakeholders with a position on it or a tie about it,
        ties about this theme and general ties (no theme) between them.
        Influence, attitude and interest are then those of this theme;
        otherwise the highest influence and interest and the mean attitude
        over all themes.
    skip_invalid : bool, default False
        Leave out bad relations (listed in ``graph.graph["problems"]``)
        instead of raising.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by stakeholder id, edges keyed by relation kind with
        attributes ``kind, directed, strength, theme, note, row``. Nodes
        without a position have influence, attitude and interest None.

    Raises
    ------
    RouteError
        Listing every bad relation (unless *skip_invalid*).
    """
    people = _models(stakeholders, Stakeholder)
    ties = _models(relations, Relation)
    problems = relation_problems(people, ties)
    if problems and not skip_invalid:
        raise RouteError(problems)
    bad_rows = {p.row for p in problems}
    scores = _node_scores(_models(positions, Position), theme)
    graph = nx.MultiDiGraph(theme=theme, problems=problems)
    for person in people:
        attrs = {"influence": None, "attitude": None, "interest": None, "themes": []}
        attrs |= scores.get(person.id, {})
        graph.add_node(person.id, name=person.name, kind=person.kind, sector=person.sector,
                       area=person.area, **attrs)
    for row, rel in enumerate(ties, start=2):
        if row in bad_rows or (theme is not None and rel.theme not in (None, theme)):
            continue
        graph.add_edge(rel.source, rel.target, key=rel.kind, kind=rel.kind,
                       directed=rel.directed, strength=rel.strength, theme=rel.theme,
                       note=rel.note, row=row)
    if theme is not None:
        about = {n for u, v, d in graph.edges(data=True) if d["theme"] == theme for n in (u, v)}
        keep = about | {n for n, d in graph.nodes(data=True) if theme in d["themes"]}
        graph.remove_nodes_from([n for n in list(graph) if n not in keep])
    return graph


def connections(graph: nx.MultiDiGraph, kinds: Iterable[str] | None = None) -> nx.Graph:
    """The undirected, weighted view used for centrality, communities and reach.

    Two stakeholders are joined when they have at least one tie of *kinds*
    (default :data:`CONNECTING`: conflict is not a connection), whatever its
    direction — an introduction can go either way. Edge attributes: ``weight``
    (sum of strengths), ``ties`` (number of ties) and ``kinds`` (sorted list).
    Every stakeholder stays in, so isolates remain visible.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="funding", strength=2)
    'funding'
    >>> g.add_edge("b", "a", key="information", strength=3)
    'information'
    >>> connections(g).edges["a", "b"]
    {'weight': 5, 'ties': 2, 'kinds': ['funding', 'information']}
    """
    kinds = set(CONNECTING if kinds is None else kinds)
    view = nx.Graph()
    view.add_nodes_from(graph.nodes(data=True))
    for u, v, kind, data in graph.edges(keys=True, data=True):
        if kind not in kinds:
            continue
        if view.has_edge(u, v):
            edge = view.edges[u, v]
            edge["weight"] += data.get("strength", 1)
            edge["ties"] += 1
            edge["kinds"] = sorted(set(edge["kinds"]) | {kind})
        else:
            view.add_edge(u, v, weight=data.get("strength", 1), ties=1, kinds=[kind])
    return view
