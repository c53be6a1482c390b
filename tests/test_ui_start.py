"""The start page without a browser: choose a route, create one, bring in CBS figures."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from routekit.area.stored import route_key_figures
from routekit.notebook import SAMPLE_ROUTE, resolve_route
from routekit.route_choice import choose_route, current_route, known_routes
from routekit.ui.start import NewRouteForm, StartPage, UploadForm, municipalities, progress_table
from routekit.workspace import Route

CBS_UTRECHT = Path(__file__).parent / "data" / "cbs" / "kwb-2023-utrecht.xlsx"


@pytest.fixture(autouse=True)
def choice_file(tmp_path, monkeypatch):
    """Every test has its own route choice; no route given by the environment."""
    monkeypatch.setenv("ROUTEKIT_CHOICE", str(tmp_path / "choice.yaml"))
    monkeypatch.delenv("ROUTEKIT_ROUTE", raising=False)
    return tmp_path / "choice.yaml"


def _upload(form: UploadForm, path: Path) -> None:
    content = path.read_bytes()
    form.upload.value = ({"name": path.name, "type": "", "size": len(content),
                          "content": memoryview(content),
                          "last_modified": datetime.now(UTC)},)


def _new_route(parent: Path, code: str = "GM0344", library: str = "Bibliotheek Utrecht") -> Route:
    return Route.create(parent / "eigen", library=library,
                        municipality={"code": code, "name": dict(municipalities())[code]})


def test_municipality_list_has_every_current_municipality_once():
    codes = [code for code, _ in municipalities()]
    names = dict(municipalities())
    assert len(codes) == len(set(codes)) == 342  # 1 January 2023 up to 2025
    assert names["GM0344"] == "Utrecht" and names["GM0518"] == "'s-Gravenhage"
    assert all(code.startswith("GM") and len(code) == 6 for code in codes)


def test_form_creates_a_route_for_a_chosen_municipality(tmp_path):
    form = NewRouteForm(parent=tmp_path)
    form.library.value = "Bibliotheek Rivierenland"
    form.municipality.value = "GM0214"
    form.theme.value = "Eenzaamheid onder ouderen"
    form.create.click()
    route = Route.open(tmp_path / "bibliotheek-rivierenland")
    assert route.config.municipality.code == "GM0214"
    assert route.config.municipality.name == "Buren"
    assert route.config.theme_ids == ["eenzaamheid-onder-ouderen"]
    assert "Bibliotheek Rivierenland" in form.message.value
    assert str(tmp_path) not in form.message.value  # no folder paths on the page


def test_form_names_the_missing_fields_as_the_form_calls_them(tmp_path):
    form = NewRouteForm(parent=tmp_path)
    form.create.click()
    assert form.route is None
    assert "Bibliotheek mag niet leeg zijn" in form.message.value
    assert "Gemeente mag niet leeg zijn" in form.message.value
    assert list(tmp_path.iterdir()) == []


def test_start_page_switches_the_route_for_every_page_opened_after(tmp_path):
    sample = tmp_path / "routes" / "de-sleutel"
    shutil.copytree(SAMPLE_ROUTE, sample)
    page = StartPage(Route.open(sample), parent=tmp_path / "routes")
    followed = []
    page.listeners.append(followed.append)
    assert "Bibliotheek De Sleutel" in page.header.value

    page.new_route.library.value = "Bibliotheek Utrecht"
    page.new_route.municipality.value = "GM0344"
    page.new_route.create.click()

    new = (tmp_path / "routes" / "bibliotheek-utrecht").resolve()
    assert current_route() == new and resolve_route() == new  # what the next page opens
    assert page.route.path.resolve() == new and page.upload.route.path.resolve() == new
    assert "Bibliotheek Utrecht" in page.header.value and "gemeente Utrecht" in page.header.value
    assert [route.path.resolve() for route in followed] == [new]
    labels = [label for label, _ in page.picker.choice.options]
    assert labels[0].startswith("Bibliotheek Utrecht – Utrecht")
    assert any(label.startswith("Bibliotheek De Sleutel") for label in labels)

    page.picker.choice.value = str(sample.resolve())
    page.picker.open.click()
    assert current_route() == sample.resolve()
    assert "Bibliotheek De Sleutel" in page.header.value


def test_environment_route_wins_over_the_choice(tmp_path, monkeypatch):
    choose_route(SAMPLE_ROUTE)
    monkeypatch.setenv("ROUTEKIT_ROUTE", str(tmp_path))
    assert resolve_route() == tmp_path


def test_known_routes_skip_folders_without_a_route(tmp_path):
    (tmp_path / "leeg").mkdir()
    shutil.copytree(SAMPLE_ROUTE, tmp_path / "a")
    assert [route.folder for route in known_routes(tmp_path)] == ["a"]


def test_status_table_is_dutch_without_true_or_leading_zeros():
    table = progress_table(Route.open(SAMPLE_ROUTE))
    assert table.columns.tolist() == ["Stap", "Onderdeel", "Vastgelegd", "Begonnen"]
    assert set(table["Begonnen"]) <= {"Ja", "Nee"}
    assert table["Stap"].iloc[0] == "1"


def test_upload_brings_cbs_figures_into_an_empty_route(tmp_path):
    route = _new_route(tmp_path)
    imported = []
    form = UploadForm(route, on_imported=imported.append)
    _upload(form, CBS_UTRECHT)
    assert form.result is not None, form.message.value
    assert route_key_figures(route).table.loc["GM0344", "inhabitants"] > 0
    assert "Het bestand is ingelezen" in form.message.value
    for line in form.result.lines:  # the importer's own result, shown as it is
        assert line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in \
            form.message.value.replace("&#x27;", "'").replace("&quot;", '"')
    assert imported == [route]
    assert "cbs.nl" in form.help.value and "Kerncijfers wijken en buurten" in form.help.value


def test_upload_for_another_municipality_asks_first(tmp_path):
    route = _new_route(tmp_path, code="GM0363", library="OBA")
    form = UploadForm(route)
    _upload(form, CBS_UTRECHT)
    assert "Utrecht" in form.message.value and "Amsterdam" in form.message.value
    assert form.choice.layout.display == "flex"
    assert route_key_figures(route).table.empty

    form.cancel.click()
    assert route_key_figures(route).table.empty
    assert "niet ingelezen" in form.message.value

    _upload(form, CBS_UTRECHT)  # a new, empty route: she may make it Utrecht's
    form.confirm.click()
    assert form.choice.layout.display == "none"
    again = Route.open(route.path)
    assert again.config.municipality.code == "GM0344" and again.config.municipality.name
    assert not route_key_figures(again).table.empty


def test_upload_for_another_municipality_never_mixes_into_a_filled_route(tmp_path):
    route = Route.create(tmp_path / "oba", library="OBA",
                         municipality={"code": "GM0363", "name": "Amsterdam"},
                         areas=[{"code": "WK036300", "name": "Burgwallen-Oude Zijde"}])
    form = UploadForm(route)
    _upload(form, CBS_UTRECHT)
    assert "niet ingelezen" in form.message.value and form.choice.layout.display == "none"
    assert Route.open(route.path).config.municipality.code == "GM0363"
    assert route_key_figures(route).table.empty


def test_upload_of_a_wrong_file_says_so_in_dutch_and_changes_nothing(tmp_path):
    route = _new_route(tmp_path)
    bad = tmp_path / "notities.csv"
    bad.write_text("iets;anders\n1;2\n", encoding="utf-8")
    form = UploadForm(route)
    _upload(form, bad)
    assert form.result is None
    assert "kon niet worden ingelezen" in form.message.value
    assert not (route.path / "area").exists() or not any((route.path / "area").iterdir())
