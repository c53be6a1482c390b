"""Shared ownership: the plan measured with routekit.community.concentration."""

from __future__ import annotations

import pandas as pd
import pytest
from plan_data import small_plan

from routekit.community.concentration import OwnershipConcentration
from routekit.community.sharing import (
    LIBRARY,
    check_ownership,
    load_table,
    owner_load,
    ownership_by_theme,
    ownership_summary,
    step8_messages,
)


def test_owner_load_splits_each_activity_and_merges_the_library():
    load = owner_load(small_plan())
    # a1: school, library (Ria); a2: library; a3: Anneke; a4: Anneke, library
    assert load.to_dict() == {LIBRARY: 3.0, "anneke": 2.0, "school": 1.0}
    separate = owner_load(small_plan(), merge_library=False)
    assert separate.to_dict() == {"anneke": 2.0, "bieb": 2.0, "ria": 1.0, "school": 1.0}


def test_check_uses_the_shared_measure_and_warns_in_plain_dutch():
    check = check_ownership(small_plan())
    assert isinstance(check.concentration, OwnershipConcentration)
    assert check.concentration.top1_share == pytest.approx(0.75)  # library in a1, a2, a4
    assert check.concentration.top2_share == pytest.approx(1.0)  # with Anneke: all four
    assert check.level == "risk"
    assert check.library_activities == 3 and check.library_share == pytest.approx(0.75)
    text = " ".join(check.messages())
    assert text.startswith("Bibliotheek Test is betrokken bij 75% van de activiteiten")
    assert "De bibliotheek is (mede)trekker van 3 van de 4 activiteiten" in text
    assert "tweede trekker naast Bibliotheek Test" in text


def test_per_theme_and_summary():
    checks = ownership_by_theme(small_plan())
    assert [c.scope for c in checks] == ["", "Taal", "Leefbaar dorp"]
    village = checks[2]
    assert village.concentration.top[0] == "anneke"
    assert village.messages()[0].startswith("Leefbaar dorp: Anneke Bos is betrokken bij 100%")
    summary = ownership_summary(small_plan())
    assert list(summary["scope"]) == ["Hele plan", "Taal", "Leefbaar dorp"]
    assert summary.loc[2, "level"] == "risico"


def test_activity_without_owner_is_named():
    from routekit.plan.model import Plan

    plan = Plan.from_records(activities=[
        {"id": f"a{i}", "name": f"Act {i}", "start": "2026-01-01", "end": "2026-01-02",
         "owners": owner} for i, owner in enumerate(["a", "b", "c", "d", ""])])
    check = check_ownership(plan)
    assert check.without_owner == ["Act 4"]
    assert check.level == "watch"
    assert "Nog zonder trekker: Act 4." in check.messages()


def test_load_table_and_step8_across_plan_and_network():
    relations = pd.DataFrame({"source": ["anneke", "anneke", "anneke", "school"],
                              "target": ["school", "bieb", "ria", "bieb"]})
    table = load_table(small_plan(), relations)
    assert table.loc["anneke", "ties"] == 3 and table.loc["bieb", "ties"] == 2
    assert table.loc["ria", "contact_moments"] == 3
    assert table.loc["anneke", "contributes"] == 1
    assert table.loc["school", "goals"] == 1
    messages = step8_messages(small_plan(), relations)
    assert any(m.startswith("Leefbaar dorp: Anneke Bos is betrokken bij 100%")
               for m in messages)
    assert "Ria (bibliothecaris) zit bij alle 3 contactmomenten." in " ".join(messages)
    assert any("banden in het netwerk" in m for m in messages)


def test_sample_route_rests_on_anneke_in_heidebroek_and_on_the_library(sample_route):
    from routekit.plan.stored import plan_of

    checks = {c.scope: c for c in ownership_by_theme(plan_of(sample_route))}
    heidebroek = checks["Leefbaarheid in Heidebroek"]
    assert heidebroek.concentration.names[0] == "Anneke Bos"
    assert heidebroek.level == "risk"
    assert checks[""].concentration.top[0] == LIBRARY
    assert checks[""].level in ("watch", "risk")
