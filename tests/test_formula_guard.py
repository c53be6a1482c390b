"""One formula guard for every CSV/Excel export; the route's own files round-trip; no eval."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from routekit.io import FORMULA_START, excel_cell, formula_safe, read_table, write_table
from routekit.stakeholders.actormap import export_actor_map, read_actor_map
from routekit.stakeholders.stored import set_position
from routekit.workspace import Route

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")']


@pytest.fixture
def route(tmp_path):
    return Route.copy(ROOT / "data" / "sample-route", tmp_path / "route")


def test_the_guard_covers_the_six_starts_and_leaves_numbers_alone():
    assert set("=+-@\t\r") <= set(FORMULA_START)
    assert [formula_safe(text) for text in HOSTILE] == ["'" + text for text in HOSTILE]
    assert formula_safe(-5) == -5 and formula_safe("Buurthuis") == "Buurthuis"
    sheet = openpyxl.Workbook().active
    for row, text in enumerate(HOSTILE, start=1):
        excel_cell(sheet.cell(row=row, column=1), text)
        cell = sheet.cell(row=row, column=1)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_route_files_round_trip_hostile_text_and_csv_exports_are_guarded(tmp_path):
    frame = pd.DataFrame({"naam": [t.strip() for t in HOSTILE], "n": range(len(HOSTILE))})
    write_table(frame, tmp_path / "eigen.csv")  # the route's own file: exact round trip
    assert read_table(tmp_path / "eigen.csv")["naam"].tolist() == frame["naam"].tolist()
    write_table(frame, tmp_path / "export.csv", formula_guard=True)
    cells = read_table(tmp_path / "export.csv")["naam"].tolist()
    assert cells == [formula_safe(text) for text in frame["naam"]]
    assert sum(cell.startswith("'") for cell in cells) == 5  # tab/CR were stripped off


def test_the_actor_map_keeps_hostile_text_as_text_both_ways(route, tmp_path):
    for text in HOSTILE:
        set_position(route, "welzijn", "eenzaamheid", action=text)
        path = export_actor_map(route, tmp_path / "kaart.xlsx")
        sheet = openpyxl.load_workbook(path)["Eenzaamheid onder ouderen"]
        header = [cell.value for cell in sheet[1]]
        row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "welzijn")
        cell = row[header.index("Korte-termijn actie")]
        stored = text.strip()  # records strip surrounding whitespace (tab, CR)
        assert cell.data_type == "s" and cell.value == stored
        assert cell.quotePrefix or not stored.startswith(FORMULA_START)
        assert read_actor_map(route, path) == {"added": 0, "changed": 0}


def test_nothing_is_unpickled_or_evaluated():
    risky = re.compile(r"\bpickle\b|\bmarshal\b|\bshelve\b|\beval\(|\bexec\(|unsafe_load|"
                       r"FullLoader|UnsafeLoader|Loader=yaml\.Loader|read_pickle")
    found = [f"{path.relative_to(ROOT)}:{number}"
             for path in (ROOT / "routekit").rglob("*.py")
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if risky.search(line)]
    assert found == []
    loads = [path for path in (ROOT / "routekit").rglob("*.py")
             if re.search(r"yaml\.load\(", path.read_text("utf-8"))]
    for path in loads:  # only safe loaders: yaml.safe_load or a SafeLoader (sub)class
        for line in (line for line in path.read_text("utf-8").splitlines()
                     if "yaml.load(" in line):
            assert "SafeLoader" in line or "Loader=Loader" in line, f"{path}: {line}"
