"""Data-driven candidate personas: NMF of segments × behaviours, aggregate data only."""

from __future__ import annotations

import pandas as pd
import pytest

from routekit.area import load_scheme
from routekit.personas.generate import behaviour_matrix, candidate_personas, to_personas
from routekit.personas.plot import plot_profiles
from routekit.personas.stored import route_candidates

CATEGORIES = ["romans", "leesclub", "taalcafé", "digitaal café"]
# A and B read; C and D come for language and digital help; E is too small to use.
COUNTS = {"A": [400, 120, 0, 12], "B": [300, 90, 11, 0], "C": [20, 0, 200, 150],
          "D": [0, 12, 260, 180], "E": [50, 50, 50, 50]}
HOUSEHOLDS = pd.Series({"A": 100, "B": 100, "C": 100, "D": 150, "E": 8})
SCHEME = pd.DataFrame({"name": ["Lezers", "Boekenwurmen", "Nieuwkomers", "Buren", "Klein"],
                       "digital_skills": ["hoog", "hoog", "midden", "laag", "laag"],
                       "channels": ["Instagram", "nieuwsbrief", "WhatsApp|school",
                                    "wijkcentrum", "krant"]},
                      index=list("ABCDE"))


def _behaviour() -> pd.DataFrame:
    return pd.DataFrame([{"segment_code": s, "category": c, "count": n}
                         for s, values in COUNTS.items()
                         for c, n in zip(CATEGORIES, values, strict=True)])


def test_small_cells_and_small_segments_are_left_out():
    rates, suppressed, excluded = behaviour_matrix(_behaviour(), HOUSEHOLDS, min_cell=15)
    assert excluded == ["E"]
    assert suppressed == 3  # 12, 11 and 12 are below 15 (E is left out whole)
    assert rates.loc["A", "romans"] == pytest.approx(400)
    assert rates.loc["D", "taalcafé"] == pytest.approx(260 / 150 * 100)
    assert rates.loc["B", "taalcafé"] == 0


def test_two_profiles_split_readers_from_language_learners():
    model = candidate_personas(_behaviour(), HOUSEHOLDS, SCHEME, n=2, min_cell=15)
    groups = sorted(sorted(segments) for segments in model.personas["segments"])
    assert groups == [["A", "B"], ["C", "D"]]
    readers = model.personas[model.personas["segments"].map(lambda s: "A" in s)].iloc[0]
    assert readers["households"] == 200
    assert readers["segment"] == "A" and readers["segment_name"] == "Lezers"
    assert set(readers["behaviours"][:2]) == {"romans", "leesclub"}
    assert model.personas["share"].sum() == pytest.approx(1)
    assert model.profiles.sum(axis=1).tolist() == pytest.approx([1, 1])
    assert model.weights.sum(axis=1).to_numpy() == pytest.approx(1)


def test_candidates_become_skeleton_personas_with_their_segment_size():
    model = candidate_personas(_behaviour(), HOUSEHOLDS, SCHEME, n=2, min_cell=15)
    personas = to_personas(model, SCHEME, theme="laaggeletterdheid")
    assert {p.source for p in personas} == {"data"}
    learners = next(p for p in personas if "C" in p.segments)
    assert learners.segment_size == 250 and learners.theme == "laaggeletterdheid"
    assert learners.channels and learners.digital_skills in {"middle", "low"}
    assert len({p.id for p in personas}) == 2


def test_too_little_data_is_explained():
    with pytest.raises(ValueError, match="minimale celgrootte"):
        candidate_personas(_behaviour(), HOUSEHOLDS, n=2, min_cell=10_000)


def test_number_of_personas_is_adjustable_on_the_sample_route(sample_route, figure_dir):
    sizes = []
    for n in (2, 4):
        model = route_candidates(sample_route, n=n)
        assert len(model.personas) == n
        sizes.append(model.personas["households"].sum())
    assert sizes[0] == sizes[1] > 0  # every household is in exactly one candidate
    ax = plot_profiles(model)
    texts = [t.get_text() for t in ax.get_figure().texts + ax.texts]
    assert any("geen vaste leidraad" in text for text in [ax.get_title(loc="left")] + texts)
    ax.get_figure().savefig(figure_dir / "personas_candidates.png", dpi=100)
    scheme = load_scheme(sample_route.area_file("segment_scheme")).table
    assert len(to_personas(model, scheme)) == 4
