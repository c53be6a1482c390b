"""A route's CBS tables side by side, its areas learned from CBS data, merging and trends."""

from __future__ import annotations

import hashlib
import math
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from routekit.area import read_key_figures, route_key_figures
from routekit.area.cbs_tables import merge_key_figures, trend
from routekit.area.importer import import_file
from routekit.area.stored import route_trend, stored_tables
from routekit.errors import TableError
from routekit.workspace import Route

CBS = Path(__file__).parent / "data" / "cbs"
FULL = CBS / "kwb-2023-utrecht-gemeente.xlsx"
NEARBY = CBS / "statline-nabijheid-2023-utrecht.csv"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def utrecht(tmp_path):
    return Route.create(tmp_path / "utrecht", library="Bibliotheek Utrecht",
                        municipality={"code": "GM0344"})


def test_the_route_learns_its_wijken_and_buurten_from_the_real_download(utrecht):
    result = import_file(utrecht, "auto", FULL)
    text = "\n".join(result.lines)
    assert "Kerncijfers wijken en buurten 2023 voor Utrecht: 10 wijken, 111 buurten" in text
    assert "nu beschikbaar: inwoners, mannen en vrouwen, leeftijdsgroepen, huishoudens" in text
    assert "CBS hield 1.354 cijfers geheim" in text
    route = Route.open(utrecht.path)
    assert route.config.municipality.name == "Utrecht"  # learned from the file
    wijken = [a for a in route.config.areas if a.kind == "wijk"]
    buurten = [a for a in route.config.areas if a.kind == "buurt"]
    assert len(wijken) == 10 and len(buurten) == 111
    assert wijken[0].code == "WK034401" and wijken[0].name == "Wijk 01 West"
    assert {b.parent for b in buurten} == {w.code for w in wijken}
    assert route.config.areas[1].parent == "WK034401"  # each wijk followed by its buurten
    assert route.check() == []


def test_table_b_after_table_a_keeps_a(utrecht):
    import_file(utrecht, "cbs", FULL)
    a = utrecht.path / "area" / "cbs" / "kerncijfers-2023.csv"
    before = _digest(a)
    result = import_file(utrecht, "cbs", NEARBY)
    assert "Toegevoegd: Nabijheid voorzieningen 2023" in result.lines
    assert "Bewaard: Kerncijfers wijken en buurten 2023" in result.lines
    assert _digest(a) == before
    figures = route_key_figures(utrecht)
    assert figures.table.loc["GM0344", "inhabitants"] == 367947  # from A
    assert figures.table.loc["GM0344", "distance_library_km"] == pytest.approx(1.1)  # from B
    assert figures.tables == ["Kerncijfers wijken en buurten 2023", "Nabijheid voorzieningen 2023"]
    assert len(figures.table) == 122  # A's areas; B's are among them


def test_reimporting_a_replaces_only_a(utrecht, tmp_path):
    import_file(utrecht, "cbs", FULL)
    import_file(utrecht, "cbs", NEARBY)
    b = utrecht.path / "area" / "cbs" / "nabijheid-2023.csv"
    before = _digest(b)
    smaller = tmp_path / "kwb-2023-utrecht.xlsx"
    smaller.write_bytes((CBS / "kwb-2023-utrecht.xlsx").read_bytes())
    result = import_file(utrecht, "cbs", smaller)
    assert any(line.startswith("Vervangen: Kerncijfers wijken en buurten 2023")
               for line in result.lines)
    assert "Bewaard: Nabijheid voorzieningen 2023" in result.lines
    assert _digest(b) == before
    assert len(read_key_figures(utrecht.path / "area" / "cbs" / "kerncijfers-2023.csv").table) == 13
    assert len(Route.open(utrecht.path).config.areas) == 121  # learned areas are kept


def test_a_failing_reimport_changes_nothing(utrecht, tmp_path):
    import_file(utrecht, "cbs", FULL)
    a = utrecht.path / "area" / "cbs" / "kerncijfers-2023.csv"
    before = _digest(a)
    bad = tmp_path / "kwb-2023-kapot.csv"
    bad.write_text("gwb_code_10;regio;recs;a_inw\nGM0344;Utrecht;Gemeente;veel\n",
                   encoding="utf-8")
    with pytest.raises(TableError, match="rij 2, veld a_inw"):
        import_file(utrecht, "cbs", bad)
    assert _digest(a) == before


def test_an_import_for_another_municipality_warns_and_mixes_nothing(tmp_path):
    baarn = Route.create(tmp_path / "baarn", library="Bibliotheek Baarn",
                         municipality={"code": "GM0308", "name": "Baarn"})
    before = _digest(baarn.path / "route.yaml")
    with pytest.raises(TableError) as caught:
        import_file(baarn, "auto", FULL)
    message = str(caught.value)
    assert "andere gemeente: Utrecht (GM0344)" in message
    assert "Baarn (GM0308)" in message and "niets ingelezen" in message
    assert not (baarn.path / "area" / "cbs").exists()
    assert _digest(baarn.path / "route.yaml") == before
    assert route_key_figures(baarn).variables == []


def test_a_national_file_is_cut_to_the_municipality(utrecht, tmp_path):
    lines = (CBS / "kwb-2022-utrecht.csv").read_text("utf-8-sig").splitlines()
    header = lines[0].split(";")
    national = []
    for code, name, level in (("NL00", "Nederland", "Land"), ("GM0308", "Baarn", "Gemeente"),
                              ("WK030800", "Baarn-Centrum", "Wijk"),
                              ("BU03080000", "Centrum", "Buurt")):
        row = lines[1].split(";")
        row[header.index("gwb_code_10")], row[header.index("regio")] = code, name
        row[header.index("recs")] = level
        national.append(";".join(row))
    path = tmp_path / "kwb-2022-nederland.csv"
    path.write_text("\n".join([lines[0], *national, *lines[1:]]) + "\n", encoding="utf-8")
    result = import_file(utrecht, "cbs", path)
    assert any("3 gebieden van andere gemeenten weggelaten" in line for line in result.lines)
    table = route_key_figures(utrecht).table
    assert "NL00" in table.index and "GM0344" in table.index  # references kept
    assert not table.index.str.contains("0308").any()
    assert {a.code[2:6] for a in Route.open(utrecht.path).config.areas} == {"0344"}


def test_the_old_single_file_is_read_and_kept(utrecht):
    from routekit.io import write_table

    old = utrecht.area_file("kerncijfers_kwb")
    old.parent.mkdir(parents=True)
    write_table(read_key_figures(CBS / "kwb-2022-utrecht.csv").to_kwb(), old)  # as routekit did
    assert [(s.table, s.year) for s in stored_tables(utrecht)] == [("kerncijfers", 2022)]
    assert route_key_figures(utrecht).year == 2022
    result = import_file(utrecht, "cbs", FULL)
    assert "Bewaard: Kerncijfers wijken en buurten 2022" in result.lines
    assert not old.exists()
    assert (utrecht.path / "area" / "cbs" / "kerncijfers-2022.csv").is_file()
    assert [(s.table, s.year) for s in stored_tables(utrecht)] == [("kerncijfers", 2022),
                                                                  ("kerncijfers", 2023)]


def test_nothing_imported_gives_empty_valid_figures(utrecht):
    figures = route_key_figures(utrecht)
    assert figures.variables == [] and figures.table.empty and figures.year is None
    assert figures.missing().empty and figures.to_kwb().empty
    assert route_trend(utrecht, "inhabitants").empty


def _year(figures, year, factor):
    table = figures.table.copy()
    table["inhabitants"] = table["inhabitants"] * factor
    return replace(figures, table=table, year=year)


def test_trend_between_two_years():
    now = read_key_figures(CBS / "kwb-2023-utrecht.xlsx")
    then = _year(now, 2019, 0.8)
    result = trend([now, then], "inhabitants")
    row = result.loc["GM0344"]
    assert (row["first_year"], row["last_year"]) == (2019, 2023)
    assert row["last"] == 367947 and row["first"] == pytest.approx(367947 * 0.8)
    assert row["change_pct"] == pytest.approx(25.0)
    assert row["name"] == "Utrecht"
    assert trend([now], "inhabitants").empty  # one year: no trend
    assert trend([now, then], "distance_library_km").empty


def test_merge_takes_each_variable_from_the_newest_table_that_has_it():
    now = read_key_figures(CBS / "kwb-2023-utrecht.xlsx")
    assert now.table["income_per_recipient"].isna().all()  # first release: all '.'
    older = read_key_figures(CBS / "kwb-2022-utrecht.csv")
    older.table["income_per_recipient"] = 30.0
    older = _year(older, 2022, 0.9)
    merged = merge_key_figures([older, now])
    assert merged.table.loc["GM0344", "inhabitants"] == 367947  # newest
    assert merged.table.loc["GM0344", "income_per_recipient"] == 30.0  # only the older has it
    assert merged.years["inhabitants"] == 2023 and merged.years["income_per_recipient"] == 2022


def test_real_statline_quirks(tmp_path):
    text = NEARBY.read_text("utf-8-sig").splitlines()
    header = text[0].replace("Regioaanduiding/Codering (code)",
                             "Regiocode (gemeente, wijk, buurt) (code)")
    rows = [line.replace(";GM0344;", ";GM0344    ;").replace(";0,6", ";") for line in text[1:]]
    path = tmp_path / "nabijheid-2023.csv"
    title = "Nabijheid voorzieningen; afstand locatie, wijk- en buurtcijfers 2023"
    path.write_text("\n".join([title, header, *rows]) + "\n", encoding="utf-8-sig")
    figures = read_key_figures(path)
    assert figures.format == "statline" and figures.year == 2023
    assert figures.table.loc["GM0344", "distance_library_km"] == pytest.approx(1.1)
    assert math.isnan(figures.table.loc["BU03440111", "distance_library_km"])  # empty field
    assert list(figures.table.index[:2]) == ["GM0344", "WK034401"]


def test_excel_is_read_with_calamine_and_matches_the_csv():
    excel = read_key_figures(CBS / "kwb-2023-utrecht.xlsx")
    assert excel.table.loc["BU03440111", "household_size"] == pytest.approx(1.6)
    pd.testing.assert_series_equal(excel.table["inhabitants"],
                                   read_key_figures(CBS / "kwb-2022-utrecht.csv")
                                   .table["inhabitants"], check_names=False)
