"""The actor map goes to Excel and comes back: edits, new rows, formula-safe text, errors."""

from __future__ import annotations

import openpyxl
import pytest

from routekit.errors import RouteError
from routekit.stakeholders import export_actor_map, read_actor_map, set_position
from routekit.stakeholders.actormap import stance


def test_stance_labels():
    assert [stance(2, 5), stance(2, None), stance(1, 2), stance(0, 1), stance(-1, 4),
            stance(-2, 1)] == ["coalition_partner", "ally", "opportunist", "doubter",
                               "opponent", "enemy"]


def test_round_trip_edits_flow_into_the_workspace(sample_route, tmp_path):
    set_position(sample_route, "welzijn", "eenzaamheid", action="=cmd|' /C calc'!A0")
    path = export_actor_map(sample_route, tmp_path / "kaart.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[-1] == "Toelichting"
    sheet = book["Eenzaamheid onder ouderen"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["Code", "Actor", "Rol", "Sector", "Belang"]
    assert "Korte-termijn actie" in header and "Relatie" in header
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    action = rows["welzijn"][header.index("Korte-termijn actie")]
    assert action.value.startswith("=cmd") and action.data_type == "s"  # text, never a formula
    assert action.quotePrefix
    assert sheet.freeze_panes == "C2" and sheet.data_validations.dataValidation
    # nothing changed yet: reading back changes nothing
    assert read_actor_map(sample_route, path) == {"added": 0, "changed": 0}
    assert sample_route.get("positions", "welzijn", "eenzaamheid").action.startswith("=cmd")
    # edit a score and a text, add a new actor
    rows["wethouder"][header.index("Invloed (1-5)")].value = 3
    rows["wethouder"][header.index("Benadering")].value = "Samen naar de raad"
    sheet.append([None, "Buurtvereniging De Eik", "trekker", "bewoners", "@vooral lokaal", 2, 1,
                  4, None, None, None, None, "Kennismaken"])
    book.save(path)
    assert read_actor_map(sample_route, path) == {"added": 1, "changed": 1}
    mayor = sample_route.get("positions", "wethouder", "eenzaamheid")
    assert (mayor.influence, mayor.approach, mayor.involve) == (3, "Samen naar de raad", None)
    new = sample_route.get("stakeholders", "buurtvereniging-de-eik")
    assert (new.sector, new.role) == ("residents", "trekker")
    position = sample_route.get("positions", "buurtvereniging-de-eik", "eenzaamheid")
    assert (position.stake, position.trust, position.action) == ("@vooral lokaal", None,
                                                                  "Kennismaken")


def test_bad_rows_are_reported_and_nothing_is_saved(sample_route, tmp_path):
    path = export_actor_map(sample_route, tmp_path / "kaart.xlsx", themes=["eenzaamheid"])
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.append([None, "Nieuwe partij", None, None, None, 7, 1, 4])
    book.save(path)
    before = sample_route.file("stakeholders").read_bytes()
    with pytest.raises(RouteError) as error:
        read_actor_map(sample_route, path)
    text = str(error.value)
    assert "kaart.xlsx [Eenzaamheid onder ouderen], rij" in text
    assert "veld Sector: ontbreekt" in text and "veld Invloed (1-5): '7' is te groot" in text
    assert sample_route.file("stakeholders").read_bytes() == before
