"""Age pyramid: two sides per age band (men and women, or an area and its reference).

The data come from :mod:`routekit.area.ages` (:func:`~routekit.area.ages.pyramid_by_sex`,
:func:`~routekit.area.ages.pyramid_from_key_figures`).

Examples
--------
>>> from routekit.area import read_key_figures
>>> from routekit.area.ages import pyramid_from_key_figures
>>> figures = read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")
>>> ax = plot_age_pyramid(pyramid_from_key_figures(figures, "WK990106", "GM9901"))
"""

from __future__ import annotations

import numpy as np

from routekit.i18n import t
from routekit.style import base_font_size, figure_axes, finish, get_style, style_context

__all__ = ["plot_age_pyramid"]


def plot_age_pyramid(pyramid, *, ax=None, size="screen", title: str | None = None,
                     subtitle: str | None = None, source: str | None = None):
    """Draw an age pyramid: ``left`` to the left, ``right`` to the right, young at the bottom.

    Parameters
    ----------
    pyramid : Pyramid
        From :mod:`routekit.area.ages`. Optional ``left_inner``/``right_inner``
        columns (e.g. library members) are drawn as narrower dark bars inside.

    Returns
    -------
    Axes
        ``ax.containers``: left bars, right bars (then the inner bars).
    """
    ax = figure_axes(ax, size)
    frame = pyramid.table
    s = get_style()
    y = np.arange(len(frame))
    with style_context():
        ax.barh(y, -frame["left"], 0.8, color=s.secondary, label=pyramid.left)
        ax.barh(y, frame["right"], 0.8, color=s.accent, label=pyramid.right, alpha=0.8)
        if "left_inner" in frame.columns:
            ax.barh(y, -frame["left_inner"], 0.4, color=s.primary, label=pyramid.inner)
            ax.barh(y, frame["right_inner"], 0.4, color=s.primary)
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.set_yticks(y, list(frame.index))
        top = float(np.nanmax(frame[["left", "right"]].to_numpy())) * 1.1
        ax.set_xlim(-top, top)
        ticks = ax.get_xticks()
        ax.set_xticks(ticks, [f"{abs(v):,.0f}".replace(",", ".") for v in ticks])
        ax.set_xlim(-top, top)
        ax.set_xlabel(pyramid.unit)
        ax.grid(axis="y", visible=False)
        # The two sides' names in a legend in the headroom above the oldest band,
        # never against the title above the axes.
        ax.set_ylim(-0.6, len(frame) + 0.3)
        ax.legend(loc="upper center", ncol=3, frameon=False, fontsize=base_font_size(ax),
                  handles=[c[0] for c in ax.containers[:3]],
                  labels=[pyramid.left, pyramid.right, pyramid.inner][
                      :min(3, len(ax.containers))])
    return finish(ax, title=title or t("area.chart.pyramid_title"), subtitle=subtitle,
                  source=source)
