"""Persona forms driven without a browser: set values, check the saved records."""

from __future__ import annotations

from routekit.ui.personas import CandidateForm, PersonaForm


def test_new_persona_from_a_segment_is_saved_at_once(sample_route):
    form = PersonaForm(sample_route, theme="eenzaamheid")
    assert form.persona.value is None and form.name.value == ""
    form.selection.value = 0  # K01 in Sleutelstad West
    assert form.digital_skills.value == "low" and "huis-aan-huisblad" in form.channels.value
    assert form.facts_table.iloc[0, 1].startswith("K01")
    form.name.value = "Gerda de Vries"
    saved = sample_route.get("personas", "gerda-de-vries")
    assert saved.segment == "K01" and saved.area == "WK990103" and saved.source == "segment"
    assert saved.digital_skills == "low" and form.persona.value == "gerda-de-vries"
    form.barriers.value = "trap bij de ingang\nte druk"
    form.conversations.value = ("c01",)
    saved = sample_route.get("personas", "gerda-de-vries")
    assert saved.barriers == ["trap bij de ingang", "te druk"] and saved.conversations == ["c01"]


def test_changing_the_segment_of_an_existing_persona_updates_its_facts(sample_route):
    form = PersonaForm(sample_route, theme="eenzaamheid")
    form.persona.value = "riet"
    assert form.quote.value.startswith("Ik wil niet")
    form.selection.value = 1  # H04 in Ambachtsveen
    riet = sample_route.get("personas", "riet")
    assert riet.segment == "H04" and riet.area == "WK990105"
    assert riet.household == "paar zonder kinderen"
    assert riet.quote.startswith("Ik wil niet")  # what conversations taught stays


def test_candidates_follow_the_slider_and_can_be_kept(sample_route):
    form = CandidateForm(sample_route, theme="laaggeletterdheid")
    assert len(form.model.personas) == 3
    form.count.value = 5
    assert len(form.model.personas) == 5 and "5 kandidaat" in form.message.value
    before = len(sample_route.records("personas"))
    form.keep.click()
    kept = [p for p in sample_route.records("personas") if p.source == "data"]
    assert len(kept) == 5 and len(sample_route.records("personas")) == before + 5
    assert all(p.theme == "laaggeletterdheid" and p.segment_size > 0 for p in kept)
