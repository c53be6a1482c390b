"""Reading segment schemes and counts: layouts, column mapping, and problems named by row/field."""

from __future__ import annotations

import numpy as np
import pytest
from area_fixtures import SCHEME, write_area

from routekit.area import check, load_route_data, load_scheme, read_counts
from routekit.area.files import read_areas
from routekit.area.segments import SegmentData, area_level
from routekit.errors import TableError


@pytest.fixture
def scheme(tmp_path):
    path = tmp_path / "scheme.csv"
    path.write_text(SCHEME, encoding="utf-8")
    return load_scheme(path)


def test_scheme_levels_and_traits(scheme):
    assert list(scheme.groups) == ["X", "Y"]
    assert list(scheme.types) == ["X1", "X2", "Y1"]
    assert scheme.group_of("X2") == "X"
    assert scheme.label("Y1") == "Y1 Alleen thuis"
    assert "household" in scheme.traits
    assert scheme.membership().tolist() == [[1, 0], [1, 0], [0, 1]]


def test_sample_scheme_has_eleven_groups_and_fifty_types(sample_route):
    scheme = load_scheme(sample_route.area_file("segment_scheme"))
    assert (len(scheme.groups), len(scheme.types)) == (11, 50)


def test_scheme_problems_are_named(tmp_path):
    path = tmp_path / "scheme.csv"
    path.write_text("level;code;parent;name\ngroup;A;;Een\ntype;A1;Q;Fout\nsoort;B;;X\n",
                    encoding="utf-8")
    with pytest.raises(TableError) as caught:
        load_scheme(path)
    text = str(caught.value)
    assert "rij 3, veld parent" in text and "'Q'" in text
    assert "rij 4, veld level" in text


def test_wide_export_with_mapping_and_decimal_comma(tmp_path, scheme):
    path = tmp_path / "export.csv"
    path.write_text("Postcode;X1;X2;Y1\n1234 ab;1,5;2;3\n1234AC;4;5;6\n1234AB;1;0;0\n",
                    encoding="utf-8-sig")
    frame = read_counts(path, scheme=scheme, rename={"Postcode": "area_code"})
    got = frame.set_index(["area_code", "segment_code"])["households"]
    assert got[("1234AB", "X1")] == pytest.approx(2.5)  # repeated pairs added up
    assert got[("1234AC", "Y1")] == 6


def test_long_export_with_semicolons_and_mapping(tmp_path, scheme):
    path = tmp_path / "leden.csv"
    path.write_text("Buurt;Segment;Aantal\nBU00010001;X1;12\n", encoding="cp1252")
    frame = read_counts(path, value="member_households", scheme=scheme,
                        rename={"Buurt": "area_code", "Segment": "segment_code",
                                "Aantal": "member_households"})
    assert frame.to_dict("records") == [{"area_code": "BU00010001", "segment_code": "X1",
                                         "member_households": 12.0}]


def test_unknown_segment_code_and_negative_count_are_reported(tmp_path, scheme):
    path = tmp_path / "segments.csv"
    path.write_text("area_code;segment_code;households\nBU1;X1;3\nBU1;Z9;4\nBU2;Y1;-2\n",
                    encoding="utf-8")
    with pytest.raises(TableError) as caught:
        read_counts(path, scheme=scheme)
    problems = caught.value.problems
    assert [(p.row, p.field) for p in problems] == [(3, "segment_code"), (4, "households")]
    assert "Z9" in problems[0].message and "-2" in problems[1].message


def test_wide_unknown_segment_column_is_named(tmp_path, scheme):
    path = tmp_path / "wide.csv"
    path.write_text("area_code;X1;Q7\n1234AB;1;2\n", encoding="utf-8")
    with pytest.raises(TableError, match="Q7") as caught:
        read_counts(path, scheme=scheme)
    assert caught.value.problems[0].field == "Q7"


def test_missing_count_column_is_named(tmp_path, scheme):
    path = tmp_path / "segments.csv"
    path.write_text("area_code;segment_code\nBU1;X1\n", encoding="utf-8")
    with pytest.raises(TableError, match="'households' ontbreekt"):
        read_counts(path, scheme=scheme)


def _three_areas(tmp_path, scheme, areas: str, codes: list[str]) -> SegmentData:
    """Segment data of three base areas *codes* with the hierarchy file text *areas*."""
    import pandas as pd

    path = tmp_path / "areas.csv"
    path.write_text("code;name;level;parent\n" + areas, encoding="utf-8")
    wide = pd.DataFrame({"X1": [1, 2, 3], "X2": [0, 0, 1], "Y1": [5, 5, 5]}, index=codes)
    return SegmentData.from_wide(scheme, wide, areas=read_areas(path))


def test_hierarchy_postcodes_roll_up_to_pc4_and_municipality(tmp_path, scheme):
    data = _three_areas(tmp_path, scheme, "GM0001;Testwaard;gemeente;\n"
                        "1234;1234;pc4;GM0001\n1235;1235;pc4;GM0001\n",
                        ["1234AB", "1234AC", "1235AA"])
    assert data.levels == ["pc6", "pc4", "gemeente"]
    assert data.positions("1234").tolist() == [0, 1]
    assert data.positions(["GM0001"]).tolist() == [0, 1, 2]
    assert data.by_level("pc4").loc["1235"].tolist() == [3, 1, 5]
    assert area_level("1234AB") == "pc6" and area_level("BU00010001") == "buurt"


def test_check_reports_members_above_households(empty_route):
    folder = write_area(empty_route.path / "area")
    assert check(empty_route) == []
    text = (folder / "members.csv").read_text("utf-8").replace("BU00010001;X1;15",
                                                               "BU00010001;X1;45")
    (folder / "members.csv").write_text(text, encoding="utf-8")
    problems = check(empty_route)
    assert len(problems) == 1
    assert "45" in problems[0].message and "BU00010001" in problems[0].message
    assert any("members.csv" in str(p) for p in empty_route.check())


def test_sample_route_passes_the_check(sample_route):
    assert check(sample_route) == []
    data = load_route_data(sample_route)
    assert data.households.shape == (18, 50)
    assert np.all(data.members <= data.households)


def test_buurten_without_parents_roll_up_by_their_cbs_codes(tmp_path, scheme):
    data = _three_areas(tmp_path, scheme, "WK000100;Noord;wijk;\nBU00010001;Oost;buurt;\n"
                        "BU00010002;West;buurt;\nBU00010101;Dorp;buurt;\n",
                        ["BU00010001", "BU00010002", "BU00010101"])
    assert data.levels == ["buurt", "wijk", "gemeente"]
    assert data.positions("WK000100").tolist() == [0, 1]
    assert data.positions("WK000101").tolist() == [2]
    assert data.positions("GM0001").tolist() == [0, 1, 2]
    assert data.area_names(["WK000100", "WK000101"]) == ["Noord", "WK000101"]
