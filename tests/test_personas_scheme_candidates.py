"""Candidate personas from the segment scheme when a route has no usage figures (issue 11)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from routekit.area import Scheme, SegmentData
from routekit.personas.generate import to_personas
from routekit.personas.scheme_candidates import candidate_lines, scheme_candidates

TABLE = pd.DataFrame({
    "level": ["group", "type", "group", "type", "group", "type", "type"],
    "parent": [None, "A", None, "B", None, "C", "C"],
    "name": ["Gezinnen in koopwoningen", "Gezinnen 1", "Alleenwonenden in de stad", "Alleen 1",
             "Senioren in het dorp", "Senioren 1", "Senioren 2"],
    "description": ["Veel kinderen.", "", "Veel eenpersoonshuishoudens.", "",
                    "Veel 65-plussers.", "", ""],
    "life_stage": ["gezin met jonge kinderen", None, "alleenstaand", None, "senior", None, None],
    "household": ["gezin met kinderen", None, "alleenwonend", None, "paar zonder kinderen",
                  None, None],
}, index=pd.Index(["A", "A1", "B", "B1", "C", "C1", "C2"], name="code"))
# households per buurt and type: A 300, B 600, C 100 (C1 60 + C2 40)
COUNTS = pd.DataFrame({"area_code": ["x", "x", "y", "y", "y"],
                       "segment_code": ["A1", "B1", "B1", "C1", "C2"],
                       "households": [300.0, 200.0, 400.0, 60.0, 40.0]})


def _data(members: list[float] | None = None) -> SegmentData:
    frame = None
    if members is not None:
        frame = COUNTS.drop(columns="households").assign(member_households=members)
    return SegmentData.from_long(Scheme(TABLE), COUNTS, frame)


def test_without_members_the_largest_groups_are_the_candidates():
    model = scheme_candidates(_data(), n=2)
    assert model.basis == "scheme" and model.profiles.empty
    rows = model.personas
    assert rows["segment"].tolist() == ["B", "A"]
    assert rows["segment_name"].tolist() == ["Alleenwonenden in de stad",
                                             "Gezinnen in koopwoningen"]
    assert rows["households"].tolist() == [600.0, 300.0]
    assert rows["share"].tolist() == pytest.approx([0.6, 0.3])
    assert rows["missed"].isna().all()
    assert rows["description"].iloc[0] == "Veel eenpersoonshuishoudens."


def test_with_members_the_most_missed_and_the_largest_take_turns():
    # members: A 90 of 300, B 40+160=200 of 600, C 5+5=10 of 100; overall 300 of 1,000 = 0.30
    # missed = households x 0.30 - members: A 0, B -20, C 20: only C is missed
    model = scheme_candidates(_data([90.0, 40.0, 160.0, 5.0, 5.0]), n=3)
    rows = model.personas
    assert rows["segment"].tolist() == ["C", "B", "A"]
    assert rows.loc[1, "missed"] == pytest.approx(20.0)
    assert np.isnan(rows.loc[2, "missed"])  # B is not under-reached
    lines = candidate_lines(model)
    assert lines[0] == ("1. Senioren in het dorp (10% van de huishoudens). Hier zijn zo'n 20 "
                        "huishoudens minder lid dan gemiddeld. Veel 65-plussers.")
    assert "minder lid" not in lines[1]


def test_types_can_be_candidates_too():
    model = scheme_candidates(_data(), n=10, level="type")
    assert model.personas["segment"].tolist() == ["B1", "A1", "C1", "C2"]


def test_a_scheme_without_households_gives_a_dutch_message():
    empty = SegmentData.from_long(Scheme(TABLE), COUNTS.assign(households=0.0))
    with pytest.raises(ValueError, match="nog geen huishoudens"):
        scheme_candidates(empty)


def test_kept_candidates_are_skeleton_personas_with_the_scheme_traits():
    model = scheme_candidates(_data(), n=2)
    personas = to_personas(model, TABLE, theme="lezen", taken=["kandidaat-1-b"])
    first = personas[0]
    assert first.source == "data" and first.segment == "B" and first.segments == ["B"]
    assert first.id != "kandidaat-1-b" and first.theme == "lezen"
    assert first.segment_size == 600.0
    assert first.life_stage == "alleenstaand" and first.household == "alleenwonend"
    assert first.name == "Kandidaat 1: Alleenwonenden in de stad"
    assert "buurtcijfers" in first.bio and "Veel eenpersoonshuishoudens." in first.bio


def test_the_form_on_a_route_with_only_open_segments(tmp_path):
    """No usage figures and no members: the largest open groups, kept as skeleton personas."""
    from route_builders import CBS_EXTRACT

    from routekit.area.importer import import_file
    from routekit.area.stored import run_classify
    from routekit.ui.personas import CandidateForm
    from routekit.workspace import Route

    route = Route.create(tmp_path / "r", library="Bibliotheek Utrecht",
                         municipality={"code": "GM0344", "name": "Utrecht"},
                         themes=[{"id": "lezen", "name": "Lezen"}])
    import_file(route, "cbs", CBS_EXTRACT)
    run_classify(route)
    form = CandidateForm(route, theme="lezen")
    assert form.model.basis == "scheme" and form.model.personas["missed"].isna().all()
    assert "de grootste groepen" in form.message.value
    assert form.min_cell.layout.display == "none"
    sizes = form.model.personas["households"]
    assert sizes.is_monotonic_decreasing
    form.count.value = 2
    assert len(form.model.personas) == 2
    form.keep.click()
    kept = route.records("personas")
    assert [p.segment_size for p in kept] == sizes.head(2).tolist()
