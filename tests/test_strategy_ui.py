"""POST-O and knowledge forms driven without a browser."""

from __future__ import annotations

from routekit.personas.stored import save_persona
from routekit.records.personas import Persona
from routekit.ui.strategy import KnowledgeForm, PostOForm


def test_prefill_button_puts_persona_channels_in_technology(sample_route):
    form = PostOForm(sample_route, theme="laaggeletterdheid")
    assert form.inputs["technology"]["channels"].value == ""
    assert "WhatsApp" in form.suggestions.value
    assert any(x.code == "no_shared" for x in form.warning_list)
    form.prefill.click()
    canvas = sample_route.get("post_o", "laaggeletterdheid")
    assert "WhatsApp" in canvas.technology.channels and "wijkcentrum" in canvas.technology.channels
    assert "wijkcentrum" in form.inputs["technology"]["channels"].value
    assert canvas.objectives.community.startswith("Zelf brieven")  # nothing lost


def test_typing_saves_at_once_and_updates_warnings(sample_route):
    form = PostOForm(sample_route, theme="laaggeletterdheid")
    form.inputs["objectives"]["shared"].value = "Samen een taalpunt in Oost"
    form.inputs["technology"]["tools"].value = "taalkaart\nspreekuur"
    canvas = sample_route.get("post_o", "laaggeletterdheid")
    assert canvas.objectives.shared == "Samen een taalpunt in Oost"
    assert canvas.technology.tools == ["taalkaart", "spreekuur"]
    codes = [x.code for x in form.warning_list]
    assert "no_shared" not in codes and "no_roles" in codes


def test_new_persona_channel_reaches_technology_through_the_form(sample_route):
    save_persona(sample_route, Persona(id="bram", name="Bram", theme="eenzaamheid",
                                       channels=["buurtapp"]))
    form = PostOForm(sample_route, theme="eenzaamheid")
    form.prefill.click()
    assert "buurtapp" in sample_route.get("post_o", "eenzaamheid").technology.channels


def test_knowledge_form_scores_and_stage(sample_route):
    form = KnowledgeForm(sample_route, theme="laaggeletterdheid")
    assert sample_route.get("knowledge", "laaggeletterdheid") is None
    form.scores["access"].value = 2
    form.notes["access"].value = "Alleen in het centrum"
    form.stage.value = "shared_activity"
    record = sample_route.get("knowledge", "laaggeletterdheid")
    assert record.access.score == 2 and record.access.note == "Alleen in het centrum"
    assert record.knowledge.score is None and record.stage == "shared_activity"
    assert "Toegang is zwak" in form.advice.value
    form.theme.value = "eenzaamheid"
    assert form.scores["motivation"].value == 2
