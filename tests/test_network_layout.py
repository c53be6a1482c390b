"""Network layout: stable from run to run, saved in the route, pinned positions kept."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from network_fixtures import fixture_graph

from routekit.network.layout import layout
from routekit.network.stored import ensure_layout, pin, route_graph, saved_layout


def test_layout_is_the_same_every_run_and_puts_isolates_below():
    graph = fixture_graph()
    first, second = layout(graph), layout(graph)
    assert first == second
    assert set(first) == set(graph)
    main = [first[n][1] for n in graph if n != "fenna"]
    assert first["fenna"][1] < min(main)  # the isolate sits in a row below the rest


def test_saved_positions_stay_and_new_stakeholders_are_placed_around_them():
    graph = fixture_graph()
    saved = {n: (x, y, False) for n, (x, y) in layout(graph).items() if n != "gert"}
    pos = layout(graph, saved)
    assert all(pos[n] == pytest.approx(saved[n][:2]) for n in saved)
    assert "gert" in pos
    fresh = layout(graph, {"ans": (5.0, 5.0, False), "bob": (-5.0, 0.0, True)}, keep="pinned")
    assert fresh["bob"] == (-5.0, 0.0) and fresh["ans"] != (5.0, 5.0)


def test_unknown_keep_is_refused():
    with pytest.raises(ValueError):
        layout(nx.MultiDiGraph([("a", "b")]), keep="sometimes")


def test_ensure_layout_saves_once_and_pin_moves_one_stakeholder(sample_route):
    graph = route_graph(sample_route)
    pos = ensure_layout(sample_route, graph)
    assert set(saved_layout(sample_route)) == set(graph)
    modified = sample_route.file("network_layout").stat().st_mtime_ns
    assert ensure_layout(sample_route, graph) == pos  # nothing changed: not written again
    assert sample_route.file("network_layout").stat().st_mtime_ns == modified
    pin(sample_route, "anneke-bos", 0.5, -0.25)
    again = ensure_layout(sample_route, graph, keep="pinned")
    assert again["anneke-bos"] == (0.5, -0.25)
    assert saved_layout(sample_route)["anneke-bos"] == (0.5, -0.25, True)


def test_theme_view_keeps_positions_of_the_others(sample_route):
    ensure_layout(sample_route, route_graph(sample_route))
    before = saved_layout(sample_route)
    ensure_layout(sample_route, route_graph(sample_route, theme="laaggeletterdheid"))
    assert saved_layout(sample_route) == before


def test_large_networks_are_laid_out_by_group_and_new_ones_go_near_their_ties():
    plain = nx.planted_partition_graph(4, 50, 0.3, 0.005, seed=3)
    graph = nx.MultiDiGraph((str(u), str(v), "collaboration") for u, v in plain.edges())
    pos = layout(graph)
    assert pos == layout(graph) and len(pos) == 200
    # the four planted groups sit apart: members are closer to their own group's centre
    centres = [np.mean([pos[str(n)] for n in range(g * 50, g * 50 + 50)], axis=0)
               for g in range(4)]
    for group in range(4):
        for node in range(group * 50, group * 50 + 50, 7):
            distances = [np.linalg.norm(np.subtract(pos[str(node)], c)) for c in centres]
            assert int(np.argmin(distances)) == group
    graph.add_edge("new", "0", key="collaboration")
    graph.add_edge("new", "1", key="information")
    moved = layout(graph, {n: (*p, False) for n, p in pos.items()})
    assert all(moved[n] == pos[n] for n in pos)
    assert np.linalg.norm(np.subtract(moved["new"], np.mean([pos["0"], pos["1"]], axis=0))) < 0.05
