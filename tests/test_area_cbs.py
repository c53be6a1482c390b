"""CBS key figures: the kwb download, StatLine export and cbsodata tables, several years."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from routekit.area import mapping_table, read_key_figures
from routekit.area.cbs import detect_format
from routekit.area.files import read_library_members
from routekit.errors import TableError

CBS = Path(__file__).parent / "data" / "cbs"
FILES = {
    "kwb-2023-utrecht.xlsx": ("kwb", 2023),
    "kwb-2022-utrecht.csv": ("kwb", 2022),
    "statline-85318NED-2022-utrecht.csv": ("statline", 2022),
    "statline-85618NED-2023-utrecht.csv": ("statline", 2023),
    "cbsodata-85039NED-2021-utrecht.csv": ("odata", 2021),
    "cbsodata-85618NED-2023-utrecht.csv": ("odata", 2023),
    "cbsodata-85984NED-2024-utrecht.json": ("odata", 2024),
}
# Real values of "Welgelegen, Den Hommel" (BU03440111), kwb 2023
BUURT = {"inhabitants": 1810, "men": 845, "women": 960, "households": 1070,
         "household_size": 1.6, "woz_value": 430}


@pytest.mark.parametrize("name", FILES)
def test_every_format_and_year_loads_the_same_figures(name):
    figures = read_key_figures(CBS / name)
    assert (figures.format, figures.year) == FILES[name]
    table = figures.table
    assert table.loc["GM0344", "level"] == "gemeente"
    assert table.loc["WK034401", "level"] == "wijk"
    assert figures.level_counts().to_dict() == {"buurt": 9, "wijk": 3, "gemeente": 1}
    assert table.loc["GM0344", "inhabitants"] == 367947
    for name_, value in BUURT.items():
        assert table.loc["BU03440111", name_] == pytest.approx(value)
    assert table.loc["BU03440111", "age_0_14"] == pytest.approx(200, abs=5)


def test_odata_names_match_without_year_suffix():
    a = read_key_figures(CBS / "cbsodata-85039NED-2021-utrecht.csv")
    b = read_key_figures(CBS / "cbsodata-85618NED-2023-utrecht.csv")
    assert a.matched["HuishoudensTotaal_28"] == "households"
    assert b.matched["HuishoudensTotaal_29"] == "households"
    assert a.table.loc["BU03440111", "municipality"] == "Utrecht"  # padding removed


def test_percentages_become_counts_and_are_listed():
    figures = read_key_figures(CBS / "cbsodata-85984NED-2024-utrecht.json")
    assert "age_65_plus" in figures.derived
    assert "one_person_households" in figures.derived
    # 360 of 1810 is 20 %; 20 % of 1810 = 362
    assert figures.table.loc["BU03440111", "age_65_plus"] == pytest.approx(362)
    assert any("berekend uit percentages" in line for line in figures.summary())


def test_suppressed_values_are_missing_never_numbers():
    figures = read_key_figures(CBS / "kwb-2023-utrecht.xlsx")
    assert math.isnan(figures.table.loc["GM0344", "income_per_recipient"])
    assert figures.missing()["income_per_recipient"] == 13
    nearby = read_key_figures(CBS / "statline-nabijheid-2023-utrecht.csv")
    assert nearby.table["distance_library_km"].isna().sum() == 1
    assert nearby.table.loc["GM0344", "distance_library_km"] == pytest.approx(1.1)


def test_sample_route_key_figures(sample_route):
    figures = read_key_figures(sample_route.area_file("kerncijfers_kwb"))
    assert figures.table.loc["GM9901", "inhabitants"] == 64741
    assert math.isnan(figures.table.loc["BU99010702", "income_per_recipient"])


def test_unknown_layout_is_reported_with_its_columns(tmp_path):
    path = tmp_path / "iets.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(TableError, match="eerste kolommen: a, b"):
        read_key_figures(path)
    assert detect_format(["Regioaanduiding/Codering (code)"]) == "statline"


def test_mapping_table_documents_every_format():
    table = mapping_table()
    assert table.loc["age_0_14", ["kwb", "statline", "odata"]].tolist() == [
        "a_00_14", "0 tot 15 jaar", "k_0Tot15Jaar"]
    assert table.index.is_unique


def test_library_members_table_with_suppressed_cells():
    members = read_library_members(CBS / "bibliotheekleden-2023-werkgebied.csv")
    total = members[(members.area_code == "WK990101")
                    & (members.characteristic == "Totaal")].iloc[0]
    assert total["penetration"] == pytest.approx(1890 / 8715)
    hidden = members[(members.area_code == "WK990105")
                     & (members.characteristic == "Geslacht: Man")].iloc[0]
    assert hidden["suppressed"] and hidden["members"] is pd_na()
    young = members[(members.area_code == "WK990105")
                    & (members.characteristic.str.startswith("Leeftijd"))].iloc[0]
    assert young["penetration"] == pytest.approx(0.47)  # published percentage used


def pd_na():
    import pandas as pd

    return pd.NA
