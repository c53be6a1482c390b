"""The step header on every page: route, steps, previous / next, back to the start page."""

from __future__ import annotations

import json
import re

import pytest
from route_builders import ROOT, empty_route

from routekit.ui.navigation import START_PAGE, STEP_NOTEBOOKS, header_html, route_header, step_links
from routekit.workspace import STEPS

NOTEBOOKS = ROOT / "notebooks"


def test_every_step_has_its_notebook():
    assert list(STEP_NOTEBOOKS) == list(STEPS)
    for name in STEP_NOTEBOOKS.values():
        assert (NOTEBOOKS / name).is_file(), name


def test_header_names_route_and_step_and_links_around(tmp_path):
    route = empty_route(tmp_path / "leeg")
    header = route_header(route, "04c")
    text = header.value
    assert "Bibliotheek Leegwater" in text and "Leegwater" in text
    assert "4c. Netwerk van belanghebbenden" in text
    hrefs = re.findall(r'href="([^"]+)"', text)
    # every other step (the start page included); the current one is marked, not linked
    assert set(hrefs) == set(STEP_NOTEBOOKS.values()) - {"04c_netwerk.ipynb"}
    assert all(not h.startswith(("/", "http")) for h in hrefs)  # relative: lab and Voilà
    assert "Vorige stap" in text and "Volgende stap" in text and "Startpagina" in text


def test_first_and_last_step_have_one_neighbour():
    assert step_links("02") == {"previous": START_PAGE, "next": "03_kennismaken.ipynb",
                                "start": START_PAGE}
    assert step_links("08_vasthouden.ipynb")["next"] is None
    assert step_links("00_start")["previous"] is None


def test_last_page_has_no_next_link(tmp_path):
    text = header_html(empty_route(tmp_path / "leeg"), "08")
    assert "Volgende stap" not in text and "Vorige stap" in text


def test_unknown_step_is_a_clear_error():
    with pytest.raises(ValueError, match="onbekende stap"):
        step_links("09")


def test_header_escapes_the_library_name(tmp_path):
    from routekit.workspace import Route

    route = Route.create(tmp_path / "r", library="Bieb <b>&</b>",
                         municipality={"code": "GM0001", "name": "X"})
    assert "<b>&</b>" not in header_html(route, "02")


@pytest.mark.parametrize("step", [s for s in STEPS if s != "01"])
def test_every_page_shows_its_header_right_after_start(step):
    notebook = json.loads((NOTEBOOKS / STEP_NOTEBOOKS[step]).read_text("utf-8"))
    code = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    at = next(i for i, source in enumerate(code) if "start(route_dir)" in source)
    assert f'route_header(route, "{step}")' in code[at + 1]
