"""Widget forms of notebook 04b, driven without a browser."""

from __future__ import annotations

import pytest

from routekit.io import write_table

pytest.importorskip("ipywidgets")


@pytest.fixture
def board(sample_route, tmp_path):
    from routekit.ui.stakeholders import KrachtenveldBoard

    return KrachtenveldBoard(sample_route, "eenzaamheid", export_dir=tmp_path)


def test_slider_saves_at_once_and_updates_chart_data(board, sample_route):
    board.people.pick.value = "welzijn"
    assert board.people.influence.value == 4
    board.people.influence.value = 2
    assert sample_route.get("positions", "welzijn", "eenzaamheid").influence == 2
    row = board.chart_data.set_index("id").loc["welzijn"]
    assert (row["influence"], row["group"]) == (2, "silent_supporters")
    board.people.trust.value = 0
    assert sample_route.get("positions", "welzijn", "eenzaamheid").trust is None
    board.people.involved.value = False
    assert sample_route.get("positions", "welzijn", "eenzaamheid") is None
    assert "welzijn" not in set(board.chart_data["id"])


def test_a_save_redraws_the_chart_only_when_what_it_shows_changed(board, sample_route):
    board.people.pick.value = "welzijn"
    drawn = board.drawn
    board.people.notes.value = "Belt liever dan mailt"  # not in the chart
    board.forces.strength.value = 1  # a force, under the krachtenveld
    assert sample_route.get("stakeholders", "welzijn").notes == "Belt liever dan mailt"
    assert sample_route.get("forces", "eenzaamheid", board.forces.pick.value).strength == 1
    assert board.drawn == drawn
    board.people.influence.value = 2
    assert board.drawn == drawn + 1
    board.view.value = "lewin"
    board.forces.strength.value = 2
    assert board.drawn == drawn + 3


def test_add_stakeholder_and_duplicate_name(board, sample_route):
    people = board.people
    people.pick.value = "__new__"
    people.name.value = "Buurtvereniging De Eik"
    people.sector.value = "residents"
    people.involved.value = True
    people.attitude.value = -1
    people.add.click()
    assert sample_route.get("stakeholders", "buurtvereniging-de-eik").sector == "residents"
    assert sample_route.get("positions", "buurtvereniging-de-eik", "eenzaamheid").attitude == -1
    assert people.pick.value == "buurtvereniging-de-eik"
    people.name.value = "Welzijn Sleutelwaard"
    assert "Niet opgeslagen" in people.message.value
    assert sample_route.get("stakeholders", "buurtvereniging-de-eik").name == \
        "Buurtvereniging De Eik"


def test_theme_selector_and_force_form(board, sample_route):
    board.theme.value = "laaggeletterdheid"
    assert board.forces.theme.value == "laaggeletterdheid"
    board.view.value = "lewin"
    first = board.forces.pick.value
    board.forces.strength.value = 1
    assert sample_route.get("forces", "laaggeletterdheid", first).strength == 1
    assert board.chart_data.set_index("description").loc[first, "strength"] == 1
    board.forces.description.value = "Nieuwe omschrijving"
    assert sample_route.get("forces", "laaggeletterdheid", first) is None
    assert sample_route.get("forces", "laaggeletterdheid", "Nieuwe omschrijving").strength == 1
    board.forces.pick.value = "__new__"
    board.forces.direction.value = "restraining"
    board.forces.description.value = "Geen ruimte in de vestiging"
    board.forces.add.click()
    added = sample_route.get("forces", "laaggeletterdheid", "Geen ruimte in de vestiging")
    assert added.direction == "restraining"
    assert "Geen ruimte in de vestiging" in set(board.chart_data["description"])


def test_csv_edits_show_after_reread_and_actor_map_buttons(board, sample_route):
    table = sample_route.table("positions")
    table.loc[(table["stakeholder"] == "kerk") & (table["theme"] == "eenzaamheid"),
              "attitude"] = -2
    write_table(table, sample_route.file("positions"))
    board.reread.click()
    assert board.chart_data.set_index("id").loc["kerk", "group"] == "silent_opponents"
    board.people.pick.value = "kerk"
    assert board.people.attitude.value == -2
    board.export.click()
    assert board.export_path.exists() and "Actorenkaart bewaard" in board.status.value
    board.import_map.click()
    assert "0 nieuw, 0 gewijzigd" in board.status.value
