"""Network analysis against values computed by hand on the fixture network."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from network_fixtures import fixture_graph

from routekit.network import dependence, metrics
from routekit.network.graph import connections


@pytest.fixture
def graph():
    return fixture_graph()


def test_degree_counts(graph):
    table = metrics.centrality(graph)
    assert table["contacts"].to_dict() == {"bieb": 2, "ans": 3, "bob": 2, "cor": 3, "dirk": 2,
                                           "eva": 3, "gert": 1, "fenna": 0}
    assert table.loc["ans", "strength"] == 4 + 3 + 5
    # directed ties only: bieb → bob (funding), ans → cor (influence)
    assert table[["ties_in", "ties_out"]].loc[["bieb", "bob", "ans", "cor"]].values.tolist() == [
        [0, 1], [1, 0], [0, 1], [1, 0]]


def test_betweenness_by_hand(graph):
    # 8 stakeholders: 21 pairs of others. cor lies on all 9 paths between
    # {bieb, bob, ans} and {dirk, eva, gert}; ans on the 8 between {bieb, bob} and
    # {cor, dirk, eva, gert}; eva on the 5 between gert and the others it reaches.
    between = metrics.centrality(graph)["betweenness"]
    assert between["cor"] == pytest.approx(9 / 21)
    assert between["ans"] == pytest.approx(8 / 21)
    assert between["eva"] == pytest.approx(5 / 21)
    assert between[["bieb", "bob", "dirk", "gert", "fenna"]].eq(0).all()
    assert list(between.index[:3]) == ["cor", "ans", "eva"]


def test_eigenvector_is_the_principal_eigenvector_of_the_weighted_main_part(graph):
    view = connections(graph)
    main = sorted(max(nx.connected_components(view), key=len))
    matrix = nx.to_numpy_array(view, nodelist=main, weight="weight")
    values, vectors = np.linalg.eigh(matrix)
    expected = np.abs(vectors[:, -1]) / np.abs(vectors[:, -1]).max()
    eigen = metrics.centrality(graph)["eigenvector"]
    assert eigen[main].to_numpy() == pytest.approx(expected, abs=1e-6)
    assert eigen["fenna"] == 0 and eigen.max() == pytest.approx(1)


def test_communities_are_the_two_triangles_and_the_isolate(graph):
    groups = metrics.communities(graph)
    assert groups.to_dict() == {"bieb": 2, "ans": 2, "bob": 2, "cor": 1, "dirk": 1, "eva": 1,
                                "gert": 1, "fenna": 3}
    assert metrics.communities(graph).equals(groups)  # seeded: same every run


def test_brokers_bridge_communities_or_hold_parts_together(graph):
    table = metrics.brokers(graph)
    assert list(table.index) == ["cor", "ans", "eva"]
    assert table.loc["cor", "bridges_to"] == [2] and table.loc["ans", "bridges_to"] == [1]
    assert table["cut_point"].all()  # eva alone connects gert


def test_parts_isolates_and_outsiders(graph):
    found = metrics.parts(graph)
    assert found["size"].tolist() == [7, 1]
    assert found.loc[1, "members"] == ["fenna"]
    outside = metrics.outsiders(graph)
    assert outside["contacts"].to_dict() == {"fenna": 0, "gert": 1}
    assert outside.loc["gert", "tied_to"] == ["Eva"]


def test_reach_of_the_library_in_one_and_two_steps(graph):
    table = metrics.reach(graph)
    assert table["steps"].to_dict() == {"ans": 1, "bob": 1, "cor": 2}
    assert table.loc["cor", "via"] == ["Ans"]
    assert set(metrics.reach(graph, "bieb", steps=3).index) == {"ans", "bob", "cor", "dirk",
                                                                "eva"}


def test_ego_network_keeps_all_ties_among_the_neighbours(graph):
    ego = metrics.ego_graph(graph, "cor")
    assert sorted(ego) == ["ans", "cor", "dirk", "eva"]
    assert ego.number_of_edges() == 4 and ego.graph["ego"] == "cor"
    with pytest.raises(KeyError):
        metrics.ego_graph(graph, "onbekend")


def test_bridging_suggestion_names_the_introducer(graph):
    table = metrics.bridging_suggestions(graph)
    # community 1 (cor, dirk, eva, gert) has no direct contact of the library;
    # eva has the strongest ties inside it (1 + 2 + 3); cor, two steps away,
    # knows eva. fenna (community 3) cannot be reached at all.
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["community"], row["new_contact"], row["introducer"], row["steps"]) == (
        1, "eva", "cor", 2)
    assert row["path"] == ["Bieb", "Ans", "Cor"]


def test_dependence_by_hand(graph):
    result = dependence.dependence(graph)
    conc = result.concentration
    # 8 connecting ties; ans, cor and eva are each in 3 (ans first by id)
    assert conc.top == ("ans", "cor")
    assert (conc.top1_share, conc.top2_share) == (3 / 8, 5 / 8)
    assert conc.level == "watch"
    impact = result.impact
    assert impact["parts"].tolist() == [2, 3, 3]
    assert impact["fragmentation"].tolist() == pytest.approx([1 - 42 / 56, 1 - 14 / 42,
                                                              1 - 8 / 30])
    assert impact.loc[1, "cut_off"] == ["Bieb", "Bob"]
    assert "Zonder Ans raken 2 anderen los van de rest: Bieb, Bob." in result.sentence


def test_star_network_depends_on_its_hub_and_a_ring_does_not():
    star = nx.MultiDiGraph([("hub", leaf, "collaboration") for leaf in "abcdef"])
    result = dependence.dependence(star)
    assert (result.concentration.top1_share, result.concentration.level) == (1.0, "risk")
    assert result.impact.loc[1, "fragmentation"] == 1.0
    ring = nx.MultiDiGraph([(str(i), str((i + 1) % 8), "collaboration") for i in range(8)])
    result = dependence.dependence(ring)
    assert result.concentration.level == "ok"
    assert result.impact.loc[1, "fragmentation"] == 0.0


def test_community_dependence_looks_inside_each_community(graph):
    table = dependence.community_dependence(graph, metrics.communities(graph))
    # community 1: ties cor-dirk, cor-eva, dirk-eva, eva-gert: eva is in 3 of 4
    first = table.iloc[0]
    assert (first["community"], first["top"], first["top1_share"]) == (1, "Eva", 0.75)
    assert first["cut_off"] == ["Gert"]
    assert table["community"].tolist() == [1, 2]  # fenna's group is too small
