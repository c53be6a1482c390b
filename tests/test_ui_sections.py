"""Notebook sections on any route: what can be shown is shown, the rest says how to add it."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest
from route_builders import cbs_route, empty_route

from routekit.area.availability import area_choices, comparison_table, household_table
from routekit.area.stored import route_figures
from routekit.ui import sections
from routekit.ui.pickers import Picker, View, follow, route_picker, route_view

ROUTE_ONLY = [f for name, f in inspect.getmembers(sections, inspect.isfunction)
              if name.endswith("_section") and list(inspect.signature(f).parameters) == ["route"]]


@pytest.fixture(scope="module")
def utrecht(tmp_path_factory):
    return cbs_route(tmp_path_factory.mktemp("cbs") / "utrecht")


def _kinds(items):
    return [type(item).__name__ for item in items]


@pytest.mark.parametrize("section", ROUTE_ONLY, ids=lambda f: f.__name__)
def test_every_section_runs_on_an_empty_route_and_says_what_to_add(section, tmp_path):
    items = section(empty_route(tmp_path / "leeg"))
    assert items, "a section always shows something: its result or its guidance"
    texts = [item for item in items if isinstance(item, str)]
    assert texts and all(item.strip() for item in texts)


def test_cbs_only_route_shows_who_lives_there(utrecht):
    figures = route_figures(utrecht)
    choices = area_choices(figures)
    assert choices[0] == ("Wijk 01 West (wijk)", "WK034401")
    assert {code[:2] for _, code in choices} == {"WK", "BU"}
    items = sections.key_figures_section(utrecht, choices[0][1])
    assert _kinds(items) == ["Axes", "Axes"]
    from matplotlib.text import Text

    texts = {text.get_text() for text in items[0].figure.findobj(Text)}
    assert {"Leeftijdsopbouw Wijk 01 West", "tegen Utrecht"} <= texts


def test_the_wijken_side_by_side_with_the_municipality_last(utrecht):
    table = comparison_table(route_figures(utrecht))
    names = list(table["Gebied"])
    assert names[:3] == ["Wijk 01 West", "Wijk 02 Noordwest", "Wijk 03 Overvecht"]
    assert len(names) == 11 and names[-1] == "Utrecht"  # the 10 wijken, then the municipality
    assert {"Inwoners", "Huishoudens", "% 65 jaar of ouder"} <= set(table.columns)
    assert table["% 65 jaar of ouder"].between(0, 100).all()


def test_households_by_kind_add_up(utrecht):
    table = household_table(route_figures(utrecht), "GM0344")
    assert table["Aantal"].sum() == 187640  # the municipality's households in the extract
    assert abs(table["Aandeel"].sum() - 100) <= 1
    assert household_table(route_figures(utrecht), "BU99999999").empty


def test_sections_for_cbs_only_route(utrecht):
    assert _kinds(sections.comparison_section(utrecht)) == ["DataFrame"]
    for section in (sections.segment_index_section, sections.under_reached_section,
                    sections.map_section):
        text = section(utrecht)[0]  # one line: what is missing; how to add it is at the top
        assert isinstance(text, str) and "nog geen" in text and "bovenaan" in text
    status = sections.area_data_section(utrecht)
    assert "10 wijken, 111 buurten" in status[0] and "segmentgegevens" in status[1]


def test_sample_sections_show_names_not_ids(sample_route):
    selections = sections.selections_section(sample_route)[0]
    assert not selections["Thema"].isin(sample_route.config.theme_ids).any()
    assert not selections["Gebied"].str.match(r"^(WK|BU)\d+").any()
    assert "Doel g1" not in sections.goal_advice_section(sample_route)[0]
    lines = sections.selection_lines_section(sample_route)[0]
    assert "WK99" not in lines and "eenzaamheid:" not in lines
    first = sample_route.records("personas")[0]
    text = sections.persona_text_section(sample_route, first.id)[0]
    assert text.startswith(f"# {first.name}") and len(text) > 400  # in full, not cut off


def test_conversations_table_in_dutch(sample_route):
    table = sections.conversation_section(sample_route)[0]
    assert list(table.columns)[:3] == ["Datum", "Thema", "Met wie"]
    assert "id" not in table.columns


def test_picker_redraws_what_depends_on_the_choice(sample_route):
    drawn = []
    picker = route_picker(sample_route, "theme", lambda route, theme: drawn.append(theme) or [])
    picker.choice.value = sample_route.config.theme_ids[1]
    assert drawn == sample_route.config.theme_ids[:2]
    assert picker.shown == sample_route.config.theme_ids[1]


def test_picker_without_options_renders_guidance(tmp_path):
    route = empty_route(tmp_path / "leeg")
    picker = route_picker(route, "persona", sections.persona_text_section)
    assert picker.choice.value is None and picker.choice.layout.display == "none"


def test_persona_picker_learns_new_personas_after_a_save(tmp_path):
    route = empty_route(tmp_path / "leeg")
    from routekit.ui.personas import PersonaForm

    form = PersonaForm(route)
    picker = route_picker(route, "persona", sections.persona_text_section)
    follow(form, picker, method="_show_card")
    form.name.value = "Fenna"
    assert [label for label, _ in picker.choice.options] == ["Fenna"]
    assert picker.shown == picker.choice.value


def test_view_follows_a_form_after_each_save(tmp_path):
    from routekit.ui.network import NetworkBoard
    from routekit.workspace import Route

    route = empty_route(tmp_path / "leeg")
    route.save("stakeholders", [
        {"id": "a", "name": "Anna", "kind": "person", "sector": "residents"},
        {"id": "b", "name": "Bram", "kind": "person", "sector": "residents"}])
    route = Route.open(route.path)
    seen = []
    view = View(lambda: seen.append(len(route.records("relations"))) or [])
    board = NetworkBoard(route, export_dir=tmp_path / "export")
    follow(board, view)
    board.relations.source.value, board.relations.target.value = "a", "b"
    board.relations.add.click()
    assert seen and seen[-1] == 1


def test_follow_chains_an_on_change_callback(tmp_path):
    from routekit.ui.community import ContactMomentForm

    route = empty_route(tmp_path / "leeg")
    form = ContactMomentForm(route)
    seen = []
    follow(form, View(lambda: seen.append(1) or []))
    form.on_change()
    assert seen == [1]


def test_route_view_and_show_items(sample_route):
    view = route_view(sample_route, sections.comparison_section)
    view.refresh()
    assert isinstance(sections.comparison_section(sample_route)[0], pd.DataFrame)
    assert isinstance(Picker("Thema", [], lambda value: []).widget.children[1], type(view.output))


def test_a_cbs_file_imported_on_an_empty_route_fills_the_page(tmp_path):
    import datetime as dt

    from route_builders import CBS_EXTRACT

    from routekit.ui.area import AreaForm
    from routekit.workspace import Route

    route = Route.create(tmp_path / "utrecht", library="Bibliotheek Utrecht",  # nothing else yet
                         municipality={"code": "GM0344", "name": "Utrecht"},
                         themes=[{"id": "lezen", "name": "Lezen"}])
    form = AreaForm(route)
    assert "segmentgegevens" in form.summary.value  # says what is missing, offers the upload
    picker = route_picker(route, "area", sections.key_figures_section)
    wijken = route_view(route, sections.comparison_section)
    follow(form, picker, wijken, method="_on_import")
    assert picker.choice.options == ()
    content = CBS_EXTRACT.read_bytes()
    form.upload.value = ({"name": CBS_EXTRACT.name, "type": "application/vnd.ms-excel",
                          "size": len(content), "content": memoryview(content),
                          "last_modified": dt.datetime.now()},)
    form.import_button.click()
    assert picker.choice.value == "WK034401" and picker.shown == "WK034401"
    assert isinstance(sections.comparison_section(route)[0], pd.DataFrame)


def test_a_saved_choice_in_the_area_form_shows_in_the_saved_table(sample_route):
    from routekit.ui.area import AreaForm

    form = AreaForm(sample_route)
    seen = []
    follow(form, View(lambda: seen.append(len(sample_route.records("segment_selections")))
                      or []), method="_on_save")
    before = len(sample_route.records("segment_selections"))
    form.areas.value = (form.areas.options[0][1],)
    form.segments.value = (form.segments.options[-1][1],)
    form.save.click()
    assert seen == [before + 1]
