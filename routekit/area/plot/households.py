"""Households of one area by kind: one bar per kind, with its share and number.

Examples
--------
>>> from routekit.area.availability import household_table
>>> from routekit.area.stored import route_figures
>>> from routekit.workspace import Route
>>> figures = route_figures(Route.open("data/sample-route"))
>>> ax = plot_households(household_table(figures, "WK990101"), title="Huishoudens")
>>> len(ax.patches)
3
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.i18n import t
from routekit.style import base_font_size, figure_axes, finish, get_style, style_context

__all__ = ["plot_households"]


def plot_households(table: pd.DataFrame, *, ax=None, size="screen", title: str | None = None,
                    subtitle: str | None = None, source: str | None = None):
    """Bars of the share of each kind of household, the number written beside each bar.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`routekit.area.availability.household_table` (kind, number, share).

    Returns
    -------
    Axes
    """
    ax = figure_axes(ax, size)
    kind, count, share = table.columns[:3]
    frame = table.iloc[::-1]
    y = np.arange(len(frame))
    s = get_style()
    with style_context():
        ax.barh(y, frame[share], 0.6, color=s.primary)
        size = base_font_size(ax) * 0.85
        top = float(np.nanmax(frame[share])) if len(frame) else 1.0
        for yi, pct, number in zip(y, frame[share], frame[count], strict=True):
            ax.text(pct + top * 0.02, yi, f"{pct:.0f}% ({int(number):,})".replace(",", "."),
                    va="center", fontsize=size, color=s.text)
        ax.set_yticks(y, list(frame[kind]))
        ax.set_xlim(0, top * 1.35)
        ax.set_xlabel(t("guide.households_axis"))
        ax.grid(axis="y", visible=False)
    return finish(ax, title=title, subtitle=subtitle, source=source)
