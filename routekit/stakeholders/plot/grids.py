"""Stakeholder grids as charts: four named quadrants with their engagement strategy.

Examples
--------
>>> from routekit.stakeholders import quadrants, register
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> ax = plot_grid(quadrants(register(route, "eenzaamheid"), "mendelow"), "mendelow")
"""

from __future__ import annotations

import textwrap

import pandas as pd

from routekit.i18n import t
from routekit.stakeholders.grids import GRIDS, Grid, axis_label, quadrant_label, strategy
from routekit.stakeholders.plot._common import bubbles, label_budget, name_bubbles, spread
from routekit.style import figure_axes, figure_scale, finish, get_style, mix, style_context

__all__ = ["plot_grid"]

_LIMITS = {"attitude": (-2.6, 2.6)}


def plot_grid(placed: pd.DataFrame, grid: str | Grid = "mendelow", *, ax=None,
               title: str | None = None, x_label: str | None = None,
               y_label: str | None = None, source: str | None = None, size: str = "slide",
               labels: bool = True):
    """Draw a 2 x 2 stakeholder grid.

    Parameters
    ----------
    placed : DataFrame
        ``quadrants(table, grid, ...)``: columns ``x``, ``y``, ``quadrant``,
        ``name``, ``sector``, ``interest``. Rows without a quadrant (a score
        missing) are left out and counted in the subtitle.
    grid : str or Grid
        The grid used for *placed* (quadrant names and split lines).
    ax : Axes, optional
    title, x_label, y_label, source : str, optional
    size : str, default "slide"
    labels : bool, default True

    Returns
    -------
    Axes
        The names are :func:`~routekit.stakeholders.plot._common.bubble_names`.
    """
    g = GRIDS[grid] if isinstance(grid, str) else grid
    ax = figure_axes(ax, size)
    fig = ax.get_figure(root=True)
    s = get_style()
    scale = figure_scale(fig)
    shown = placed[placed["quadrant"].notna()]
    x_col = g.x
    with style_context(scale=scale):
        lo_x, hi_x = _LIMITS.get(x_col, (-0.1, 5.7))
        lo_y, hi_y = -0.05, 6.05  # room for the quadrant texts above and below the points
        mid_x, mid_y = g.split_x - 0.5, g.split_y - 0.5
        shades = [mix(s.primary, "#ffffff", v) for v in (0.82, 0.9, 0.9, 0.96)]
        corners = [(mid_x, hi_x, mid_y, hi_y), (lo_x, mid_x, mid_y, hi_y),
                   (mid_x, hi_x, lo_y, mid_y), (lo_x, mid_x, lo_y, mid_y)]
        width = max(12, int(38 * (fig.get_size_inches()[0] / 13.333)))
        for code, shade, (x0, x1, y0, y1) in zip(g.quadrants, shades, corners, strict=True):
            ax.axvspan(x0, x1, ymin=(y0 - lo_y) / (hi_y - lo_y), ymax=(y1 - lo_y) / (hi_y - lo_y),
                       color=shade, lw=0, zorder=0)
            top = y1 == hi_y
            count = int((shown["quadrant"] == code).sum())
            heading = ax.text((x0 + x1) / 2, y1 - 0.06 if top else y0 + 0.06,
                              f"{quadrant_label(g, code)} ({count})", ha="center",
                              va="top" if top else "bottom", fontweight="bold",
                              fontsize=s.font_size * scale * 0.85, color=s.primary, zorder=1)
            ax.annotate(textwrap.fill(strategy(g, code), width), xy=(0.5, 0 if top else 1),
                        xycoords=heading, xytext=(0, -2 if top else 2),
                        textcoords="offset points", ha="center", va="top" if top else "bottom",
                        fontsize=s.font_size * scale * 0.66, color=mix(s.text, "#ffffff", 0.3),
                        zorder=1, linespacing=1.05)
        ax.set_xlim(lo_x, hi_x)
        ax.set_ylim(lo_y, hi_y)
        ticks = range(-2, 3) if x_col == "attitude" else range(1, 6)
        ax.set_xticks(list(ticks))
        ax.set_yticks(range(1, 6))
        ax.grid(False)
        ax.set_xlabel(x_label or axis_label("shared" if x_col == "attitude" else x_col))
        ax.set_ylabel(y_label or axis_label(g.y))
        x, y = spread(shown["x"].astype(float), shown["y"].astype(float), radius=0.22)
        dots = bubbles(ax, shown, x, y)
        missing = len(placed) - len(shown)
        title = title or t(f"stakeholders.grid.{g.key}")
        subtitle = t("stakeholders.chart.grid.subtitle", n=len(shown))
        note = " " + t("stakeholders.chart.grid.missing", n=missing) if missing else ""
        finish(ax, title=title, subtitle=subtitle + note, source=source)  # lays it out
        count = label_budget(ax) if labels else 0
        if labels and count < len(shown):  # say so (a small figure names fewer)
            finish(ax, title=title, source=source, subtitle=subtitle + "; " + t(
                "stakeholders.chart.named_top", count=count) + note)
        if labels:
            name_bubbles(ax, shown, x, y, dots, count=count)
    return ax
