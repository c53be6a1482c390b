"""Compute functions given empty inputs: empty results or routekit's own clear error,
never a KeyError, IndexError or ValueError from deep inside."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from route_builders import empty_route

from routekit.errors import RouteError


@pytest.fixture
def lonely(tmp_path):
    """A route with two stakeholders, no relations, nobody from the library."""
    from routekit.workspace import Route

    route = empty_route(tmp_path / "leeg")
    route.save("stakeholders", [
        {"id": "a", "name": "Anna", "kind": "person", "sector": "residents"},
        {"id": "b", "name": "Bram", "kind": "organisation", "sector": "care"}])
    return Route.open(route.path)


@pytest.mark.parametrize("make", ["empty", "lonely"])
def test_network_tables_of_a_network_without_ties(make, tmp_path, request):
    from routekit.network import metrics, tables
    from routekit.network.dependence import dependence
    from routekit.network.stored import route_graph

    route = empty_route(tmp_path / "e") if make == "empty" else request.getfixturevalue("lonely")
    graph = route_graph(route, skip_invalid=True)
    groups = metrics.communities(graph)
    assert len(tables.key_players(graph, groups)) == graph.number_of_nodes()
    assert tables.brokers_table(graph, groups).empty
    assert len(tables.community_table(graph, groups)) == graph.number_of_nodes()
    assert len(tables.outsiders_table(graph)) == graph.number_of_nodes()
    assert tables.reach_table(graph).empty  # no library stakeholder: nobody reached
    assert tables.suggestions_table(graph, groups).empty
    assert dependence(graph).sentence


def test_centrality_of_an_empty_graph_has_its_columns():
    from routekit.network import metrics

    frame = metrics.centrality(nx.MultiDiGraph())
    assert frame.empty and {"name", "contacts", "betweenness", "eigenvector"} <= set(frame)


def test_reach_without_library_is_empty_with_columns():
    from routekit.network import metrics

    graph = nx.MultiDiGraph()
    graph.add_node("a", name="Anna", sector="residents")
    assert list(metrics.reach(graph).columns) == ["name", "steps", "via"]
    assert metrics.bridging_suggestions(graph).empty


def test_summary_of_an_empty_profile(sample_route):
    from routekit.area import load_route_data, profile, summarise

    empty = profile(load_route_data(sample_route), level="group").iloc[:0]
    assert summarise(empty, "Leegwater") == \
        "Voor Leegwater zijn nog geen huishoudens per segment bekend."


def test_segment_data_without_members_or_levels_raise_routekits_error(sample_route):
    from routekit.area import load_scheme, penetration
    from routekit.area.profile import index_table
    from routekit.area.segments import AreaDataError, SegmentData

    scheme = load_scheme(sample_route.area_file("segment_scheme"))
    data = SegmentData.from_long(scheme, pd.DataFrame(
        columns=["area_code", "segment_code", "households"]))
    with pytest.raises(RouteError, match="ledengegevens"):
        penetration(data, level="group")
    with pytest.raises(AreaDataError, match="niveau 'buurt'") as caught:
        index_table(data, "buurt", level="group")
    assert str(caught.value).startswith("segments.csv: ")  # not a quoted KeyError text


def test_unknown_area_is_a_route_error_naming_it(sample_route):
    from routekit.area import load_route_data, profile

    with pytest.raises(RouteError, match="WK000000"):
        profile(load_route_data(sample_route), "WK000000")


def test_persona_card_of_an_unknown_persona(tmp_path):
    from routekit.personas.stored import card_of

    with pytest.raises(RouteError, match="geen persona 'niemand'"):
        card_of(empty_route(tmp_path / "leeg"), "niemand")


def test_stages_of_an_empty_route_give_empty_results(tmp_path):
    from routekit.community.sharing import step8_messages
    from routekit.personas.stored import personas_of, selections
    from routekit.plan import tables
    from routekit.plan.stored import plan_of
    from routekit.stakeholders import conversation_pairs, engagement_list, krachtenveld, register

    route = empty_route(tmp_path / "leeg")
    assert personas_of(route) == [] and selections(route) == []
    table = register(route)
    assert krachtenveld(table).empty and engagement_list(table).empty
    assert conversation_pairs(table, route.table("relations")).empty
    plan = plan_of(route)
    for make in (tables.goal_table, tables.kpi_table, tables.budget_by_activity,
                 tables.contact_table):
        assert make(plan).empty
    assert step8_messages(plan, route.table("relations"))


def test_candidate_personas_without_data_say_which_file(tmp_path):
    from routekit.personas.stored import route_candidates

    with pytest.raises(RouteError, match="segment_scheme.csv"):
        route_candidates(empty_route(tmp_path / "leeg"))
