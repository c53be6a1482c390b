"""Dutch tables of the network analysis and the report section."""

from __future__ import annotations

from network_fixtures import fixture_graph

from routekit.i18n import set_language
from routekit.network import tables
from routekit.network.report import report_section
from routekit.report import SECTIONS, to_html


def test_key_players_and_brokers_in_dutch():
    graph = fixture_graph()
    players = tables.key_players(graph, top=3)
    assert list(players.columns) == ["Stakeholder", "Contacten", "Banden", "Tussenpositie",
                                     "Centraal (eigenvector)", "Groep"]
    assert players["Stakeholder"].tolist() == ["Cor", "Ans", "Eva"]
    assert players["Tussenpositie"].tolist() == [0.43, 0.38, 0.24]
    brokers = tables.brokers_table(graph)
    assert brokers.loc[0, "Verbindt met"] == "Groep 2 (Ans)"
    assert brokers["Netwerk valt uiteen zonder"].tolist() == ["ja", "ja", "ja"]


def test_tables_switch_to_english():
    set_language("en")
    assert "Betweenness" in tables.key_players(fixture_graph()).columns


def test_groups_reach_suggestions_and_outsiders():
    graph = fixture_graph()
    groups = tables.community_table(graph)
    assert groups.loc[0, "Groep"] == "Groep 1 (Eva)"
    assert (groups.loc[0, "Spil"], groups.loc[0, "Betrokken bij banden"]) == ("Eva", "75%")
    assert groups.loc[0, "Los zonder de spil"] == "Gert"
    reach = tables.reach_table(graph)
    assert reach.set_index("Stakeholder")["Via"].to_dict() == {"Ans": "–", "Bob": "–",
                                                               "Cor": "Ans"}
    suggestion = tables.suggestions_table(graph).iloc[0]
    assert (suggestion["Nieuw contact"], suggestion["Wie stelt voor"]) == ("Eva", "Cor")
    assert suggestion["Route"] == "Bieb → Ans → Cor"
    assert tables.outsiders_table(graph)["Stakeholder"].tolist() == ["Fenna", "Gert"]


def test_report_section_of_the_sample(sample_route):
    section = report_section(sample_route)
    text = " ".join(section.paragraphs)
    assert "36 stakeholders en 80 relaties" in text
    assert "Leefbaarheid in Heidebroek: Anneke Bos is betrokken bij" in text
    assert len(section.figures) == 1 and len(section.tables) == 5
    assert "routekit.network.report:report_section" in SECTIONS
    page = to_html(sample_route, [section])
    assert "Netwerk van stakeholders" in page and "Anneke Bos" in page


def test_no_section_without_relations(empty_route):
    assert report_section(empty_route) is None
