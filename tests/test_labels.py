"""Tests of label placement: no two labels overlap, deterministically and fast."""

import matplotlib

matplotlib.use("Agg")

import time  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from routekit import style  # noqa: E402
from routekit.labels import (  # noqa: E402
    labels_on_markers,
    labels_overlap,
    place_labels,
    refit_labels,
)


@pytest.fixture(autouse=True)
def _close():
    style.set_style()
    yield
    plt.close("all")


def _clustered(n=35, seed=1):
    rng = np.random.default_rng(seed)
    k = n * 3 // 5
    x = np.r_[rng.normal(2, 0.12, k), rng.uniform(0, 5, n - k)]
    y = np.r_[rng.normal(3, 0.12, k), rng.uniform(0, 5, n - k)]
    names = [f"Partner {i}" if i % 3 else f"Stichting Buurt {i}" for i in range(n)]
    return x, y, names


def _chart(n=35, size="slide", seed=1):
    x, y, names = _clustered(n, seed)
    fig, ax = style.new_figure(size)
    ax.scatter(x, y)
    return fig, ax, x, y, names


def test_labels_overlap_detects_overlap():
    fig, ax = style.new_figure()
    a = ax.text(0.5, 0.5, "Bibliotheek")
    b = ax.text(0.5, 0.5, "Bibliotheek")
    c = ax.text(0.1, 0.1, "ver weg")
    assert labels_overlap([a, b, c]) == [(0, 1)]


def test_clustered_labels_do_not_overlap_at_slide_size():
    fig, ax, x, y, names = _chart()
    texts = place_labels(ax, x, y, names)
    assert len(texts) == 35
    assert [t.get_text() for t in texts] == names
    assert labels_overlap(texts) == []


def test_identical_points_are_separated():
    fig, ax = style.new_figure("slide")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    texts = place_labels(ax, [0.5] * 12, [0.5] * 12, [f"Label {i}" for i in range(12)])
    assert labels_overlap(texts) == []


def test_placement_is_deterministic():
    positions = []
    for _ in range(2):
        fig, ax, x, y, names = _chart(20)
        texts = place_labels(ax, x, y, names)
        positions.append([t.get_position() for t in texts])
        plt.close(fig)
    assert np.allclose(positions[0], positions[1])


def test_leader_lines_for_moved_labels():
    fig, ax, x, y, names = _chart()
    texts = place_labels(ax, x, y, names)
    lines = [line for line in ax.lines if line.get_gid() == "routekit-leader"]
    assert lines  # the clustered labels had to move
    assert all(line.get_linewidth() < 1 for line in lines)
    assert len(texts) == 35


def test_forty_labels_fast_enough():
    fig, ax, x, y, names = _chart(40, seed=3)
    start = time.perf_counter()
    texts = place_labels(ax, x, y, names)
    assert time.perf_counter() - start < 2.0
    assert labels_overlap(texts) == []


def test_finish_and_resize_keep_labels_apart(tmp_path):
    fig, ax, x, y, names = _chart(30, size="screen")
    texts = place_labels(ax, x, y, names)
    style.finish(ax, title="Krachtenveld", subtitle="Partners rond de bibliotheek", source="test")
    assert labels_overlap(texts) == []
    style.export_figure(fig, tmp_path / "field", size="social", formats=("png",))
    assert labels_overlap(texts) == []


def test_refit_without_labels_is_a_no_op():
    fig, ax = style.new_figure()
    refit_labels(fig)


def test_bad_input():
    fig, ax = style.new_figure()
    assert place_labels(ax, [], [], []) == []
    with pytest.raises(ValueError):
        place_labels(ax, [1, 2], [1], ["a", "b"])
    with pytest.raises(ValueError):
        place_labels(ax, [np.nan], [1], ["a"])


def test_labels_keep_clear_of_markers_and_inside_the_axes():
    x, y, names = _clustered(25, seed=3)
    sizes = np.linspace(80, 900, len(x))
    _, plain = style.new_figure("slide")
    dots = plain.scatter(x, y, s=sizes)
    assert labels_on_markers(place_labels(plain, x, y, names), [dots])  # labels on bubbles
    _, ax = style.new_figure("slide")
    bubbles = ax.scatter(x, y, s=sizes)
    texts = place_labels(ax, x, y, names, avoid=[bubbles])
    assert labels_on_markers(texts, [bubbles]) == []
    assert labels_overlap(texts) == []
    axes_box = ax.get_window_extent()
    for text in texts:
        box = text.get_window_extent()
        assert axes_box.x0 <= box.x0 and box.x1 <= axes_box.x1, text.get_text()
    x0, _ = texts[0].get_position()
    assert abs(x0 - x[0]) < 1.0  # moved next to its point, not across the chart


def test_labels_refit_on_a_figure_jupyter_has_shown_and_closed():
    from matplotlib.backend_bases import FigureCanvasBase

    fig, ax, x, y, names = _chart(8)
    texts = place_labels(ax, x, y, names)
    FigureCanvasBase(fig)  # what the inline backend leaves behind after showing the figure
    refit_labels(fig)
    assert labels_overlap(texts) == []
