"""Register, grids, theme totals, Lewin totals and the engagement list on small fixtures."""

from __future__ import annotations

import pandas as pd
import pytest

from routekit.errors import RouteError
from routekit.stakeholders import (
    add_stakeholder,
    conversation_pairs,
    engagement_list,
    force_field,
    force_totals,
    krachtenveld,
    problems,
    quadrants,
    register,
    remove_stakeholder,
    set_position,
    theme_comparison,
    theme_findings,
)
from routekit.stakeholders.grids import GRIDS


@pytest.fixture
def route(empty_route):
    """Five stakeholders with hand-picked scores on 'eenzaamheid', two on 'taal'."""
    empty_route.config = empty_route.config.model_validate(
        empty_route.config.model_dump() | {"areas": [{"code": "WK990101", "name": "Centrum"}]})
    empty_route.save_config()
    people = [("gem", "Gemeente", "organisation", "municipality", None),
              ("wijkteam", "Wijkteam", "organisation", "municipality", None),
              ("school", "School", "organisation", "education", "WK990101"),
              ("kerk", "Kerk", "organisation", "faith", "WK990101"),
              ("buurt", "Buurtbewoners", "group", "residents", "WK990101")]
    empty_route.save("stakeholders", [
        {"id": i, "name": n, "kind": k, "sector": s, "area": a, "binding": "passion"}
        for i, n, k, s, a in people])
    scores = [  # stakeholder, theme, influence, attitude, interest, trust
        ("gem", "eenzaamheid", 5, -1, 2, 2), ("wijkteam", "eenzaamheid", 4, 2, 5, 4),
        ("school", "eenzaamheid", 2, 1, 4, None), ("kerk", "eenzaamheid", 3, 0, 2, 3),
        ("buurt", "eenzaamheid", 1, -2, 5, 1),
        ("gem", "taal", 4, 1, 4, 3), ("school", "taal", 3, -1, 3, 3)]
    empty_route.save("positions", [
        dict(zip(("stakeholder", "theme", "influence", "attitude", "interest", "trust"), row,
                 strict=True)) for row in scores])
    empty_route.save("forces", [
        {"theme": "eenzaamheid", "direction": "driving", "description": "Beleid", "strength": 4},
        {"theme": "eenzaamheid", "direction": "driving", "description": "Vrijwilligers",
         "strength": 2, "action": "Werven"},
        {"theme": "eenzaamheid", "direction": "restraining", "description": "Schaamte",
         "strength": 5, "stakeholder": "buurt"},
        {"theme": "taal", "direction": "driving", "description": "Taalhuis", "strength": 3}])
    return empty_route


def test_register_joins_positions_of_one_theme(route):
    table = register(route, "eenzaamheid").set_index("id")
    assert sorted(table.index) == ["buurt", "gem", "kerk", "school", "wijkteam"]
    assert table.loc["gem", "influence"] == 5 and table.loc["gem", "sector"] == "municipality"
    assert pd.isna(table.loc["school", "trust"])
    everything = register(route)
    assert len(everything) == 7  # every position, and wijkteam/kerk/buurt have one each
    with pytest.raises(RouteError, match="onbekend thema 'sport'"):
        register(route, "sport")


def test_quadrants_follow_each_grid(route):
    table = register(route, "eenzaamheid")
    mendelow = quadrants(table, "mendelow").set_index("id")["quadrant"].to_dict()
    assert mendelow == {"gem": "keep_satisfied", "wijkteam": "manage_closely",
                        "school": "keep_informed", "kerk": "keep_satisfied",
                        "buurt": "keep_informed"}
    eden = quadrants(table, "eden-ackermann").set_index("id")["quadrant_label"].to_dict()
    assert eden["wijkteam"] == "Sleutelspelers" and eden["gem"] == "Contextbepalers"
    factor_c = quadrants(table, "factor-c").set_index("id")
    assert factor_c.loc["wijkteam", "quadrant_label"] == "Vrienden"
    assert factor_c.loc["gem", "quadrant_label"] == "Tegenstanders"
    assert factor_c.loc["kerk", "quadrant_label"] == "Tegenspelers"  # neutral, trusted
    assert pd.isna(factor_c.loc["school", "quadrant"])  # trust unknown: no quadrant
    assert "vertrouwen" in factor_c.loc["buurt", "strategy"]
    # configurable axes and thresholds
    strict = quadrants(table, "mendelow", split_y=5).set_index("id")["quadrant"]
    assert strict["wijkteam"] == "keep_informed"
    trust = quadrants(table, "mendelow", x="trust").set_index("id")["quadrant"]
    assert trust["wijkteam"] == "manage_closely" and trust["gem"] == "keep_satisfied"
    assert set(GRIDS) == {"mendelow", "eden-ackermann", "factor-c"}


def test_krachtenveld_groups(route):
    groups = krachtenveld(register(route, "eenzaamheid")).set_index("id")
    assert groups["group"].to_dict() == {
        "gem": "key_opponents", "wijkteam": "key_allies", "school": "silent_supporters",
        "kerk": "influential_doubters", "buurt": "silent_opponents"}
    assert groups.loc["gem", "group_label"] == "Sleuteltegenstanders"


def test_theme_totals_by_hand(route):
    comparison = theme_comparison(register(route), ["eenzaamheid", "taal"],
                                  {"eenzaamheid": "Eenzaamheid", "taal": "Taal"})
    lonely = comparison.set_index("theme").loc["eenzaamheid"]
    assert (lonely["stakeholders"], lonely["supporters"], lonely["neutrals"],
            lonely["opponents"]) == (5, 2, 1, 2)
    assert (lonely["key_allies"], lonely["key_opponents"]) == (1, 1)
    assert lonely["influence_supporters"] == 4 + 2 and lonely["influence_opponents"] == 5 + 1
    assert lonely["balance"] == -5 + 8 + 2 + 0 - 2
    language = comparison.set_index("theme").loc["taal"]
    assert (language["supporters"], language["opponents"], language["balance"]) == (1, 1, 1)
    findings = theme_findings(comparison)
    assert findings[0] == "De meeste belanghebbenden (5) staan rond het thema Eenzaamheid."
    assert "tegenstanders (2)" in findings[1] and "Eenzaamheid" in findings[1]


def test_force_field_totals(route):
    field = force_field(route.table("forces"), "eenzaamheid", {"buurt": "Buurtbewoners"})
    assert field["description"].tolist() == ["Beleid", "Vrijwilligers", "Schaamte"]
    assert field["signed"].tolist() == [4, 2, -5]
    assert field.loc[2, "stakeholder_name"] == "Buurtbewoners"
    assert force_totals(field) == {"driving": 6, "restraining": 5, "balance": 1, "forces": 3,
                                   "actions": 1}


def test_engagement_list_order_and_overrides(route):
    plan = engagement_list(register(route, "eenzaamheid"))
    assert plan["id"].tolist() == ["wijkteam", "gem", "kerk", "school", "buurt"]
    first = plan.iloc[0]
    assert first["involve"] == "Nauw betrekken" and first["suggested"]
    assert first["approach"].startswith("Maak hen medetrekker")
    assert "passie" in first["approach"]  # binding = passion
    set_position(route, "gem", "eenzaamheid", approach="Eerst koffie met de wethouder")
    plan = engagement_list(register(route, "eenzaamheid")).set_index("id")
    assert plan.loc["gem", "approach"] == "Eerst koffie met de wethouder"
    assert not plan.loc["gem", "suggested"]


def test_conversation_pairs_prefer_a_bridge(route):
    route.save("relations", [{"source": "kerk", "target": "wijkteam", "kind": "samenwerking"}])
    pairs = conversation_pairs(register(route, "eenzaamheid"), route.table("relations"))
    assert pairs[["opponent", "supporter"]].values.tolist() == [["gem", "wijkteam"],
                                                                 ["kerk", "wijkteam"]]
    assert "zelfde sector" in pairs.loc[0, "reasons"]
    assert "kennen elkaar al (samenwerking)" in pairs.loc[1, "reasons"]
    only_opponents = conversation_pairs(register(route, "eenzaamheid"), doubters=False)
    assert only_opponents["opponent"].tolist() == ["gem"]
    language = register(route, "taal")
    assert conversation_pairs(language)[["opponent", "supporter"]].values.tolist() == [
        ["school", "gem"]]
    assert conversation_pairs(language[language["attitude"] > 0]).empty  # nobody to talk to


def test_api_edits_and_clear_problems(route):
    sid = add_stakeholder(route, "Café 't Hoekje", kind="organisatie", sector="bedrijfsleven")
    assert sid == "cafe-t-hoekje" and route.get("stakeholders", sid).sector == "business"
    with pytest.raises(RouteError, match="al een belanghebbende"):
        add_stakeholder(route, "  café 't  hoekje ", kind="group", sector="residents")
    set_position(route, sid, "taal", influence=2, attitude=1, interest=3)
    set_position(route, sid, "taal", attitude=2)
    assert route.get("positions", sid, "taal").influence == 2
    with pytest.raises(RouteError, match="te groot"):
        set_position(route, sid, "taal", influence=6)
    with pytest.raises(RouteError, match="onbekend thema"):
        set_position(route, sid, "sport", influence=2, attitude=0, interest=1)
    assert remove_stakeholder(route, "buurt")
    assert route.get("positions", "buurt", "eenzaamheid") is None
    assert route.get("forces", "eenzaamheid", "Schaamte").stakeholder is None
    assert problems(route) == []


def test_problems_in_edited_files_name_row_and_field(route):
    from routekit.io import write_table

    people = route.table("stakeholders")
    people.loc[len(people)] = {"id": "gem2", "name": "gemeente ", "kind": "organisation",
                               "sector": "municipality"}
    write_table(people, route.file("stakeholders"))
    positions = route.table("positions")
    positions.loc[len(positions)] = {"stakeholder": "kerk", "theme": "sport", "influence": 7,
                                     "attitude": 0, "interest": 1}
    write_table(positions, route.file("positions"))
    found = [str(p) for p in problems(route)]
    assert "stakeholders.csv, rij 7, veld name: 'gemeente' staat er al (rij 2)" in found[-1]
    assert any("positions.csv, rij 9, veld influence" in p and "maximaal 5" in p for p in found)
