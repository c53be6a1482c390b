"""Issue 11 end to end: a Utrecht route with only real CBS figures and the library's own
member export gets open segments, reach and persona candidates, and steps 4a and 4d show them.

The route is made as a new user would: ``Route.create`` for GM0344, the real kwb-2023
download imported, no segment data; then ``routekit classify`` with a member export per
postcode-6 and a small postcode table (fictional counts on real buurt codes, see
``tests/data/members/README.md``).
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from route_builders import ROOT
from test_notebooks_any_route import _execute, _texts

from routekit.area import load_route_data, under_reached
from routekit.area.stored import open_metadata
from routekit.cli import main
from routekit.workspace import Route

MEMBERS = ROOT / "tests" / "data" / "members"
EXPORT = MEMBERS / "leden-per-postcode6-utrecht.csv"
POSTCODES = MEMBERS / "postcodetabel-utrecht.csv"
NOTE = "niet uit mensen: een basis, geen vaste leidraad"


@pytest.fixture(scope="module")
def classified(tmp_path_factory):
    """The new Utrecht route after ``routekit classify --members --postcodes``."""
    from route_builders import utrecht_route

    folder = tmp_path_factory.mktemp("open") / "utrecht"
    utrecht_route(folder)
    assert not (folder / "area" / "segments.csv").exists()  # no Mosaic data
    assert main(["classify", str(folder), "--members", str(EXPORT),
                 "--postcodes", str(POSTCODES)]) == 0
    return Route.open(folder)


@pytest.fixture
def route(classified, tmp_path):
    target = tmp_path / "kopie"
    shutil.copytree(classified.path, target)
    return Route.open(target)


def _group_names(route) -> list[str]:
    return [info["name"] for info in open_metadata(route)["groups"].values()]


def test_members_per_postcode6_give_reach_per_buurt_by_hand(classified):
    stored = pd.read_csv(classified.area_file("leden_per_buurt"), sep=";", decimal=",",
                         encoding="utf-8-sig").set_index("buurt")
    # 3500AA 86 + 3500AB 42 + half of 3499ZZ (one of its two addresses) 20
    assert stored.loc["BU03440111", "members"] == 148.0
    assert stored.loc["BU03440112", "members"] == 274.0 + 20.0  # 3501AA 183 + 3501AB 91
    exported = pd.read_csv(EXPORT, sep=";", encoding="cp1252")["Aantal leden"].sum()
    assert stored["members"].sum() == exported - 4  # 9999ZZ is in no table
    assert 4 <= len(_group_names(classified)) <= 15


def test_candidates_come_from_the_open_groups_and_can_be_kept(route):
    from routekit.ui.personas import CandidateForm

    form = CandidateForm(route, theme="lezen")
    assert form.model.basis == "scheme"
    gaps = under_reached(load_route_data(route), level="group").table
    first = form.model.personas.iloc[0]
    assert first["segment"] == gaps.index[0]  # the group the library misses most comes first
    assert first["missed"] == pytest.approx(gaps["missed"].iloc[0])
    assert form.model.personas["segment_name"].isin(_group_names(route)).all()
    assert "segmentindeling" in form.message.value
    form.keep.click()
    kept = [p for p in route.records("personas") if p.source == "data"]
    assert len(kept) == 3 and all(p.theme == "lezen" and p.segment_size > 0 for p in kept)
    assert all(p.life_stage and p.household for p in kept)  # traits from the CBS figures


def _widgets(notebook) -> list[dict]:
    return list(notebook.metadata.get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}).get("state", {}).values())


def _run(name: str, route: Route, monkeypatch) -> tuple[str, list[dict]]:
    """The page's text and its widgets' states, after running it top to bottom."""
    notebook = _execute(ROOT / "notebooks" / f"{name}.ipynb", route.path, monkeypatch)
    errors = [out for cell in notebook.cells for out in cell.get("outputs", [])
              if out.get("output_type") == "error"]
    assert errors == []
    text = _texts(notebook)
    assert "Traceback" not in text and "Error" not in text
    return text, _widgets(notebook)


def test_step_4a_shows_the_open_groups_and_whom_the_library_misses(route, monkeypatch):
    text, widgets = _run("04a_gebiedsanalyse", route, monkeypatch)
    names = _group_names(route)
    # the profile: its chart, and the open groups to mark as of interest beside it
    assert any("image/png" in out.get("data", {}) for model in widgets
               for out in model.get("state", {}).get("outputs", []))
    labels = [label for model in widgets
              for label in model.get("state", {}).get("_options_labels", [])]
    assert all(any(name in label for label in labels) for name in names)
    summary = text[text.index("De grootste groep is"):]  # the plain-language summary
    assert any(name in summary for name in names) and "De bibliotheek mist vooral" in summary
    gaps = under_reached(load_route_data(route), level="group").table
    missed = f"{gaps.index[0]} {gaps['name'].iloc[0]}"
    assert missed in text  # first row of the "Welke mensen mis je?" ranking
    assert "Er is nog geen ledenbestand" not in text
    assert "buurten, niet individuele mensen" in text


def test_step_4d_shows_persona_candidates_from_the_open_groups(route, monkeypatch):
    text, _ = _run("04d_persona", route, monkeypatch)
    assert NOTE in text
    model_names = [name for name in _group_names(route) if f". {name} (" in text]
    assert len(model_names) == 3  # three candidates, each an open group
