"""The force-field bubble chart: attitude (x) against influence (y), per theme.

Examples
--------
>>> from routekit.stakeholders import krachtenveld, register
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> ax = plot_krachtenveld(krachtenveld(register(route, "eenzaamheid")),
...                        title="Eenzaamheid onder ouderen")
"""

from __future__ import annotations

import textwrap

import pandas as pd

from routekit.i18n import t
from routekit.stakeholders.grids import axis_label, group_label, side_label
from routekit.stakeholders.plot._common import (
    bubbles,
    is_narrow,
    label_budget,
    name_bubbles,
    spread,
)
from routekit.style import figure_axes, figure_scale, finish, get_style, mix, style_context

__all__ = ["plot_krachtenveld"]

_COLUMNS = {"opponent": (-2.6, -0.5), "neutral": (-0.5, 0.5), "supporter": (0.5, 2.6)}
_GROUPS = {("opponent", True): "key_opponents", ("opponent", False): "silent_opponents",
           ("neutral", True): "influential_doubters", ("neutral", False): "doubters",
           ("supporter", True): "key_allies", ("supporter", False): "silent_supporters"}


def plot_krachtenveld(groups: pd.DataFrame, *, ax=None, title: str | None = None,
                       split: float = 3, source: str | None = None, size: str = "slide",
                       labels: bool = True):
    """Draw the force field of one theme.

    Parameters
    ----------
    groups : DataFrame
        ``krachtenveld(register(route, theme))``: name, sector, attitude,
        influence, interest, side.
    ax : Axes, optional
        Draw here; a new figure of *size* otherwise.
    title : str, optional
        Chart title (e.g. the theme's name).
    split : float, default 3
        Influence from which a stakeholder counts as influential (the line).
    source : str, optional
        Source line (the style's default when None).
    size : str, default "slide"
        Size of a new figure.
    labels : bool, default True
        Name the bubbles (labels never overlap; on a small figure only the
        most influential are named, and the subtitle says so).

    Returns
    -------
    Axes
        The names are :func:`~routekit.stakeholders.plot._common.bubble_names`.
    """
    ax = figure_axes(ax, size)
    fig = ax.get_figure(root=True)
    s = get_style()
    scale = figure_scale(fig)
    with style_context(scale=scale):
        tints = {"opponent": mix(s.negative, "#ffffff", 0.9), "neutral": "#f5f5f5",
                 "supporter": mix(s.positive, "#ffffff", 0.9)}
        for side, (left, right) in _COLUMNS.items():
            ax.axvspan(left, right, color=tints[side], zorder=0, lw=0)
        line = split - 0.5
        ax.axhline(line, color=s.neutral, lw=1, ls="--", zorder=1)
        headings = []
        for (side, high), group in _GROUPS.items():
            left, right = _COLUMNS[side]
            count = int((groups["group"] == group).sum())
            heading = f"{group_label(group)} ({count})"
            if is_narrow(fig):
                heading = textwrap.fill(heading, 16, break_long_words=False)
            headings.append(ax.text(
                (left + right) / 2, 5.55 if high else 0.45, heading, ha="center",
                va="top" if high else "bottom", fontsize=s.font_size * scale * 0.8,
                fontweight="bold", color=mix(s.text, "#ffffff", 0.35), zorder=2))
        ax.set_xlim(-2.6, 2.6)
        ax.set_ylim(0.4, 5.6)
        steps = ("m2", "m1", "0", "p1", "p2")
        ax.set_xticks([-2, -1, 0, 1, 2], [t(f"stakeholders.chart.attitude.{v}") for v in steps])
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.set_xlabel(axis_label("attitude"))
        ax.set_ylabel(axis_label("influence"))
        ax.grid(False)
        top = ax.secondary_xaxis("top")
        top.set_xticks([-1.55, 0, 1.55], [
            f"{side_label(side)}: {int((groups['side'] == side).sum())}" for side in
            ("opponent", "neutral", "supporter")])
        top.tick_params(length=0, labelsize=s.font_size * scale * 0.95)
        for label, side in zip(top.get_xticklabels(), ("opponent", "neutral", "supporter"),
                               strict=True):
            label.set_fontweight("bold")
            label.set_color({"opponent": s.negative, "neutral": s.neutral,
                             "supporter": s.positive}[side])
        top.spines["top"].set_visible(False)
        x, y = spread(groups["attitude"].astype(float), groups["influence"].astype(float))
        dots = bubbles(ax, groups, x, y)
        title = title or t("stakeholders.chart.krachtenveld.title")
        subtitle = t("stakeholders.chart.krachtenveld.subtitle", n=len(groups))
        finish(ax, title=title, subtitle=subtitle, source=source)  # lays the figure out
        count = label_budget(ax) if labels else 0
        if labels and count < len(groups):  # say so (a small figure names fewer)
            finish(ax, title=title, source=source, subtitle=subtitle + "; " + t(
                "stakeholders.chart.named_top", count=count))
        if labels:
            name_bubbles(ax, groups, x, y, dots, count=count, avoid=headings)
    return ax
