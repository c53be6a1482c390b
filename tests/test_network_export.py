"""Exports re-read with networkx: GraphML, GEXF; the HTML page works offline."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from network_fixtures import fixture_graph

from routekit.network.export import sanitised, to_gexf, to_graphml, to_html
from routekit.network.layout import layout
from routekit.network.stored import route_graph


def _same_ties(graph, read):
    def ties(g):
        return sorted((u, v, d["kind"], d["strength"], d["directed"])
                      for u, v, d in g.edges(data=True))
    return ties(graph) == ties(read)


def test_graphml_round_trip_keeps_nodes_ties_and_attributes(tmp_path):
    graph = fixture_graph()
    read = nx.read_graphml(to_graphml(graph, tmp_path / "netwerk.graphml"),
                           force_multigraph=True)
    assert set(read) == set(graph)
    assert _same_ties(graph, read)
    assert sorted(read.edges(keys=True))[0] == ("ans", "bob", "information")
    ans = read.nodes["ans"]
    assert (ans["name"], ans["influence"], ans["themes"]) == ("Ans", 4, "eenzaamheid|taal")
    assert ans["community"] == 2 and ans["betweenness"] == pytest.approx(8 / 21)
    assert "influence" not in read.nodes["fenna"]  # unknown stays empty, not "None"


def test_gexf_round_trip_for_gephi(tmp_path):
    graph = fixture_graph()
    read = nx.read_gexf(to_gexf(graph, tmp_path / "netwerk.gexf"))
    assert set(read) == set(graph) and read.number_of_edges() == graph.number_of_edges()
    assert _same_ties(graph, read)
    assert read.nodes["cor"]["label"] == "Cor"
    assert read.nodes["cor"]["eigenvector"] == pytest.approx(
        sanitised(graph).nodes["cor"]["eigenvector"])


def test_sample_exports_read_back(sample_route, tmp_path):
    graph = route_graph(sample_route)
    assert nx.read_graphml(to_graphml(graph, tmp_path / "a.graphml"),
                           force_multigraph=True).number_of_edges() == 80
    assert nx.read_gexf(to_gexf(graph, tmp_path / "a.gexf")).number_of_nodes() == 36


def test_html_page_is_self_contained(tmp_path):
    graph = fixture_graph()
    path = to_html(graph, tmp_path / "netwerk.html", pos=layout(graph), title="Ons netwerk")
    page = path.read_text("utf-8")
    assert re.findall(r"(?:src|href)=[\"']https?://", page) == []  # nothing fetched online
    assert "vis.Network" in page  # the vis-network library is embedded
    assert "Ons netwerk" in page and '"label": "Ans"' in page
    assert page.count('"from": ') == graph.number_of_edges()
