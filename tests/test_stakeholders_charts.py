"""Charts of the sample route at slide size: labels never overlap, legends, Dutch text; PNGs."""

from __future__ import annotations

import pytest

from routekit.labels import labels_on_markers, labels_overlap
from routekit.stakeholders import (
    force_field,
    force_totals,
    krachtenveld,
    plot,
    quadrants,
    register,
    theme_comparison,
)
from routekit.stakeholders.plot._common import short_name
from routekit.style import export_figure, new_figure


def _texts(fig) -> str:
    parts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    return " ".join(parts)


def _save(ax, figure_dir, name):
    paths = export_figure(ax.figure, figure_dir / f"stakeholders_{name}", size="slide",
                          formats=("png",), dpi=110)
    assert paths[0].stat().st_size > 10_000


def test_krachtenveld_chart_of_the_busiest_theme(sample_route, figure_dir):
    groups = krachtenveld(register(sample_route, "eenzaamheid"))
    assert len(groups) >= 25
    ax = plot.plot_krachtenveld(groups, title="Eenzaamheid onder ouderen")
    assert len(plot.bubble_names(ax)) == len(groups)
    assert labels_overlap(plot.bubble_names(ax)) == []
    assert ax.figure.legends, "sector and size legends"
    text = _texts(ax.figure)
    for dutch in ("Sleutelbondgenoten", "Sleuteltegenstanders", "Stille supporters",
                  "Voorstanders: 23", "Tegenstanders: 2", "Houding", "Invloed", "gemeente"):
        assert dutch in text
    offsets = ax.collections[0].get_offsets()
    assert len(offsets) == len(groups)  # one bubble per stakeholder
    assert labels_on_markers(plot.bubble_names(ax), [ax.collections[0]]) == []  # names stay legible
    _save(ax, figure_dir, "krachtenveld_eenzaamheid")
    assert labels_overlap(plot.bubble_names(ax)) == []  # still true in the saved file


def test_social_size_names_only_the_most_influential_and_says_so(sample_route, figure_dir):
    groups = krachtenveld(register(sample_route, "eenzaamheid"))
    fig, ax = new_figure("social")
    ax = plot.plot_krachtenveld(groups, ax=ax, title="Eenzaamheid onder ouderen")
    named = [text.get_text() for text in plot.bubble_names(ax)]
    assert 0 < len(named) < len(groups)
    most = groups.sort_values("influence", ascending=False, kind="stable")
    assert {short_name(n) for n in most["name"].head(3)} <= set(named)
    assert f"namen bij de {len(named)} invloedrijkste" in _texts(fig).replace("\n", " ")
    assert labels_overlap(plot.bubble_names(ax)) == []
    assert labels_on_markers(plot.bubble_names(ax), [ax.collections[0]]) == []
    fig.draw_without_rendering()
    heads = [ax._left_title] + [a for a in ax.texts if a.get_gid() == "routekit-title"]
    assert all(head.get_window_extent().x1 <= fig.bbox.x1 for head in heads)  # wrapped
    export_figure(fig, figure_dir / "stakeholders_krachtenveld_social", size="social",
                  formats=("png",), dpi=110)


@pytest.mark.parametrize("grid", ["mendelow", "eden-ackermann", "factor-c"])
def test_grid_charts(sample_route, figure_dir, grid):
    placed = quadrants(register(sample_route, "leefbaarheid-heidebroek"), grid)
    ax = plot.plot_grid(placed, grid)
    assert labels_overlap(plot.bubble_names(ax)) == []
    assert ax.figure.legends
    names = {"mendelow": "Nauw betrekken", "eden-ackermann": "Sleutelspelers",
             "factor-c": "Coalitiegenoten"}
    assert names[grid] in _texts(ax.figure)
    _save(ax, figure_dir, f"grid_{grid}")


def test_theme_comparison_chart(sample_route, figure_dir):
    names = {th.id: th.name for th in sample_route.config.themes}
    comparison = theme_comparison(register(sample_route), sample_route.config.theme_ids, names)
    ax = plot.plot_theme_comparison(comparison)
    widths = sorted(round(p.get_width()) for p in ax.patches if p.get_width() > 0)
    assert sum(widths) == comparison["stakeholders"].sum()  # every stakeholder is a bar part
    assert ax.figure.legends and "Sleuteltegenstanders" in _texts(ax.figure)
    assert [t.get_text() for t in ax.get_yticklabels()][-1].startswith("Eenzaamheid")
    _save(ax, figure_dir, "themes")


def test_lewin_chart(sample_route, figure_dir):
    theme = sample_route.config.theme("eenzaamheid")
    field = force_field(sample_route.table("forces"), theme.id)
    totals = force_totals(field)
    ax = plot.plot_lewin(field, totals, goal=theme.goal, title=theme.name)
    assert totals["driving"] == field.loc[field["signed"] > 0, "strength"].sum()
    assert labels_overlap(plot.force_labels(ax)) == []
    text = _texts(ax.figure)
    assert "Stuwende krachten" in text and "Remmende krachten" in text
    assert f"Totaal {totals['restraining']}" in text and "Actie:" in text
    _save(ax, figure_dir, "lewin_eenzaamheid")


def test_report_section(sample_route):
    from routekit.stakeholders.report import report_section

    section = report_section(sample_route)
    assert section.title == "Belanghebbenden en krachtenveld"
    assert len(section.figures) == 1 + 2 * len(sample_route.config.theme_ids)
    assert "Leefbaarheid in Heidebroek" in " ".join(section.paragraphs)
