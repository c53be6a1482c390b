"""``routekit import``: every CBS format into a route, segment exports, and safe re-imports."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from routekit.area import load_route_data, read_key_figures
from routekit.area.importer import guess_kind, import_file
from routekit.cli import main
from routekit.errors import TableError

CBS = Path(__file__).parent / "data" / "cbs"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(p.name for p in CBS.glob("*")
                                        if p.name.startswith(("kwb", "statline-8", "cbsodata"))
                                        and "alle-buurten" not in p.name))  # the 13-row extracts
def test_cli_imports_every_cbs_format(name, sample_route, capsys):
    source = CBS / name
    before = _digest(source)
    code = main(["import", str(sample_route.path), str(source)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Importeren als cbs" in out and "13 gebieden" in out and "variabelen herkend" in out
    assert _digest(source) == before  # the source is never changed
    stored = read_key_figures(sample_route.area_file("kerncijfers_kwb"))
    assert stored.format == "kwb"
    assert stored.table.loc["GM0344", "inhabitants"] == 367947
    assert stored.year == int(name.split("-")[-2])


def test_year_option_and_english(sample_route, capsys):
    code = main(["--lang", "en", "import", str(sample_route.path), str(CBS / "kwb-2023-utrecht.xlsx"),
                 "--kind", "cbs", "--year", "2023"])
    assert code == 0
    assert "variables recognised" in capsys.readouterr().out


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


def test_boundaries_without_code_are_refused(sample_route, tmp_path):
    path = tmp_path / "kaart.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {"naam": "x"}, "geometry": {"type": "Polygon", '
                    '"coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]}', encoding="utf-8")
    with pytest.raises(TableError) as caught:
        import_file(sample_route, "boundaries", path)
    assert caught.value.problems[0].row == 1
