"""Ownership concentration: one measure for the plan's tasks and the network's ties."""

from __future__ import annotations

import pandas as pd
import pytest

from routekit.community.concentration import concentration, concentration_of
from routekit.i18n import t


def test_star_shaped_network_rests_on_the_hub():
    # ties of a star with 5 leaves: the hub is involved in every tie
    star = concentration_of([("hub", leaf) for leaf in "abcde"])
    assert (star.top1_share, star.top2_share) == (1.0, 1.0)
    # involvement counts 5,1,1,1,1,1 of 10 tie ends
    assert star.hhi == pytest.approx(0.25 + 5 * 0.01)
    assert star.holders == 6 and star.total == 5
    assert (star.level, star.label) == ("risk", "risico")
    assert star.sentence.startswith("Hub is betrokken bij 100% van het werk")


def test_distributed_network_spreads_its_ties():
    # a ring of 8: everyone is in 2 of the 8 ties; two neighbours share one tie
    ring = concentration_of([(str(i), str((i + 1) % 8)) for i in range(8)])
    assert ring.top == ("0", "1")
    assert (ring.top1_share, ring.top2_share) == (2 / 8, 3 / 8)
    assert ring.hhi == pytest.approx(1 / 8)
    assert ring.effective_holders == pytest.approx(8)
    assert ring.level == "ok"


def test_items_without_people_count_as_unassigned():
    result = concentration_of([["ans"], ["ans", "mo"], [], []])
    assert (result.top1_share, result.top2_share, result.holders) == (0.5, 0.5, 2)


def test_star_shaped_counts_rest_on_the_hub():
    # ties per person in a star: the hub has 5 ties, every leaf 1 (10 tie ends)
    result = concentration({"hub": 5, "a": 1, "b": 1, "c": 1, "d": 1, "e": 1})
    assert result.top == ("hub", "a")
    assert result.top1_share == pytest.approx(0.5)
    assert result.top2_share == pytest.approx(0.6)
    assert result.hhi == pytest.approx(0.25 + 5 * 0.01)
    assert result.effective_holders == pytest.approx(1 / 0.30)
    assert result.level == "risk"
    assert result.label == "risico"


def test_even_counts_are_ok():
    # a ring of 8: every person has 2 ties
    result = concentration(pd.Series(2, index=list("abcdefgh")))
    assert result.top1_share == pytest.approx(1 / 8)
    assert result.top2_share == pytest.approx(2 / 8)
    assert result.hhi == pytest.approx(1 / 8)
    assert result.effective_holders == pytest.approx(8)
    assert result.level == "ok"
    assert "8 mensen" in result.sentence


def test_watch_level_between_ok_and_risk():
    # top one 30% → let op
    result = concentration({"ans": 3, "bo": 2, "cor": 2, "dirk": 2, "eva": 1})
    assert (result.top1_share, result.level) == (pytest.approx(0.3), "watch")
    assert result.label == "let op"


def test_two_people_carry_everything_is_risk_even_when_equal():
    assert concentration({"ans": 4, "mo": 4}).level == "risk"


def test_sentence_names_people_and_shares_in_dutch_and_english():
    result = concentration(pd.Series({"ans": 6, "mo": 2, "piet": 2}),
                           names={"ans": "Ans de Vries"})
    assert result.describe("de taken").startswith(
        "Ans de Vries is betrokken bij 60% van de taken; samen met Mo bij 80%. Risico")
    assert result.describe("the tasks", lang="en").startswith(
        "Ans de Vries is involved in 60% of the tasks; together with Mo in 80%. Risk")


def test_zeros_and_missing_values_are_ignored_and_the_input_is_kept():
    counts = pd.Series({"a": 2.0, "b": 0.0, "c": None, "d": 2.0})
    before = counts.copy()
    result = concentration(counts)
    assert result.holders == 2
    pd.testing.assert_series_equal(counts, before)


def test_empty_counts_say_so():
    result = concentration(pd.Series(dtype=float))
    assert (result.holders, result.level, result.top) == (0, "ok", ())
    assert result.sentence == t("community.empty", what=t("community.what"))


@pytest.mark.parametrize("counts", [{"a": -1, "b": 2}, {"a": "veel", "b": 2}])
def test_bad_counts_are_refused_with_the_id(counts):
    with pytest.raises(ValueError, match="a"):
        concentration(counts)
