"""Stakeholder network analysis and layout on a generated network of 2,000 actors.

Generates (in memory, seeded) 2,000 stakeholders in 40 clusters of 50 and
10,000 relations (90% inside a cluster, every kind, a tenth directed), as
records, then times each step routekit takes: building the checked graph from
the records, centrality (degree, betweenness, eigenvector), communities,
brokers, reach of the library, bridging suggestions, dependence (top one and
two, fragmentation when removed), the layout, the drawing (without labels)
and the exports. Run: ``python -m benchmarks network``
(``ROUTEKIT_BENCH_ACTORS`` and ``ROUTEKIT_BENCH_RELATIONS`` change the size).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import numpy as np

N_ACTORS = int(os.environ.get("ROUTEKIT_BENCH_ACTORS", 2_000))
N_RELATIONS = int(os.environ.get("ROUTEKIT_BENCH_RELATIONS", 10_000))
CLUSTER = 50
KINDS = ("collaboration", "funding", "information", "influence", "conflict")
SECTORS = ("municipality", "education", "care", "welfare", "culture", "associations",
           "business", "residents", "library", "media", "faith")


def generate(n_actors: int = N_ACTORS, n_relations: int = N_RELATIONS, seed: int = 7):
    """Stakeholders, positions and relations as record dicts (seeded)."""
    rng = np.random.default_rng(seed)
    people = [{"id": f"s{i}", "name": f"Stakeholder {i}",
               "kind": ("person", "organisation", "group")[i % 3],
               "sector": "library" if i == 0 else SECTORS[int(rng.integers(len(SECTORS)))]}
              for i in range(n_actors)]
    positions = [{"stakeholder": f"s{i}", "theme": "t", "influence": int(rng.integers(1, 6)),
                  "attitude": int(rng.integers(-2, 3)), "interest": int(rng.integers(1, 6))}
                 for i in range(n_actors)]
    seen, relations = set(), []
    while len(relations) < n_relations:
        a = int(rng.integers(n_actors))
        if rng.random() < 0.9:
            base = a - a % CLUSTER
            b = base + int(rng.integers(min(CLUSTER, n_actors - base)))
        else:
            b = int(rng.integers(n_actors))
        kind = KINDS[int(rng.integers(len(KINDS)))]
        key = (min(a, b), max(a, b), kind)
        if a == b or key in seen:
            continue
        seen.add(key)
        relations.append({"source": f"s{a}", "target": f"s{b}", "kind": kind,
                          "directed": bool(rng.random() < 0.1),
                          "strength": int(rng.integers(1, 6))})
    return people, positions, relations


def _time(label: str, func, results: list):
    start = time.perf_counter()
    value = func()
    results.append((label, time.perf_counter() - start))
    print(f"{label:<44} {results[-1][1]:8.2f} s")
    return value


def main() -> list[tuple[str, float]]:
    import matplotlib

    matplotlib.use("Agg")
    from routekit.network import dependence, export, metrics
    from routekit.network.graph import build_graph
    from routekit.network.layout import layout
    from routekit.network.plot import plot_network

    people, positions, relations = generate()
    print(f"{len(people)} stakeholders, {len(relations)} relations")
    results: list[tuple[str, float]] = []
    graph = _time("graph from records (with checks)",
                  lambda: build_graph(people, relations, positions), results)
    _time("centrality (degree, betweenness, eigenvector)", lambda: metrics.centrality(graph),
          results)
    groups = _time("communities (Louvain)", lambda: metrics.communities(graph), results)
    print(f"{'':<44} {int(groups.max())} communities")
    _time("brokers", lambda: metrics.brokers(graph, groups=groups), results)
    _time("reach of the library (2 steps)", lambda: metrics.reach(graph), results)
    _time("bridging suggestions", lambda: metrics.bridging_suggestions(graph, groups=groups),
          results)
    _time("dependence (top 1/2, fragmentation)", lambda: dependence.dependence(graph), results)
    pos = _time("layout (seeded)", lambda: layout(graph), results)
    _time("layout, 10 new stakeholders around saved",
          lambda: layout(graph, {n: (*p, False) for n, p in list(pos.items())[10:]}), results)

    def picture():
        ax = plot_network(graph, pos, labels=False)
        ax.figure.savefig(Path(tempfile.gettempdir()) / "routekit-network-bench.png", dpi=100)

    _time("drawing (slide PNG, no labels)", picture, results)
    with tempfile.TemporaryDirectory() as folder:
        _time("GraphML + GEXF export", lambda: (
            export.to_graphml(graph, Path(folder) / "n.graphml", analysis=False),
            export.to_gexf(graph, Path(folder) / "n.gexf", analysis=False)), results)
        _time("interactive HTML", lambda: export.to_html(graph, Path(folder) / "n.html",
                                                         pos=pos), results)
    print(f"{'total':<44} {sum(s for _, s in results):8.2f} s")
    return results


if __name__ == "__main__":
    main()
