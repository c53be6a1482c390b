"""Boundary files as users have them: PDOK GeoJSON, CBS 2017 schema in RD New, GeoPackage."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from routekit.area.boundaries import boundaries_at
from routekit.area.files import read_boundaries
from routekit.area.importer import import_file
from routekit.area.plot import plot_choropleth
from routekit.errors import TableError
from routekit.style import new_figure
from routekit.workspace import Route

PDOK = Path(__file__).parent / "data" / "pdok"
WGS84 = PDOK / "buurten-2024-baarn-wgs84.geojson"
RD = PDOK / "buurten-baarn-cbs2017-rd.geojson"
GPKG = PDOK / "wijkenbuurten-2024-baarn.gpkg"


@pytest.fixture
def baarn(tmp_path):
    return Route.create(tmp_path / "baarn", library="Bibliotheek Baarn",
                        municipality={"code": "GM0308", "name": "Baarn"})


def test_rd_and_wgs84_give_the_same_shapes():
    wgs, rd = read_boundaries(WGS84), read_boundaries(RD)
    assert wgs.crs.to_epsg() == rd.crs.to_epsg() == 28992
    assert list(wgs.index) == list(rd.index) and len(wgs) == 10
    assert list(wgs["name"]) == list(rd["name"])  # buurtnaam and bu_naam
    assert set(wgs["level"]) == {"buurt"}
    difference = wgs.geometry.symmetric_difference(rd.geometry, align=True).area
    assert (difference / wgs.geometry.area).max() < 1e-3  # the files round to ~10 cm


def test_rd_and_wgs84_draw_the_same_map(figure_dir):
    values = read_boundaries(WGS84)["aantal_inwoners"]
    axes = []
    for path in (WGS84, RD):
        _, ax = new_figure("slide")
        axes.append(plot_choropleth(read_boundaries(path), values, label="inwoners"))
    a, b = axes
    assert len(a.patches) == len(b.patches)
    assert np.allclose(a.get_xlim(), b.get_xlim(), atol=2) and \
        np.allclose(a.get_ylim(), b.get_ylim(), atol=2)  # metres
    assert [p.get_facecolor() for p in a.patches] == [p.get_facecolor() for p in b.patches]
    assert sorted(t.get_text() for t in a.texts if t.get_text()) == \
        sorted(t.get_text() for t in b.texts if t.get_text())
    a.get_figure(root=True).savefig(figure_dir / "area_map_baarn.png", dpi=80)


def test_a_geopackage_reads_its_buurten_or_a_named_layer():
    buurten = read_boundaries(GPKG)
    assert len(buurten) == 10 and buurten.index[0] == "BU03080000"
    assert buurten.loc["BU03080000", "name"] == "Centrum"
    wijken = read_boundaries(GPKG, layer="wijken")
    assert list(wijken.index) == ["WK030800", "WK030804"] and set(wijken["level"]) == {"wijk"}


def test_pdok_markers_are_missing_values():
    shapes = read_boundaries(WGS84)
    assert shapes["afstand_tot_begraafplaats"].isna().all()  # all -99995
    assert shapes["personenautos_per_huishouden"].isna().sum() == 2  # -99997
    assert shapes.loc["BU03080000", "aantal_inwoners"] == 1825


def test_codes_that_are_not_cbs_codes_are_named(tmp_path):
    data = json.loads(WGS84.read_text("utf-8"))
    for number, feature in enumerate(data["features"], start=1):
        feature["properties"] = {"code": f"B{number:02d}", "naam": "Buurt"}
    path = tmp_path / "gemeente-eigen.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TableError, match="geen CBS-codes") as caught:
        read_boundaries(path)
    assert "B01" in str(caught.value) and "eigen nummering" in str(caught.value)


def test_one_municipality_is_read_from_a_larger_map(tmp_path):
    import geopandas as gpd

    baarn = gpd.read_file(WGS84)
    other = baarn.assign(buurtcode=baarn["buurtcode"].str.replace("BU0308", "BU0344"),
                         gemeentecode="GM0344")
    path = tmp_path / "twee-gemeenten.gpkg"
    gpd.GeoDataFrame(pd.concat([baarn, other]), crs=baarn.crs).to_file(path, layer="buurten")
    assert len(read_boundaries(path)) == 20
    assert list(read_boundaries(path, municipality="GM0344").index.str[:6].unique()) == ["BU0344"]
    assert len(read_boundaries(path, municipality="GM0001")) == 20  # none there: all, to name them


def test_wijken_from_buurten():
    wijken = boundaries_at(read_boundaries(WGS84), "wijk")
    assert list(wijken.index) == ["WK030800", "WK030804"]
    assert wijken.geometry.area.sum() == pytest.approx(read_boundaries(WGS84).geometry.area.sum())


@pytest.mark.parametrize("source", [WGS84, RD, GPKG], ids=["wgs84", "rd", "gpkg"])
def test_import_boundaries_in_either_form(baarn, source):
    result = import_file(baarn, "auto", source)
    assert result.kind == "boundaries"
    assert "Kaart met de grenzen van 10 buurten" in result.lines
    stored = read_boundaries(baarn.area_file("boundaries", ".geojson"))
    assert len(stored) == 10
    assert json.loads(baarn.area_file("boundaries", ".geojson").read_text("utf-8"))[
        "features"][0]["properties"]["code"] == "BU03080000"


def test_boundaries_of_another_municipality_are_refused(tmp_path):
    utrecht = Route.create(tmp_path / "utrecht", library="Bibliotheek Utrecht",
                           municipality={"code": "GM0344", "name": "Utrecht"})
    with pytest.raises(TableError, match="andere gemeente"):
        import_file(utrecht, "boundaries", GPKG)
    assert not utrecht.area_file("boundaries", ".geojson").exists()
