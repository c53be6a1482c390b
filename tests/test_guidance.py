"""What a route has per stage and the Dutch "what is missing, how to add it"."""

from __future__ import annotations

import pytest
from route_builders import cbs_route, empty_route

from routekit.guidance import NEEDS, guidance, guidance_html, import_line, missing, present


def test_the_sample_has_every_input():
    from routekit.workspace import Route

    assert missing(Route.open("data/sample-route"), NEEDS) == []


def test_an_empty_route_has_only_its_theme(tmp_path):
    route = empty_route(tmp_path / "leeg")
    assert present(route)["themes"]
    assert missing(route, NEEDS) == [need for need in NEEDS if need != "themes"]


def test_a_cbs_route_has_figures_but_no_segments(tmp_path):
    route = cbs_route(tmp_path / "utrecht")
    assert present(route, ["cbs", "segments", "boundaries"]) == {
        "cbs": True, "segments": False, "boundaries": False}


def test_guidance_says_what_is_missing_and_how_to_add_it(tmp_path):
    route = empty_route(tmp_path / "leeg")
    text = guidance(route, ["cbs", "relations"])
    assert text.startswith("**Wat ontbreekt er nog?**")
    assert "Kerncijfers wijken en buurten" in text and "stap 4c" in text
    assert import_line(route, "cbs") in text
    assert "routekit import" in import_line(route, "cbs")
    assert text.endswith("wordt overgeslagen.")
    assert "rest van deze pagina" not in guidance(route, ["cbs"], rest=False)


def test_nothing_missing_gives_no_text(tmp_path):
    route = empty_route(tmp_path / "leeg")
    assert guidance(route, ["themes"]) == "" and guidance_html(route, ["themes"]) == ""


def test_guidance_as_html_escapes_and_lists(tmp_path):
    html = guidance_html(empty_route(tmp_path / "leeg"), ["personas", "goals"])
    assert html.count("<li>") == 2 and "<b>Wat ontbreekt er nog?</b>" in html
    assert "**" not in html


def test_guidance_in_english(tmp_path):
    from routekit.i18n import set_language

    route = empty_route(tmp_path / "leeg")
    set_language("en")
    assert guidance(route, ["relations"]).startswith("**What is still missing?**")


def test_unknown_need_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="onbekend gegeven"):
        missing(empty_route(tmp_path / "leeg"), ["mosaic"])


def test_short_guidance_points_to_the_full_text(tmp_path):
    route = empty_route(tmp_path / "leeg")
    short = guidance(route, ["cbs", "boundaries"], short=True)
    assert short.startswith("*Er zijn nog geen CBS-kerncijfers") and "bovenaan" in short
    assert "routekit import" not in short
    assert guidance_html(route, ["cbs"], short=True).startswith("<p")


def test_in_the_app_the_guidance_names_no_command_or_file(monkeypatch, tmp_path):
    """App pages are read by librarians: no command lines, no file names."""
    from routekit.guidance import APP_ENV_VAR

    route = empty_route(tmp_path / "leeg")
    needs = ["cbs", "segments", "members", "boundaries", "behaviour", "budget", "kpis"]
    assert "routekit import" in guidance(route, needs)  # in JupyterLab: the command line too
    monkeypatch.setenv(APP_ENV_VAR, "1")
    text = guidance(route, needs)
    assert "routekit import" not in text and ".csv" not in text and "`" not in text
    assert "handleiding" in text  # where the Excel files are explained
