"""Persona facts from a segment of interest, and the builder that keeps the evidence."""

from __future__ import annotations

import pandas as pd
import pytest

from routekit.area import Scheme, SegmentData, load_scheme
from routekit.errors import RouteError
from routekit.io import write_table
from routekit.personas.builder import apply_facts, new_persona
from routekit.personas.prefill import compute_facts
from routekit.personas.stored import (
    evidence,
    persona_facts,
    refresh_persona,
    save_persona,
    selections,
)
from routekit.records.base import make_id

SCHEME = pd.DataFrame({
    "level": ["group", "type", "type", "group", "type"],
    "code": ["K", "K01", "K02", "B", "B01"],
    "parent": [None, "K", "K", None, "B"],
    "name": ["Ouderen", "Alleen na verlies", "Samen oud", "Jong", "Kamer met uitzicht"],
    "age_band": ["65+", "75+", "65-74", "18-34", "18-24"],
    "household": ["alleenstaand", "alleenstaand", "paar", "alleenstaand", "alleenstaand"],
    "income_level": ["laag", "laag", "midden", "midden", "laag"],
    "education_level": ["laag", "laag", "midden", "hoog", "hoog"],
    "digital_skills": ["laag", "laag", "midden", "hoog", "hoog"],
    "media_use": ["krant", "krant, tv", "krant", "TikTok", "TikTok, podcasts"],
    "channels": ["huis-aan-huisblad|huisarts", "huis-aan-huisblad|huisarts|lokale radio",
                 "huis-aan-huisblad", "Instagram|WhatsApp", "Instagram|WhatsApp|school"],
})
AREAS = pd.DataFrame({
    "code": ["GM9901", "WK990101", "BU99010101", "BU99010102", "WK990102", "BU99010201"],
    "name": ["Testwaard", "Centrum", "Markt", "Haven", "Oost", "Park"],
    "level": ["gemeente", "wijk", "buurt", "buurt", "wijk", "buurt"],
    "parent": [None, "GM9901", "WK990101", "WK990101", "GM9901", "WK990102"],
})
# households: municipality 400; K01 50 (12.5 %), K 110 (27.5 %), B01 290 (72.5 %)
HOUSEHOLDS = pd.DataFrame({
    "area_code": ["BU99010101"] * 3 + ["BU99010102"] * 3 + ["BU99010201"] * 3,
    "segment_code": ["K01", "K02", "B01"] * 3,
    "households": [30, 10, 60, 20, 0, 80, 0, 50, 150],
})
MEMBERS = HOUSEHOLDS.assign(member_households=[6, 2, 10, 4, 0, 20, 0, 10, 30]).drop(
    columns="households")


@pytest.fixture
def area_route(empty_route):
    folder = empty_route.path / "area"
    folder.mkdir()
    write_table(SCHEME, folder / "segment_scheme.csv")
    write_table(AREAS, folder / "areas.csv")
    write_table(HOUSEHOLDS, folder / "segments.csv")
    write_table(MEMBERS, folder / "members.csv")
    empty_route.save("conversations", [{"id": "c1", "date": "2026-01-20", "summary": "Koffie"}])
    return empty_route


def test_facts_of_a_type_in_a_district_match_hand_computed_figures(area_route):
    facts = persona_facts(area_route, {"theme": "eenzaamheid", "segment": "K01",
                                       "area": "WK990101"})
    assert facts.households == 50 and facts.area_households == 200
    assert facts.share == pytest.approx(0.25)
    assert facts.municipality_share == pytest.approx(0.125)
    assert facts.index == pytest.approx(200)
    assert facts.member_share == pytest.approx(10 / 50)
    assert facts.fields["digital_skills"] == "laag"
    assert facts.fields["channels"] == ["huis-aan-huisblad", "huisarts", "lokale radio"]
    assert facts.area_name == "Centrum" and facts.segment_name == "Alleen na verlies"


def test_a_group_counts_all_its_types_and_no_area_means_the_municipality(area_route):
    facts = persona_facts(area_route, segment="K", area="WK990101")
    assert facts.households == 60
    assert facts.index == pytest.approx(0.3 / 0.275 * 100)
    whole = persona_facts(area_route, segment="K")
    assert whole.households == 110 and whole.index == pytest.approx(100)


def test_unknown_segment_is_reported_by_file_and_field():
    data = SegmentData.from_long(Scheme(SCHEME.set_index("code")), HOUSEHOLDS)
    with pytest.raises(RouteError, match="X99") as caught:
        compute_facts(data, "X99")
    assert caught.value.problems[0].field == "code"


def test_unknown_area_is_reported_not_counted_as_empty(area_route):
    with pytest.raises(RouteError, match="WK990199"):
        persona_facts(area_route, segment="K01", area="WK990199")


def test_areas_without_parents_fall_back_to_code_prefixes(area_route):
    areas = AREAS.assign(parent=None)
    write_table(areas, area_route.area_file("areas"))
    facts = persona_facts(area_route, segment="K01", area="WK990102")
    assert facts.households == 0 and facts.area_households == 200
    assert persona_facts(area_route, segment="K01", area="GM9901").households == 50


def test_changing_the_segment_of_interest_changes_the_prefilled_persona(area_route):
    area_route.save("segment_selections", [{"theme": "eenzaamheid", "segment": "K01",
                                            "area": "WK990101"}])
    (first,) = selections(area_route, "eenzaamheid")
    persona = new_persona(persona_facts(area_route, first), name="Riet", theme="eenzaamheid")
    save_persona(area_route, persona.model_copy(update={"quote": "Graag een boek."}))
    assert persona.digital_skills == "low" and persona.segment_size == 50

    # the area notebook replaces the selection with another segment and area
    area_route.save("segment_selections", [{"theme": "eenzaamheid", "segment": "B01",
                                            "area": "WK990102", "reason": "jongeren"}])
    (second,) = selections(area_route, "eenzaamheid")
    facts = persona_facts(area_route, second)
    assert facts.fields["digital_skills"] == "hoog"
    assert facts.index == pytest.approx(0.75 / 0.725 * 100)
    updated = refresh_persona(area_route, "riet", second)
    assert updated.segment == "B01" and updated.area == "WK990102"
    assert updated.digital_skills == "high" and updated.channels[0] == "Instagram"
    assert updated.quote == "Graag een boek."  # what the librarian wrote stays
    assert area_route.get("personas", "riet").age_band == "18-24"


def test_apply_facts_keeps_the_librarians_edits_unless_told(area_route):
    facts = persona_facts(area_route, segment="K01", area="WK990101")
    persona = new_persona(facts, name="Riet").model_copy(update={"age_band": "79"})
    assert apply_facts(persona, facts).age_band == "79"
    assert apply_facts(persona, facts, overwrite=True).age_band == "75+"


def test_evidence_lists_segment_area_and_conversations(area_route):
    facts = persona_facts(area_route, segment="K01", area="WK990101")
    persona = save_persona(area_route, new_persona(facts, name="Riet", conversations=["c1"]))
    table = evidence(area_route, persona)
    assert table["reference"].tolist() == ["K01", "WK990101", "c1"]
    assert "200" in table.loc[0, "detail"] and "Koffie" in table.loc[2, "detail"]


def test_saving_a_persona_with_an_unknown_conversation_is_refused(area_route):
    facts = persona_facts(area_route, segment="K01")
    with pytest.raises(RouteError, match="c9"):
        save_persona(area_route, new_persona(facts, name="Riet", conversations=["c9"]))
    assert area_route.records("personas") == []


def test_unique_id():
    assert make_id("Riet van Dijk") == "riet-van-dijk"
    assert make_id("Riet", ["riet", "riet-2"]) == "riet-3"


def test_sample_route_selections_prefill_their_personas(sample_route):
    scheme = load_scheme(sample_route.area_file("segment_scheme")).table
    for selection in sample_route.records("segment_selections"):
        facts = persona_facts(sample_route, selection)
        assert facts.households > 0 and facts.segment_name == scheme.loc[selection.segment,
                                                                         "name"]
        assert facts.table().shape == (14, 2)
