"""The new-route form of the start notebook, driven without a browser."""

from __future__ import annotations

from routekit.ui.start import NewRouteForm
from routekit.workspace import Route


def test_form_creates_a_route_with_themes(tmp_path):
    form = NewRouteForm(parent=tmp_path)
    form.library.value = "Bibliotheek Rivierenland"
    form.municipality_code.value = "gm0123"
    form.municipality_name.value = "Rivierenland"
    form.themes.value = "Laaggeletterdheid\n\nEenzaamheid onder ouderen\n"
    form.create.click()
    route = Route.open(tmp_path / "bibliotheek-rivierenland")
    assert route.config.municipality.code == "GM0123"
    assert route.config.theme_ids == ["laaggeletterdheid", "eenzaamheid-onder-ouderen"]
    assert "Route gemaakt" in form.message.value


def test_form_explains_what_is_wrong(tmp_path):
    form = NewRouteForm(parent=tmp_path)
    form.library.value = "Bibliotheek X"
    form.municipality_code.value = "123"
    form.create.click()
    assert form.route is None
    assert "municipality.code" in form.message.value and "niet de juiste vorm" in form.message.value
    assert not (tmp_path / "bibliotheek-x").exists()
