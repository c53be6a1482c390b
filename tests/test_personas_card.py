"""Persona card: one page at A4 and slide size, every text inside the page, plus Markdown/HTML."""

from __future__ import annotations

import pytest

from routekit.labels import labels_overlap
from routekit.personas.card import PersonaCard, card_blocks, persona_markdown
from routekit.personas.plot import plot_persona_card
from routekit.personas.report import persona_html
from routekit.personas.stored import card_of, evidence
from routekit.records.personas import Persona
from routekit.style import export_figure


def _inside_page(fig) -> list[str]:
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    outside = []
    for text in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_text()):
        box = text.get_window_extent(renderer)
        if box.x0 < page.x0 - 1 or box.x1 > page.x1 + 1 or box.y0 < page.y0 - 1 \
                or box.y1 > page.y1 + 1:
            outside.append(text.get_text()[:40])
    return outside


@pytest.mark.parametrize("size", ["a4", "slide"])
def test_cards_fit_one_page_without_overlap(sample_route, figure_dir, size):
    for persona in sample_route.records("personas"):
        fig = plot_persona_card(card_of(sample_route, persona.id), size=size).get_figure(root=True)
        texts = [t for t in fig.axes[0].texts if t.get_text()]
        assert any(t.get_text() == persona.name for t in texts)
        assert any(persona.quote in t.get_text().replace("\n", " ") for t in texts)
        assert _inside_page(fig) == []
        assert labels_overlap(texts) == []
        export_figure(fig, figure_dir / f"persona_{persona.id}_{size}", formats=("png",),
                      dpi=110)


def test_a_long_persona_shrinks_to_fit(figure_dir):
    persona = Persona(id="lang", name="Lange Lies", bio="Veel te vertellen. " * 60,
                      needs=[f"behoefte {i} met wat uitleg erbij" for i in range(25)])
    ax = plot_persona_card(PersonaCard(persona), size="slide")
    assert _inside_page(ax.get_figure()) == []
    ax.get_figure().savefig(figure_dir / "persona_long_slide.png", dpi=80)


def test_markdown_and_html_hold_the_same_content(sample_route):
    riet = sample_route.get("personas", "riet")
    proof = evidence(sample_route, riet)
    md = persona_markdown(riet, proof, area_name="Sleutelstad West")
    assert md.startswith("# Riet van Dijk") and f"> {riet.quote}" in md
    assert "## Drempels naar de bibliotheek" in md and "- schaamte" in md
    assert "Gesprek c01" in md
    page = persona_html(Persona(id="x", name="A & B", quote="<script>"), proof)
    assert "A &amp; B" in page and "<script>" not in page


def test_card_blocks_leave_out_empty_parts_and_use_dutch_levels():
    blocks = card_blocks(Persona(id="x", name="X", digital_skills="low"))
    assert set(blocks) == {"profile", "evidence"}
    assert blocks["profile"].pairs == [("Digitale vaardigheden", "laag")]
