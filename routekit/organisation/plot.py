"""The personal impact chart of route step 2: situations, persons and groups in rings of influence.

The inner disc holds what the librarian influences directly, the middle ring
what she influences indirectly, the outer ring what she cannot influence (but
cares about). Each item is a numbered marker whose shape shows its kind
(situation, person, group); the key names the items ring by ring, so the chart
stays readable with many items and long names.

Examples
--------
>>> from routekit.organisation import impact_items
>>> from routekit.workspace import Route
>>> items = impact_items(Route.open("data/sample-route"))
>>> ax = plot_impact(items)
>>> len(numbers(ax)) == len(items)
True
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd

from routekit.i18n import t
from routekit.records.organisation import INFLUENCE, SUBJECT_KINDS

__all__ = ["NUMBER_GID", "numbers", "plot_impact"]

_RADIUS = {"direct": 1.35, "indirect": 2.35, "none": 3.2}
"""Outer radius of each ring (data units); the direct ring is the inner disc."""
_MARKERS = {"situation": "s", "person": "o", "group": "^"}
_GAP = (240.0, 300.0)
"""Arc (degrees) at the bottom kept free for the ring names."""
_SPACING = 0.42
"""Least distance (data units) between neighbouring markers on one circle."""
_KEY_ROWS = 18
"""Most rows in one column of the key (beside the rings in landscape, below in portrait)."""
NUMBER_GID = "impact-number"
"""Artist id of the number written on each item's marker."""


def numbers(ax) -> list:
    """The numbers on the markers of a chart drawn by :func:`plot_impact`, in item order."""
    return [text for text in ax.texts if text.get_gid() == NUMBER_GID]


def _circles(level: str, n: int) -> list[tuple[float, int]]:
    """Radii within the ring of *level* and how many of its *n* items go on each."""
    ring = INFLUENCE.index(level)
    inner = _RADIUS[INFLUENCE[ring - 1]] if ring else 0.0
    width = _RADIUS[level] - inner
    span = math.radians(360.0 - (_GAP[1] - _GAP[0]))
    middle = inner + width * (0.55 if ring else 0.6)
    if ring == 0 and n == 1:
        return [(0.0, 1)]
    if n <= int(span * middle / _SPACING):
        return [(middle, n)]
    radii = [inner + width * (0.3 if ring else 0.3), inner + width * 0.78]
    outer = round(n * radii[1] / sum(radii))
    return [(radii[0], n - outer), (radii[1], outer)]


def _positions(frame: pd.DataFrame) -> tuple[list[float], list[float]]:
    """Marker positions: per ring spread evenly over the arc, away from the gap at the bottom."""
    x, y = [0.0] * len(frame), [0.0] * len(frame)
    start = _GAP[1] - 360.0
    span = 360.0 - (_GAP[1] - _GAP[0])
    for level in INFLUENCE:
        rows = [i for i, value in enumerate(frame["influence"]) if value == level]
        placed = 0
        for number, (radius, count) in enumerate(_circles(level, len(rows))):
            shift = 0.5 + 0.25 * number  # circles of one ring do not line up
            for k in range(count):
                angle = math.radians(start + span * (k + shift) / count)
                row = rows[placed]
                x[row], y[row] = radius * math.cos(angle), radius * math.sin(angle)
                placed += 1
    return x, y


def _key(ax, frame: pd.DataFrame, colours: dict, marker_size: float):
    """A legend that numbers the items per ring and explains the marker shapes."""
    from matplotlib.lines import Line2D

    def entry(label: str, kind: str | None = None) -> tuple:
        if kind is None:
            return Line2D([], [], linestyle="none"), label
        return Line2D([], [], linestyle="none", marker=_MARKERS[kind], color=colours[kind],
                      markersize=marker_size), label

    entries, headers = [], []
    for level in INFLUENCE:
        rows = [i for i, value in enumerate(frame["influence"]) if value == level]
        if rows:
            headers.append(len(entries))
            entries.append(entry(t(f"organisation.influence.{level}").capitalize()))
            entries += [(i, frame["kind"].iloc[i]) for i in rows]
    headers.append(len(entries))
    entries.append(entry(t("organisation.col.kind")))
    entries += [entry(t(f"organisation.kind.{kind}"), kind) for kind in SUBJECT_KINDS]
    fig = ax.get_figure(root=True)
    width, height = fig.get_size_inches()
    if width > height:
        columns = math.ceil(len(entries) / _KEY_ROWS)
        where = {"loc": "center left", "bbox_to_anchor": (1.0, 0.5), "ncols": columns}
    else:
        columns = max(2, math.ceil(len(entries) / _KEY_ROWS))
        where = {"loc": "upper center", "bbox_to_anchor": (0.5, 0.0), "ncols": columns}
    chars = 40 if columns == 1 else 52 // columns
    entries = [entry(f"{item[0] + 1}  " + textwrap.shorten(str(frame["subject"].iloc[item[0]]),
                                                           chars, placeholder="…"), item[1])
               if isinstance(item[0], int) else item for item in entries]
    legend = ax.legend(*zip(*entries, strict=True), frameon=False, handletextpad=0.6,
                       handlelength=1.0, **where)
    for index in headers:
        legend.get_texts()[index].set_fontweight("bold")
    return legend


def plot_impact(frame: pd.DataFrame, *, ax=None, title: str | None = None,
                source: str | None = None, size: str = "slide"):
    """Draw the impact items in three rings: direct, indirect and no influence.

    Each item is a numbered marker (shape = situation, person or group); the
    key beside (landscape) or below (portrait) the rings names them per ring.

    Parameters
    ----------
    frame : DataFrame
        :func:`routekit.organisation.impact.impact_table`: ``subject``, ``kind``,
        ``influence`` (codes); items are numbered in this order.
    ax : Axes, optional
        Draw here; a new figure of *size* otherwise.
    title, source : str, optional
        Title (default "Waar heb ik invloed?") and source line.
    size : str, default "slide"

    Returns
    -------
    Axes
        The numbers on the markers (none overlapping) are :func:`numbers` of it.
    """
    from matplotlib.patches import Circle

    from routekit.style import (
        figure_axes,
        figure_scale,
        finish,
        get_style,
        mix,
        palette,
        style_context,
    )

    ax = figure_axes(ax, size)
    fig = ax.get_figure(root=True)
    s = get_style()
    scale = figure_scale(fig)
    with style_context(scale=scale):
        fills = {"direct": mix(s.primary, "#ffffff", 0.72),
                 "indirect": mix(s.primary, "#ffffff", 0.86), "none": "#f2f2f2"}
        for level in reversed(INFLUENCE):
            ax.add_patch(Circle((0, 0), _RADIUS[level], facecolor=fills[level],
                                edgecolor="white", lw=2, zorder=0))
        for ring, level in enumerate(INFLUENCE):
            ax.text(0, -(_RADIUS[level] - 0.42) if ring else -1.05,
                    t(f"organisation.influence.{level}"), ha="center", va="center",
                    fontsize=s.font_size * scale * 0.85, fontweight="bold",
                    color=mix(s.text, "#ffffff", 0.35), zorder=1)
        x, y = _positions(frame)
        colours = dict(zip(SUBJECT_KINDS, palette(len(SUBJECT_KINDS)), strict=True))
        marker_size = 15 * scale
        for kind in SUBJECT_KINDS:
            rows = [i for i, value in enumerate(frame["kind"]) if value == kind]
            if rows:
                ax.scatter([x[i] for i in rows], [y[i] for i in rows], marker=_MARKERS[kind],
                           s=marker_size ** 2, color=colours[kind], edgecolor="white",
                           lw=1.2, zorder=3, label=t(f"organisation.kind.{kind}"))
        for i, (xi, yi, kind) in enumerate(zip(x, y, frame["kind"], strict=True)):
            ax.text(xi, yi - (0.04 if kind == "group" else 0.0), str(i + 1), ha="center",
                    va="center", color="white", fontweight="bold", gid=NUMBER_GID,
                    fontsize=s.font_size * scale * 0.72, zorder=4)
        limit = _RADIUS["none"] + 0.1
        ax.set_xlim(-limit, limit)
        ax.set_ylim(-limit, limit)
        ax.set_aspect("equal")
        ax.set_axis_off()
        if frame.empty:
            ax.text(0, 0.3, t("organisation.chart.empty"), ha="center", va="center",
                    fontsize=s.font_size * scale, color=s.neutral)
        else:
            _key(ax, frame, colours, marker_size * 0.7)
        finish(ax, title=title or t("organisation.chart.title"),
               subtitle=t("organisation.chart.subtitle", n=len(frame)), source=source)
    return ax
