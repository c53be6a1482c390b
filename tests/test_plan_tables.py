"""Plan tables: names resolved, budget totals, KPI progress, risks, contact moments."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_data import small_plan

from routekit.plan import tables


def test_activities_sorted_with_names_and_library_flag():
    table = tables.activity_table(small_plan())
    assert list(table["id"]) == ["a2", "a3", "a4", "a1"]
    row = table.set_index("id").loc["a1"]
    assert row["owners"] == "Basisschool De Regenboog, Ria (bibliothecaris)"
    assert row["contributors"] == "Anneke Bos"
    assert row["status"] == "gepland" and bool(row["library_led"])
    assert not table.set_index("id").loc["a3", "library_led"]


def test_budget_totals_by_hand():
    plan = small_plan()
    assert tables.budget_totals(plan) == {"cost": 4000.0, "in_kind": 300.0, "subsidy": 1500.0,
                                          "own": 2700.0, "value": 4300.0}
    budget = tables.budget_table(plan).set_index("id")
    assert budget.loc["b2", "own"] == 0  # subsidy above cost: nothing of our own
    assert budget.loc["b3", "activity"] == "Algemeen (niet aan één activiteit)"
    assert budget.loc["b3", "funder"] == "Bibliotheek Test"
    by_activity = tables.budget_by_activity(plan)
    assert by_activity.index[0] == "Algemeen (niet aan één activiteit)"
    assert by_activity.loc["Voorleesochtend"].to_dict() == {
        "own": 700.0, "subsidy": 500.0, "in_kind": 300.0, "value": 1500.0}


def test_kpis_progress_segment_and_area():
    kpis = tables.kpi_table(small_plan()).set_index("id")
    assert kpis.loc["k1", "progress"] == 0.25
    assert kpis.loc["k1", "segment"] == "A01 Villa en Moestuin"
    assert kpis.loc["k1", "area"] == "Oost"
    assert kpis["progress"].isna().loc["k2"]


def test_risks_scored_and_in_the_matrix():
    risks = tables.risk_table(small_plan())
    assert list(risks["id"]) == ["r1", "r3", "r2"]
    assert list(risks["level"]) == ["hoog", "midden", "laag"]
    matrix = tables.risk_matrix(small_plan())
    assert matrix.loc[5, 4] == 1 and matrix.loc[3, 3] == 1 and matrix.loc[3, 2] == 1
    assert int(matrix.to_numpy().sum()) == 3


def test_occurrences_follow_the_recurrence():
    plan = small_plan()
    moments = {m["id"]: m for m in plan.contact_moments.to_dict("records")}
    assert tables.occurrences(moments["cm1"]) == [dt.datetime(2026, m, 15, 19, 30)
                                                  for m in (1, 2, 3)]
    assert tables.occurrences(moments["cm2"]) == [dt.datetime(2026, 2, 1, 10),
                                                  dt.datetime(2026, 5, 1, 10)]
    assert tables.occurrences(moments["cm3"]) == [dt.datetime(2026, 6, 1, 16)]
    weekly = {**moments["cm1"], "recurrence": "weekly"}
    assert tables.occurrences(weekly)[-1] == dt.datetime(2026, 1, 29, 19, 30)
    contact = tables.contact_table(plan).set_index("id")
    assert contact.loc["cm2", "recurrence"] == "per kwartaal"
    assert contact.loc["cm2", "last"] == dt.datetime(2026, 5, 1, 10)
    assert contact.loc["cm1", "participants"] == "Ria (bibliothecaris), Anneke Bos"


def test_display_headers_follow_the_language():
    frame = tables.budget_table(small_plan())
    assert "Eigen bijdrage" in tables.display(frame).columns
    assert "Own contribution" in tables.display(frame, lang="en").columns


def test_for_theme_keeps_only_that_theme():
    part = small_plan().for_theme("taal")
    assert list(part.goals["id"]) == ["g1"]
    assert sorted(part.activities["id"]) == ["a1", "a2"]
    assert sorted(part.budget["id"]) == ["b1", "b2"]
    assert list(part.kpis["id"]) == ["k1"]


def test_unknown_plan_table_is_refused():
    from routekit.plan.model import Plan

    with pytest.raises(TypeError):
        Plan.from_records(goal=[])
