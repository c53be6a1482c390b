"""SMART check: which letter a goal misses, in Dutch and English."""

from __future__ import annotations

import datetime as dt

from plan_data import small_plan

from routekit.plan.smart import check_goal, smart_table

SPECIFIC = "In 2027 komen 120 ouderen uit West minstens één keer per maand naar de leestafel"


def test_small_plan_goals():
    table = smart_table(small_plan()).set_index("id")
    assert table.loc["g1", "missing"] == ""
    assert table.loc["g1", "advice"] == "Doel g1 is SMART."
    # short, vague, owned only by the library, no date; KPI k2 makes it measurable
    assert table.loc["g2", "missing"] == "S, A, T"
    assert "Specifiek, Acceptabel en Tijdgebonden" in table.loc["g2", "advice"]
    assert "eind 2027" in table.loc["g2", "advice"]


def test_each_letter_on_its_own():
    goal = {"id": "g", "text": SPECIFIC, "owners": ["welzijn"]}
    assert check_goal(goal, activities=1).is_smart
    assert check_goal({**goal, "text": "Meer ouderen komen naar de bibliotheek"},
                      activities=1).missing == ("S", "M", "T")
    assert check_goal({**goal, "owners": ["bieb"]}, activities=1,
                      library_ids={"bieb"}).missing == ("A",)
    assert check_goal(goal, activities=0).missing == ("R",)
    late = {**goal, "deadline": dt.date(2026, 6, 1)}
    assert check_goal(late, activities=1, first_start=dt.date(2026, 9, 1)).missing == ("R",)


def test_measure_deadline_kpi_and_place_count():
    vague = {"id": "g", "text": "De jongeren in Heidebroek doen vaker mee aan iets in het dorp",
             "owners": ["dorpsraad"]}
    assert check_goal(vague, activities=1).missing == ("M", "T")
    assert check_goal({**vague, "measure": "telling", "deadline": "2027-07-01"},
                      activities=1).is_smart
    assert check_goal({**vague, "deadline": "2027-07-01"}, activities=1, kpis=1).is_smart
    placed = {"id": "g", "text": "Een plek in Heidebroek waar iedereen welkom is om te praten",
              "owners": ["x"]}
    assert "S" in check_goal(placed, activities=1).missing
    assert "S" not in check_goal(placed, activities=1, places=["Heidebroek"]).missing


def test_english_advice():
    result = check_goal({"id": "g2", "text": "Nicer village"}, activities=0)
    assert result.describe(lang="en").startswith(
        "Goal g2 is not yet Specific, Measurable, Acceptable, Realistic and Time-bound.")


def test_sample_route_goal_g3_is_not_measurable(sample_route):
    from routekit.plan.stored import plan_of

    table = smart_table(plan_of(sample_route)).set_index("id")
    assert "M" in table.loc["g3", "missing"]
    assert table.loc[["g1", "g2", "g4"], "missing"].eq("").all()
