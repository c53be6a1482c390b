"""Open segments in a route from the real kwb-2023 Utrecht extract: command, stages, members."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from routekit.area import load_route_data, profile, under_reached
from routekit.area.files import read_member_export, read_postcode_table
from routekit.area.members import buurt_reach, class_reach, members_per_buurt
from routekit.area.stored import (
    open_areas,
    open_metadata,
    rename_group,
    segment_source,
    set_segment_source,
)
from routekit.cli import main
from routekit.errors import TableError
from routekit.workspace import Route

UTRECHT = Path(__file__).parent / "data" / "cbs" / "kwb-2023-utrecht-gemeente.xlsx"
OPEN_FILES = ("open_segment_scheme.csv", "open_segments.csv", "open_buurten.csv",
              "open_areas.csv", "open_figures.csv", "open_classification.yaml")


@pytest.fixture(scope="module")
def utrecht(tmp_path_factory):
    """A new route for Utrecht with only the real CBS figures, classified once by the command."""
    from route_builders import utrecht_route

    folder = tmp_path_factory.mktemp("utrecht") / "route"
    utrecht_route(folder)
    assert main(["classify", str(folder)]) == 0
    return Route.open(folder)


@pytest.fixture
def route(utrecht, tmp_path):
    """A scratch copy of the classified Utrecht route."""
    target = tmp_path / "kopie"
    shutil.copytree(utrecht.path, target)
    return Route.open(target)


def test_classify_command_on_real_utrecht_figures(utrecht, capsys):
    meta = open_metadata(utrecht)
    groups = meta["groups"]
    assert 4 <= len(groups) <= 15
    assert all(" in " in info["name"] for info in groups.values())  # Dutch names
    buurten = open_areas(utrecht)
    assert len(buurten) == 111
    figures = pd.read_excel(UTRECHT, engine="calamine")
    real = figures[figures["recs"] == "Buurt"].set_index("gwb_code_10")["a_inw"]
    big = real.index[pd.to_numeric(real, errors="coerce") >= 50]
    assert set(buurten.loc[big, "status"]) <= {"classified", "partial"}  # all classified
    assert (buurten.loc[big, "type"] != "").all()
    left = len(real) - len(big)
    assert meta["buurten"]["too_few_inhabitants"] == left > 0  # counted, not guessed
    assert "inkomen per inkomensontvanger" not in " ".join(meta["variables"])
    assert meta["dropped"]["income_per_recipient"] == "not_published"
    assert meta["source"]["year"] == 2023
    assert segment_source(utrecht) == "open"
    from routekit.area.stored import open_summary

    lines = open_summary(utrecht)
    assert "Beschrijft buurten, geen personen" in lines[0] and "2023" in lines[1]
    assert sum(line.startswith(tuple(f"{g} " for g in groups)) for line in lines) == len(groups)


def test_same_run_twice_gives_identical_files(route, utrecht):
    before = {name: (utrecht.path / "area" / name).read_bytes() for name in OPEN_FILES}
    assert main(["classify", str(route.path)]) == 0
    after = {name: (route.path / "area" / name).read_bytes() for name in OPEN_FILES}
    assert before == after


def test_stages_work_from_the_open_classes(route):
    from routekit.personas.stored import persona_facts

    data = load_route_data(route)
    assert data.households.sum() > 180_000
    assert data.area_names(["WK034401"]) == ["Wijk 01 West"]
    here = profile(data, "WK034401", level="group")
    assert here["count"].sum() > 0 and here["name"].str.contains(" in ").all()
    from routekit.area import summarise

    text = summarise(here, "West")
    assert any(name in text for name in here["name"])  # the plain-language summary names them
    facts = persona_facts(route, segment="A", area="WK034401")
    assert facts.fields["life_stage"] and facts.fields["household"]
    assert data.scheme.table.at["A", "urbanity"].endswith("stedelijk")  # a trait of the scheme
    assert facts.segment_name == data.scheme.name("A")


def test_rename_survives_a_rebuild(route):
    rename_group(route, "B", "Gezinnen aan de rand")
    assert main(["classify", str(route.path)]) == 0
    data = load_route_data(route)
    assert data.scheme.name("B") == "Gezinnen aan de rand"
    assert open_metadata(route)["groups"]["B"]["renamed"] is True


def test_a_name_edited_in_the_scheme_file_is_kept_too(route):
    path = route.area_file("open_segment_scheme")
    text = path.read_text("utf-8-sig")
    generated = open_metadata(route)["groups"]["A"]["name"]
    path.write_text(text.replace(f";A;;{generated};", ";A;;Stadsbewoners;", 1),
                    encoding="utf-8-sig")
    assert main(["classify", str(route.path)]) == 0
    assert load_route_data(route).scheme.name("A") == "Stadsbewoners"


def test_route_with_mosaic_and_open_segments_lets_the_user_choose(route, sample_route):
    for name in ("segment_scheme.csv", "segments.csv"):
        shutil.copy(sample_route.area_file(name.removesuffix(".csv")), route.path / "area")
    assert segment_source(route) == "mosaic"  # Mosaic first when present
    assert len(load_route_data(route).scheme.groups) == 11
    set_segment_source(route, "open")
    route = Route.open(route.path)
    assert "segment_source: open" in (route.path / "route.yaml").read_text("utf-8")
    assert load_route_data(route).scheme.groups.tolist()[0] == "A"
    assert len(load_route_data(route, "mosaic").scheme.groups) == 11


def test_members_per_pc6_give_reach_per_buurt_and_group(route, tmp_path, capsys):
    buurten = open_areas(route)
    chosen = buurten[buurten["type"] != ""].index[:3]
    members = tmp_path / "leden.csv"
    members.write_text("Postcode;Aantal leden\n3500 AA;100\n3500AB;40\n3500AC;7\n",
                       encoding="utf-8-sig")
    table = tmp_path / "pc6.csv"
    table.write_text("PC6;Huisnummer;Buurt2023\n"
                     f"3500AA;1;{chosen[0][2:]}\n3500AA;2;{chosen[0][2:]}\n"
                     f"3500AB;1;{chosen[1][2:]}\n3500AB;3;{chosen[2][2:]}\n",
                     encoding="utf-8")
    assert main(["classify", str(route.path), "--members", str(members),
                 "--postcodes", str(table)]) == 0
    out = capsys.readouterr().out
    assert "Bereik: 140 leden" in out and "7 leden konden niet" in out
    stored = pd.read_csv(route.area_file("leden_per_buurt"), sep=";", decimal=",")
    assert set(stored.columns) <= {"buurt", "age_group", "members", "estimated", "unit"}
    data = load_route_data(route)
    gaps = under_reached(data, level="group")  # the reach stage reads the open members
    assert data.members.sum() > 0 and len(gaps.table) >= 1
    first = buurten.loc[chosen[0]]
    position = data.codes.get_loc(chosen[0])
    expected = 100 * first["households"] / first["inhabitants"]  # in household terms
    assert data.members[position].sum() == pytest.approx(expected, abs=0.01)


# --------------------------------------------------------------------------- members, by hand


AREAS = pd.DataFrame({
    "name": ["Noord", "Zuid", "Oost", "Klein"], "group": ["A", "A", "B", ""],
    "type": ["A1", "A2", "B1", ""], "inhabitants": [1000.0, 500.0, 2000.0, 30.0],
    "households": [500.0, 200.0, 1000.0, 10.0]},
    index=["BU00010001", "BU00010002", "BU00010003", "BU00010004"])
SCHEME = pd.DataFrame({"level": ["group", "type", "type", "group", "type"],
                       "name": ["Alfa", "Alfa 1", "Alfa 2", "Beta", "Beta 1"]},
                      index=["A", "A1", "A2", "B", "B1"])


@pytest.fixture
def linked(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Postcode;Aantal leden\n1000 AA;100\n1000AB;40\n1000AC;150\n"
                      "1000AD;5\n9999ZZ;7\n", encoding="cp1252")
    table = tmp_path / "postcodes.csv"
    table.write_text("PC6;Huisnummer;Buurt2023;Wijk2023;Gemeente2023\n"
                     "1000AA;1;00010001;000100;0001\n1000AA;2;00010001;000100;0001\n"
                     "1000AB;1;00010001;000100;0001\n1000AB;2;00010002;000100;0001\n"
                     "1000AC;1;00010003;000100;0001\n1000AC;3;00010003;000100;0001\n"
                     "1000AD;1;00010004;000100;0001\n", encoding="utf-8-sig")
    return members_per_buurt(read_member_export(export), read_postcode_table(table))


def test_members_per_pc6_linked_to_buurten_by_hand(linked):
    got = linked.table.set_index("buurt")["members"]
    # 1000AB has one address in Noord and one in Zuid: 40 members split 20/20 (estimated)
    assert got.to_dict() == {"BU00010001": 120.0, "BU00010002": 20.0, "BU00010003": 150.0,
                             "BU00010004": 5.0}
    assert linked.table.set_index("buurt")["estimated"].to_dict()["BU00010002"]
    assert linked.unlinked == 7.0


def test_reach_per_buurt_and_open_group_by_hand(linked):
    reach = buurt_reach(linked, AREAS)
    assert reach.table["reach"].round(4).to_dict() == {"BU00010001": 0.12, "BU00010002": 0.04,
                                                 "BU00010003": 0.075, "BU00010004": 0.1667}
    groups = class_reach(reach, SCHEME, level="group")
    # A: 140 of 1,500; B: 150 of 2,000; overall 290 of 3,500 (the small buurt has no class)
    assert groups.overall == pytest.approx(290 / 3500)
    assert groups.table.loc["A", "reach"] == pytest.approx(140 / 1500)
    assert groups.table.loc["B", "missed"] == pytest.approx(2000 * 290 / 3500 - 150)
    assert groups.table.index[0] == "B" and groups.table.loc["B", "rank"] == 1  # missed most
    types = class_reach(reach, SCHEME, level="type")
    assert types.table.loc["A2", "reach"] == pytest.approx(0.04)


def test_members_per_buurt_code_and_household_counts(tmp_path):
    export = tmp_path / "leden.csv"
    export.write_text("buurtcode;leeftijdsgroep;huishoudens\nBU00010001;0-14;30\n"
                      "BU00010001;65+;20\n00010003;0-14;10\n", encoding="utf-8")
    members = read_member_export(export)
    assert members.unit == "households"
    linked = members_per_buurt(members)
    assert linked.table.groupby("buurt")["members"].sum().to_dict() == {"BU00010001": 50.0,
                                                                  "BU00010003": 10.0}
    reach = buurt_reach(linked, AREAS)
    assert reach.table.loc["BU00010001", "reach"] == pytest.approx(50 / 500)  # of households


@pytest.mark.parametrize(("header", "value", "column"), [
    ("Naam", "J. Jansen", "Naam"), ("Achternaam", "Jansen", "Achternaam"),
    ("Straatnaam", "Dorpsstraat", "Straatnaam"), ("E-mailadres", "a@b.nl", "E-mailadres"),
    ("Kolom3", "Dorpsstraat 12", "Kolom3"), ("Woonadres", "Kerkweg 3a", "Woonadres")])
def test_a_file_with_names_or_addresses_is_refused_naming_the_column(tmp_path, header, value,
                                                                      column):
    export = tmp_path / "leden.csv"
    export.write_text(f"Postcode;{header};Aantal\n1000AA;{value};1\n1000AB;{value};2\n",
                      encoding="utf-8")
    with pytest.raises(TableError) as caught:
        read_member_export(export)
    text = str(caught.value)
    assert f"'{column}'" in text and "bewaart nooit" in text


def test_area_names_and_address_counts_are_not_refused(tmp_path):
    export = tmp_path / "leden.csv"
    export.write_text("Buurtcode;Buurtnaam;Aantal adressen;Aantal leden\n"
                      "BU00010001;Noord;300;12\n", encoding="utf-8")
    members = read_member_export(export)
    assert members.table["members"].tolist() == [12.0]


def test_postcodes_without_a_table_get_a_dutch_message(tmp_path):
    export = tmp_path / "leden.csv"
    export.write_text("PC4;Leden\n1000;12\n", encoding="utf-8")
    with pytest.raises(TableError) as caught:
        members_per_buurt(read_member_export(export))
    assert "postcodetabel" in str(caught.value)


def test_route_without_figures_gets_a_dutch_message(empty_route, capsys):
    assert main(["classify", str(empty_route.path)]) == 1
    assert "routekit import" in capsys.readouterr().err


# --------------------------------------------------------------------------- the form


def test_classify_form_makes_segments_and_renames_a_group(sample_route):
    from routekit.ui.classify import ClassifyForm

    form = ClassifyForm(sample_route)
    assert form.groups.options == ()
    form.make.click()
    assert "groepen en" in form.result.value and "buurten" in form.result.value
    assert form.groups.options[0][1] == "A"
    form.groups.value, form.new_name.value = "B", "  Mijn   buurten "
    form.rename.click()
    assert "Groep B heet nu: Mijn buurten." in form.message.value
    assert load_route_data(sample_route, "open").scheme.name("B") == "Mijn buurten"
    form.source.value = "open"
    assert Route.open(sample_route.path).config.model_extra["segment_source"] == "open"
    form.source.value = "auto"
    assert "segment_source" not in (sample_route.path / "route.yaml").read_text("utf-8")


def test_classify_form_refuses_a_source_the_route_lacks(route):
    from routekit.ui.classify import ClassifyForm

    form = ClassifyForm(route)
    form.source.value = "mosaic"
    assert "geen Mosaic-bestanden" in form.message.value
    assert form.source.value == "auto" and segment_source(route) == "open"


def test_classify_form_shows_a_dutch_problem_without_figures(empty_route):
    from routekit.ui.classify import ClassifyForm

    form = ClassifyForm(empty_route)
    form.make.click()
    assert "Niet gelukt" in form.message.value and "routekit import" in form.message.value


def test_national_file_classifies_the_country_and_places_the_route(route, tmp_path):
    from routekit.area.classify import classify
    from routekit.area.files import read_key_figures
    from routekit.area.stored import build_open_segments
    from routekit.io import write_table

    utrecht = read_key_figures(UTRECHT)
    other = utrecht.table.rename(index=lambda c: c.replace("0344", "0999", 1))
    other = other.assign(municipality="Elders", age_65_plus=other["age_65_plus"] * 2,
                         owner_occupied_pct=(other["owner_occupied_pct"] + 30).clip(upper=100))
    utrecht.table = pd.concat([utrecht.table, other])
    national = tmp_path / "kwb-2023-nederland.csv"
    write_table(utrecht.to_kwb(), national)
    result = build_open_segments(route, national=national)
    assert set(result.areas.index.str[:6]) == {"BU0344"}  # the route's buurten only
    assert len(result.areas) == 111
    assert result.settings["reference"] == "Nederland"
    whole = classify(read_key_figures(national).table)  # the same classes as the country's
    pd.testing.assert_series_equal(result.areas["type"], whole.areas.loc[result.areas.index,
                                                                         "type"])
    meta = open_metadata(route)
    assert meta["source"]["national"] is True and meta["reference"] == "Nederland"
    assert set(open_areas(route).index) == set(result.areas.index)
    assert "Vergeleken met Nederland" in load_route_data(route).scheme.table.at["A",
                                                                                "description"]


def test_reach_per_cbs_age_band_by_hand(tmp_path):
    from routekit.area.members import age_reach

    export = tmp_path / "leden.csv"
    export.write_text("Buurtcode;Leeftijdsgroep;Aantal leden\nBU00010001;0 tot 15 jaar;30\n"
                      "BU00010001;65 jaar of ouder;20\nBU00010003;0-14;10\n"
                      "BU00010003;0-12;4\n", encoding="utf-8")
    linked = members_per_buurt(read_member_export(export))
    figures = pd.DataFrame({"level": "buurt", "age_0_14": [200.0, 300.0],
                            "age_65_plus": [100.0, 50.0]},
                           index=["BU00010001", "BU00010003"])
    ages = age_reach(linked, figures)
    assert ages.table.loc["0-14", "reach"] == pytest.approx(40 / 500)
    assert ages.table.loc["65+", "reach"] == pytest.approx(20 / 150)
    assert list(ages.unmatched) == ["0-12"]  # not a CBS band: left out, and said so


def test_choosing_a_source_the_route_lacks_is_refused_in_dutch(route, capsys):
    assert main(["classify", str(route.path), "--use", "mosaic"]) == 1
    assert "geen Mosaic-bestanden" in capsys.readouterr().err
    assert segment_source(route) == "open"
