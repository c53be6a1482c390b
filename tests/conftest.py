"""Shared fixtures: a fresh copy of the sample route per test, Agg figures closed after each."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample-route"


@pytest.fixture(autouse=True)
def _close_figures():
    import matplotlib.pyplot as plt

    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def _dutch():
    from routekit.i18n import set_language

    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture
def sample_route(tmp_path):
    """A scratch copy of the sample route "De Sleutel", opened."""
    from routekit.workspace import Route

    target = tmp_path / "de-sleutel"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".backup"))
    return Route.open(target)


@pytest.fixture
def empty_route(tmp_path):
    """A new route with two themes and no records."""
    from routekit.workspace import Route

    return Route.create(tmp_path / "leeg", library="Bibliotheek Test",
                        municipality={"code": "GM9901", "name": "Testwaard"},
                        themes=[{"id": "eenzaamheid", "name": "Eenzaamheid"},
                                {"id": "taal", "name": "Taal"}])


@pytest.fixture
def figure_dir():
    """Folder (not committed) where tests save the PNGs a person should look at."""
    path = Path(os.environ.get("ROUTEKIT_FIGURES", ROOT / "test-output"))
    path.mkdir(parents=True, exist_ok=True)
    return path
