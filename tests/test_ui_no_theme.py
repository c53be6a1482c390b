"""Forms that work per theme, on a route without any theme: they say what to do, no crash."""

from __future__ import annotations

import pytest

from routekit.ui.stakeholders import ForceForm, KrachtenveldBoard, StakeholderForm
from routekit.ui.strategy import KnowledgeForm, PostOForm
from routekit.workspace import Route


@pytest.fixture
def themeless(tmp_path):
    return Route.create(tmp_path / "zonder-thema", library="Bibliotheek Zonderthema",
                        municipality={"code": "GM0002", "name": "Nergenshuizen"}, themes=[])


def _text(widget) -> str:
    return "".join(getattr(child, "value", "") for child in widget.children
                   if isinstance(getattr(child, "value", None), str))


@pytest.mark.parametrize("make", [KrachtenveldBoard, PostOForm, KnowledgeForm, ForceForm])
def test_a_form_per_theme_says_add_a_theme_first(themeless, make):
    form = make(themeless)
    text = _text(form.widget)
    assert "nog geen thema" in text
    assert "Voeg een thema toe op de startpagina" in text  # here is how
    assert themeless.records("post_o") == [] and themeless.records("knowledge") == []


def test_stakeholders_can_be_registered_before_there_is_a_theme(themeless):
    form = StakeholderForm(themeless)
    assert "nog geen thema" in _text(form.widget)
    form.name.value = "Buurtvereniging Oost"
    form.add.click()
    assert [s.name for s in themeless.records("stakeholders")] == ["Buurtvereniging Oost"]
    assert themeless.records("positions") == []
    form.notes.value = "Eerste gesprek in maart"
    assert themeless.records("stakeholders")[0].notes == "Eerste gesprek in maart"
