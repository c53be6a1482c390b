"""The stakeholder network graph: nodes, edges, views and clear problems."""

from __future__ import annotations

import pytest
from network_fixtures import PEOPLE, POSITIONS, TIES, fixture_graph

from routekit.errors import RouteError
from routekit.network.graph import build_graph, connections, relation_problems
from routekit.network.stored import route_graph


def test_nodes_carry_stakeholder_attributes_and_scores_over_all_themes():
    graph = fixture_graph()
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 9
    ans = graph.nodes["ans"]
    assert (ans["name"], ans["kind"], ans["sector"]) == ("Ans", "person", "residents")
    # highest influence and interest, mean attitude over the two themes
    assert (ans["influence"], ans["attitude"], ans["interest"]) == (4, 0.0, 4)
    assert ans["themes"] == ["eenzaamheid", "taal"]
    assert graph.nodes["fenna"]["influence"] is None


def test_edges_keep_kind_direction_strength_and_row():
    edge = fixture_graph().edges["ans", "cor", "influence"]
    assert (edge["directed"], edge["strength"], edge["theme"], edge["row"]) == (
        True, 5, "taal", 5)


def test_theme_view_keeps_stakeholders_and_ties_of_that_theme():
    graph = fixture_graph(theme="taal")
    # positions on taal: bieb, ans, cor; the taal ties add no one else
    assert sorted(graph) == ["ans", "bieb", "cor"]
    assert sorted(graph.edges(keys=True)) == [("ans", "cor", "influence"),
                                              ("bieb", "ans", "collaboration")]
    assert (graph.nodes["ans"]["influence"], graph.nodes["ans"]["attitude"]) == (2, 1)


def test_connections_merge_ties_and_leave_out_conflict():
    view = connections(fixture_graph())
    assert view.number_of_edges() == 8
    assert not view.has_edge("bob", "cor")
    assert view.edges["bieb", "ans"] == {"weight": 4, "ties": 1, "kinds": ["collaboration"]}
    assert "fenna" in view
    assert connections(fixture_graph(), kinds=["conflict"]).number_of_edges() == 1


def test_bad_relations_are_listed_with_row_and_field():
    bad = TIES + [
        {"source": "ans", "target": "nobody", "kind": "collaboration"},
        {"source": "gert", "target": "gert", "kind": "information"},
        # same pair and kind as row 2 (bieb – ans), the other way round
        {"source": "ans", "target": "bieb", "kind": "collaboration", "directed": True},
    ]
    problems = relation_problems(PEOPLE, bad)
    assert [(p.row, p.field) for p in problems] == [(11, "target"), (12, "target"),
                                                    (13, "source")]
    assert "nobody" in problems[0].message
    assert "rij 2" in problems[2].message
    with pytest.raises(RouteError) as error:
        build_graph(PEOPLE, bad, POSITIONS)
    assert len(error.value.problems) == 3
    skipped = build_graph(PEOPLE, bad, POSITIONS, skip_invalid=True)
    assert skipped.number_of_edges() == 9 and len(skipped.graph["problems"]) == 3


def test_directed_ties_both_ways_are_not_duplicates():
    mutual = [{"source": "ans", "target": "bob", "kind": "influence"},
              {"source": "bob", "target": "ans", "kind": "influence"}]
    assert relation_problems(PEOPLE, mutual) == []


def test_sample_route_graph(sample_route):
    graph = route_graph(sample_route)
    assert graph.number_of_nodes() == len(sample_route.records("stakeholders"))
    assert graph.number_of_edges() == len(sample_route.records("relations"))
    assert graph.graph["problems"] == []
