"""``routekit import``: every CBS format, segment exports, areas, persons, and safe re-imports."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from routekit.area import load_route_data, route_key_figures
from routekit.area.files import read_areas
from routekit.area.importer import guess_kind, import_file
from routekit.cli import main
from routekit.errors import TableError
from routekit.io import read_table
from routekit.workspace import Route

CBS = Path(__file__).parent / "data" / "cbs"


@pytest.fixture
def utrecht(tmp_path):
    """A new route for the municipality of Utrecht, its name not given yet."""
    return Route.create(tmp_path / "utrecht", library="Bibliotheek Utrecht",
                        municipality={"code": "GM0344"})


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(p.name for p in CBS.glob("*")
                                        if p.name.startswith(("kwb", "statline-8", "cbsodata"))))
def test_cli_imports_every_cbs_format(name, utrecht, capsys):
    source = CBS / name
    before = _digest(source)
    code = main(["import", str(utrecht.path), str(source)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Inlezen als CBS-cijfers" in out and "Kerncijfers wijken en buurten" in out
    assert "voor Utrecht:" in out and "nu beschikbaar: inwoners" in out
    assert "a_inw" not in out and "inhabitants" not in out  # plain Dutch, no codes
    assert _digest(source) == before  # the source is never changed
    stored = route_key_figures(utrecht)
    assert stored.table.loc["GM0344", "inhabitants"] == 367947
    assert stored.year == int(re.search(r"-(20\d\d)-", name).group(1))
    assert (utrecht.path / "area" / "cbs" / f"kerncijfers-{stored.year}.csv").is_file()


def test_year_option_and_english(utrecht, capsys):
    code = main(["--lang", "en", "import", str(utrecht.path), str(CBS / "kwb-2023-utrecht.xlsx"),
                 "--kind", "cbs", "--year", "2023"])
    assert code == 0
    out = capsys.readouterr().out
    assert "Key figures districts and neighbourhoods 2023 for Utrecht" in out
    assert "now available: inhabitants, men and women, age groups" in out


def test_figures_without_a_year_ask_for_it(utrecht, tmp_path):
    path = tmp_path / "cijfers.csv"
    path.write_text((CBS / "kwb-2022-utrecht.csv").read_text("utf-8-sig").replace("jaar", "x"),
                    encoding="utf-8")
    with pytest.raises(TableError, match="--year"):
        import_file(utrecht, "cbs", path)
    assert not (utrecht.path / "area" / "cbs").exists()


def test_failed_import_keeps_the_earlier_file(sample_route, tmp_path, capsys):
    target = sample_route.area_file("segments")
    before = _digest(target)
    bad = tmp_path / "segments.csv"
    bad.write_text("area_code;segment_code;households\nBU99010101;A01;5\nBU99010101;ZZ9;3\n",
                   encoding="utf-8")
    code = main(["import", str(sample_route.path), str(bad), "--kind", "segments"])
    err = capsys.readouterr().err
    assert code == 1
    assert "segments.csv, rij 3, veld segment_code" in err and "ZZ9" in err
    assert _digest(target) == before


def test_segment_export_with_column_mapping(sample_route, tmp_path, capsys):
    export = tmp_path / "mosaic.csv"
    export.write_text("Buurtcode;Type;Aantal huishoudens\nBU99010101;A01;20\n"
                      "BU99010101;B02;30\nBU99010601;H01;40\n", encoding="utf-8-sig")
    code = main(["import", str(sample_route.path), str(export), "--kind", "segments",
                 "--map", "Buurtcode=area_code", "--map", "Type=segment_code",
                 "--map", "Aantal huishoudens=households"])
    assert code == 0, capsys.readouterr().err
    data = load_route_data(sample_route)
    assert data.households.sum() == 90


def test_missing_column_is_named(sample_route, tmp_path):
    export = tmp_path / "leden.csv"
    export.write_text("area_code;segment_code\nBU99010101;A01\n", encoding="utf-8")
    with pytest.raises(TableError, match="member_households"):
        import_file(sample_route, "members", export)


def test_guess_kind(sample_route, tmp_path):
    area = sample_route.path / "area"
    assert guess_kind(area / "boundaries.geojson") == "boundaries"
    assert guess_kind(area / "members.csv") == "members"
    assert guess_kind(area / "segments.csv") == "segments"
    assert guess_kind(area / "segment_scheme.csv") == "scheme"
    assert guess_kind(area / "kerncijfers_kwb.csv") == "cbs"
    assert guess_kind(area / "areas.csv") == "areas"
    assert guess_kind(area / "persons_by_sex_age.csv") == "persons"


def test_undecidable_kind_asks_for_kind(sample_route, tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text("code;name\n1;Noord\n2;Zuid\n", encoding="utf-8")
    with pytest.raises(TableError, match="--kind") as caught:
        import_file(sample_route, "auto", path)
    assert "areas (gebiedenlijst)" in str(caught.value)
    other = tmp_path / "iets.csv"
    other.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(TableError, match="Geef de soort op met --kind"):
        guess_kind(other)
    assert import_file(sample_route, "areas", path).kind == "areas"  # told, it imports


def test_areas_file_imports_and_the_route_learns_its_areas(utrecht, tmp_path):
    path = tmp_path / "gebieden.csv"
    path.write_text("code;name;level;parent\nGM0344;Utrecht;gemeente;\n"
                    "WK034401;West;wijk;GM0344\nBU03440111;Welgelegen;buurt;WK034401\n"
                    "BU03440112;Oog in Al;buurt;WK034401\n", encoding="utf-8-sig")
    result = import_file(utrecht, "auto", path)
    assert result.kind == "areas"
    assert "1 wijk en 2 buurten (3 nieuw)" in "\n".join(result.lines)
    assert read_areas(utrecht.area_file("areas")).loc["BU03440112", "parent"] == "WK034401"
    areas = Route.open(utrecht.path).config.areas
    assert [(a.code, a.kind, a.parent) for a in areas][:2] == [
        ("WK034401", "wijk", "GM0344"), ("BU03440111", "buurt", "WK034401")]


def test_persons_file_imports(sample_route, tmp_path):
    source = sample_route.area_file("persons_by_sex_age")
    expected = read_table(source, numeric=["inhabitants", "members"])
    target = source.with_name("kopie.csv")
    source.rename(target)
    result = import_file(sample_route, "auto", target)
    assert result.kind == "persons" and result.target == source
    assert "Inwoners naar geslacht en leeftijd" in result.lines[1]
    stored = read_table(source, numeric=["inhabitants", "members"])
    assert stored["inhabitants"].sum() == expected["inhabitants"].sum()


def test_bad_persons_file_names_row_and_field(sample_route, tmp_path):
    path = tmp_path / "personen.csv"
    path.write_text("area_code;sex;age_band;inhabitants\nWK990101;man;0-12;5\n"
                    "WK990101;onbekend;0-12;-3\n", encoding="utf-8")
    before = _digest(sample_route.area_file("persons_by_sex_age"))
    with pytest.raises(TableError) as caught:
        import_file(sample_route, "persons", path)
    text = str(caught.value)
    assert "rij 3, veld sex" in text and "rij 3, veld inhabitants" in text
    assert _digest(sample_route.area_file("persons_by_sex_age")) == before


def test_boundaries_without_code_are_refused(sample_route, tmp_path):
    path = tmp_path / "kaart.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {"naam": "x"}, "geometry": {"type": "Polygon", '
                    '"coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]}', encoding="utf-8")
    with pytest.raises(TableError, match="gebied zonder code"):
        import_file(sample_route, "boundaries", path)


def test_areas_of_another_municipality_are_refused(utrecht, sample_route):
    with pytest.raises(TableError, match="andere gemeente: Sleutelwaard \\(GM9901\\)"):
        import_file(utrecht, "areas", sample_route.area_file("areas"))
    assert not utrecht.area_file("areas").exists()
    assert Route.open(utrecht.path).config.areas == []
