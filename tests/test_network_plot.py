"""Net-Map style pictures: sizes, colours, markers, line styles, labels, legend."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_hex
from network_fixtures import fixture_graph

from routekit.labels import labels_on_markers, labels_overlap
from routekit.network.layout import ego_layout, layout
from routekit.network.metrics import ego_graph
from routekit.network.plot import attitude_colour, edge_styles, node_size, plot_ego, plot_network
from routekit.network.stored import ensure_layout, route_graph
from routekit.style import export_figure, get_style, new_figure


def _nodes(ax):
    return {c.get_gid(): c for c in ax.collections if (c.get_gid() or "").startswith("nodes-")}


def _ties(ax):
    """``edge-<kind>`` (a path per tie) and ``arrowheads-<kind>`` collections by gid."""
    return {c.get_gid(): c for c in ax.collections
            if (c.get_gid() or "").startswith(("edge-", "arrowheads-"))}


def test_influence_attitude_and_kind_are_drawn():
    graph = fixture_graph()
    ax = plot_network(graph, layout(graph), labels=False)
    nodes = _nodes(ax)
    assert set(nodes) == {"nodes-person", "nodes-organisation", "nodes-group"}
    # organisations in graph order: bieb (influence 3), cor (5)
    organisations = nodes["nodes-organisation"]
    scale = 1.4  # slide
    assert list(organisations.get_sizes()) == [node_size(3, scale), node_size(5, scale)]
    style = get_style()
    assert (attitude_colour(-2), attitude_colour(2)) == (style.negative, style.positive)
    assert attitude_colour(None) != attitude_colour(0)


def test_edges_follow_kind_direction_and_strength():
    graph = fixture_graph()
    ax = plot_network(graph, layout(graph), labels=False, kinds=["funding", "conflict"])
    ties = _ties(ax)
    # bieb → bob funding (directed: an arrowhead), bob – cor conflict (undirected)
    assert {gid: len(c.get_paths()) for gid, c in ties.items()} == {
        "edge-conflict": 1, "edge-funding": 1, "arrowheads-funding": 1}
    funding = ties["edge-funding"]
    styles = edge_styles()
    assert list(funding.get_linewidth()) == [0.5 + 0.45 * 2]
    assert to_hex(funding.get_edgecolor()[0]) == styles["funding"]["color"]
    tip = ties["arrowheads-funding"].get_paths()[0].vertices[1]
    assert tuple(funding.get_paths()[0].vertices[-1]) == tuple(tip)  # the line runs into it
    legend_texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "financiering" in legend_texts and "samenwerking" not in legend_texts


@pytest.mark.parametrize(("dpi", "inches"), [(100, None), (300, None), (100, (6.0, 9.0))])
def test_ties_end_at_the_node_edges_at_any_resolution_and_size(dpi, inches):
    graph = fixture_graph()
    pos = layout(graph)
    ax = plot_network(graph, pos, labels=False, kinds=["conflict"])
    fig = ax.get_figure(root=True)
    fig.set_dpi(dpi)
    if inches:
        fig.set_size_inches(inches)  # the nodes move apart on screen, their size stays
    (u, v), = [(u, v) for u, v, k in graph.edges(keys=True) if k == "conflict"]
    first, *_, last = _ties(ax)["edge-conflict"].get_paths()[0].vertices
    centres = ax.transData.transform([pos[u], pos[v]])
    radius = {n: node_size(graph.nodes[n].get("influence"), 1.4) ** 0.5 / 2 for n in (u, v)}
    assert np.hypot(*(first - centres[0])) == pytest.approx((radius[u] + 1) * dpi / 72, abs=0.01)
    assert np.hypot(*(last - centres[1])) == pytest.approx((radius[v] + 2) * dpi / 72, abs=0.01)


def test_ego_view_shows_only_the_neighbourhood_and_rings_the_centre():
    graph = fixture_graph()
    ego = ego_graph(graph, "cor")
    ax = plot_ego(ego, ego_layout(ego, layout(graph)))
    assert sum(len(c.get_offsets()) for c in _nodes(ax).values()) == 4
    assert any(c.get_gid() == "highlight" for c in ax.collections)
    assert "Cor" in ax.get_title(loc="left") or any("Cor" in t.get_text() for t in ax.texts)


def test_sample_network_is_readable_at_slide_size(sample_route, figure_dir):
    graph = route_graph(sample_route)
    pos = ensure_layout(sample_route, graph)
    fig, ax = new_figure("slide")
    plot_network(graph, pos, ax=ax, source=sample_route.config.notice or "De Sleutel")
    assert labels_overlap(ax.texts) == []
    assert labels_on_markers(ax.texts, list(_nodes(ax).values())) == []
    labels = {t.get_text() for t in ax.texts}
    assert {"Anneke Bos", "Sascha", "Gemeente Sleutelwaard\n– team Sociaal Domein"} <= labels
    assert min(t.get_fontsize() for t in ax.texts) >= 9  # readable from the back of a room
    export_figure(fig, figure_dir / "network_sample", size="slide", formats=("png",), dpi=120)
    anneke = ego_graph(graph, "anneke-bos")
    ego = plot_ego(anneke, ego_layout(anneke, pos))
    export_figure(ego.figure, figure_dir / "network_ego_anneke", size="slide", formats=("png",),
                  dpi=120)
    theme = route_graph(sample_route, theme="leefbaarheid-heidebroek")
    fig, ax = new_figure("slide")
    plot_network(theme, ensure_layout(sample_route, theme), ax=ax,
                 subtitle=sample_route.config.theme("leefbaarheid-heidebroek").name)
    assert labels_overlap(ax.texts) == []
    assert labels_on_markers(ax.texts, list(_nodes(ax).values())) == []
    export_figure(fig, figure_dir / "network_theme_heidebroek", size="slide", formats=("png",),
                  dpi=120)
