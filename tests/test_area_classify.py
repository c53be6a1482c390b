"""The open classification: percentages, suppressed figures, dropped variables, row order, names."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from routekit.area.classify import classify, example_frame, match_names, prepare
from routekit.errors import RouteError


def _small() -> pd.DataFrame:
    return pd.DataFrame({
        "name": ["Noord", "Zuid", "Klein"], "level": "buurt",
        "inhabitants": [1000.0, 400.0, 20.0], "households": [500.0, 100.0, 8.0],
        "age_0_14": [150.0, 100.0, 4.0], "age_65_plus": [300.0, 40.0, 2.0],
        "one_person_households": [250.0, 20.0, 1.0],
        "households_with_children": [100.0, 60.0, 4.0],
        "education_low": [100.0, 30.0, np.nan], "education_middle": [300.0, 20.0, np.nan],
        "education_high": [600.0, 50.0, np.nan],
        "owner_occupied_pct": [40.0, 75.0, 50.0], "income_per_recipient": [np.nan] * 3,
    }, index=pd.Index(["BU00010002", "BU00010001", "BU00010003"], name="code"))


def test_percentages_of_the_right_base():
    values, _dropped, _areas = prepare(_small())
    north = values.loc["BU00010002"]
    assert north["age_0_14"] == pytest.approx(15.0)  # 150 of 1,000 inhabitants
    assert north["one_person_households"] == pytest.approx(50.0)  # 250 of 500 households
    assert north["education_high"] == pytest.approx(60.0)  # 600 of 100 + 300 + 600
    assert north["owner_occupied_pct"] == 40.0  # published as a percentage: kept
    assert list(values.index) == sorted(values.index)  # sorted by code


def test_suppressed_values_stay_missing_and_small_buurten_are_left_out():
    values, _dropped, areas = prepare(_small())
    assert values.loc["BU00010003", "education_high"] != values.loc["BU00010003",
                                                                    "education_high"]  # NaN
    assert areas.loc["BU00010003", "status"] == "too_few_inhabitants"
    assert areas.loc["BU00010003", "missing"] == 3


def test_variable_missing_for_the_whole_year_is_dropped_and_listed():
    _values, dropped, _areas = prepare(_small())
    assert dropped["income_per_recipient"] == "not_published"
    frame = example_frame(40, seed=2)
    result = classify(frame, n_init=2, groups=4)
    assert "income_per_recipient" not in result.variables
    text = "\n".join(result.summary())
    assert "gemiddeld inkomen per inkomensontvanger (niet gepubliceerd voor dit jaar)" in text


def test_mostly_suppressed_buurt_is_not_classified_but_counted():
    frame = example_frame(40, seed=3)
    frame.loc["BU99990005", ["age_0_14", "age_15_24", "age_25_44", "age_45_64",
                             "age_65_plus", "one_person_households", "density"]] = np.nan
    frame.loc["BU99990007", "density"] = np.nan  # one figure secret: placed on the others
    frame.loc["BU99990009", "inhabitants"] = 12
    result = classify(frame, n_init=2, groups=4)
    status = result.areas["status"]
    assert status["BU99990005"] == "too_many_missing" and result.areas.at["BU99990005",
                                                                          "group"] == ""
    assert status["BU99990007"] == "partial" and result.areas.at["BU99990007", "type"] != ""
    assert status["BU99990009"] == "too_few_inhabitants"
    assert result.unclassified.to_dict() == {"too_few_inhabitants": 1, "too_many_missing": 1}
    assert "BU99990005" not in set(result.households()["area_code"])


def test_classes_are_stable_under_row_order_and_reproducible():
    frame = example_frame(80, seed=4)
    first = classify(frame, n_init=3)
    shuffled = classify(frame.sample(frac=1.0, random_state=7), n_init=3)
    pd.testing.assert_frame_equal(first.areas, shuffled.areas)
    pd.testing.assert_frame_equal(first.scheme, shuffled.scheme)
    pd.testing.assert_frame_equal(first.figures, shuffled.figures)
    assert first.scores == shuffled.scores


def test_groups_in_range_with_dutch_names_traits_and_figures():
    result = classify(example_frame(80, seed=5), n_init=3)
    assert 4 <= len(result.groups) <= 15
    scheme = result.scheme
    assert scheme["name"].is_unique or scheme.loc[result.groups, "name"].is_unique
    assert all(" in " in name for name in scheme.loc[result.groups, "name"])
    assert set(scheme.loc[result.types, "parent"]) == set(result.groups)
    first = scheme.loc["A"]
    assert first["description"].startswith(f"{first['buurten']} buurten")
    assert " tegen " in first["description"]  # the figures behind the name
    assert first["age_band"] in ("0-14", "15-24", "25-44", "45-64", "65+")
    assert first["household"] and first["life_stage"]
    assert set(result.figures["segment"]) == set(scheme.index)
    assert result.settings["criterion"] == "silhouette"
    assert set(result.scores["groups"]) <= set(range(4, 16))


def test_too_little_data_gives_a_dutch_error():
    with pytest.raises(RouteError) as caught:
        classify(example_frame(5))
    assert "Te weinig om in te delen" in str(caught.value)


def test_names_are_matched_by_membership():
    result = classify(example_frame(60, seed=1), n_init=2, groups=4)
    members = {g: list(result.areas.index[result.areas["group"] == g]) for g in result.groups}
    almost = members["B"][:-1]  # one buurt fewer: still the same group
    assert match_names(result, {"oud": almost}, {"oud": "Eigen naam"}) == {"B": "Eigen naam"}
    assert match_names(result, {"oud": members["B"][:2]}, {"oud": "Eigen naam"}) == {}
