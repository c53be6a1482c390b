"""Segment profile bars: index per segment against 100, share printed beside each bar.

Examples
--------
>>> from routekit.area import load_route_data, profile
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> ax = plot_profile(profile(data, "WK990106", level="group"))
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.i18n import t
from routekit.style import (
    base_font_size,
    figure_axes,
    finish,
    index_cmap,
    index_norm,
    style_context,
)

__all__ = ["plot_profile"]


def plot_profile(profile: pd.DataFrame, *, ax=None, size="slide", title: str | None = None,
                 subtitle: str | None = None, source: str | None = None,
                 sort: bool = False, cap: float = 400):
    """Horizontal bars of the index per segment, coloured below/above 100.

    Parameters
    ----------
    profile : pandas.DataFrame
        From :func:`routekit.area.profile`.
    ax : Axes, optional
    size : str or (float, float), default "slide"
        Of the new figure when *ax* is None.
    title, subtitle, source : str, optional
    sort : bool, default False
        Order by index (highest on top) instead of scheme order.
    cap : float, default 400
        Bars longer than this are cut off and marked with their value.

    Returns
    -------
    Axes
        Bars are ``ax.patches`` in row order; unreliable segments are hatched.
    """
    ax = figure_axes(ax, size)
    frame = profile.sort_values("index") if sort else profile.iloc[::-1]
    labels = [f"{code}  {name}" for code, name in zip(frame.index, frame["name"], strict=True)]
    values = frame["index"].fillna(0).to_numpy()
    norm = index_norm(max(0, values.min()), min(cap, max(values.max(), 101)))
    with style_context():
        colours = index_cmap()(norm(np.minimum(values, cap)))
        bars = ax.barh(labels, np.minimum(values, cap), left=0, color=colours,
                       edgecolor="#9a9a9a", linewidth=0.5)
        for bar, reliable in zip(bars, frame["reliable"], strict=True):
            if not reliable:
                bar.set_hatch("///")
                bar.set_alpha(0.55)
        ax.axvline(100, color="#333333", linewidth=1.2, zorder=3)
        size = base_font_size(ax) * 0.8
        for y, (value, share) in enumerate(zip(values, frame["share"], strict=True)):
            text = t("area.chart.bar_label", index=round(value), share=round(100 * share))
            ax.text(min(value, cap) + cap * 0.01, y, text, va="center", fontsize=size)
        ax.set_xlim(0, cap * 1.18)
        ax.set_xlabel(t("area.chart.index_axis"))
        ax.grid(axis="y", visible=False)
        ax.margins(y=0.01)
    if not frame["reliable"].all():
        subtitle = " · ".join(filter(None, [subtitle, t("area.chart.hatched")]))
    return finish(ax, title=title or t("area.chart.profile_title"), subtitle=subtitle,
                  source=source)
