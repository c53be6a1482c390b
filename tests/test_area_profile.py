"""Profiles, index, penetration and reach ranking against hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from area_fixtures import write_area

from routekit.area import (
    compare,
    index_table,
    load_route_data,
    penetration,
    profile,
    summarise,
    under_reached,
)
from routekit.area.reach import penetration_by_area


@pytest.fixture
def data(empty_route):
    write_area(empty_route.path / "area")
    return load_route_data(empty_route)


def test_profile_of_one_buurt_against_all(data):
    p = profile(data, "BU00010001", reference="all")
    # area 30/10/60 of 100; all areas 100/40/260 of 400
    assert p["count"].tolist() == [30, 10, 60]
    assert p["share"].tolist() == pytest.approx([0.30, 0.10, 0.60])
    assert p["ref_share"].tolist() == pytest.approx([0.25, 0.10, 0.65])
    assert p["index"].tolist() == pytest.approx([120.0, 100.0, 60 / 65 * 100])
    assert p["reliable"].tolist() == [True, False, True]  # 10 households < 20
    assert p.loc["X1", "name"] == "Jonge gezinnen"


def test_group_level_rolls_types_up(data):
    p = profile(data, "BU00010001", reference="all", level="group")
    assert p.index.tolist() == ["X", "Y"]
    assert p["count"].tolist() == [40, 60]
    assert p.loc["X", "index"] == pytest.approx(0.40 / 0.35 * 100)


def test_wijk_rolls_buurten_up_and_municipality_reference(data):
    p = profile(data, "WK000100", reference="municipality")
    assert p["count"].tolist() == [40, 20, 140]  # buurten 0001 + 0002
    assert p.loc["X1", "index"] == pytest.approx(0.20 / 0.25 * 100)


def test_reference_as_area_set_and_national(data):
    p = profile(data, "WK000100", reference=["WK000101"])
    assert p.loc["X1", "index"] == pytest.approx(0.20 / 0.30 * 100)
    p = profile(data, "WK000100", reference="national")
    assert p.loc["X1", "index"] == pytest.approx(0.20 / 0.20 * 100)
    assert p.loc["Y1", "index"] == pytest.approx(0.70 / 0.60 * 100)


def test_unknown_area_is_named(data):
    with pytest.raises(KeyError, match="WK999999"):
        profile(data, ["WK000100", "WK999999"])


def test_compare_and_index_table(data):
    side = compare(data, {"Noord": "WK000100", "Zuid": "WK000101"}, reference="all",
                   level="type")
    assert side.columns.tolist() == ["Noord", "Zuid"]
    assert side.loc["X1", "Zuid"] == pytest.approx(0.30 / 0.25 * 100)
    table = index_table(data, "wijk", level="type")
    assert table.loc["WK000100", "X1"] == pytest.approx(80.0)
    assert table.loc["WK000101", "X2"] == pytest.approx(100.0)
    buurten = index_table(data, "buurt", level="group")
    assert buurten.shape == (3, 2)


def test_penetration_against_overall(data):
    rates = penetration(data)
    pen = rates.table
    # members 50/7/23 of households 100/40/260 -> overall 80/400 = 0.2
    assert rates.overall == pytest.approx(0.2)
    assert pen["penetration"].tolist() == pytest.approx([0.5, 0.175, 23 / 260])
    assert pen["index"].tolist() == pytest.approx([250.0, 87.5, 23 / 260 / 0.2 * 100])


def test_under_reached_ranking_weighted_by_size(data):
    ranking = under_reached(data).table
    # missed = households x 0.2 - members: X1 -30 (left out), X2 1, Y1 29
    assert ranking.index.tolist() == ["Y1", "X2"]
    assert ranking["missed"].tolist() == pytest.approx([29.0, 1.0])
    assert ranking["missed_share"].tolist() == pytest.approx([29 / 30, 1 / 30])
    assert ranking["rank"].tolist() == [1, 2]


def test_penetration_by_area(data):
    table = penetration_by_area(data, "wijk", level="group")
    assert table.loc["WK000101", "X"] == pytest.approx(34 / 80)


def test_summary_names_high_and_low_segments(data):
    p = pd.DataFrame({"name": ["Jonge Nesten", "Wereldwijk", "Zorg Dichtbij"],
                      "count": [300.0, 20.0, 500.0], "share": [0.3, 0.02, 0.5],
                      "ref_share": [0.185, 0.15, 0.5], "index": [162.2, 13.3, 100.0],
                      "reliable": [True, True, True]}, index=["E", "G", "K"])
    text = summarise(p, "Heidebroek")
    assert text.startswith("In Heidebroek wonen naar verhouding veel huishoudens uit "
                           "Jonge Nesten (index 162).")
    assert "weinig: Wereldwijk (index 13)" in text
    assert "De grootste groep is Zorg Dichtbij: 50%" in text
    english = summarise(p, "Heidebroek", lang="en", reach=under_reached(data))
    assert english.startswith("Heidebroek has relatively many households of Jonge Nesten")
    assert "The library misses Alleen thuis most: 9% are members against 20%" in english


def test_sample_route_profile_is_consistent(sample_route):
    data = load_route_data(sample_route)
    p = profile(data, "WK990106", level="group")
    households = data.households[data.positions("WK990106")].sum()
    assert p["count"].sum() == pytest.approx(households)
    weighted = (p["index"] * p["ref_share"]).sum()  # sum of shares x 100
    assert weighted == pytest.approx(100.0)
    assert np.isfinite(p["index"]).all()


def test_area_overview_joins_key_figures(sample_route):
    from routekit.area import route_key_figures
    from routekit.area.reach import area_overview

    data = load_route_data(sample_route)
    figures = route_key_figures(sample_route)
    overview = area_overview(data, figures, area_level="wijk")
    heidebroek = overview.loc["WK990106"]
    assert heidebroek["households"] == pytest.approx(2200)
    assert heidebroek["penetration"] == pytest.approx(heidebroek["members"] / 2200)
    assert heidebroek["inhabitants"] == figures.table.loc["WK990106", "inhabitants"]
    assert overview.loc["WK990106", "name"] == "Heidebroek"
