"""Lankes' four conditions and the knowledge-creation cycle."""

from __future__ import annotations

import math

from routekit.records.strategy import KnowledgeCreation
from routekit.strategy.knowledge import advice, conditions_table, weak_conditions
from routekit.strategy.plot import knowledge_figure, plot_cycle

RECORD = KnowledgeCreation(theme="x", access={"score": 4, "note": "dichtbij"},
                           knowledge={"score": 1}, environment={"score": 2},
                           stage="knowledge_creation")


def test_conditions_table_and_weak_conditions():
    table = conditions_table(RECORD)
    assert table["label"].tolist() == ["Toegang", "Kennis", "Omgeving", "Motivatie"]
    assert table["score"].tolist()[:3] == [4, 1, 2] and math.isnan(table["score"].iloc[3])
    assert weak_conditions(RECORD) == ["knowledge", "environment"]


def test_advice_names_weak_and_unscored_conditions():
    text = advice(RECORD)
    assert text[0].startswith("Kennis is zwak") and "Motivatie" in text[-1]
    done = KnowledgeCreation(theme="x", **{c: {"score": 4} for c in
                                          ("access", "knowledge", "environment", "motivation")})
    assert advice(done) == ["Geen van de vier voorwaarden scoort 2 of lager."]


def test_cycle_marks_where_the_community_stands(figure_dir):
    ax = plot_cycle(RECORD)
    circles = [p for p in ax.patches if p.__class__.__name__ == "Circle"]
    assert len(circles) == 4
    assert [c.get_linewidth() for c in circles] == [1.5, 4, 1.5, 1.5]
    assert any(t.get_text() == "hier staan we" for t in ax.texts)
    unset = plot_cycle(KnowledgeCreation(theme="x"))
    assert not any(t.get_text() == "hier staan we" for t in unset.texts)


def test_sample_knowledge_figures(sample_route, figure_dir):
    for record in sample_route.records("knowledge"):
        for size in ("a4-landscape", "slide"):
            fig = knowledge_figure(record, theme_name=record.theme, size=size)
            bars = fig.axes[0].patches
            assert [round(b.get_width()) for b in bars] == conditions_table(record)[
                "score"].iloc[::-1].fillna(0).astype(int).tolist()
            fig.savefig(figure_dir / f"knowledge_{record.theme}_{size}.png", dpi=100)
