"""Positions of the network picture, kept in the workspace so it stays the same.

:func:`layout` places stakeholders (seeded, so the same network gives the same
picture) and keeps the positions it is given: saved positions do not move, so
adding one stakeholder does not reshuffle the whole picture. Positions that
were placed by hand are *pinned* and are kept even when the layout is redone
with ``keep="pinned"``. :func:`routekit.network.stored.ensure_layout` reads and
writes them in ``network_layout.csv`` of the route.

Small networks (up to 150 stakeholders) are laid out with Kamada-Kawai (even
spacing, readable). Larger ones are laid out by group: the Louvain groups are
placed by the ties between them and each group is spread in its own circle
(fast, and the groups stay visible); new stakeholders in a large saved
picture go next to their placed neighbours. The largest connected part fills
-1 … 1; smaller parts and isolates sit in a row below it.

Examples
--------
>>> import networkx as nx
>>> graph = nx.MultiDiGraph([("a", "b", "collaboration"), ("b", "c", "information")])
>>> pos = layout(graph, {"a": (0.0, 0.0, True)})
>>> pos["a"]
(0.0, 0.0)
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

__all__ = ["SEED", "ego_layout", "layout", "moved"]

SEED = 7
"""Seed of the layout, so the same network gives the same picture."""
_KAMADA_KAWAI_MAX = 150

Saved = Mapping[str, tuple[float, float, bool]]


def _spread(view: nx.Graph, seed: int, scale: float) -> dict:
    if view.number_of_nodes() == 1:
        return {next(iter(view)): (0.0, 0.0)}
    if view.number_of_nodes() <= _KAMADA_KAWAI_MAX:
        pos = nx.kamada_kawai_layout(view, pos=nx.spring_layout(view, seed=seed))
    else:
        pos = _by_group(view, seed)
    return nx.rescale_layout_dict(pos, scale=scale)


def _by_group(view: nx.Graph, seed: int) -> dict:
    """Large networks: groups placed by their ties, each group laid out in its own circle."""
    import numpy as np

    groups = sorted((sorted(g) for g in nx.community.louvain_communities(
        view, weight="weight", seed=seed)), key=lambda g: (-len(g), g[0]))
    if len(groups) == 1:
        return nx.spring_layout(view, seed=seed, iterations=30)
    quotient = nx.quotient_graph(view, [set(g) for g in groups], relabel=True)
    centres = nx.rescale_layout_dict(
        nx.spring_layout(quotient, seed=seed, k=2 / len(groups) ** 0.5), scale=1.0)
    total = view.number_of_nodes()
    pos = {}
    for number, members in enumerate(groups):
        radius = 0.9 * (len(members) / total) ** 0.5
        local = nx.spring_layout(view.subgraph(members), seed=seed, iterations=40) \
            if len(members) > 1 else {members[0]: np.zeros(2)}
        local = nx.rescale_layout_dict(local, scale=radius) if len(members) > 1 else local
        pos |= {n: np.asarray(centres[number]) + np.asarray(p) for n, p in local.items()}
    return pos


def _fresh(view: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """The largest connected part fills the picture; smaller parts and isolates in a row below."""
    parts = sorted((sorted(c) for c in nx.connected_components(view)),
                   key=lambda c: (-len(c), c[0]))
    if not parts:
        return {}
    pos = _spread(view.subgraph(parts[0]), seed, 1.0)
    rest = parts[1:]
    widths = [0.12 * len(part) ** 0.5 for part in rest]
    x = -sum(widths) - 0.1 * (len(rest) - 1)
    for part, width in zip(rest, widths, strict=True):
        x += width
        small = _spread(view.subgraph(part), seed, width * 0.8)
        pos |= {n: (x + px, -1.25 + py) for n, (px, py) in small.items()}
        x += width + 0.2
    return {n: (float(px), float(py)) for n, (px, py) in pos.items()}


def layout(graph: nx.Graph, saved: Saved | None = None, *, keep: str = "all",
           seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Positions for every stakeholder of *graph*.

    Parameters
    ----------
    graph : Graph or MultiDiGraph
        The network (direction and kinds are ignored for the layout).
    saved : mapping, optional
        ``{id: (x, y, pinned)}``, e.g. from :func:`routekit.network.stored.saved_layout`.
    keep : {"all", "pinned", "none"}, default "all"
        Which saved positions stay where they are: all, only pinned ones, or
        none (a fresh layout).
    seed : int
        Seed for the positions of new stakeholders.

    Returns
    -------
    dict
        ``{id: (x, y)}`` for every node of *graph*.
    """
    if keep not in ("all", "pinned", "none"):
        raise ValueError(f"keep must be 'all', 'pinned' or 'none', not {keep!r}")
    view = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else nx.Graph(graph)
    fixed = {n: (float(x), float(y)) for n, (x, y, pinned) in (saved or {}).items()
             if n in view and (keep == "all" or (keep == "pinned" and pinned))}
    if len(fixed) == view.number_of_nodes():
        return fixed
    if not fixed:
        return _fresh(view, seed)
    if view.number_of_nodes() > _KAMADA_KAWAI_MAX:
        return fixed | _near_neighbours(view, fixed, seed)
    # place the others around the fixed ones, starting from a fresh layout
    start = _fresh(view, seed) | fixed
    pos = nx.spring_layout(view, pos=start, fixed=list(fixed), seed=seed,
                           k=1.5 / view.number_of_nodes() ** 0.5, iterations=50)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def _near_neighbours(view: nx.Graph, fixed: dict, seed: int) -> dict:
    """Large networks: a new stakeholder goes near its placed neighbours (or below them all)."""
    import random

    rng = random.Random(seed)
    low = min(y for _, y in fixed.values())
    placed, new = dict(fixed), {}
    for node in sorted(n for n in view if n not in fixed):
        near = [placed[m] for m in view[node] if m in placed]
        if near:
            x = sum(p[0] for p in near) / len(near) + rng.uniform(-0.03, 0.03)
            y = sum(p[1] for p in near) / len(near) + rng.uniform(-0.03, 0.03)
        else:
            x, y = rng.uniform(-1, 1), low - 0.15
        placed[node] = new[node] = (float(x), float(y))
    return new


def ego_layout(ego: nx.Graph, pos: Mapping[str, tuple[float, float]], *,
               seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Positions for an ego network: the whole picture's positions, spread again a little
    so the neighbourhood stays recognisable and fills the picture.

    Examples
    --------
    >>> ego = nx.Graph([("a", "b")])
    >>> ego_layout(ego, {"a": (0.0, 0.0), "b": (1.0, 1.0), "c": (2.0, 2.0)})
    {'a': (0.0, 0.0), 'b': (1.0, 1.0)}
    """
    if len(ego) <= 2:
        return {n: pos[n] for n in ego if n in pos}
    return layout(ego, {n: (*pos[n], False) for n in ego if n in pos}, keep="none", seed=seed)


def moved(saved: Saved, pos: Mapping[str, tuple[float, float]]) -> list[dict]:
    """The positions of *pos* (rounded to 4 decimals) that differ from *saved*, as
    ``network_layout`` rows that keep their pin.

    Examples
    --------
    >>> moved({"a": (0.0, 0.0, True)}, {"a": (0.0, 0.0), "b": (0.123456, 1.0)})
    [{'stakeholder': 'b', 'x': 0.1235, 'y': 1.0, 'pinned': False}]
    """
    rounded = {n: (round(x, 4), round(y, 4)) for n, (x, y) in pos.items()}
    return [{"stakeholder": n, "x": x, "y": y, "pinned": saved.get(n, (0, 0, False))[2]}
            for n, (x, y) in sorted(rounded.items()) if saved.get(n, (None, None))[:2] != (x, y)]
