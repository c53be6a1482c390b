"""Area charts: assert on artists and values; PNGs at slide size go to figure_dir."""

from __future__ import annotations

import numpy as np
import pytest

from routekit.area import index_table, load_route_data, penetration, profile, route_key_figures
from routekit.area.ages import pyramid_by_sex, pyramid_from_key_figures
from routekit.area.files import read_boundaries
from routekit.area.plot import (
    plot_age_pyramid,
    plot_choropleth,
    plot_index_heatmap,
    plot_profile,
    plot_reach,
)
from routekit.io import read_table
from routekit.labels import labels_overlap
from routekit.plotcheck import text_problems
from routekit.style import export_figure, new_figure


@pytest.fixture
def data(sample_route):
    return load_route_data(sample_route)


def _save(ax, figure_dir, name):
    export_figure(ax.get_figure(root=True), figure_dir / f"area_{name}", size="slide",
                  formats=("png",), dpi=100)


def test_profile_bars(data, figure_dir):
    p = profile(data, "WK990106", level="group")
    ax = plot_profile(p, title="Heidebroek")
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == pytest.approx(np.minimum(p["index"].to_numpy()[::-1], 400))
    assert any(np.allclose(line.get_xdata(), 100) for line in ax.lines)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "A  Ruim Wonen"
    _save(ax, figure_dir, "profile")


def test_unreliable_segments_are_hatched_and_long_bars_capped(data):
    p = profile(data, "BU99010602", level="type")
    ax = plot_profile(p, cap=400)
    hatched = [bar.get_hatch() == "///" for bar in ax.patches]
    assert hatched == list(~p["reliable"].to_numpy()[::-1])
    assert max(bar.get_width() for bar in ax.patches) <= 400


def test_index_heatmap(data, figure_dir):
    table = index_table(data, "wijk", level="group")
    ax = plot_index_heatmap(table, row_labels=data.area_names(table.index),
                            column_labels=[data.scheme.label(c) for c in table.columns])
    assert ax.images[0].get_array().shape == (7, 11)
    texts = {t.get_text() for t in ax.texts}
    assert f"{table.loc['WK990106', 'E']:.0f}" in texts
    assert [t.get_text() for t in ax.get_yticklabels()][5] == "Heidebroek"
    _save(ax, figure_dir, "heatmap")


def test_reach_chart(data, figure_dir):
    pen = penetration(data, level="group")
    ax = plot_reach(pen)
    pen = pen.table
    households, members = ax.containers[0], ax.containers[1]
    share = 100 * pen["households"] / pen["households"].sum()
    assert [b.get_width() for b in households] == pytest.approx(share.to_numpy()[::-1])
    assert len(members) == 11
    assert "25%" in ax.get_title(loc="left")
    _save(ax, figure_dir, "reach")


def test_age_pyramids(sample_route, figure_dir):
    persons = read_table(sample_route.area_file("persons_by_sex_age"),
                         numeric=["inhabitants", "members"])
    frame = pyramid_by_sex(persons, "WK990106")
    ax = plot_age_pyramid(frame, ax=new_figure("slide")[1], title="Heidebroek")
    men = [b.get_width() for b in ax.containers[0]]
    assert men == pytest.approx(-frame.table["left"].to_numpy())
    assert len(ax.containers) == 4
    _save(ax, figure_dir, "pyramid_sex")
    figures = route_key_figures(sample_route)
    shares = pyramid_from_key_figures(figures, "WK990106", "GM9901")
    assert shares.table["left"].sum() == pytest.approx(100)
    ax = plot_age_pyramid(shares, ax=new_figure("slide")[1])
    _save(ax, figure_dir, "pyramid_cbs")


def test_choropleth_draws_every_buurt_with_non_overlapping_labels(sample_route, figure_dir):
    shapes = read_boundaries(sample_route.area_file("boundaries", ".geojson"))
    figures = route_key_figures(sample_route)
    values = figures.table.loc[figures.table["level"] == "buurt", "inhabitants"]
    fig, ax = new_figure("slide")
    plot_choropleth(shapes, values.drop("BU99010101"), ax=ax, label="inwoners")
    codes = {patch.get_gid() for patch in ax.patches} - {"routekit-leader"}
    assert codes == set(shapes.index)
    grey = [p for p in ax.patches if p.get_gid() == "BU99010101"][0]
    assert grey.get_facecolor()[:3] == pytest.approx((230 / 255,) * 3, abs=0.01)
    labels = [t for t in ax.texts if t.get_text()]
    assert len(labels) == 6  # only the (village) areas with room; the colour bar tells the rest
    assert labels_overlap(labels) == []
    assert text_problems(fig) == []
    assert "4.835" in {t.get_text() for t in labels}  # Dutch thousands separator
    bar = fig.axes[-1]
    fig.draw_without_rendering()
    assert {"2.000", "4.000"} <= {t.get_text() for t in bar.get_yticklabels()}  # same format
    _save(ax, figure_dir, "map")
